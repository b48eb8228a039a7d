using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Risk;

/// <summary>
/// Risk (decision 0031): each committee's matrix and signal weights, the risk analyses per choice system and year, the explained
/// unit scores and rankings, the risk-based annual selection, and the tasks serious signals raise. Every feature contributes
/// signals through <see cref="IRiskSignalSource"/>. Only the municipality's follow-up roles see any of it.
/// </summary>
public static class RiskModule
{
    public const string ReaderPolicy = "RiskReader";

    public const string SettingsPolicy = "RiskSettings";

    public static IServiceCollection AddRiskFeature(this IServiceCollection services)
    {
        services.AddScoped<RiskScoring>();
        services.AddScoped<RiskSettingsHandler>();
        services.AddScoped<RiskAnalysesHandler>();
        services.AddScoped<SelectionHandler>();
        services.AddScoped<IRiskAlerts, RiskAlerts>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ReaderPolicy, p => p.RequireRole(RiskRoles.Readers))
            .AddPolicy(SettingsPolicy, p => p.RequireRole(RiskRoles.SettingsEditors));
        services.Configure<RazorPagesOptions>(options => options.Conventions.AuthorizeFolder("/Risk", ReaderPolicy));
        return services;
    }
}
