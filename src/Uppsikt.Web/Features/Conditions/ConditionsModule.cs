using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Conditions;

namespace Uppsikt.Web.Features.Conditions;

/// <summary>Conditions: read by the municipality's roles, written by quality developers and administrators.</summary>
public static class ConditionsModule
{
    public static IServiceCollection AddConditionsFeature(this IServiceCollection services)
    {
        services.AddScoped<ConditionsHandler>();
        // The conditions in force, as the plans, report templates and attestations read them.
        services.AddScoped<ConditionsInForce>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Conditions", Policies.Staff);
            options.Conventions.AuthorizePage("/Conditions/Edit", Policies.Editor);
            // The conditions in force as the public reads them, at /Public/Conditions.
            options.Conventions.AllowAnonymousToFolder("/Conditions/Public");
        });
        return services;
    }
}
