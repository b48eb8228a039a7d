using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Reports;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.AnnualReports;

/// <summary>
/// Annual quality reports (issue 15): read by the staff and the committee members (a member only its own committee's, once submitted,
/// narrowed by the handler), never by providers or districts; written and submitted by quality developers; decided by the committee's
/// secretary. Who may take which step is the domain's rule (<see cref="AnnualReport"/>).
/// </summary>
public static class AnnualReportsModule
{
    public const string ReaderPolicy = Policies.StaffOrCommitteeMember;

    public static IServiceCollection AddAnnualReportsFeature(this IServiceCollection services)
    {
        services.AddScoped<AnnualReportFigureSource>();
        services.AddScoped<AnnualReportsHandler>();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/AnnualReports", ReaderPolicy);
            options.Conventions.AuthorizePage("/AnnualReports/New", Policies.Editor);
        });
        return services;
    }
}
