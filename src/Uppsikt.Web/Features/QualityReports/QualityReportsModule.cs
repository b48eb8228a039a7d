using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Features.QualityReports.Reports;
using Uppsikt.Web.Features.QualityReports.Templates;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Portal;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.QualityReports;

/// <summary>
/// Quality reports: the municipality reads every report and the late list; quality developers and administrators keep the
/// templates and review; provider users fill in their own provider's reports (the query filter keeps the rest out). The reports
/// are in <c>Reports/</c>, the templates in <c>Templates/</c>, each with its handler, API and pages.
/// </summary>
public static class QualityReportsModule
{
    /// <summary>The staff read every report, a provider user its own provider's (decision 0036).</summary>
    public const string ReaderPolicy = Policies.StaffOrProvider;

    public static IServiceCollection AddQualityReportsFeature(this IServiceCollection services)
    {
        services.AddSettings<ReportReminderSettings>(ReportReminderSettings.Section);
        services.AddScoped<ReportsHandler>();
        services.AddScoped<ReportPortalSources>();
        services.AddScoped<IPortalRequestSource>(sp => sp.GetRequiredService<ReportPortalSources>());
        services.AddScoped<IFileMatters>(sp => sp.GetRequiredService<ReportPortalSources>());
        services.AddScoped<IPortalMatterSource>(sp => sp.GetRequiredService<ReportPortalSources>());
        services.AddSingleton<IUnitHistorySource, SubmittedReportHistory>();
        services.AddSingleton<IUnitHistorySource, ApprovedReportHistory>();
        services.AddScoped<TemplatesHandler>();
        services.AddScoped<TemplateSpreadsheet>();
        services.AddScoped<TemplateEditor>();
        services.AddScoped<ReportReminders>();
        services.AddScoped<Infrastructure.Home.IWorkSource, ReportWork>();
        services.AddScoped<Infrastructure.Risk.IRiskSignalSource, ReportRiskSignals>();
        services.AddRecurringJob<ReportReminders, ReportReminderSettings>("Påminnelser om kvalitetsrapporter", reminders => reminders.Schedule);
        services.Configure<RazorPagesOptions>(options =>
        {
            // Page by page: a folder policy would add to the pages' own, and provider users must reach Mine, Fill and Details.
            options.Conventions.AuthorizePage("/QualityReports/Reports/Index", Policies.Staff);
            options.Conventions.AuthorizePage("/QualityReports/Reports/Late", Policies.Staff);
            options.Conventions.AuthorizeFolder("/QualityReports/Templates", Policies.Editor);
            options.Conventions.AuthorizePage("/QualityReports/Reports/Details", ReaderPolicy);
            options.Conventions.AuthorizePage("/QualityReports/Reports/Mine", Policies.ProviderUser);
            // The municipality may look at the form; only the provider's users can save it (the handler checks).
            options.Conventions.AuthorizePage("/QualityReports/Reports/Fill", ReaderPolicy);
        });
        return services;
    }

    /// <summary>The feature's API: the reports and the templates.</summary>
    public static void MapQualityReportsApi(this RouteGroupBuilder api)
    {
        api.MapReportsApi();
        api.MapTemplatesApi();
    }
}
