using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Conditions;

/// <summary>Conditions: read by the municipality's roles, written by quality developers and administrators.</summary>
public static class ConditionsModule
{
    public const string EditorPolicy = "ConditionEditor";

    public static IServiceCollection AddConditionsFeature(this IServiceCollection services)
    {
        services.AddScoped<ConditionsHandler>();
        services.AddAuthorizationBuilder().AddPolicy(EditorPolicy, p => p.RequireRole(Roles.QualityDeveloper, Roles.Administrator));
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Conditions", Policies.Municipal));
        return services;
    }
}
