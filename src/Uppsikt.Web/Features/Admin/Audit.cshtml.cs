using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Uppsikt.Web.Features.Admin;

public sealed class AuditModel(AuditTrail trail) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    public List<AuditRow> Rows { get; private set; } = [];

    public ChainVerdict? Verdict { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verdict = await trail.VerifyAsync(cancellationToken);
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rows = string.IsNullOrWhiteSpace(EntityType) || string.IsNullOrWhiteSpace(EntityId)
            ? await trail.LatestAsync(50, cancellationToken)
            : await trail.HistoryAsync(EntityType.Trim(), EntityId.Trim(), cancellationToken);
}
