using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Public;

/// <summary>The public pages: anonymous by the convention in <c>Program.cs</c>; here only the accessibility statement's settings.</summary>
public static class PublicModule
{
    public static IServiceCollection AddPublicFeature(this IServiceCollection services)
    {
        services.AddSettings<AccessibilitySettings>(AccessibilitySettings.Section);
        return services;
    }
}
