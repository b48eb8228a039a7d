using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Infrastructure.Reporting;

public static class ReportingRegistration
{
    /// <summary>The counts and signals the reports and the dashboards share.</summary>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddScoped<FollowUpCounts>();
        services.AddScoped<RiskSignalReader>();
        return services;
    }
}
