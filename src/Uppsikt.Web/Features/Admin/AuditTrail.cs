using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Audit;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Audit;

namespace Uppsikt.Web.Features.Admin;

/// <summary>A record the trail names: its kind (code name, for the link) and id.</summary>
public sealed record AuditRef(string EntityType, string EntityId, string? Label = null)
{
    public string TypeName => AuditNames.Type(EntityType);
}

/// <summary>One field of a change, in Swedish: its name and its values as the pages show them, and the record an id refers to.</summary>
public sealed record AuditField(string Name, string? Before, string? After, AuditRef? BeforeRef, AuditRef? AfterRef);

/// <summary>
/// One audited change as the audit page shows it: only the fields that changed (all of them for a new or removed record); for a
/// record removed by retention no fields, only the <paramref name="Note"/> saying why (decision 0038).
/// </summary>
public sealed record AuditRow(long Id, DateTimeOffset OccurredAt, string ActorName, AuditRef Record, string Action, IReadOnlyList<AuditField> Fields, string? Note = null)
{
    public string ActionText => Action switch
    {
        "Added" => "Skapad",
        "Modified" => "Ändrad",
        "Deleted" => "Borttagen",
        AuditEntry.Purged => "Gallrad",
        _ => Action,
    };
}

/// <summary>
/// What verifying the trail found: every finding (faults first, then notices such as rows from before keys), how many rows
/// fit the chain, the first row that did not, and the checkpoints the file holds.
/// </summary>
public sealed record ChainVerdict(
    IReadOnlyList<AuditFinding> Findings, int RowsChecked, long? FirstBrokenId, AuditCheckpoint? LatestCheckpoint, int Checkpoints, string CheckpointFile)
{
    public bool Intact => !Findings.Any(f => f.IsFault);
}

/// <summary>
/// Reads the audit trail in Swedish (field names, values as the pages show them, Swedish time) and verifies its keyed hash chain
/// against the signed checkpoints (decision 0035).
/// </summary>
public sealed class AuditTrail(AppDbContext db, AuditKeyRing keys, AuditCheckpointLog checkpointLog)
{
    public async Task<List<AuditRow>> HistoryAsync(string entityType, string entityId, CancellationToken cancellationToken) =>
        await NameReferencesAsync([.. (await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .ToListAsync(cancellationToken)).Select(Present)], cancellationToken);

    public async Task<List<AuditRow>> LatestAsync(int count, CancellationToken cancellationToken) =>
        await NameReferencesAsync([.. (await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Take(count)
            .ToListAsync(cancellationToken)).Select(Present)], cancellationToken);

    private sealed record NamedRecord(Guid Id, string Name);

    /// <summary>How the records most often referred to are named on the pages; others are shown by id.</summary>
    private static readonly Dictionary<string, Func<AppDbContext, List<Guid>, IQueryable<NamedRecord>>> Namers = new(StringComparer.Ordinal)
    {
        ["Unit"] = (db, ids) => db.Units.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => new NamedRecord(e.Id, e.Name)),
        ["Provider"] = (db, ids) => db.Providers.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => new NamedRecord(e.Id, e.Name)),
        ["ChoiceSystem"] = (db, ids) => db.ChoiceSystems.Where(e => ids.Contains(e.Id)).Select(e => new NamedRecord(e.Id, e.Name)),
        ["Committee"] = (db, ids) => db.Committees.Where(e => ids.Contains(e.Id)).Select(e => new NamedRecord(e.Id, e.Name)),
        ["Administration"] = (db, ids) => db.Administrations.Where(e => ids.Contains(e.Id)).Select(e => new NamedRecord(e.Id, e.Name)),
        ["Condition"] = (db, ids) => db.Conditions.Where(e => ids.Contains(e.Id)).Select(e => new NamedRecord(e.Id, e.Code)),
        ["Indicator"] = (db, ids) => db.Indicators.Where(e => ids.Contains(e.Id)).Select(e => new NamedRecord(e.Id, e.Name)),
        ["QualityReportTemplate"] = (db, ids) => db.QualityReportTemplates.Where(e => ids.Contains(e.Id)).Select(e => new NamedRecord(e.Id, e.Title)),
        ["Review"] = (db, ids) => db.Reviews.IgnoreQueryFilters().Where(e => ids.Contains(e.Id)).Select(e => new NamedRecord(e.Id, e.Title)),
    };

    /// <summary>Puts names on the references, one query per kind of record referred to.</summary>
    private async Task<List<AuditRow>> NameReferencesAsync(List<AuditRow> rows, CancellationToken cancellationToken)
    {
        var references = rows.SelectMany(r => r.Fields).SelectMany(f => new[] { f.BeforeRef, f.AfterRef }).OfType<AuditRef>().ToList();
        var names = new Dictionary<(string, string), string>();
        foreach (var kind in references.GroupBy(r => r.EntityType).Where(g => Namers.ContainsKey(g.Key)))
        {
            var ids = kind.Select(r => Guid.TryParse(r.EntityId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
            foreach (var record in await Namers[kind.Key](db, ids).ToListAsync(cancellationToken))
            {
                names[(kind.Key, record.Id.ToString())] = record.Name;
            }
        }
        AuditRef? Named(AuditRef? reference) =>
            reference is not null && names.TryGetValue((reference.EntityType, reference.EntityId), out var label) ? reference with { Label = label } : reference;
        return [.. rows.Select(r => r with { Fields = [.. r.Fields.Select(f => f with { BeforeRef = Named(f.BeforeRef), AfterRef = Named(f.AfterRef) })] })];
    }

    /// <summary>The kinds of record in the trail, by Swedish name, for the search form.</summary>
    public IReadOnlyList<AuditRef> Kinds =>
        [.. EntityTypes.Keys.Select(k => new AuditRef(k, "")).OrderBy(k => k.TypeName, StringComparer.Create(SwedishText.Culture, false))];

    /// <summary>
    /// Walks the whole chain in order as it streams from the database, up to the first row that does not fit, and holds it
    /// against every checkpoint in the checkpoint file: each must be signed by a configured key, and the trail must still
    /// have the rows and the hash it recorded.
    /// </summary>
    public async Task<ChainVerdict> VerifyAsync(CancellationToken cancellationToken)
    {
        var findings = new List<AuditFinding>();
        var lines = await checkpointLog.ReadAsync(cancellationToken);
        var checkpoints = new List<AuditCheckpoint>();
        foreach (var line in lines)
        {
            if (CheckpointFault(line) is { } fault)
            {
                findings.Add(fault);
            }
            else
            {
                checkpoints.Add(line.Checkpoint!);
            }
        }
        var byLastRow = checkpoints.Where(c => c.LastRowId > 0).ToLookup(c => c.LastRowId);
        var verifier = new AuditChain.Verifier(keys);
        long? brokenAt = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (verifier.Accept(entry.ToStoredRow()) is { } broken)
            {
                findings.Add(broken);
                brokenAt = entry.Id;
                break;
            }
            foreach (var checkpoint in byLastRow[entry.Id])
            {
                if (checkpoint.RowCount != verifier.RowsAccepted)
                {
                    findings.Add(new AuditFinding(AuditFindingKind.RowsMissing, entry.Id,
                        $"Kontrollpunkten från {SwedishText.Instant(checkpoint.At)} säger att loggen hade {SwedishText.Count(checkpoint.RowCount, "rad", "rader")} till och med rad {entry.Id}, men databasen har {SwedishText.Count(verifier.RowsAccepted, "rad", "rader")}: rader har tagits bort eller lagts till före rad {entry.Id}."));
                }
                else if (checkpoint.HeadHash != entry.Hash)
                {
                    findings.Add(new AuditFinding(AuditFindingKind.HeadMismatch, entry.Id,
                        $"Kontrollpunkten från {SwedishText.Instant(checkpoint.At)} har en annan kontrollsumma för rad {entry.Id} än databasen: loggen har skrivits om till och med rad {entry.Id}."));
                }
            }
        }
        if (brokenAt is null)
        {
            var lastId = verifier.LastId ?? 0;
            foreach (var checkpoint in checkpoints.Where(c => c.LastRowId > lastId).OrderByDescending(c => c.LastRowId).Take(1))
            {
                findings.Add(new AuditFinding(AuditFindingKind.RowsMissing, checkpoint.LastRowId,
                    $"Kontrollpunkten från {SwedishText.Instant(checkpoint.At)} säger att loggen hade {SwedishText.Count(checkpoint.RowCount, "rad", "rader")} till och med rad {checkpoint.LastRowId}, men databasen slutar {(verifier.LastId is { } last ? $"vid rad {last}" : "utan rader")}: rader har tagits bort i slutet av loggen."));
            }
        }
        if (verifier.UnkeyedRows > 0)
        {
            findings.Add(new AuditFinding(AuditFindingKind.Unkeyed, verifier.FirstUnkeyedId,
                $"Rad {verifier.FirstUnkeyedId}–{verifier.LastUnkeyedId} ({SwedishText.Count(verifier.UnkeyedRows, "rad", "rader")}) skrevs innan loggen förseglades med nyckel. De kontrolleras med den gamla regeln utan nyckel, som vem som helst kan räkna om; de skyddas av kontrollpunkterna."));
        }
        var latest = checkpoints.OrderBy(c => c.At).LastOrDefault();
        return new ChainVerdict([.. findings.OrderBy(f => f.IsFault ? 0 : 1)], verifier.RowsAccepted, brokenAt, latest, checkpoints.Count, checkpointLog.FilePath);
    }

    /// <summary>What is wrong with a line of the checkpoint file, or null when it holds a checkpoint signed by a configured key.</summary>
    private AuditFinding? CheckpointFault(CheckpointLine line) => line.Checkpoint switch
    {
        null => new AuditFinding(AuditFindingKind.CheckpointInvalid, null,
            $"Rad {line.Number} i kontrollpunktsfilen går inte att läsa som en kontrollpunkt: filen har ändrats."),
        { } checkpoint when !keys.Knows(checkpoint.KeyId) => new AuditFinding(AuditFindingKind.UnknownKey, checkpoint.LastRowId,
            $"Kontrollpunkten på rad {line.Number} i kontrollpunktsfilen är signerad med nyckeln ”{checkpoint.KeyId}”, som inte finns bland de konfigurerade nycklarna."),
        { } checkpoint when !checkpoint.HasValidSignature(keys) => new AuditFinding(AuditFindingKind.CheckpointInvalid, checkpoint.LastRowId,
            $"Kontrollpunkten på rad {line.Number} i kontrollpunktsfilen (rad {checkpoint.LastRowId} i loggen) har en signatur som inte stämmer: filen har ändrats."),
        _ => null,
    };

    /// <summary>The model's entity types by the name the trail records them under.</summary>
    private Dictionary<string, IEntityType> EntityTypes =>
        field ??= db.Model.GetEntityTypes().Where(t => !t.IsOwned())
            .GroupBy(t => t.HasSharedClrType ? t.Name : t.ClrType.Name)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private AuditRow Present(AuditEntry entry)
    {
        if (entry.Action == AuditEntry.Purged)
        {
            return new AuditRow(entry.Id, entry.OccurredAt, entry.ActorName, new AuditRef(entry.EntityType, entry.EntityId), entry.Action, [],
                entry.Before is null ? null : JsonSerializer.Deserialize<string>(entry.Before));
        }
        EntityTypes.TryGetValue(entry.EntityType, out var type);
        var before = Parse(entry.Before);
        var after = Parse(entry.After);
        var fields = new List<AuditField>();
        foreach (var name in before.Keys.Concat(after.Keys).Distinct(StringComparer.Ordinal).Where(n => !AuditNames.Hidden.Contains(n)))
        {
            before.TryGetValue(name, out var old);
            after.TryGetValue(name, out var current);
            if (entry.Action == "Modified" && JsonElement.DeepEquals(old, current))
            {
                continue;
            }
            if (entry.Action != "Modified" && IsEmpty(old) && IsEmpty(current))
            {
                continue;
            }
            var property = type?.FindProperty(name);
            var target = property is null ? null : type!.FindForeignKeys(property).FirstOrDefault()?.PrincipalEntityType;
            fields.Add(new AuditField(
                AuditNames.Field(name),
                entry.Before is null ? null : Format(old, property),
                entry.After is null ? null : Format(current, property),
                Reference(target, old),
                Reference(target, current)));
        }
        return new AuditRow(entry.Id, entry.OccurredAt, entry.ActorName, new AuditRef(entry.EntityType, entry.EntityId), entry.Action, fields);
    }

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
                : [];
        }
        catch (JsonException)
        {
            // Not written by the trail itself; show it whole rather than hide it.
            return new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["Xml"] = JsonSerializer.SerializeToElement(json) };
        }
    }

    private static bool IsEmpty(JsonElement value) =>
        value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0);

    private static AuditRef? Reference(IEntityType? target, JsonElement value) =>
        target is not null && value.ValueKind == JsonValueKind.String
            ? new AuditRef(target.HasSharedClrType ? target.Name : target.ClrType.Name, value.GetString()!)
            : null;

    /// <summary>A value as the pages show it: Swedish enum names, dates and times in Swedish time, yes or no, numbers with a decimal comma.</summary>
    private static string Format(JsonElement value, IProperty? property) =>
        Format(value, Plain(property?.ClrType), Plain(property?.GetElementType()?.ClrType));

    private static string Format(JsonElement value, Type? clrType, Type? elementType) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "–",
        JsonValueKind.True => "Ja",
        JsonValueKind.False => "Nej",
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? number.ToString(SwedishText.Culture) : value.GetRawText(),
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "–" : string.Join(", ", value.EnumerateArray().Select(v => Format(v, elementType, null))),
        JsonValueKind.String => FormatText(value.GetString()!, clrType),
        _ => value.GetRawText(),
    };

    private static Type? Plain(Type? type) => type is null ? null : Nullable.GetUnderlyingType(type) ?? type;

    private static string FormatText(string text, Type? clrType)
    {
        if (clrType is { IsEnum: true } && Enum.TryParse(clrType, text, out var member) && member is Enum named)
        {
            return DisplayNames.Of(named);
        }
        if (clrType == typeof(DateTimeOffset) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return SwedishText.Instant(instant);
        }
        if (clrType == typeof(DateOnly) && DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date))
        {
            return SwedishText.Date(date);
        }
        return text;
    }
}
