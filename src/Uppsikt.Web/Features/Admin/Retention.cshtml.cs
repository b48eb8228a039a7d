using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Retention;

namespace Uppsikt.Web.Features.Admin;

/// <summary>Retention (decision 0038): each kind's period and clock, what the next run would remove and what the last one removed.</summary>
public sealed class RetentionModel(PersonalDataRetention retention) : PageModel
{
    public IReadOnlyList<RetentionKindStatus> Kinds { get; private set; } = [];

    public RetentionRemoval? LastRemoval { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Kinds = await retention.StatusAsync(cancellationToken);
        LastRemoval = await retention.LastRemovalAsync(cancellationToken);
    }

    /// <summary>How many rows of <paramref name="entityType"/> the last day of removal removed.</summary>
    public int LastRemoved(string entityType) => LastRemoval?.RowsByEntityType.GetValueOrDefault(entityType) ?? 0;

    public int LastRemovedFiles => LastRemoved(nameof(StoredFile));
}
