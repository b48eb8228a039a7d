using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.AnnualReports;

/// <summary>An annual report in the list: one row, read in the list's single query.</summary>
public sealed record AnnualReportRow
{
    public required Guid Id { get; init; }
    public int Year { get; init; }
    public required string Committee { get; init; }
    public string? ChoiceSystem { get; init; }
    public AnnualReportState State { get; init; }
    public DateOnly? SubmittedOn { get; init; }
    public DateOnly? DecidedOn { get; init; }
}

public sealed record AnnualReportFilter(int? Year = null, Guid? CommitteeId = null, AnnualReportState? State = null);

/// <summary>An annual report as its page, its Word file and <c>GET /api/v1/annual-reports/{id}</c> show it: the narrative and the figures.</summary>
public sealed record AnnualReportDetails(
    Guid Id, int Year, Guid CommitteeId, string Committee, Guid? ChoiceSystemId, string? ChoiceSystem, AnnualReportState State,
    string? Summary, string? Analysis, string? ImprovementAreas, string? Proposals, DateOnly? SubmittedOn, string? SubmittedByName,
    CommitteeDecision? Decision, string? DecisionRecordedByName, AnnualReportFigures Figures, int Version)
{
    /// <summary>"Årsrapport 2025 – Hemtjänst, Socialnämnden".</summary>
    public string Title => $"Årsrapport {Year} – {(ChoiceSystem is null ? Committee : $"{ChoiceSystem}, {Committee.ToLower(SwedishText.Culture)}")}";
}

public sealed record AnnualReportStart(int? Year, Guid? CommitteeId, Guid? ChoiceSystemId);

public sealed record AnnualReportTextInput(
    [DataType(DataType.MultilineText)] string? Summary, [DataType(DataType.MultilineText)] string? Analysis,
    [DataType(DataType.MultilineText)] string? ImprovementAreas, [DataType(DataType.MultilineText)] string? Proposals, int Version);

public sealed record AnnualReportStepInput(int Version);

public sealed record AnnualReportDecisionInput(DateOnly? DecidedOn, string? Paragraph, string? CaseNumber, int Version);

/// <summary>
/// Reads and writes annual reports through the domain's rules (<see cref="AnnualReport"/>). What a reader sees is narrowed here once
/// (<see cref="Readable"/>): the staff every report, a committee member its own committee's once submitted to it; a provider and a
/// district none (query filter and policy). A draft's figures are computed on reading; a submitted report's are those it froze.
/// </summary>
public sealed class AnnualReportsHandler(AppDbContext db, AnnualReportFigureSource figureSource, ICurrentActor current, TimeProvider clock)
{
    public static string Url(Guid id) => $"/AnnualReports/Details/{id}";

    public static readonly SortColumns<AnnualReportRow> Sort = new SortColumns<AnnualReportRow>("year")
        .Add("year", r => r.Year)
        .Add("committee", r => r.Committee)
        .Add("choicesystem", r => r.ChoiceSystem)
        .Add("state", r => r.State)
        .Add("decided", r => r.DecidedOn);

    private IQueryable<AnnualReport> Readable()
    {
        var (every, committee) = current.ReportedTo();
        var reports = db.AnnualReports.AsNoTracking();
        return every ? reports : reports.Where(r => r.CommitteeId == committee && r.State != AnnualReportState.Draft);
    }

    public Task<PagedList<AnnualReportRow>> ListAsync(ListQuery list, AnnualReportFilter filter, CancellationToken cancellationToken)
    {
        var reports = Readable();
        if (filter.Year is { } year)
        {
            reports = reports.Where(r => r.Year == year);
        }
        if (filter.CommitteeId is { } committeeId)
        {
            reports = reports.Where(r => r.CommitteeId == committeeId);
        }
        if (filter.State is { } state)
        {
            reports = reports.Where(r => r.State == state);
        }
        return reports
            .Select(r => new AnnualReportRow
            {
                Id = r.Id,
                Year = r.Year,
                Committee = r.Committee!.Name,
                ChoiceSystem = r.ChoiceSystem != null ? r.ChoiceSystem.Name : null,
                State = r.State,
                SubmittedOn = r.SubmittedOn,
                DecidedOn = r.DecidedOn,
            })
            .ToPageAsync(list, Sort, r => r.Id, cancellationToken);
    }

    public async Task<AnnualReportDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await Readable().Include(r => r.Committee).Include(r => r.ChoiceSystem).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return null;
        }
        var figures = report.Figures is { } frozen
            ? AnnualReportFigures.Deserialize(frozen)
            : await figureSource.ComputeAsync(report.Year, report.CommitteeId, report.ChoiceSystemId, cancellationToken);
        return new AnnualReportDetails(report.Id, report.Year, report.CommitteeId, report.Committee!.Name, report.ChoiceSystemId, report.ChoiceSystem?.Name,
            report.State, report.Summary, report.Analysis, report.ImprovementAreas, report.Proposals, report.SubmittedOn, report.SubmittedByName,
            report.Decision, report.DecisionRecordedByName, figures, report.Version);
    }

    /// <summary>Starts a draft for the year and the committee, or one of its choice systems; one report per year and scope.</summary>
    public async Task<SaveResult> StartAsync(AnnualReportStart input, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (AnnualReport.RefuseWriter(actor) is { } notWriter)
        {
            return SaveResult.Refused(notWriter);
        }
        if (input.CommitteeId is not { } committeeId || !await db.Committees.AnyAsync(c => c.Id == committeeId, cancellationToken))
        {
            return SaveResult.Refused(Refusal.Invalid("Välj nämnden som rapporten gäller.", nameof(AnnualReportStart.CommitteeId)));
        }
        if (input.ChoiceSystemId is { } choiceSystemId && !await db.ChoiceSystems.AnyAsync(c => c.Id == choiceSystemId && c.CommitteeId == committeeId, cancellationToken))
        {
            return SaveResult.Refused(Refusal.Invalid("Välj ett av nämndens kundval, eller inget för hela nämnden.", nameof(AnnualReportStart.ChoiceSystemId)));
        }
        var (report, refusal) = AnnualReport.Start(input.Year, committeeId, input.ChoiceSystemId, actor, clock.SwedishToday());
        if (refusal is not null)
        {
            return SaveResult.Refused(refusal);
        }
        if (await db.AnnualReports.AnyAsync(r => r.Year == report!.Year && r.CommitteeId == committeeId && r.ChoiceSystemId == input.ChoiceSystemId, cancellationToken))
        {
            return SaveResult.Refused(Refusal.Invalid(
                $"Det finns redan en årsrapport för {report!.Year} för {(input.ChoiceSystemId is null ? "hela nämnden" : "kundvalet")}.", nameof(AnnualReportStart.Year)));
        }
        db.AnnualReports.Add(report!);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(report!.Id);
    }

    public Task<SaveResult> WriteAsync(Guid id, AnnualReportTextInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, r => Task.FromResult(r.Write(new AnnualReportText(input.Summary, input.Analysis, input.ImprovementAreas, input.Proposals), actor)),
            cancellationToken);

    /// <summary>Submits the report to the committee, freezing its figures as they are computed now.</summary>
    public Task<SaveResult> SubmitAsync(Guid id, AnnualReportStepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, async r =>
        {
            if (AnnualReport.RefuseWriter(actor) is { } refusal)
            {
                return [refusal];
            }
            var computed = await figureSource.ComputeAsync(r.Year, r.CommitteeId, r.ChoiceSystemId, cancellationToken);
            return r.Submit(computed.Serialize(), actor, clock.SwedishToday());
        }, cancellationToken);

    public Task<SaveResult> WithdrawAsync(Guid id, AnnualReportStepInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, r => Task.FromResult<IReadOnlyList<Refusal>>(r.Withdraw(actor) is { } refusal ? [refusal] : []), cancellationToken);

    public Task<SaveResult> RecordDecisionAsync(Guid id, AnnualReportDecisionInput input, WorkflowActor actor, CancellationToken cancellationToken) =>
        StepAsync(id, input.Version, r => Task.FromResult<IReadOnlyList<Refusal>>(
            r.RecordDecision(input.DecidedOn, input.Paragraph, input.CaseNumber, actor, clock.SwedishToday()) is { } refusal ? [refusal] : []), cancellationToken);

    private async Task<SaveResult> StepAsync(Guid id, int version, Func<AnnualReport, Task<IReadOnlyList<Refusal>>> step, CancellationToken cancellationToken)
    {
        if (!await Readable().AnyAsync(r => r.Id == id, cancellationToken))
        {
            return SaveResult.Missing();
        }
        var report = await db.AnnualReports.FirstAsync(r => r.Id == id, cancellationToken);
        if (await step(report) is { Count: > 0 } refusals)
        {
            return SaveResult.Refused(refusals);
        }
        db.ExpectVersion(report, version);
        return await db.SaveOrConflictAsync(id, cancellationToken);
    }
}
