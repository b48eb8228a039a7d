using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Audit;
using Uppsikt.Web.Infrastructure.Audit;

namespace Uppsikt.Web.Features.Admin;

public sealed class AuditModel(AuditTrail trail, AuditCheckpoints checkpoints, AuditCheckpointLog checkpointLog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    public List<AuditRow> Rows { get; private set; } = [];

    public IReadOnlyList<AuditRef> Kinds => trail.Kinds;

    public ChainVerdict? Verdict { get; private set; }

    /// <summary>The last checkpoint in the checkpoint file, as it reads (its signature is checked by verifying); null when there is none.</summary>
    public AuditCheckpoint? LatestCheckpoint { get; private set; }

    /// <summary>The checkpoint just written on demand.</summary>
    public AuditCheckpoint? Written { get; private set; }

    /// <summary>The record whose history is shown, or null for the latest changes.</summary>
    public AuditRef? Record => string.IsNullOrWhiteSpace(EntityType) || string.IsNullOrWhiteSpace(EntityId) ? null : new(EntityType.Trim(), EntityId.Trim());

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verdict = await trail.VerifyAsync(cancellationToken);
        await LoadAsync(cancellationToken);
    }

    public async Task OnPostCheckpointAsync(CancellationToken cancellationToken)
    {
        Written = await checkpoints.WriteAsync(cancellationToken);
        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        LatestCheckpoint = (await checkpointLog.ReadAsync(cancellationToken)).Select(l => l.Checkpoint).OfType<AuditCheckpoint>().LastOrDefault();
        Rows = Record is { } record
            ? await trail.HistoryAsync(record.EntityType, record.EntityId, cancellationToken)
            : await trail.LatestAsync(50, cancellationToken);
    }
}
