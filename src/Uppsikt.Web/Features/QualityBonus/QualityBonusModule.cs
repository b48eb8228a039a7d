using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.QualityBonus;

namespace Uppsikt.Web.Features.QualityBonus;

/// <summary>
/// The quality-bonus simulation (decision 0043): bonus models per choice system, what they would have paid over past results,
/// and saved scenarios for the committee. Only the staff who plan follow-up (<see cref="BonusModel.Keepers"/>) use it; providers,
/// citizens and elected members never.
/// </summary>
public static class QualityBonusModule
{
    public const string Policy = "QualityBonus";

    public static IServiceCollection AddQualityBonusFeature(this IServiceCollection services)
    {
        services.AddScoped<QualityBonusHandler>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole([.. BonusModel.Keepers]));
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/QualityBonus", Policy));
        return services;
    }
}
