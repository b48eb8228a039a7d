using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Uppsikt.Domain;
using Uppsikt.Domain.Audit;

namespace Uppsikt.Data;

/// <summary>
/// The audit trail (decision 0003): every save records each added, modified and deleted entity with the actor, the
/// time from the injected clock, before and after, hash-chained under the current audit key (decision 0035: the key is in
/// memory, so sealing costs no query), in the same transaction as the change. The derived rows
/// (decision 0027) are brought up to date in that transaction too, after the save and before the commit. A removal by retention
/// (<see cref="SaveRemovalsByRetentionAsync"/>) is recorded without the removed content.
/// </summary>
public sealed partial class AppDbContext
{
    /// <summary>Properties whose values never go into the audit trail.</summary>
    private static readonly HashSet<string> SecretProperties =
        [nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp), nameof(ApiToken.TokenHash), "Xml"];

    /// <summary>Serialises chain appends across app instances on PostgreSQL; released at commit. (SQLite allows one writer anyway.)</summary>
    private const string AuditLockSql = "SELECT pg_advisory_xact_lock(4242001)";

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Set only while <see cref="SaveRemovalsByRetentionAsync"/> saves: what the audit rows of its removals say instead of the content.</summary>
    private string? retentionNote;

    /// <summary>
    /// Saves removals by retention (gallring, decision 0038): each removed record's audit row has the action
    /// <see cref="AuditEntry.Purged"/> and, instead of the record's content, only <paramref name="note"/> (for example "Gallrad
    /// enligt gallringsfrist 24 månader"), so the trail says what was removed, when and why, but keeps nothing of what it said.
    /// The save must hold removals only; anything added or changed is refused, so no content can slip into the trail this way.
    /// </summary>
    public async Task<int> SaveRemovalsByRetentionAsync(string note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries().Any(e => e.Entity is not (AuditEntry or IDerivedRow) && e.State is EntityState.Added or EntityState.Modified))
        {
            throw new InvalidOperationException("A save of removals by retention may only remove records.");
        }
        retentionNote = note;
        try
        {
            return await SaveChangesAsync(cancellationToken);
        }
        finally
        {
            retentionNote = null;
        }
    }

    /// <summary>The synchronous path, used by framework stores such as data protection; audited by the same code as the async one.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveAuditedAsync(acceptAllChangesOnSuccess, synchronous: true, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveAuditedAsync(acceptAllChangesOnSuccess, synchronous: false, cancellationToken);

    /// <summary>
    /// Saves the changes with their audit rows in one transaction: either both land or neither does. With
    /// <paramref name="synchronous"/> every step runs synchronously, so the returned task has already completed.
    /// </summary>
    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, bool synchronous, CancellationToken cancellationToken)
    {
        RefuseWithoutActor();
        ChangeTracker.DetectChanges();
        var (changes, changed) = CaptureChanges();
        if (changes.Count == 0)
        {
            return synchronous
                ? base.SaveChanges(acceptAllChangesOnSuccess)
                : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is not null ? null
            : synchronous ? Database.BeginTransaction()
            : await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (Database.IsNpgsql())
            {
                _ = synchronous
                    ? Database.ExecuteSqlRaw(AuditLockSql)
                    : await Database.ExecuteSqlRawAsync(AuditLockSql, cancellationToken);
            }
            var lastHash = AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Hash).Take(1);
            var previous = synchronous ? lastHash.FirstOrDefault() : await lastHash.FirstOrDefaultAsync(cancellationToken);
            AddAuditEntries(changes, previous ?? AuditChain.Genesis);
            var touched = (derivedRows ?? []).Select(d => (Rows: d, Noted: d.Note(changed))).Where(t => t.Noted is not null).ToList();
            var written = synchronous
                ? base.SaveChanges(acceptAllChangesOnSuccess)
                : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var (rows, noted) in touched)
            {
                // The synchronous path serves framework stores (data protection keys), which no derived rows come from.
                var update = rows.UpdateAsync(this, noted!, cancellationToken);
                if (synchronous)
                {
                    update.GetAwaiter().GetResult();
                }
                else
                {
                    await update;
                }
            }
            if (ownTransaction is not null)
            {
                if (synchronous)
                {
                    ownTransaction.Commit();
                }
                else
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }
            }
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                if (synchronous)
                {
                    ownTransaction.Dispose();
                }
                else
                {
                    await ownTransaction.DisposeAsync();
                }
            }
        }
    }

    /// <summary>A change as the audit trail will record it. Keys are made by the application, so every value is known before saving.</summary>
    private sealed record PendingChange(string EntityType, string EntityId, string Action, string? Before, string? After);

    /// <summary>The changes as the audit trail records them, and the changed entries the derived rows are noted from.</summary>
    private (List<PendingChange> Changes, List<EntityEntry> Changed) CaptureChanges()
    {
        var changes = new List<PendingChange>();
        var changed = new List<EntityEntry>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry or IDerivedRow || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            changed.Add(entry);
            if (entry.Entity is Entity versioned && entry.State == EntityState.Modified)
            {
                versioned.Version++;
            }
            SearchText.Update(entry);
            var entityType = entry.Metadata.HasSharedClrType ? entry.Metadata.Name : entry.Metadata.ClrType.Name;
            if (retentionNote is not null)
            {
                changes.Add(new PendingChange(entityType, KeyOf(entry), AuditEntry.Purged, JsonSerializer.Serialize(retentionNote, AuditJson), null));
                continue;
            }
            var before = entry.State is EntityState.Modified or EntityState.Deleted ? Serialize(entry, original: true) : null;
            var after = entry.State is EntityState.Deleted ? null : Serialize(entry, original: false);
            changes.Add(new PendingChange(entityType, KeyOf(entry), entry.State.ToString(), before, after));
        }
        return (changes, changed);
    }

    private void AddAuditEntries(List<PendingChange> changes, string previous)
    {
        var now = clock.GetUtcNow();
        foreach (var change in changes)
        {
            var record = new AuditRecord(now, actor.UserId, actor.DisplayName, change.EntityType, change.EntityId, change.Action, change.Before, change.After);
            var hash = auditKeys.Seal(previous, record);
            AuditEntries.Add(new AuditEntry
            {
                OccurredAt = record.OccurredAt,
                ActorId = record.ActorId,
                ActorName = record.ActorName,
                EntityType = record.EntityType,
                EntityId = record.EntityId,
                Action = record.Action,
                Before = record.Before,
                After = record.After,
                KeyId = auditKeys.CurrentKeyId,
                PreviousHash = previous,
                Hash = hash,
            });
            previous = hash;
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static string Serialize(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            values[name] = SecretProperties.Contains(name) ? (property.CurrentValue is null ? null : "***")
                : original ? property.OriginalValue : property.CurrentValue;
        }
        return JsonSerializer.Serialize(values, AuditJson);
    }
}
