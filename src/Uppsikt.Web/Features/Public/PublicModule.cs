using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Public;

/// <summary>
/// The public start and accessibility pages: anonymous by the convention in <c>Program.cs</c>; here only the accessibility
/// statement's settings. The public plan and condition pages, under the same <c>/Public</c> addresses, live with their
/// features (<c>Plans/Public</c>, <c>Conditions/Public</c>), which declare them anonymous.
/// </summary>
public static class PublicModule
{
    public static IServiceCollection AddPublicFeature(this IServiceCollection services)
    {
        services.AddSettings<AccessibilitySettings>(AccessibilitySettings.Section);
        services.AddScoped<PublishedData>();
        return services;
    }
}
