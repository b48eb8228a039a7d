using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.QualityReports;

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

public sealed record QuestionView(
    Guid Id, string Section, string Code, string Text, string? HelpText, QuestionKind Kind, IReadOnlyList<string> Choices, bool Required,
    IReadOnlyList<Guid> ConditionIds, IReadOnlyList<string> ConditionCodes, string? ShownWhenCode, string? ShownWhenAnswer)
{
    /// <summary>The note shown by a conditional question, for a reader without the script that hides it.</summary>
    public string? ShownWhenNote => ShownWhenCode is null ? null : $"Besvaras bara om svaret på fråga {ShownWhenCode} är ”{ShownWhenAnswer}”.";
}

public sealed record CompletionView(string QuestionCode, string Comment, DateTimeOffset RequestedAt, string RequestedBy, DateTimeOffset? ResolvedAt);

/// <summary>A report as its pages and the API read it: the template's questions with this provider's answers.</summary>
public sealed record ReportDetails(
    Guid Id, Guid TemplateId, string Title, Guid ProviderId, string ProviderName, Guid ChoiceSystemId, string ChoiceSystemName, int Year,
    DateOnly? DueOn, ReportState State, DateTimeOffset? SubmittedAt, DateTimeOffset? ApprovedAt, string? ApprovedBy,
    IReadOnlyList<QuestionView> Questions, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<CompletionView> CompletionRequests,
    bool HasLastYear, int Version)
{
    public bool IsOpenForProvider => State is ReportState.Draft or ReportState.CompletionRequested;

    public IReadOnlyList<CompletionView> OpenRequests => [.. CompletionRequests.Where(r => r.ResolvedAt is null)];
}

public sealed record TemplateRow(Guid Id, string Title, string ChoiceSystemName, int Year, TemplateState State, DateOnly? DueOn, int QuestionCount, int ReportCount);

public sealed record TemplateDetails(Guid Id, string Title, Guid ChoiceSystemId, string ChoiceSystemName, int Year, TemplateState State, DateOnly? DueOn,
    IReadOnlyList<QuestionView> Questions, int ReportCount, int Version);

public sealed record LateReport(Guid Id, string ProviderName, string ChoiceSystemName, int Year, DateOnly DueOn, ReportState State, int DaysLate)
{
    /// <summary>Seed 003 §5.1.5: a report still missing (never submitted) after the deadline can lead to a warning.</summary>
    public bool ProposesWarning => State == ReportState.Draft;
}

/// <summary>An open request to a provider, for its start page: what, by when, and where to answer it.</summary>

public sealed record NewTemplateInput(Guid? ChoiceSystemId, int? Year, string? Title);

public sealed record CompletionInput(string Code, string? Comment);

/// <summary>Quality report templates and the reports providers fill in; pages and <c>/api/v1/quality-reports</c> call it.</summary>
public sealed class QualityReportsHandler(AppDbContext db, TimeProvider clock) : IFileMatters, IPortalRequestSource, IPortalMatterSource
{
    /// <summary>The owner type of files attached to a report.</summary>
    public const string FileOwnerType = "QualityReport";

    public static readonly SortColumns<ReportRow> Sort = ReportSort("provider");

    /// <summary>The late list: the oldest deadline first unless another column is chosen.</summary>
    public static readonly SortColumns<ReportRow> LateSort = ReportSort("due");

    public static readonly SortColumns<TemplateRow> TemplateSort = new SortColumns<TemplateRow>("year")
        .Add("title", t => t.Title)
        .Add("choiceSystem", t => t.ChoiceSystemName)
        .Add("year", t => t.Year)
        .Add("state", t => t.State)
        .Add("due", t => t.DueOn);

    private static SortColumns<ReportRow> ReportSort(string defaultKey) => new SortColumns<ReportRow>(defaultKey)
        .Add("provider", r => r.ProviderName)
        .Add("choiceSystem", r => r.ChoiceSystemName)
        .Add("year", r => r.Year)
        .Add("state", r => r.State)
        .Add("due", r => r.DueOn);

    /// <summary>May edit templates, activate them, request completion and approve.</summary>
    public static bool IsReviewer(ClaimsPrincipal user) => Policies.EditorRoles.Any(user.IsInRole);

    public static string ActorName(ClaimsPrincipal user) => user.FindFirstValue(UppsiktClaims.DisplayName) ?? user.Identity?.Name ?? "okänd";

    private IQueryable<ReportRow> Rows(IQueryable<QualityReport> reports) =>
        from r in reports
        join p in db.Providers on r.ProviderId equals p.Id
        join c in db.ChoiceSystems on r.Template!.ChoiceSystemId equals c.Id
        select new ReportRow
        {
            Id = r.Id, ProviderName = p.Name, ChoiceSystemName = c.Name, Year = r.Template!.Year, DueOn = r.Template.DueOn,
            State = r.State, SubmittedAt = r.SubmittedAt,
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

    /// <summary>The provider's reports still to fill in or complete, for the portal's list of requests.</summary>
    public async Task<IReadOnlyList<PortalRequest>> OpenRequestsAsync(Guid providerId, DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await Rows(db.QualityReports.AsNoTracking()
                .Where(r => r.ProviderId == providerId && (r.State == ReportState.Draft || r.State == ReportState.CompletionRequested)))
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.DueOn is not null).OrderBy(r => r.DueOn).Select(r => new PortalRequest(
            r.State == ReportState.CompletionRequested ? "Kvalitetsrapport att komplettera" : "Kvalitetsrapport att lämna",
            $"Kvalitetsrapport {r.Year}: {r.ChoiceSystemName}", r.DueOn!.Value, $"/QualityReports/Fill/{r.Id}", r.DueOn < today))];
    }

    /// <summary>Reports of activated templates past their deadline and not yet submitted, or with a completion still open.</summary>
    public async Task<PagedList<LateReport>> LateAsync(ListQuery list, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var page = await Rows(db.QualityReports.AsNoTracking()
                .Where(r => r.Template!.DueOn < today && (r.State == ReportState.Draft || r.State == ReportState.CompletionRequested)))
            .ToPageAsync(list, LateSort, r => r.Id, cancellationToken);
        return new PagedList<LateReport>([.. page.Items.Select(r => new LateReport(r.Id, r.ProviderName, r.ChoiceSystemName, r.Year, r.DueOn!.Value, r.State,
            today.DayNumber - r.DueOn.Value.DayNumber))], page.Total, page.Page, page.PageSize);
    }

    public async Task<ReportDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var report = await db.QualityReports.AsNoTracking().AsSplitQuery()
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
            template.DueOn, report.State, report.SubmittedAt, report.ApprovedAt, report.ApprovedBy, await QuestionsAsync(template, cancellationToken),
            report.AnswerMap(), [.. report.CompletionRequests.OrderBy(c => c.RequestedAt).Select(c => new CompletionView(c.QuestionCode, c.Comment, c.RequestedAt, c.RequestedBy, c.ResolvedAt))],
            hasLastYear, report.Version);
    }

    private IQueryable<QualityReport> LastYearQuery(Guid providerId, QualityReportTemplate template) =>
        db.QualityReports.Where(r => r.ProviderId == providerId && r.Template!.ChoiceSystemId == template.ChoiceSystemId && r.Template.Year == template.Year - 1);

    private async Task<IReadOnlyList<QuestionView>> QuestionsAsync(QualityReportTemplate template, CancellationToken cancellationToken)
    {
        var conditionIds = template.Questions.SelectMany(q => q.ConditionIds).Distinct().ToList();
        var codes = await db.Conditions.AsNoTracking().Where(c => conditionIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        return [.. template.Ordered.Select(q => new QuestionView(q.Id, q.Section, q.Code, q.Text, q.HelpText, q.Kind, q.Choices, q.Required, q.ConditionIds,
            [.. q.ConditionIds.Where(codes.ContainsKey).Select(c => codes[c]).Order(StringComparer.Ordinal)], q.ShownWhenCode, q.ShownWhenAnswer))];
    }

    /// <summary>
    /// Saves the provider's answers as a draft, and with <paramref name="submit"/> submits (or resubmits) them when every required
    /// question shown is answered. Field errors are keyed by question code.
    /// </summary>
    public async Task<SaveResult> SaveAnswersAsync(Guid id, IReadOnlyDictionary<string, string?> answers, int version, bool submit, bool hasFiles,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.ProviderUser))
        {
            return SaveResult.Missing();
        }
        var report = await LoadAsync(id, cancellationToken);
        if (report is null)
        {
            return SaveResult.Missing();
        }
        db.ExpectVersion(report, version);
        if (report.SaveAnswers(report.Template!, answers) is { } refused)
        {
            return Invalid("", refused);
        }
        var errors = AnswerErrors(report.Template!, report.AnswerMap());
        if (errors.Count > 0)
        {
            return SaveResult.Invalid(errors);
        }
        if (submit && report.Submit(report.Template!, hasFiles, clock.GetUtcNow()) is { Count: > 0 } missing)
        {
            return SaveResult.Invalid(missing.GroupBy(m => m.Code).ToDictionary(g => g.Key, g => g.Select(m => m.Message).ToArray()));
        }
        return await db.SaveOrConflictAsync(report.Id, cancellationToken);
    }

    /// <summary>Numbers must be numbers and choices one of the question's.</summary>
    private static Dictionary<string, string[]> AnswerErrors(QualityReportTemplate template, IReadOnlyDictionary<string, string> answers)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var question in template.Questions.Where(q => answers.ContainsKey(q.Code)))
        {
            var value = answers[question.Code];
            var message = question.Kind switch
            {
                QuestionKind.Number when !decimal.TryParse(value.Replace(" ", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Number, SwedishText.Culture, out _)
                    => $"Svaret på fråga {question.Code} ska vara ett tal.",
                QuestionKind.YesNo when value is not (QuestionVisibility.Yes or QuestionVisibility.No) => $"Svara ja eller nej på fråga {question.Code}.",
                QuestionKind.SingleChoice when !question.Choices.Contains(value) => $"Välj ett av alternativen på fråga {question.Code}.",
                QuestionKind.MultipleChoice when value.Split('\n').Any(v => !question.Choices.Contains(v.Trim())) => $"Välj bland alternativen på fråga {question.Code}.",
                _ => null,
            };
            if (message is not null)
            {
                errors[question.Code] = [message];
            }
        }
        return errors;
    }

    /// <summary>Copies last year's answers for the same choice system into the report, by question code.</summary>
    public async Task<(SaveResult Result, int Copied)> CopyLastYearAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var report = user.IsInRole(Roles.ProviderUser) ? await LoadAsync(id, cancellationToken) : null;
        if (report is null)
        {
            return (SaveResult.Missing(), 0);
        }
        var lastYear = await LastYearQuery(report.ProviderId, report.Template!).Include(r => r.Answers).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (lastYear is null)
        {
            return (Invalid("", "Det finns ingen rapport från förra året för det här kundvalet."), 0);
        }
        var copied = report.CopyFrom(lastYear, report.Template!);
        db.ExpectVersion(report, report.Version);
        return (await db.SaveOrConflictAsync(report.Id, cancellationToken), copied);
    }

    public async Task<SaveResult> RequestCompletionAsync(Guid id, IReadOnlyList<CompletionInput> requests, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var report = IsReviewer(user) ? await LoadAsync(id, cancellationToken) : null;
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
        if (report.RequestCompletion([.. chosen.Select(r => (r.Code, r.Comment!.Trim()))], ActorName(user), clock.GetUtcNow()) is { } refused)
        {
            return Invalid("", refused);
        }
        return await db.SaveOrConflictAsync(report.Id, cancellationToken);
    }

    public async Task<SaveResult> ApproveAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var report = IsReviewer(user) ? await LoadAsync(id, cancellationToken) : null;
        if (report is null)
        {
            return SaveResult.Missing();
        }
        db.ExpectVersion(report, report.Version);
        return report.Approve(ActorName(user), clock.GetUtcNow()) is { } refused
            ? Invalid("", refused)
            : await db.SaveOrConflictAsync(report.Id, cancellationToken);
    }

    private Task<QualityReport?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        db.QualityReports.AsSplitQuery().Include(r => r.Template!).ThenInclude(t => t.Questions).Include(r => r.Answers).Include(r => r.CompletionRequests)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private static SaveResult Invalid(string field, string message) =>
        SaveResult.Invalid(new Dictionary<string, string[]> { [field] = [message] });

    // Templates

    public Task<PagedList<TemplateRow>> TemplatesAsync(ListQuery list, CancellationToken cancellationToken) =>
        (from t in db.QualityReportTemplates.AsNoTracking()
         join c in db.ChoiceSystems on t.ChoiceSystemId equals c.Id
         select new TemplateRow(t.Id, t.Title, c.Name, t.Year, t.State, t.DueOn, t.Questions.Count, db.QualityReports.Count(r => r.TemplateId == t.Id)))
            .ToPageAsync(list, TemplateSort, t => t.Id, cancellationToken);

    public async Task<TemplateDetails?> TemplateAsync(Guid id, CancellationToken cancellationToken)
    {
        var template = await db.QualityReportTemplates.AsNoTracking().Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return null;
        }
        var choiceSystem = await db.ChoiceSystems.AsNoTracking().Where(c => c.Id == template.ChoiceSystemId).Select(c => c.Name).SingleAsync(cancellationToken);
        var reports = await db.QualityReports.CountAsync(r => r.TemplateId == id, cancellationToken);
        return new TemplateDetails(template.Id, template.Title, template.ChoiceSystemId, choiceSystem, template.Year, template.State, template.DueOn,
            await QuestionsAsync(template, cancellationToken), reports, template.Version);
    }

    /// <summary>The template a question belongs to, or null when there is no such question.</summary>
    public async Task<TemplateDetails?> TemplateOfQuestionAsync(Guid questionId, CancellationToken cancellationToken) =>
        await db.TemplateQuestions.AsNoTracking().Where(q => q.Id == questionId).Select(q => (Guid?)q.TemplateId).SingleOrDefaultAsync(cancellationToken) is { } templateId
            ? await TemplateAsync(templateId, cancellationToken)
            : null;

    /// <summary>A new template for a choice system and year, starting from the common areas' questions.</summary>
    public async Task<SaveResult> CreateTemplateAsync(NewTemplateInput input, CancellationToken cancellationToken)
    {
        var v = new Validation();
        var title = v.Required(nameof(input.Title), "en rubrik", input.Title);
        if (input.ChoiceSystemId is not { } choiceSystemId || !await db.ChoiceSystems.AnyAsync(c => c.Id == choiceSystemId, cancellationToken))
        {
            v.Add(nameof(input.ChoiceSystemId), "Välj ett kundval.");
        }
        if (input.Year is not (>= 2000 and <= 2100))
        {
            v.Add(nameof(input.Year), "Ange ett år mellan 2000 och 2100.");
        }
        else if (v.IsValid && await db.QualityReportTemplates.AnyAsync(t => t.ChoiceSystemId == input.ChoiceSystemId && t.Year == input.Year, cancellationToken))
        {
            v.Add(nameof(input.Year), "Kundvalet har redan en mall för det året.");
        }
        if (!v.IsValid)
        {
            return v.Fail();
        }
        var template = new QualityReportTemplate { ChoiceSystemId = input.ChoiceSystemId!.Value, Year = input.Year!.Value, Title = title };
        template.Questions.AddRange(StarterQuestions.For(template.Id));
        db.QualityReportTemplates.Add(template);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(template.Id);
    }

    /// <summary>Activates a template with a deadline and gives each provider with an authorisation in force in the choice system its report.</summary>
    public async Task<(SaveResult Result, int Created)> ActivateAsync(Guid id, DateOnly? dueOn, int version, CancellationToken cancellationToken)
    {
        var template = await db.QualityReportTemplates.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return (SaveResult.Missing(), 0);
        }
        db.ExpectVersion(template, version);
        var today = clock.SwedishToday();
        if (dueOn is not { } due)
        {
            return (Invalid("DueOn", "Ange sista dag för inlämning."), 0);
        }
        if (template.Activate(due, today) is { } refused)
        {
            return (Invalid("DueOn", refused), 0);
        }
        var authorised = await db.Authorisations.AsNoTracking()
            .Where(a => a.ChoiceSystemId == template.ChoiceSystemId && a.Status == AuthorisationStatus.Active
                && (a.ValidFrom == null || a.ValidFrom <= today) && (a.ValidTo == null || today <= a.ValidTo))
            .Select(a => a.ProviderId).Distinct().ToListAsync(cancellationToken);
        var existing = await db.QualityReports.Where(r => r.TemplateId == id).Select(r => r.ProviderId).ToListAsync(cancellationToken);
        var created = 0;
        foreach (var providerId in authorised.Except(existing))
        {
            db.QualityReports.Add(new QualityReport { TemplateId = id, ProviderId = providerId });
            created++;
        }
        return (await db.SaveOrConflictAsync(id, cancellationToken), created);
    }

    string IFileMatters.OwnerType => FileOwnerType;

    string IPortalMatterSource.MatterKind => FileOwnerType;

    async Task<PortalMatter?> IPortalMatterSource.FindMatterAsync(Guid id, CancellationToken cancellationToken) =>
        await (from report in db.QualityReports.AsNoTracking()
               join c in db.ChoiceSystems on report.Template!.ChoiceSystemId equals c.Id
               where report.Id == id
               select new { report.ProviderId, report.Template!.Year, ChoiceSystem = c.Name }).FirstOrDefaultAsync(cancellationToken) is { } r
            ? new PortalMatter(FileOwnerType, id, r.ProviderId, $"Kvalitetsrapport {r.Year}: {r.ChoiceSystem}", $"/QualityReports/Details/{id}")
            : null;

    /// <summary>A report's files are the provider's answers to its file questions: only the provider adds them, while the report is open.</summary>
    async Task<FileMatter?> IFileMatters.FindAsync(Guid ownerId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var report = await db.QualityReports.AsNoTracking().Where(r => r.Id == ownerId).Select(r => new { r.ProviderId, r.State }).FirstOrDefaultAsync(cancellationToken);
        return report is null ? null
            : new FileMatter(report.ProviderId, user.IsInRole(Roles.ProviderUser) && report.State is ReportState.Draft or ReportState.CompletionRequested);
    }
}
