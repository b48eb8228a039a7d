using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.QualityReports;

/// <summary>Sena rapporter: past the deadline and not submitted, or a requested completion not sent in.</summary>
public sealed class LateModel(QualityReportsHandler handler) : PageModel
{
    public IReadOnlyList<LateReport> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reports = await handler.LateAsync(cancellationToken);
}
