using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;

namespace Uppsikt.Web.Infrastructure;

/// <summary>Optimistic concurrency for every form and API that edits an <see cref="Entity"/>.</summary>
public static class VersionedSave
{
    /// <summary>Checks the save against the version the caller last read; the row's version is bumped even if nothing else changed.</summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, int version) where T : Entity
    {
        var property = db.Entry(entity).Property(e => e.Version);
        property.OriginalValue = version;
        property.IsModified = true;
    }

    /// <summary>Saves (audited by the context); someone else's change in between is a conflict, not a lost update.</summary>
    public static async Task<SaveResult> SaveOrConflictAsync(this AppDbContext db, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Stale();
        }
        return SaveResult.Saved(id);
    }
}
