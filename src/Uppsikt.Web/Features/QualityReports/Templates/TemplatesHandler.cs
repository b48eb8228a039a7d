using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports.Templates;

public sealed record TemplateRow(Guid Id, string Title, string ChoiceSystemName, int Year, TemplateState State, DateOnly? DueOn, int QuestionCount, int ReportCount,
    ReviewType? ReviewType);

public sealed record TemplateDetails(Guid Id, string Title, Guid ChoiceSystemId, string ChoiceSystemName, int Year, TemplateState State, DateOnly? DueOn,
    IReadOnlyList<QuestionView> Questions, int ReportCount, int Version, ReviewType? ReviewType)
{
    /// <summary>A review checklist (decision 0020) rather than a quality report template.</summary>
    public bool IsChecklist => ReviewType is not null;

    /// <summary>What the pages call it: "checklistan" or "mallen".</summary>
    public string Noun => IsChecklist ? "checklistan" : "mallen";

    /// <summary>The page listing templates of its kind.</summary>
    public string ListUrl => IsChecklist ? TemplatesHandler.ChecklistsUrl : TemplatesHandler.TemplatesUrl;
}

public sealed record NewTemplateInput(Guid? ChoiceSystemId, int? Year, string? Title);

/// <summary>Which templates a list shows: quality report templates, or review checklists (decision 0020).</summary>
public enum TemplateKind
{
    [Display(Name = "Mallar för kvalitetsrapporter")] Report,
    [Display(Name = "Checklistor för granskning")] Checklist,
}

/// <summary>A list's filters: the kind (quality report templates unless checklists are asked for), a choice system and a review type.</summary>
public sealed record TemplateFilter(TemplateKind Kind = TemplateKind.Report, Guid? ChoiceSystemId = null, ReviewType? ReviewType = null);

/// <summary>What a new checklist's questions start from.</summary>
public enum ChecklistStart
{
    [Display(Name = "Startfrågorna som passar kundvalet och granskningstypen")] Starter,
    [Display(Name = "En kopia av den senaste tidigare versionen (ny version)")] LatestVersion,
    [Display(Name = "Inga frågor (tom checklista)")] Empty,
}

/// <summary>A new review checklist: for a choice system, review type and version year; without a title one is made of them.</summary>
public sealed record NewChecklistInput(Guid? ChoiceSystemId, ReviewType? ReviewType, int? Year, string? Title, ChecklistStart? Start);

/// <summary>
/// Quality report templates: listed, read, created from the common areas' questions and activated, which gives each authorised
/// provider its report. Review checklists are templates with a review type (decision 0020): listed apart, created from a
/// starter, empty or as a new version of the latest, and activated without a deadline; no report is ever made from one.
/// Questions are edited by <see cref="TemplateEditor"/> and <see cref="TemplateSpreadsheet"/>. Pages and
/// <c>/api/v1/quality-report-templates</c> call it.
/// </summary>
public sealed class TemplatesHandler(AppDbContext db, TimeProvider clock, ConditionsInForce conditions)
{
    public const string TemplatesUrl = "/QualityReports/Templates";

    public const string ChecklistsUrl = "/QualityReports/Templates/Checklists";

    public static string DetailsUrl(Guid id) => $"/QualityReports/Templates/Details/{id}";

    public static readonly SortColumns<TemplateRow> Sort = new SortColumns<TemplateRow>("year")
        .Add("title", t => t.Title)
        .Add("choiceSystem", t => t.ChoiceSystemName)
        .Add("year", t => t.Year)
        .Add("state", t => t.State)
        .Add("due", t => t.DueOn)
        .Add("reviewType", t => t.ReviewType);

    /// <summary>Templates of one kind: quality report templates never list a checklist, nor checklists a quality report template.</summary>
    public Task<PagedList<TemplateRow>> TemplatesAsync(ListQuery list, TemplateFilter filter, CancellationToken cancellationToken)
    {
        var templates = filter.Kind == TemplateKind.Checklist || filter.ReviewType is not null
            ? db.QualityReportTemplates.AsNoTracking().Where(t => t.ReviewType != null)
            : db.QualityReportTemplates.AsNoTracking().Where(t => t.ReviewType == null);
        if (filter.ChoiceSystemId is { } choiceSystemId)
        {
            templates = templates.Where(t => t.ChoiceSystemId == choiceSystemId);
        }
        if (filter.ReviewType is { } type)
        {
            templates = templates.Where(t => t.ReviewType == type);
        }
        return (from t in templates
                join c in db.ChoiceSystems on t.ChoiceSystemId equals c.Id
                select new TemplateRow(t.Id, t.Title, c.Name, t.Year, t.State, t.DueOn, t.Questions.Count, db.QualityReports.Count(r => r.TemplateId == t.Id), t.ReviewType))
            .ToPageAsync(list, Sort, t => t.Id, cancellationToken);
    }

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
            await QuestionViews.ReadAsync(conditions, template, cancellationToken), reports, template.Version, template.ReviewType);
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
        if (input.Year is not { } year || !FollowUpYear.IsValid(year))
        {
            v.Add(nameof(input.Year), FollowUpYear.Message);
        }
        else if (v.IsValid && await db.QualityReportTemplates.AnyAsync(t => t.ChoiceSystemId == input.ChoiceSystemId && t.Year == input.Year && t.ReviewType == null, cancellationToken))
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

    /// <summary>
    /// A new review checklist (decision 0020) for a choice system, review type and version year, starting from the starter that
    /// suits them (<see cref="StarterChecklists.KindFor"/>), from no questions, or as a new version: a copy of the latest earlier
    /// version for the same choice system and type. A second checklist for the same choice system, type and year is refused by
    /// its year, also when it was made in between (the unique index).
    /// </summary>
    public async Task<SaveResult> CreateChecklistAsync(NewChecklistInput input, CancellationToken cancellationToken)
    {
        var v = new Validation();
        var title = v.Optional(nameof(input.Title), "rubriken", input.Title);
        var choiceSystem = input.ChoiceSystemId is { } choiceSystemId
            ? await db.ChoiceSystems.AsNoTracking().Where(c => c.Id == choiceSystemId).Select(c => new { c.Id, c.Name, c.LegalBasis }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (choiceSystem is null)
        {
            v.Add(nameof(input.ChoiceSystemId), "Välj ett kundval.");
        }
        if (input.ReviewType is not { } type || !Enum.IsDefined(type))
        {
            v.Add(nameof(input.ReviewType), "Välj en granskningstyp.");
        }
        if (input.Year is not { } chosen || !FollowUpYear.IsValid(chosen))
        {
            v.Add(nameof(input.Year), FollowUpYear.Message);
        }
        var start = input.Start ?? ChecklistStart.Starter;
        if (!Enum.IsDefined(start))
        {
            v.Add(nameof(input.Start), "Välj vad checklistan ska börja från.");
        }
        if (!v.IsValid)
        {
            return v.Fail();
        }
        var (reviewType, year) = (input.ReviewType!.Value, input.Year!.Value);
        if (await ChecklistExistsAsync(choiceSystem!.Id, reviewType, year, cancellationToken))
        {
            return ChecklistTaken(choiceSystem.Name, reviewType, year);
        }
        var checklist = new QualityReportTemplate
        {
            ChoiceSystemId = choiceSystem.Id,
            Year = year,
            ReviewType = reviewType,
            Title = title ?? Truncate($"Checklista {LowerFirst(reviewType.Name())}, {choiceSystem.Name} {year}"),
        };
        if (start == ChecklistStart.LatestVersion)
        {
            var latest = await db.QualityReportTemplates.AsNoTracking().Include(t => t.Questions)
                .Where(t => t.ChoiceSystemId == choiceSystem.Id && t.ReviewType == reviewType && t.Year < year)
                .OrderByDescending(t => t.Year).FirstOrDefaultAsync(cancellationToken);
            if (latest is null)
            {
                return new Validation().Add(nameof(input.Start),
                    $"Det finns ingen tidigare version av checklistan för {LowerFirst(reviewType.Name())} i {choiceSystem.Name} att kopiera. Börja från startfrågorna i stället.").Fail();
            }
            var inForce = (await conditions.DuringAsync(choiceSystem.Id, year, cancellationToken)).Select(c => c.Id).ToHashSet();
            checklist.Questions.AddRange(latest.CopyQuestions(checklist.Id, inForce));
        }
        else if (start == ChecklistStart.Starter)
        {
            checklist.Questions.AddRange(StarterChecklists.For(checklist.Id, StarterChecklists.KindFor(choiceSystem.LegalBasis, reviewType)));
        }
        db.QualityReportTemplates.Add(checklist);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone made the same version in between: the unique index refused the second.
            if (!await ChecklistExistsAsync(choiceSystem.Id, reviewType, year, cancellationToken))
            {
                throw;
            }
            return ChecklistTaken(choiceSystem.Name, reviewType, year);
        }
        return SaveResult.Saved(checklist.Id);
    }

    private Task<bool> ChecklistExistsAsync(Guid choiceSystemId, ReviewType type, int year, CancellationToken cancellationToken) =>
        db.QualityReportTemplates.AsNoTracking().AnyAsync(t => t.ChoiceSystemId == choiceSystemId && t.ReviewType == type && t.Year == year, cancellationToken);

    private static SaveResult ChecklistTaken(string choiceSystem, ReviewType type, int year) =>
        new Validation().Add(nameof(NewChecklistInput.Year),
            $"{choiceSystem} har redan en checklista för {LowerFirst(type.Name())} {year}. Välj ett annat år för den nya versionen, eller ändra den som finns.").Fail();

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], SwedishText.Culture) + text[1..];

    private static string Truncate(string title) => title.Length <= 200 ? title : title[..200].TrimEnd();

    /// <summary>
    /// What activating would do, without doing it: the same checks as <see cref="ActivateAsync"/> (refused the same way) and, for
    /// a quality report template, the names of the providers that would get a report, counted as activation counts them. The
    /// confirmation step shows it.
    /// </summary>
    public async Task<(SaveResult Result, IReadOnlyList<string> ProviderNames)> ActivationPreviewAsync(Guid id, DateOnly? dueOn, CancellationToken cancellationToken)
    {
        // Read without tracking: the rule is tried on a copy that is never saved.
        var template = await db.QualityReportTemplates.AsNoTracking().Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return (SaveResult.Missing(), []);
        }
        var today = clock.SwedishToday();
        if (Activate(template, dueOn, today) is { } refused)
        {
            return (SaveResult.Refused(refused), []);
        }
        if (template.IsChecklist)
        {
            return (SaveResult.Saved(id), []);
        }
        var receivers = await ReceiversAsync(template, today, cancellationToken);
        var names = await db.Providers.AsNoTracking().Where(p => receivers.Contains(p.Id)).Select(p => p.Name).ToListAsync(cancellationToken);
        return (SaveResult.Saved(id), [.. names.Order(StringComparer.Create(SwedishText.Culture, ignoreCase: true))]);
    }

    /// <summary>
    /// Activates a quality report template with a deadline and gives each provider with an authorisation in force in the choice
    /// system its report; or activates a checklist, which takes no deadline (one given is refused, 409) and gives no one a report:
    /// reviews planned from then on use it.
    /// </summary>
    public async Task<(SaveResult Result, int Created)> ActivateAsync(Guid id, DateOnly? dueOn, int version, CancellationToken cancellationToken)
    {
        var template = await db.QualityReportTemplates.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null)
        {
            return (SaveResult.Missing(), 0);
        }
        db.ExpectVersion(template, version);
        var today = clock.SwedishToday();
        if (Activate(template, dueOn, today) is { } refused)
        {
            return (SaveResult.Refused(refused), 0);
        }
        var created = 0;
        if (!template.IsChecklist)
        {
            foreach (var providerId in await ReceiversAsync(template, today, cancellationToken))
            {
                db.QualityReports.Add(new QualityReport { TemplateId = id, ProviderId = providerId });
                created++;
            }
        }
        return (await db.SaveOrConflictAsync(id, cancellationToken), created);
    }

    /// <summary>The activation rule of the template's kind: a checklist without a deadline, a quality report template with one.</summary>
    private static Refusal? Activate(QualityReportTemplate template, DateOnly? dueOn, DateOnly today) => dueOn switch
    {
        // A checklist refuses a deadline in its own words.
        { } due => template.Activate(due, today),
        null when template.IsChecklist => template.ActivateChecklist(),
        null => Refusal.Invalid("Ange sista dag för inlämning.", nameof(QualityReportTemplate.DueOn)),
    };

    /// <summary>The providers with an authorisation in force in the template's choice system today that have no report on it yet; none for a checklist.</summary>
    private async Task<List<Guid>> ReceiversAsync(QualityReportTemplate template, DateOnly today, CancellationToken cancellationToken)
    {
        if (template.IsChecklist)
        {
            return [];
        }
        var authorised = await db.Authorisations.AsNoTracking()
            .Where(a => a.ChoiceSystemId == template.ChoiceSystemId && a.Status == AuthorisationStatus.Active
                && (a.ValidFrom == null || a.ValidFrom <= today) && (a.ValidTo == null || today <= a.ValidTo))
            .Select(a => a.ProviderId).Distinct().ToListAsync(cancellationToken);
        var existing = await db.QualityReports.Where(r => r.TemplateId == template.Id).Select(r => r.ProviderId).ToListAsync(cancellationToken);
        return [.. authorised.Except(existing)];
    }
}
