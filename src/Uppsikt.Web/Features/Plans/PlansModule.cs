using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Plans;

/// <summary>Follow-up plans: read by the municipality's roles; who may take which step is the domain's rule (<see cref="Domain.Plans.FollowUpPlan"/>).</summary>
public static class PlansModule
{
    public static IServiceCollection AddPlansFeature(this IServiceCollection services)
    {
        services.AddScoped<PlansHandler>();
        services.AddScoped<CouncilReviewHandler>();
        services.AddScoped<Infrastructure.Home.IWorkSource, PlanWork>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Plans", Policies.Municipal);
            // The adopted plans as the public reads them, at /Public/Plans.
            options.Conventions.AllowAnonymousToFolder("/Plans/Public");
        });
        return services;
    }
}
