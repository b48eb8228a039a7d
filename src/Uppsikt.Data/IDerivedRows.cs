using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Uppsikt.Data;

/// <summary>A row kept derived from others by an <see cref="IDerivedRows"/>: not audited, since the rows it comes from are.</summary>
public interface IDerivedRow;

/// <summary>
/// Rows the database keeps derived from other rows, brought up to date in the same transaction as every save that changes what
/// they come from (decision 0027). <see cref="AppDbContext"/> asks each registered one before the save what the changes touch,
/// and after the save, before the commit, has it rewrite what they touched; a failure rolls both back.
/// </summary>
public interface IDerivedRows
{
    /// <summary>What the changed entries (added, modified or deleted) touch, to bring up to date after the save; null when nothing.</summary>
    object? Note(IReadOnlyList<EntityEntry> changed);

    /// <summary>Rewrites what <see cref="Note"/> found touched, through <paramref name="db"/>, inside the save's transaction.</summary>
    Task UpdateAsync(AppDbContext db, object noted, CancellationToken cancellationToken);
}
