using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityReports.Templates;

public sealed record TemplateRow(Guid Id, string Title, string ChoiceSystemName, int Year, TemplateState State, DateOnly? DueOn, int QuestionCount, int ReportCount);

public sealed record TemplateDetails(Guid Id, string Title, Guid ChoiceSystemId, string ChoiceSystemName, int Year, TemplateState State, DateOnly? DueOn,
    IReadOnlyList<QuestionView> Questions, int ReportCount, int Version);

public sealed record NewTemplateInput(Guid? ChoiceSystemId, int? Year, string? Title);

/// <summary>
/// Quality report templates: listed, read, created from the common areas' questions and activated, which gives each authorised
/// provider its report. Questions are edited by <see cref="TemplateEditor"/> and <see cref="TemplateSpreadsheet"/>. Pages and
/// <c>/api/v1/quality-report-templates</c> call it.
/// </summary>
public sealed class TemplatesHandler(AppDbContext db, TimeProvider clock)
{
    public static readonly SortColumns<TemplateRow> Sort = new SortColumns<TemplateRow>("year")
        .Add("title", t => t.Title)
        .Add("choiceSystem", t => t.ChoiceSystemName)
        .Add("year", t => t.Year)
        .Add("state", t => t.State)
        .Add("due", t => t.DueOn);

    public Task<PagedList<TemplateRow>> TemplatesAsync(ListQuery list, CancellationToken cancellationToken) =>
        (from t in db.QualityReportTemplates.AsNoTracking()
         join c in db.ChoiceSystems on t.ChoiceSystemId equals c.Id
         select new TemplateRow(t.Id, t.Title, c.Name, t.Year, t.State, t.DueOn, t.Questions.Count, db.QualityReports.Count(r => r.TemplateId == t.Id)))
            .ToPageAsync(list, Sort, t => t.Id, cancellationToken);

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
            await QuestionViews.ReadAsync(db, template, cancellationToken), reports, template.Version);
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

    /// <summary>
    /// What activating would do, without doing it: the same checks as <see cref="ActivateAsync"/> (refused the same way) and the
    /// names of the providers that would get a report, counted as activation counts them. The confirmation step shows it.
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
        if (dueOn is not { } due)
        {
            return (SaveResult.Refused(Refusal.Invalid("Ange sista dag för inlämning.", nameof(QualityReportTemplate.DueOn))), []);
        }
        if (template.Activate(due, today) is { } refused)
        {
            return (SaveResult.Refused(refused), []);
        }
        var receivers = await ReceiversAsync(template, today, cancellationToken);
        var names = await db.Providers.AsNoTracking().Where(p => receivers.Contains(p.Id)).Select(p => p.Name).ToListAsync(cancellationToken);
        return (SaveResult.Saved(id), [.. names.Order(StringComparer.Create(SwedishText.Culture, ignoreCase: true))]);
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
            return (SaveResult.Refused(Refusal.Invalid("Ange sista dag för inlämning.", nameof(QualityReportTemplate.DueOn))), 0);
        }
        if (template.Activate(due, today) is { } refused)
        {
            return (SaveResult.Refused(refused), 0);
        }
        var created = 0;
        foreach (var providerId in await ReceiversAsync(template, today, cancellationToken))
        {
            db.QualityReports.Add(new QualityReport { TemplateId = id, ProviderId = providerId });
            created++;
        }
        return (await db.SaveOrConflictAsync(id, cancellationToken), created);
    }

    /// <summary>The providers with an authorisation in force in the template's choice system today that have no report on it yet.</summary>
    private async Task<List<Guid>> ReceiversAsync(QualityReportTemplate template, DateOnly today, CancellationToken cancellationToken)
    {
        var authorised = await db.Authorisations.AsNoTracking()
            .Where(a => a.ChoiceSystemId == template.ChoiceSystemId && a.Status == AuthorisationStatus.Active
                && (a.ValidFrom == null || a.ValidFrom <= today) && (a.ValidTo == null || today <= a.ValidTo))
            .Select(a => a.ProviderId).Distinct().ToListAsync(cancellationToken);
        var existing = await db.QualityReports.Where(r => r.TemplateId == template.Id).Select(r => r.ProviderId).ToListAsync(cancellationToken);
        return [.. authorised.Except(existing)];
    }
}
