using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Commissions;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Features.Commissions;

/// <summary>A commission in the list: one row, read in the list's single query.</summary>
public sealed record CommissionRow
{
    public required Guid Id { get; init; }
    public required string Title { get; init; }
    public required string Recipient { get; init; }
    public DateOnly DecidedOn { get; init; }
    public required string CaseNumber { get; init; }
    public DateOnly DueOn { get; init; }
    public CommissionState State { get; init; }
    public DateOnly? ReportedOn { get; init; }
    public bool Overdue { get; init; }
}

/// <summary>The list's filters; each narrows. <paramref name="Administration"/>: only those given to the municipality's administration.</summary>
public sealed record CommissionFilter(
    CommissionState? State = null, Guid? CommitteeId = null, bool Administration = false, bool Overdue = false, bool NotReported = false);

public sealed record CommissionStepView(CommissionState State, DateTimeOffset OccurredAt, string ActorName, string? Comment);

/// <summary>A commission as its page and <c>GET /api/v1/commissions/{id}</c> show it, with its history and the attached report.</summary>
public sealed record CommissionDetails(
    Guid Id, string Title, string? Description, Guid? CommitteeId, string Recipient, CommitteeDecision Decision, DateOnly DueOn, CommissionState State,
    bool Overdue, string? ReportSummary, DateOnly? ReportedOn, string? ReportedByName, DateOnly? ClosedOn, IReadOnlyList<Attachment> Files,
    IReadOnlyList<CommissionStepView> Steps, int Version);

/// <summary>A commission as the council board's staff give or edit it; <c>version</c> as last read when editing.</summary>
public sealed record CommissionForm(
    string? Title, [DataType(DataType.MultilineText)] string? Description, Guid? CommitteeId, DateOnly? DecidedOn, string? Paragraph,
    string? CaseNumber, DateOnly? DueOn, int Version = 0);

public sealed record CommissionStepInput([DataType(DataType.MultilineText)] string? Comment, int Version);

public sealed record CommissionReportInput(DateOnly? ReportedOn, [DataType(DataType.MultilineText)] string? Summary, int Version);

/// <summary>A report's attached file, as the page uploads it beside the summary.</summary>
public sealed record ReportFile(string? FileName, Stream Content);

/// <summary>
/// Reads commissions and takes their steps through the domain's rules (<see cref="Commission"/>). What a reader sees is narrowed
/// here once (<see cref="Readable"/>): every commission for the staff and the council board's staff, a committee member only those
/// given to its own committee; a provider none (query filter and policy). The report's file is kept by the file store.
/// </summary>
public sealed class CommissionsHandler(AppDbContext db, TimeProvider clock, ICurrentActor current, FileStore files)
{
    public const string FileOwnerType = "Commission";

    /// <summary>The name of the recipient when the commission goes to no committee.</summary>
    public const string AdministrationName = "Kommunens förvaltning";

    public static string Url(Guid id) => $"/Commissions/Details/{id}";

    public static readonly SortColumns<CommissionRow> Sort = new SortColumns<CommissionRow>("due")
        .Add("due", c => c.DueOn)
        .Add("decided", c => c.DecidedOn)
        .Add("title", c => c.Title)
        .Add("recipient", c => c.Recipient)
        .Add("state", c => c.State);

    /// <summary>
    /// The commissions the actor reads: the council board's staff and the staff every one; one who reads only what is reported to
    /// it (a committee member) those given to its own committee (<see cref="RoleChecks.ReportedTo"/>).
    /// </summary>
    public static IQueryable<Commission> Readable(AppDbContext db, ICurrentActor actor)
    {
        var (every, committee) = actor.IsInRole(R.CouncilReviewer) ? (true, null) : actor.ReportedTo();
        var commissions = db.Commissions.AsNoTracking();
        return every ? commissions : commissions.Where(c => c.CommitteeId != null && c.CommitteeId == committee);
    }

    private IQueryable<Commission> Readable() => Readable(db, current);

    public Task<PagedList<CommissionRow>> ListAsync(ListQuery list, CommissionFilter filter, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var commissions = Readable().Matching(list.Search);
        if (filter.State is { } state)
        {
            commissions = commissions.Where(c => c.State == state);
        }
        if (filter.CommitteeId is { } committeeId)
        {
            commissions = commissions.Where(c => c.CommitteeId == committeeId);
        }
        if (filter.Administration)
        {
            commissions = commissions.Where(c => c.CommitteeId == null);
        }
        if (filter.NotReported || filter.Overdue)
        {
            commissions = commissions.Where(c => c.State == CommissionState.Given || c.State == CommissionState.InProgress);
        }
        if (filter.Overdue)
        {
            commissions = commissions.Where(c => c.DueOn < today);
        }
        return commissions
            .Select(c => new CommissionRow
            {
                Id = c.Id,
                Title = c.Title,
                Recipient = c.Committee != null ? c.Committee.Name : AdministrationName,
                DecidedOn = c.DecidedOn,
                CaseNumber = c.CaseNumber,
                DueOn = c.DueOn,
                State = c.State,
                ReportedOn = c.ReportedOn,
                Overdue = (c.State == CommissionState.Given || c.State == CommissionState.InProgress) && c.DueOn < today,
            })
            .ToPageAsync(list, Sort, c => c.Id, cancellationToken);
    }

    public async Task<CommissionDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var commission = await Readable().Include(c => c.Committee).Include(c => c.Steps).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (commission is null)
        {
            return null;
        }
        return new CommissionDetails(
            commission.Id, commission.Title, commission.Description, commission.CommitteeId, commission.Committee?.Name ?? AdministrationName,
            commission.Decision, commission.DueOn, commission.State, commission.IsOverdue(clock.SwedishToday()), commission.ReportSummary,
            commission.ReportedOn, commission.ReportedByName, commission.ClosedOn, await files.ListAsync(FileOwnerType, id, cancellationToken),
            [.. commission.Steps.OrderBy(s => s.OccurredAt).Select(s => new CommissionStepView(s.State, s.OccurredAt, s.ActorName, s.Comment))],
            commission.Version);
    }

    public async Task<SaveResult> GiveAsync(CommissionForm form, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (await UnknownCommitteeAsync(form.CommitteeId, cancellationToken) is { } unknown)
        {
            return unknown;
        }
        var (commission, refusals) = Commission.Give(Input(form), actor, clock.GetUtcNow(), clock.SwedishToday());
        if (refusals.Count > 0)
        {
            return SaveResult.Refused(refusals);
        }
        db.Commissions.Add(commission!);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(commission!.Id);
    }

    public async Task<SaveResult> EditAsync(Guid id, CommissionForm form, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (await UnknownCommitteeAsync(form.CommitteeId, cancellationToken) is { } unknown)
        {
            return unknown;
        }
        return await StepAsync(id, form.Version, c => c.Edit(Input(form), actor, clock.SwedishToday()), cancellationToken);
    }

    public Task<SaveResult> StartAsync(Guid id, CommissionStepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, c => c.Start(actor, input.Comment, clock.GetUtcNow()) is { } refusal ? [refusal] : [], cancellationToken);

    /// <summary>Reports the answer; with a file, the file is checked and stored in the same save, and a bad file saves nothing.</summary>
    public async Task<SaveResult> ReportAsync(Guid id, CommissionReportInput input, ReportFile? file, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (await Tracked(id, cancellationToken) is not { } commission)
        {
            return SaveResult.Missing();
        }
        if (commission.Report(actor, input.ReportedOn, input.Summary, clock.GetUtcNow(), clock.SwedishToday()) is { Count: > 0 } refusals)
        {
            return SaveResult.Refused(refusals);
        }
        db.ExpectVersion(commission, input.Version);
        if (file is null)
        {
            return await db.SaveOrConflictAsync(id, cancellationToken);
        }
        try
        {
            // The file store saves the context, the report with it; a refused file returns before saving anything.
            var stored = await files.UploadAsync(FileOwnerType, id, file.FileName, file.Content, cancellationToken);
            return stored.Succeeded ? SaveResult.Saved(id) : stored;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Stale();
        }
    }

    public Task<SaveResult> CloseAsync(Guid id, CommissionStepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, c => c.Close(actor, input.Comment, clock.GetUtcNow(), clock.SwedishToday()) is { } refusal ? [refusal] : [], cancellationToken);

    /// <summary>The committee's name for a list filter; null when there is none.</summary>
    public async Task<string?> CommitteeNameAsync(Guid? committeeId, CancellationToken cancellationToken) =>
        committeeId is { } id ? await db.Committees.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) : null;

    private async Task<SaveResult> StepAsync(Guid id, int version, Func<Commission, IReadOnlyList<Refusal>> step, CancellationToken cancellationToken)
    {
        if (await Tracked(id, cancellationToken) is not { } commission)
        {
            return SaveResult.Missing();
        }
        if (step(commission) is { Count: > 0 } refusals)
        {
            return SaveResult.Refused(refusals);
        }
        db.ExpectVersion(commission, version);
        return await db.SaveOrConflictAsync(id, cancellationToken);
    }

    /// <summary>The commission to change, if the actor reads it.</summary>
    private async Task<Commission?> Tracked(Guid id, CancellationToken cancellationToken) =>
        await Readable().AnyAsync(c => c.Id == id, cancellationToken)
            ? await db.Commissions.Include(c => c.Steps).FirstAsync(c => c.Id == id, cancellationToken)
            : null;

    private async Task<SaveResult?> UnknownCommitteeAsync(Guid? committeeId, CancellationToken cancellationToken) =>
        committeeId is { } id && !await db.Committees.AnyAsync(c => c.Id == id, cancellationToken)
            ? SaveResult.Refused(Refusal.Invalid("Välj en nämnd som finns i registret, eller kommunens förvaltning.", nameof(CommissionForm.CommitteeId)))
            : null;

    private static CommissionInput Input(CommissionForm form) =>
        new(form.Title, form.Description, form.CommitteeId, form.DecidedOn, form.Paragraph, form.CaseNumber, form.DueOn);
}
