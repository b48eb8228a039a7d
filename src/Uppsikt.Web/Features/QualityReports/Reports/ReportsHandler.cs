using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Notifications;

namespace Uppsikt.Web.Features.QualityReports.Reports;

public sealed record ReportRow
{
    public required Guid Id { get; init; }
    public required string ProviderName { get; init; }
    public required string ChoiceSystemName { get; init; }
    public int Year { get; init; }
    public DateOnly? DueOn { get; init; }
    public ReportState State { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
}

public sealed record CompletionView(string QuestionCode, string Comment, DateTimeOffset RequestedAt, string RequestedBy, DateTimeOffset? ResolvedAt);

/// <summary>A report as its pages and the API read it: the template's questions with this provider's answers.</summary>
public sealed record ReportDetails(
    Guid Id, Guid TemplateId, string Title, Guid ProviderId, string ProviderName, Guid ChoiceSystemId, string ChoiceSystemName, int Year,
    DateOnly? DueOn, ReportState State, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt, string? ApprovedBy,
    IReadOnlyList<QuestionView> Questions, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<CompletionView> CompletionRequests,
    bool HasLastYear, int Version)
{
    public bool IsOpenForProvider => QualityReport.IsOpen(State);

    public IReadOnlyList<CompletionView> OpenRequests => [.. CompletionRequests.Where(r => r.ResolvedAt is null)];
}

public sealed record LateReport(Guid Id, string ProviderName, string ChoiceSystemName, int Year, DateOnly DueOn, ReportState State, int DaysLate)
{
    /// <summary>Seed 003 §5.1.5: a report still missing (never submitted) after the deadline can lead to a warning.</summary>
    public bool ProposesWarning => State == ReportState.Draft;
}

public sealed record CompletionInput(string Code, [DataType(DataType.MultilineText)] string? Comment);

/// <summary>
/// The reports providers fill in: listed, read, answered, submitted, sent back for completion and approved. Pages and
/// <c>/api/v1/quality-reports</c> call it; <see cref="ReportPortalSources"/> shows reports in the provider portal.
/// </summary>
public sealed class ReportsHandler(AppDbContext db, ICurrentActor actor, TimeProvider clock, ConditionsInForce conditions, HandOffs handOffs)
{
    /// <summary>The owner type of files attached to a report.</summary>
    public const string FileOwnerType = "QualityReport";

    public static readonly SortColumns<ReportRow> Sort = ReportSort("provider");

    /// <summary>The late list: the oldest deadline first unless another column is chosen.</summary>
    public static readonly SortColumns<ReportRow> LateSort = ReportSort("due");

    private static SortColumns<ReportRow> ReportSort(string defaultKey) => new SortColumns<ReportRow>(defaultKey)
        .Add("provider", r => r.ProviderName)
        .Add("choiceSystem", r => r.ChoiceSystemName)
        .Add("year", r => r.Year)
        .Add("state", r => r.State)
        .Add("due", r => r.DueOn);

    /// <summary>The page where the provider fills in a report.</summary>
    public static string FillUrl(Guid id) => $"/QualityReports/Reports/Fill/{id}";

    /// <summary>The page showing a report as submitted, for the municipality and the provider.</summary>
    public static string DetailsUrl(Guid id) => $"/QualityReports/Reports/Details/{id}";

    /// <summary>May edit templates, activate them, request completion and approve.</summary>
    public bool IsReviewer => Policies.EditorRoles.Any(actor.IsInRole);

    /// <summary>Reports as list rows, with their provider's and choice system's names; only reports on quality report templates.</summary>
    internal IQueryable<ReportRow> Rows(IQueryable<QualityReport> reports) =>
        from r in reports.Where(QualityReport.OnReportTemplate)
        join p in db.Providers on r.ProviderId equals p.Id
        join c in db.ChoiceSystems on r.Template!.ChoiceSystemId equals c.Id
        select new ReportRow
        {
            Id = r.Id,
            ProviderName = p.Name,
            ChoiceSystemName = c.Name,
            Year = r.Template!.Year,
            DueOn = r.Template.DueOn,
            State = r.State,
            SubmittedAt = r.SubmittedAt,
        };

    public Task<PagedList<ReportRow>> ListAsync(ListQuery list, int? year, ReportState? state, CancellationToken cancellationToken)
    {
        var reports = db.QualityReports.AsNoTracking();
        if (year is { } y)
        {
            reports = reports.Where(r => r.Template!.Year == y);
        }
        if (state is { } s)
        {
            reports = reports.Where(r => r.State == s);
        }
        if (!string.IsNullOrWhiteSpace(list.Search))
        {
            // The register's folded search words, so the search ignores case (also for å, ä and ö) on every database.
            var providers = db.Providers.Matching(list.Search);
            var choiceSystems = db.ChoiceSystems.Matching(list.Search);
            reports = reports.Where(r => providers.Any(p => p.Id == r.ProviderId) || choiceSystems.Any(c => c.Id == r.Template!.ChoiceSystemId));
        }
        return Rows(reports).ToPageAsync(list, Sort, r => r.Id, cancellationToken);
    }

    /// <summary>Reports of activated templates past their deadline and not yet submitted, or with a completion still open.</summary>
    public async Task<PagedList<LateReport>> LateAsync(ListQuery list, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var page = await Rows(db.QualityReports.AsNoTracking()
                .Where(r => r.Template!.DueOn < today).Where(QualityReport.Open))
            .ToPageAsync(list, LateSort, r => r.Id, cancellationToken);
        return new PagedList<LateReport>([.. page.Items.Select(r => new LateReport(r.Id, r.ProviderName, r.ChoiceSystemName, r.Year, r.DueOn!.Value, r.State,
            today.DayNumber - r.DueOn.Value.DayNumber))], page.Total, page.Page, page.PageSize);
    }

    public async Task<ReportDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await db.QualityReports.AsNoTracking().AsSplitQuery().Where(QualityReport.OnReportTemplate)
            .Include(r => r.Template!).ThenInclude(t => t.Questions).Include(r => r.Answers).Include(r => r.CompletionRequests)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return null;
        }
        var template = report.Template!;
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == report.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        var choiceSystem = await db.ChoiceSystems.AsNoTracking().Where(c => c.Id == template.ChoiceSystemId).Select(c => c.Name).SingleAsync(cancellationToken);
        var hasLastYear = await LastYearQuery(report.ProviderId, template).AnyAsync(cancellationToken);
        return new ReportDetails(report.Id, template.Id, template.Title, report.ProviderId, provider, template.ChoiceSystemId, choiceSystem, template.Year,
            template.DueOn, report.State, report.SubmittedAt, report.ApprovedAt, report.ApprovedBy, await QuestionViews.ReadAsync(conditions, template, cancellationToken),
            report.AnswerMap(), [.. report.CompletionRequests.OrderBy(c => c.RequestedAt).Select(c => new CompletionView(c.QuestionCode, c.Comment, c.RequestedAt, c.RequestedBy, c.ResolvedAt))],
            hasLastYear, report.Version);
    }

    private IQueryable<QualityReport> LastYearQuery(Guid providerId, QualityReportTemplate template) =>
        db.QualityReports.Where(QualityReport.OnReportTemplate)
            .Where(r => r.ProviderId == providerId && r.Template!.ChoiceSystemId == template.ChoiceSystemId && r.Template.Year == template.Year - 1);


    /// <summary>
    /// Saves the provider's answers as a draft, and with <paramref name="submit"/> submits (or resubmits) them when every required
    /// question shown is answered. Field errors are keyed by question code.
    /// </summary>
    public async Task<SaveResult> SaveAnswersAsync(Guid id, IReadOnlyDictionary<string, string?> answers, int version, bool submit, bool hasFiles,
        CancellationToken cancellationToken)
    {
        if (!actor.IsProviderUser())
        {
            return SaveResult.Refused(ProvidersOnly);
        }
        var report = await LoadAsync(id, cancellationToken);
        if (report is null)
        {
            return SaveResult.Missing();
        }
        db.ExpectVersion(report, version);
        if (report.SaveAnswers(report.Template!, answers) is { } refused)
        {
            return SaveResult.Refused(refused);
        }
        if (report.CheckAnswers(report.Template!) is { Count: > 0 } wrong)
        {
            return SaveResult.Refused(wrong);
        }
        var now = clock.GetUtcNow();
        if (submit && report.Submit(report.Template!, hasFiles, now) is { Count: > 0 } missing)
        {
            return SaveResult.Refused(missing);
        }
        if (submit)
        {
            var provider = await ProviderNameAsync(report, cancellationToken);
            var again = report.State == ReportState.Resubmitted ? "kompletterat och skickat in" : "skickat in";
            await handOffs.WaitsForAsync(new HandOff($"quality-report-submitted:{report.Id:N}:{now.UtcTicks}", Roles.QualityDeveloper,
                $"Kvalitetsrapport att granska: {provider} – {report.Template!.Title}",
                $"{provider} har {again} rapporten ”{report.Template!.Title}”, som väntar på granskning.", DetailsUrl(report.Id)), cancellationToken);
        }
        return await db.SaveOrConflictAsync(report.Id, cancellationToken);
    }

    /// <summary>Copies last year's answers for the same choice system into the report, by question code.</summary>
    public async Task<(SaveResult Result, int Copied)> CopyLastYearAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!actor.IsProviderUser())
        {
            return (SaveResult.Refused(ProvidersOnly), 0);
        }
        var report = await LoadAsync(id, cancellationToken);
        if (report is null)
        {
            return (SaveResult.Missing(), 0);
        }
        var lastYear = await LastYearQuery(report.ProviderId, report.Template!).Include(r => r.Answers).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (lastYear is null)
        {
            return (SaveResult.Refused(Refusal.Invalid("Det finns ingen rapport från förra året för det här kundvalet.")), 0);
        }
        var copied = report.CopyFrom(lastYear, report.Template!);
        db.ExpectVersion(report, report.Version);
        return (await db.SaveOrConflictAsync(report.Id, cancellationToken), copied);
    }

    public async Task<SaveResult> RequestCompletionAsync(Guid id, IReadOnlyList<CompletionInput> requests, CancellationToken cancellationToken)
    {
        if (!IsReviewer)
        {
            return SaveResult.Refused(ReviewersOnly);
        }
        var report = await LoadAsync(id, cancellationToken);
        if (report is null)
        {
            return SaveResult.Missing();
        }
        var codes = report.Template!.Questions.Select(q => q.Code).ToHashSet(StringComparer.Ordinal);
        var chosen = requests.Where(r => codes.Contains(r.Code)).ToList();
        var errors = new Validation();
        foreach (var request in chosen.Where(r => string.IsNullOrWhiteSpace(r.Comment)))
        {
            errors.Add(request.Code, $"Skriv vad som ska kompletteras i fråga {request.Code}.");
        }
        if (!errors.IsValid)
        {
            return errors.Fail();
        }
        db.ExpectVersion(report, report.Version);
        if (report.RequestCompletion([.. chosen.Select(r => (r.Code, r.Comment!.Trim()))], actor.DisplayName, clock.GetUtcNow()) is { } refused)
        {
            return SaveResult.Refused(refused);
        }
        // Only the report's own provider's users hear of it.
        var questions = SwedishText.Count(chosen.Count, "fråga", "frågor");
        await handOffs.WaitsForAsync(new HandOff($"quality-report-completion:{report.CompletionRequests[^1].Id:N}", Roles.ProviderUser,
            $"Komplettering begärd: {report.Template!.Title}",
            $"Kommunen har begärt komplettering av {questions} i rapporten ”{report.Template!.Title}”. Komplettera och skicka in rapporten igen.", FillUrl(report.Id))
        { ProviderId = report.ProviderId }, cancellationToken);
        return await db.SaveOrConflictAsync(report.Id, cancellationToken);
    }

    public async Task<SaveResult> ApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!IsReviewer)
        {
            return SaveResult.Refused(ReviewersOnly);
        }
        var report = await LoadAsync(id, cancellationToken);
        if (report is null)
        {
            return SaveResult.Missing();
        }
        db.ExpectVersion(report, report.Version);
        return report.Approve(actor.DisplayName, clock.GetUtcNow()) is { } refused
            ? SaveResult.Refused(refused)
            : await db.SaveOrConflictAsync(report.Id, cancellationToken);
    }

    private static readonly Refusal ProvidersOnly = Refusal.NotAllowed("Bara anordnarens egna användare kan fylla i rapporten.");

    private static readonly Refusal ReviewersOnly = Refusal.NotAllowed("Bara kvalitetsutvecklare och systemförvaltare kan granska kvalitetsrapporter.");

    private async Task<string> ProviderNameAsync(QualityReport report, CancellationToken cancellationToken) =>
        await db.Providers.Where(p => p.Id == report.ProviderId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken) ?? "Anordnaren";

    private Task<QualityReport?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.QualityReports.AsSplitQuery().Where(QualityReport.OnReportTemplate).Include(r => r.Template!).ThenInclude(t => t.Questions).Include(r => r.Answers).Include(r => r.CompletionRequests)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
}
