using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// The one way a settings class is registered: bound to its configuration section, validated by its data
/// annotations (and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>) when the app starts, so a
/// bad setting stops start-up with a message naming it, and the bound value registered as a singleton, which is what
/// consumers take.
/// </summary>
public static class SettingsRegistration
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        var builder = services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
        return builder;
    }
}
