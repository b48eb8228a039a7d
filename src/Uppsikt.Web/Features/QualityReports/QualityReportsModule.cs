using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.QualityReports;

/// <summary>
/// Quality reports: the municipality reads every report and the late list; quality developers and administrators keep the
/// templates and review; provider users fill in their own provider's reports (the query filter keeps the rest out).
/// </summary>
public static class QualityReportsModule
{
    /// <summary>Any signed-in user: the municipality reads, a provider user its own provider's reports.</summary>
    public const string ReaderPolicy = "QualityReportReader";

    public static IServiceCollection AddQualityReportsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        var reminders = configuration.GetSection(ReportReminderSettings.Section).Get<ReportReminderSettings>() ?? new ReportReminderSettings();
        services.AddSingleton(reminders);
        services.AddScoped<QualityReportsHandler>();
        services.AddScoped<IPortalRequestSource>(sp => sp.GetRequiredService<QualityReportsHandler>());
        services.AddScoped<IFileMatters>(sp => sp.GetRequiredService<QualityReportsHandler>());
        services.AddScoped<IPortalMatterSource>(sp => sp.GetRequiredService<QualityReportsHandler>());
        services.AddScoped<TemplateSpreadsheet>();
        services.AddScoped<TemplateEditor>();
        services.AddScoped<ReportReminders>();
        services.AddRecurringJob<ReportReminders>("Påminnelser om kvalitetsrapporter", reminders.Schedule);
        services.AddAuthorizationBuilder()
            .AddPolicy(ReaderPolicy, p => p.RequireRole(Roles.All));
        services.Configure<RazorPagesOptions>(options =>
        {
            // Page by page: a folder policy would add to the pages' own, and provider users must reach Mine, Fill and Details.
            options.Conventions.AuthorizePage("/QualityReports/Index", Policies.Municipal);
            options.Conventions.AuthorizePage("/QualityReports/Late", Policies.Municipal);
            options.Conventions.AuthorizeFolder("/QualityReports/Templates", Policies.Editor);
            options.Conventions.AuthorizePage("/QualityReports/Details", ReaderPolicy);
            options.Conventions.AuthorizePage("/QualityReports/Mine", Policies.ProviderUser);
            // The municipality may look at the form; only the provider's users can save it (the handler checks).
            options.Conventions.AuthorizePage("/QualityReports/Fill", ReaderPolicy);
        });
        return services;
    }
}
