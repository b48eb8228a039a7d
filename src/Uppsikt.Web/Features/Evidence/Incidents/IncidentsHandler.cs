using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Referrals;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Documents;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Referrals;
using Uppsikt.Web.Infrastructure.Risk;
using Uppsikt.Web.Infrastructure.Summaries;

namespace Uppsikt.Web.Features.Evidence.Incidents;

public sealed record IncidentRow
{
    public required Guid Id { get; init; }
    public DateOnly OccurredOn { get; init; }
    public required string UnitName { get; init; }
    public IncidentKind Kind { get; init; }
    public Severity Severity { get; init; }
    public IncidentStatus Status { get; init; }
    public IncidentReporter ReportedBy { get; init; }
    public bool AwaitsStance { get; init; }
}

public sealed record IncidentDetails(
    Guid Id, IncidentKind Kind, Severity Severity, DateOnly OccurredOn, DateOnly ReportedOn, Guid UnitId, string UnitName, string? ProviderName,
    string Summary, string? Actions, IncidentReporter ReportedBy, EvidenceSource Source, IncidentStatus Status, string? ClosingNote,
    DateOnly? ClosedOn, bool IsSerious, IReadOnlyList<ReferralStanceView>? Referrals, IReadOnlyList<ReferralAuthority>? MissingStances, int Version,
    IReadOnlyList<Attachment> Attachments)
{
    /// <summary>The stances for the municipality's page; null for a provider, who never reads them.</summary>
    [JsonIgnore]
    public ReferralsView? ReferralStances => Referrals is null ? null : new(IsSerious, Status == IncidentStatus.Closed, Referrals, MissingStances ?? []);
}

public sealed record IncidentInput(
    IncidentKind? Kind, Severity? Severity, DateOnly? OccurredOn, Guid? UnitId, [DataType(DataType.MultilineText)] string? Summary, [DataType(DataType.MultilineText)] string? Actions, EvidenceSource? Source, int Version = 0);

public sealed record IncidentCloseInput([DataType(DataType.MultilineText)] string? Note, int Version);

/// <summary>
/// Incidents (avvikelser, Lex Sarah, Lex Maria): reported by a provider for its own units or registered by the municipality;
/// a serious one is closed only with a recorded stance on referral to IVO and the police (rule 4). MAS/MAR compile them per period.
/// </summary>
public sealed class IncidentsHandler(AppDbContext db, ICurrentActor actor, IRiskAlerts alerts, TimeProvider clock) : IFileMatters
{
    public const string FileOwnerType = nameof(Incident);

    public static readonly SortColumns<IncidentRow> Sort = new SortColumns<IncidentRow>("occurred")
        .Add("occurred", i => i.OccurredOn)
        .Add("unit", i => i.UnitName)
        .Add("kind", i => i.Kind)
        .Add("status", i => i.Status);

    string IFileMatters.OwnerType => FileOwnerType;

    /// <param name="stanceMissing">Only open serious incidents still lacking a stance on referral to IVO or the police (<see cref="ReferralRules.MissingStances"/>).</param>
    public Task<PagedList<IncidentRow>> ListAsync(ListQuery list, IncidentKind? kind, IncidentStatus? status, Guid? unitId, Guid? providerId,
        bool stanceMissing, CancellationToken cancellationToken)
    {
        var incidents = db.Incidents.AsNoTracking();
        // The stances are the municipality's (decision 0029): a provider's list is never flagged by them, and asking for the
        // incidents that lack one finds none.
        var municipal = IsMunicipal;
        if (stanceMissing && !municipal)
        {
            incidents = incidents.Where(i => false);
        }
        else if (stanceMissing)
        {
            incidents = incidents.Where(Incident.Serious).Where(i => i.Status == IncidentStatus.Open
                && !(i.Referrals.Any(r => r.Authority == ReferralAuthority.Ivo) && i.Referrals.Any(r => r.Authority == ReferralAuthority.Police)));
        }
        if (kind is { } k)
        {
            incidents = incidents.Where(i => i.Kind == k);
        }
        if (status is { } s)
        {
            incidents = incidents.Where(i => i.Status == s);
        }
        if (unitId is { } uid)
        {
            incidents = incidents.Where(i => i.UnitId == uid);
        }
        if (providerId is { } pid)
        {
            incidents = incidents.Where(i => i.Unit!.ProviderId == pid);
        }
        return incidents
            .Select(i => new IncidentRow
            {
                Id = i.Id,
                OccurredOn = i.OccurredOn,
                UnitName = i.Unit!.Name,
                Kind = i.Kind,
                Severity = i.Severity,
                Status = i.Status,
                ReportedBy = i.ReportedBy,
                AwaitsStance = municipal && i.Status == IncidentStatus.Open && (i.Kind != IncidentKind.Deviation || i.Severity == Severity.Serious)
                    && i.Referrals.Count(r => r.Authority == ReferralAuthority.Ivo || r.Authority == ReferralAuthority.Police) < 2,
            })
            .ToPageAsync(list with { Descending = list.Sort is null || list.Descending }, Sort, i => i.Id, cancellationToken);
    }

    public async Task<IncidentDetails?> GetAsync(Guid id, FileStore files, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().Include(i => i.Unit).ThenInclude(u => u!.Provider).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return null;
        }
        var stances = IsMunicipal ? ReferralsView.Of(incident) : null;
        return new IncidentDetails(
            incident.Id, incident.Kind, incident.Severity, incident.OccurredOn, incident.ReportedOn, incident.UnitId, incident.Unit!.Name,
            incident.Unit.Provider?.Name, incident.Summary, incident.Actions, incident.ReportedBy, incident.Source, incident.Status,
            incident.ClosingNote, incident.ClosedOn, incident.IsSerious,
            stances?.Stances, stances?.Missing, incident.Version, await files.ListAsync(FileOwnerType, id, cancellationToken));
    }

    /// <summary>
    /// Reports or corrects an open incident. A provider user reports for its own units (the scoped unit query sees no others),
    /// always as provider-reported; the municipality chooses the source of what it registers.
    /// </summary>
    public async Task<SaveResult> SaveAsync(Guid? id, IncidentInput input, CancellationToken cancellationToken)
    {
        var incident = id is null ? null : await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (id is not null && incident is null)
        {
            return SaveResult.Missing();
        }
        var byProvider = actor.IsProviderUser();
        if (incident is not null && byProvider && incident.ReportedBy != IncidentReporter.Provider)
        {
            return SaveResult.Refused(Refusal.NotAllowed("Händelsen är registrerad av kommunen och kan bara ändras där."));
        }
        if (incident is { Status: IncidentStatus.Closed })
        {
            return SaveResult.Refused(Refusal.WrongState("Händelsen är avslutad och kan inte ändras."));
        }
        var check = new Validation();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            check.Add(nameof(IncidentInput.Kind), "Välj typ av händelse.");
        }
        if (input.Severity is not { } severity || !Enum.IsDefined(severity))
        {
            check.Add(nameof(IncidentInput.Severity), "Välj allvarlighetsgrad.");
        }
        var today = clock.SwedishToday();
        if (input.OccurredOn is not { } occurred)
        {
            check.Add(nameof(IncidentInput.OccurredOn), "Ange när händelsen inträffade.");
        }
        else if (occurred > today)
        {
            check.Add(nameof(IncidentInput.OccurredOn), "Datumet kan inte ligga i framtiden.");
        }
        if (input.UnitId is null || !await db.Units.AnyAsync(u => u.Id == input.UnitId, cancellationToken))
        {
            check.Add(nameof(IncidentInput.UnitId), input.UnitId is null ? "Välj enhet." : "Enheten finns inte.");
        }
        // A provider's own report is always its own data; the municipality says where its knowledge of the incident came from.
        var source = byProvider ? EvidenceSource.ProviderReported : input.Source;
        if (source is null || !Enum.IsDefined(source.Value))
        {
            check.Add(nameof(IncidentInput.Source), "Välj underlagskälla: varifrån kommer uppgiften om händelsen?");
        }
        var summary = check.Required(nameof(IncidentInput.Summary), "en beskrivning av händelsen", input.Summary, 4000);
        check.NoPersonalIdentityNumber(nameof(IncidentInput.Summary), "beskrivningen", summary);
        var actions = check.Optional(nameof(IncidentInput.Actions), "åtgärder", input.Actions, 4000);
        check.NoPersonalIdentityNumber(nameof(IncidentInput.Actions), "åtgärderna", actions);
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var wasSerious = incident?.IsSerious == true;
        if (incident is null)
        {
            incident = new Incident
            {
                Summary = summary,
                ReportedOn = today,
                ReportedBy = byProvider ? IncidentReporter.Provider : IncidentReporter.Municipality,
            };
            db.Incidents.Add(incident);
        }
        else
        {
            db.ExpectVersion(incident, input.Version);
        }
        incident.Kind = input.Kind!.Value;
        incident.Severity = input.Severity!.Value;
        incident.OccurredOn = input.OccurredOn!.Value;
        incident.UnitId = input.UnitId!.Value;
        incident.Summary = summary;
        incident.Actions = actions;
        incident.Source = source!.Value;
        var saved = await db.SaveOrConflictAsync(incident.Id, cancellationToken);
        if (saved.Succeeded && incident.IsSerious && !wasSerious)
        {
            await alerts.RaiseAsync(incident.UnitId, $"Allvarlig händelse ({DisplayNames.Of(incident.Kind)}) inträffad {SwedishWording.Date(incident.OccurredOn)}",
                incident.Id, cancellationToken);
        }
        return saved;
    }

    public Task<SaveResult> RecordStanceAsync(Guid id, StanceInput input, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var record = ReferralStanceRecording.Check(check, input, actor.DisplayName, clock.SwedishToday());
        return ChangeAsync(id, input.Version, check, incident => record(incident), cancellationToken);
    }

    public Task<SaveResult> CloseAsync(Guid id, IncidentCloseInput input, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var note = check.Required(nameof(IncidentCloseInput.Note), "en avslutande kommentar", input.Note, 4000);
        check.NoPersonalIdentityNumber(nameof(IncidentCloseInput.Note), "kommentaren", note);
        return ChangeAsync(id, input.Version, check, incident => incident.Close(note, clock.SwedishToday()), cancellationToken);
    }

    /// <summary>The MAS/MAR compilation for the period, as <see cref="EvidenceSummaries.IncidentsAsync"/> counts it.</summary>
    public Task<IncidentSummary> SummaryAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        EvidenceSummaries.IncidentsAsync(db, from, to, cancellationToken);

    /// <summary>The summary as CSV for a spreadsheet: semicolon-separated (Swedish Excel), UTF-8 with BOM, one line per unit and per choice system.</summary>
    public static byte[] SummaryCsv(IncidentSummary summary)
    {
        string[] columns = [.. SummaryColumns];
        var csv = new CsvFile().Row(["Gruppering", "Namn", "Totalt", .. columns.Select(CsvFile.Quote)]);
        foreach (var (grouping, rows) in new[] { ("Enhet", summary.ByUnit), ("Kundval", summary.ByChoiceSystem) })
        {
            foreach (var row in rows)
            {
                csv.Row([grouping, CsvFile.Quote(row.Name), row.Total.ToString(CultureInfo.InvariantCulture),
                    .. columns.Select(c => row[c].ToString(CultureInfo.InvariantCulture))]);
            }
        }
        return csv.ToBytes();
    }

    public static IEnumerable<string> SummaryColumns =>
        [.. Enum.GetValues<IncidentKind>().Select(k => k.Name()), .. Enum.GetValues<Severity>().Select(s => s.Name())];

    private bool IsMunicipal => Roles.Municipal.Any(actor.IsInRole);

    async Task<FileMatter?> IFileMatters.FindAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == ownerId)
            .Select(i => new { i.Status, i.Unit!.ProviderId }).FirstOrDefaultAsync(cancellationToken);
        return incident is null ? null
            : new FileMatter(incident.ProviderId, incident.Status == IncidentStatus.Open && (actor.IsMunicipalHandler() || actor.IsProviderUser()));
    }

    /// <summary>
    /// One step on an incident: not found first, then the input's own errors, then the incident's refusal (<paramref name="change"/>
    /// runs only on valid input and changes nothing when it refuses).
    /// </summary>
    private async Task<SaveResult> ChangeAsync(Guid id, int version, Validation input, Func<Incident, Refusal?> change, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return SaveResult.Missing();
        }
        if (!input.IsValid)
        {
            return input.Fail();
        }
        if (change(incident) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        db.ExpectVersion(incident, version);
        return await db.SaveOrConflictAsync(id, cancellationToken);
    }
}
