using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary>Every provider's reports, for the municipality.</summary>
public sealed class IndexModel(ReportsHandler handler, TimeProvider clock) : ListPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public ReportState? State { get; set; }

    public PagedList<ReportRow> Reports { get; private set; } = new([], 0, 1, ListQuery.DefaultPageSize);

    public List<SelectListItem> Years { get; private set; } = [];

    public bool IsReviewer => handler.IsReviewer;

    /// <summary>The year filter's value for every year.</summary>
    public const string AllYears = "alla";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var thisYear = clock.SwedishToday().Year;
        Year ??= thisYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        int? year = int.TryParse(Year, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
        Reports = await handler.ListAsync(Query, year, State, cancellationToken);
        Years = [.. Enumerable.Range(thisYear - 3, 5).Reverse().Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(n => new SelectListItem(n, n, n == Year)).Prepend(new SelectListItem("Alla år", AllYears, Year == AllYears))];
    }
}
