using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Plans;

/// <summary>
/// Follow-up plans: the list, a plan and the council-wide review are read by every municipal role, the elected members and
/// the council board's staff seeing only the decided plans reported to them (decision 0036); writing a plan is the staff's
/// work. Who may take which step is the domain's rule (<see cref="Domain.Plans.FollowUpPlan"/>).
/// </summary>
public static class PlansModule
{
    public static IServiceCollection AddPlansFeature(this IServiceCollection services)
    {
        services.AddScoped<PlansHandler>();
        services.AddScoped<CouncilReviewHandler>();
        services.AddScoped<Infrastructure.Home.IWorkSource, PlanWork>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizePage("/Plans/Index", Policies.Municipal);
            options.Conventions.AuthorizePage("/Plans/Details", Policies.Municipal);
            options.Conventions.AuthorizePage("/Plans/CouncilReview", Policies.Municipal);
            options.Conventions.AuthorizePage("/Plans/New", Policies.Staff);
            options.Conventions.AuthorizePage("/Plans/Edit", Policies.Staff);
            options.Conventions.AuthorizePage("/Plans/Activity", Policies.Staff);
            options.Conventions.AuthorizePage("/Plans/Adopt", Policies.Staff);
            // The adopted plans as the public reads them, at /Public/Plans.
            options.Conventions.AllowAnonymousToFolder("/Plans/Public");
        });
        return services;
    }
}
