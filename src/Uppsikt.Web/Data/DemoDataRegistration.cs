using Uppsikt.Web.Features.AnnualReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Comparisons;
using Uppsikt.Web.Infrastructure.Reporting;

namespace Uppsikt.Web.Data;

public static class DemoDataRegistration
{
    /// <summary>
    /// The demo seeder and what it computes with (the annual reports' figures), for the web app and the command line's
    /// <c>seed-demo</c> alike, so both load the same demo.
    /// </summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddScoped<DemoData>();
        services.AddScoped<AnnualReportFigureSource>();
        services.AddScoped<FollowUpCounts>();
        services.AddSettings<ResultSettings>(ResultSettings.Section);
        return services;
    }
}
