using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Referrals;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Portal;
using Uppsikt.Web.Infrastructure.Referrals;
using Uppsikt.Web.Infrastructure.Risk;
using Uppsikt.Web.Infrastructure.Summaries;

namespace Uppsikt.Web.Features.Evidence.Complaints;

public sealed record ComplaintRow
{
    public required Guid Id { get; init; }
    public DateOnly ReceivedOn { get; init; }
    public required string UnitName { get; init; }
    public string? ProviderName { get; init; }
    public ComplaintCategory Category { get; init; }
    public Severity Severity { get; init; }
    public ComplaintStatus Status { get; init; }
    public DateOnly? ResponseDueOn { get; init; }
    public bool Overdue { get; init; }
}

public sealed record ComplaintDetails(
    Guid Id, DateOnly ReceivedOn, ComplaintChannel Channel, Guid UnitId, string UnitName, Guid? ProviderId, string? ProviderName,
    ComplaintCategory Category, Severity Severity, string Summary, EvidenceSource Source, ComplaintStatus Status,
    DateOnly? ForwardedOn, DateOnly? ResponseDueOn, string? ProviderResponse, DateOnly? AnsweredOn, bool? AnsweredOnTime,
    string? ClosingNote, DateOnly? ClosedOn, bool Overdue, int Version, IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<ReferralStanceView>? Referrals = null, IReadOnlyList<ReferralAuthority>? MissingStances = null)
{
    /// <summary>The stances for the municipality's page; null for a provider, who never reads them.</summary>
    [JsonIgnore]
    public ReferralsView? ReferralStances =>
        Referrals is null ? null : new(Severity == Severity.Serious, Status == ComplaintStatus.Closed, Referrals, MissingStances ?? []);
}

public sealed record ComplaintInput(
    DateOnly? ReceivedOn, ComplaintChannel? Channel, Guid? UnitId, ComplaintCategory? Category, Severity? Severity, [DataType(DataType.MultilineText)] string? Summary, int Version = 0);

public sealed record ForwardInput(DateOnly? ResponseDueOn, int Version);

public sealed record AnswerInput([DataType(DataType.MultilineText)] string? Response, int Version);

public sealed record CloseInput([DataType(DataType.MultilineText)] string? Note, int Version);

/// <summary>
/// Complaints: registered by the quality unit, forwarded to the provider with a deadline, answered by the provider and
/// closed by the municipality. A provider user sees its own provider's complaints once they are forwarded.
/// </summary>
public sealed class ComplaintsHandler(AppDbContext db, ICurrentActor actor, IRiskAlerts alerts, TimeProvider clock) : IFileMatters, IPortalMatterSource
{
    public const string FileOwnerType = nameof(Complaint);

    public static readonly SortColumns<ComplaintRow> Sort = new SortColumns<ComplaintRow>("received")
        .Add("received", c => c.ReceivedOn)
        .Add("unit", c => c.UnitName)
        .Add("status", c => c.Status)
        .Add("due", c => c.ResponseDueOn);

    string IFileMatters.OwnerType => FileOwnerType;

    string IPortalMatterSource.MatterKind => FileOwnerType;

    /// <summary>A complaint handed over to a provider is a matter of that provider's portal; one still being registered is not.</summary>
    async Task<PortalMatter?> IPortalMatterSource.FindMatterAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Complaints.AsNoTracking()
            .Where(c => c.Id == id && c.Status != ComplaintStatus.Registered && c.Unit!.ProviderId != null)
            .Select(c => new { c.ReceivedOn, Unit = c.Unit!.Name, ProviderId = c.Unit.ProviderId!.Value })
            .FirstOrDefaultAsync(cancellationToken) is { } c
            ? new PortalMatter(FileOwnerType, id, c.ProviderId, $"Klagomål {SwedishText.Date(c.ReceivedOn)} om {c.Unit}", $"/Evidence/Complaints/Details/{id}")
            : null;

    /// <summary>Complaints the caller may see: the scope filter, and for a provider only what has been handed over.</summary>
    internal IQueryable<Complaint> Visible() =>
        db.Actor.Scope.Kind == AccessScopeKind.Provider
            ? db.Complaints.Where(c => c.Status != ComplaintStatus.Registered)
            : db.Complaints;

    /// <summary>A provider sees a complaint once it is handed over: what <see cref="Visible"/> asks in SQL, for one status.</summary>
    internal static bool ProviderSees(ComplaintStatus status) => status != ComplaintStatus.Registered;

    public Task<PagedList<ComplaintRow>> ListAsync(ListQuery list, ComplaintStatus? status, bool overdueOnly, Guid? unitId, Guid? providerId,
        CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var complaints = Visible().AsNoTracking();
        if (status is { } s)
        {
            complaints = complaints.Where(c => c.Status == s);
        }
        if (overdueOnly)
        {
            complaints = complaints.Where(c => c.Status == ComplaintStatus.Forwarded && c.ResponseDueOn < today);
        }
        if (unitId is { } uid)
        {
            complaints = complaints.Where(c => c.UnitId == uid);
        }
        if (providerId is { } pid)
        {
            complaints = complaints.Where(c => c.Unit!.ProviderId == pid);
        }
        return complaints
            .Select(c => new ComplaintRow
            {
                Id = c.Id,
                ReceivedOn = c.ReceivedOn,
                UnitName = c.Unit!.Name,
                ProviderName = c.Unit.Provider != null ? c.Unit.Provider.Name : null,
                Category = c.Category,
                Severity = c.Severity,
                Status = c.Status,
                ResponseDueOn = c.ResponseDueOn,
                Overdue = c.Status == ComplaintStatus.Forwarded && c.ResponseDueOn < today,
            })
            .ToPageAsync(list with { Descending = list.Sort is null || list.Descending }, Sort, c => c.Id, cancellationToken);
    }

    public async Task<ComplaintDetails?> GetAsync(Guid id, FileStore files, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var complaint = await Visible().AsNoTracking().Include(c => c.Unit).ThenInclude(u => u!.Provider).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
        {
            return null;
        }
        var unit = complaint.Unit!;
        var stances = Roles.Municipal.Any(actor.IsInRole) ? ReferralsView.Of(complaint) : null;
        return new ComplaintDetails(
            complaint.Id, complaint.ReceivedOn, complaint.Channel, unit.Id, unit.Name, unit.ProviderId, unit.Provider?.Name,
            complaint.Category, complaint.Severity, complaint.Summary, complaint.Source, complaint.Status, complaint.ForwardedOn,
            complaint.ResponseDueOn, complaint.ProviderResponse, complaint.AnsweredOn, complaint.AnsweredOnTime, complaint.ClosingNote,
            complaint.ClosedOn, complaint.IsOverdue(today), complaint.Version, await files.ListAsync(FileOwnerType, id, cancellationToken),
            stances?.Stances, stances?.Missing);
    }

    /// <summary>Registers a complaint, or corrects one not yet forwarded.</summary>
    public async Task<SaveResult> SaveAsync(Guid? id, ComplaintInput input, CancellationToken cancellationToken)
    {
        var complaint = id is null ? null : await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (id is not null && complaint is null)
        {
            return SaveResult.Missing();
        }
        if (complaint is not null && complaint.Status != ComplaintStatus.Registered)
        {
            return SaveResult.Refused(Refusal.WrongState("Klagomålet är redan överlämnat och kan inte ändras."));
        }
        var check = new Validation();
        var today = clock.SwedishToday();
        if (input.ReceivedOn is not { } received)
        {
            check.Add(nameof(ComplaintInput.ReceivedOn), "Ange när klagomålet kom in.");
        }
        else if (received > today)
        {
            check.Add(nameof(ComplaintInput.ReceivedOn), "Datumet kan inte ligga i framtiden.");
        }
        if (input.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            check.Add(nameof(ComplaintInput.Channel), "Välj hur klagomålet kom in.");
        }
        if (input.UnitId is null || !await db.Units.AnyAsync(u => u.Id == input.UnitId, cancellationToken))
        {
            check.Add(nameof(ComplaintInput.UnitId), input.UnitId is null ? "Välj enhet." : "Enheten finns inte.");
        }
        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            check.Add(nameof(ComplaintInput.Category), "Välj kategori.");
        }
        if (input.Severity is not { } severity || !Enum.IsDefined(severity))
        {
            check.Add(nameof(ComplaintInput.Severity), "Välj allvarlighetsgrad.");
        }
        var summary = check.Required(nameof(ComplaintInput.Summary), "sammanfattning", input.Summary, 4000);
        check.NoPersonalIdentityNumber(nameof(ComplaintInput.Summary), "sammanfattningen", summary);
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var wasSerious = complaint?.Severity == Severity.Serious;
        if (complaint is null)
        {
            complaint = new Complaint { Summary = summary };
            db.Complaints.Add(complaint);
        }
        else
        {
            db.ExpectVersion(complaint, input.Version);
        }
        complaint.ReceivedOn = input.ReceivedOn!.Value;
        complaint.Channel = input.Channel!.Value;
        complaint.UnitId = input.UnitId!.Value;
        complaint.Category = input.Category!.Value;
        complaint.Severity = input.Severity!.Value;
        complaint.Summary = summary;
        var saved = await db.SaveOrConflictAsync(complaint.Id, cancellationToken);
        if (saved.Succeeded && complaint.Severity == Severity.Serious && !wasSerious)
        {
            await alerts.RaiseAsync(complaint.UnitId, $"Allvarligt klagomål ({DisplayNames.Of(complaint.Category).ToLower(SwedishText.Culture)}) mottaget {SwedishWording.Date(complaint.ReceivedOn)}",
                complaint.Id, cancellationToken);
        }
        return saved;
    }

    public Task<SaveResult> ForwardAsync(Guid id, ForwardInput input, CancellationToken cancellationToken)
    {
        var check = new Validation();
        if (input.ResponseDueOn is null)
        {
            check.Add(nameof(ForwardInput.ResponseDueOn), "Ange senaste svarsdatum.");
        }
        return ChangeAsync(id, input.Version, check, complaint => complaint.Forward(input.ResponseDueOn!.Value, clock.SwedishToday()), cancellationToken);
    }

    public Task<SaveResult> AnswerAsync(Guid id, AnswerInput input, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var response = check.Required(nameof(AnswerInput.Response), "svar med vidtagna åtgärder", input.Response, 4000);
        check.NoPersonalIdentityNumber(nameof(AnswerInput.Response), "svaret", response);
        return ChangeAsync(id, input.Version, check, complaint => complaint.Answer(response, clock.SwedishToday()), cancellationToken);
    }

    /// <summary>The municipality's stance on referring the complaint to one authority (rule 4; decision 0029).</summary>
    public Task<SaveResult> RecordStanceAsync(Guid id, StanceInput input, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var record = ReferralStanceRecording.Check(check, input, actor.DisplayName, clock.SwedishToday());
        return ChangeAsync(id, input.Version, check, complaint => record(complaint), cancellationToken);
    }

    public Task<SaveResult> CloseAsync(Guid id, CloseInput input, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var note = check.Required(nameof(CloseInput.Note), "en avslutande kommentar", input.Note, 4000);
        check.NoPersonalIdentityNumber(nameof(CloseInput.Note), "kommentaren", note);
        return ChangeAsync(id, input.Version, check, complaint => complaint.Close(note, clock.SwedishToday()), cancellationToken);
    }

    /// <summary>Counts for one year (by date received), as <see cref="EvidenceSummaries.ComplaintsAsync"/> counts them.</summary>
    public Task<ComplaintSummary> SummaryAsync(int year, CancellationToken cancellationToken) => EvidenceSummaries.ComplaintsAsync(db, year, cancellationToken);

    async Task<FileMatter?> IFileMatters.FindAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var complaint = await Visible().AsNoTracking().Where(c => c.Id == ownerId)
            .Select(c => new { c.Status, c.Unit!.ProviderId }).FirstOrDefaultAsync(cancellationToken);
        if (complaint is null)
        {
            return null;
        }
        var mayChange = complaint.Status != ComplaintStatus.Closed && (actor.IsMunicipalHandler() || actor.IsProviderUser());
        return new FileMatter(complaint.ProviderId, mayChange);
    }

    /// <summary>
    /// One step on a complaint the caller can see: not found first, then the input's own errors, then the complaint's refusal
    /// (<paramref name="change"/> runs only on valid input and changes nothing when it refuses).
    /// </summary>
    private async Task<SaveResult> ChangeAsync(Guid id, int version, Validation input, Func<Complaint, Refusal?> change, CancellationToken cancellationToken)
    {
        var complaint = await Visible().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
        {
            return SaveResult.Missing();
        }
        if (!input.IsValid)
        {
            return input.Fail();
        }
        if (change(complaint) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        db.ExpectVersion(complaint, version);
        return await db.SaveOrConflictAsync(id, cancellationToken);
    }
}
