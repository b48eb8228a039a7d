using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Portal;
using Uppsikt.Web.Infrastructure.Reviews;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>
/// Deficiencies, action plans and verified closure (decision 0028): who may take which step is the domain's rule
/// (<see cref="ActionPlan"/>); the pages and the API are for those who follow deficiencies up and for the provider's users.
/// </summary>
public static class DeficienciesModule
{
    /// <summary>Those who follow deficiencies up (<see cref="ActionPlan.FollowUpRoles"/>) and the providers' users, who see their own.</summary>
    public const string ReaderPolicy = "DeficiencyReader";

    public static IServiceCollection AddDeficienciesFeature(this IServiceCollection services)
    {
        services.AddSettings<DeficiencySettings>(DeficiencySettings.Section);
        services.AddScoped<ActionPlansHandler>();
        services.AddScoped<IFinalReportFollowUp>(sp => sp.GetRequiredService<ActionPlansHandler>());
        services.AddScoped<IFileMatters, ActionPlanFiles>();
        services.AddScoped<IPortalRequestSource, ActionPlanRequests>();
        services.AddScoped<Infrastructure.Home.IWorkSource, DeficiencyWork>();
        services.AddScoped<Infrastructure.Risk.IRiskSignalSource, DeficiencyRiskSignals>();
        services.AddScoped<ActionPlanReminders>();
        services.AddRecurringJob<ActionPlanReminders, DeficiencySettings>("Påminnelser om åtgärdsplaner och åtgärder", settings => settings.ReminderSchedule);
        Timeline.DeficiencyHistory.AddDeficiencyTimeline(services);
        services.AddAuthorizationBuilder().AddPolicy(ReaderPolicy, p => p.RequireRole([.. ActionPlan.FollowUpRoles, Roles.ProviderUser]));
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Deficiencies", ReaderPolicy);
            options.Conventions.AuthorizePage("/Deficiencies/New", Infrastructure.Auth.Policies.Staff);
        });
        return services;
    }
}
