using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Dashboards;

/// <summary>
/// The dashboard (lägesbild) for the quality developers, the group managers and the committee members: counts of the follow-up, a
/// committee member's narrowed to its own committee by the handler; never a provider's.
/// </summary>
public static class DashboardsModule
{
    public static IServiceCollection AddDashboardsFeature(this IServiceCollection services)
    {
        services.AddScoped<DashboardHandler>();
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Dashboards", Policies.StaffOrCommitteeMember));
        return services;
    }
}
