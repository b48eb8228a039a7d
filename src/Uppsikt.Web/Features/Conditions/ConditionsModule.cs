using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Conditions;

/// <summary>Conditions: read by the municipality's roles, written by quality developers and administrators.</summary>
public static class ConditionsModule
{
    public static IServiceCollection AddConditionsFeature(this IServiceCollection services)
    {
        services.AddScoped<ConditionsHandler>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Conditions", Policies.Municipal);
            options.Conventions.AuthorizePage("/Conditions/Edit", Policies.Editor);
        });
        return services;
    }
}
