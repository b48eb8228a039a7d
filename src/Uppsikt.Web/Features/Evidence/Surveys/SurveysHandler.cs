using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Comparisons;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Surveys;

/// <summary>A survey in the list: one row, read in the list's single query.</summary>
public sealed record SurveyRow
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public int Year { get; init; }
    public required string CommitteeName { get; init; }
    public string? ChoiceSystemName { get; init; }
    public required string Conductor { get; init; }
    public int Questions { get; init; }
}

/// <summary>The list's filters; each narrows.</summary>
public sealed record SurveyFilter(int? Year = null, Guid? CommitteeId = null);

/// <summary>A survey as a quality developer creates or changes it; <c>version</c> as last read when changing.</summary>
public sealed record SurveyForm(
    string? Name, int? Year, Guid? CommitteeId, Guid? ChoiceSystemId, string? Conductor, [DataType(DataType.MultilineText)] string? Method,
    DateOnly? OpensOn, DateOnly? ClosesOn, int Version = 0);

/// <summary>A question to add: the indicator its answers are read as, the question as asked, and the survey's version as last read.</summary>
public sealed record SurveyQuestionForm(Guid? IndicatorId, string? Text, int Version);

/// <summary>A question with its results of the survey's year; <see cref="Results"/> is null when the indicator has none yet.</summary>
public sealed record SurveyQuestionResults(
    Guid Id, int Number, string Text, Guid IndicatorId, string IndicatorCode, string IndicatorName, string UnitOfMeasure, IndicatorComparison? Results);

/// <summary>One unit's answers to every question, in the questions' order; null where the unit has no result for a question.</summary>
public sealed record SurveyUnitAnswers(Guid UnitId, string UnitName, string ProviderName, bool InHouse, IReadOnlyList<UnitComparison?> Answers);

/// <summary>A survey as its page and <c>GET /api/v1/surveys/{id}</c> show it: its questions with their results, and each unit's answers.</summary>
public sealed record SurveyDetails(
    Guid Id, string Name, int Year, Guid CommitteeId, string CommitteeName, Guid? ChoiceSystemId, string? ChoiceSystemName, string Conductor,
    string? Method, DateOnly? OpensOn, DateOnly? ClosesOn, int MinimumAnswers, IReadOnlyList<SurveyQuestionResults> Questions,
    IReadOnlyList<SurveyUnitAnswers> Units, int Version);

/// <summary>
/// Surveys and their questions (decision 0049); the pages and <c>/api/v1/surveys</c> both call it. A question's results are its
/// indicator's whole-year results of the survey's year for the survey's units, compared and suppressed by
/// <see cref="ResultComparison"/>, in a fixed number of queries however many questions and units.
/// </summary>
public sealed class SurveysHandler(AppDbContext db, ResultComparison comparison, ResultSettings settings, ICurrentActor actor)
{
    private static readonly SaveResult NotEditor =
        SaveResult.Refused(Refusal.NotAllowed("Bara en kvalitetsutvecklare eller administratör får ändra undersökningar."));

    public static string Url(Guid id) => $"/Evidence/Surveys/Details/{id}";

    public static readonly SortColumns<SurveyRow> Sort = new SortColumns<SurveyRow>("year")
        .Add("year", s => s.Year)
        .Add("name", s => s.Name)
        .Add("committee", s => s.CommitteeName)
        .Add("conductor", s => s.Conductor)
        .Add("questions", s => s.Questions);

    public Task<PagedList<SurveyRow>> ListAsync(ListQuery list, SurveyFilter filter, CancellationToken cancellationToken)
    {
        var surveys = db.Surveys.AsNoTracking().Matching(list.Search);
        if (filter.Year is { } year)
        {
            surveys = surveys.Where(s => s.Year == year);
        }
        if (filter.CommitteeId is { } committeeId)
        {
            surveys = surveys.Where(s => s.CommitteeId == committeeId);
        }
        return surveys
            .Select(s => new SurveyRow
            {
                Id = s.Id,
                Name = s.Name,
                Year = s.Year,
                CommitteeName = s.Committee!.Name,
                ChoiceSystemName = s.ChoiceSystem != null ? s.ChoiceSystem.Name : null,
                Conductor = s.Conductor,
                Questions = s.Questions.Count,
            })
            .ToPageAsync(list, Sort, s => s.Id, cancellationToken);
    }

    public async Task<SurveyDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Committee).Include(s => s.ChoiceSystem)
            .Include(s => s.Questions).ThenInclude(q => q.Indicator).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (survey is null)
        {
            return null;
        }
        var questions = survey.Questions.OrderBy(q => q.Number).ToList();
        var results = await comparison.CompareEachAsync([.. questions.Select(q => q.IndicatorId)], survey.Year, survey.CommitteeId, survey.ChoiceSystemId, cancellationToken);
        var questionResults = questions.Select(q => new SurveyQuestionResults(q.Id, q.Number, q.Text, q.IndicatorId, q.Indicator!.Code, q.Indicator.Name,
            q.Indicator.UnitOfMeasure, results.GetValueOrDefault(q.IndicatorId))).ToList();
        var answers = questionResults.Select(q => (q.Results?.Units ?? []).ToDictionary(u => u.UnitId)).ToList();
        var units = answers.SelectMany(a => a.Values).DistinctBy(u => u.UnitId).OrderBy(u => u.UnitName, StringComparer.CurrentCulture)
            .Select(u => new SurveyUnitAnswers(u.UnitId, u.UnitName, u.ProviderName, u.InHouse, [.. answers.Select(a => a.GetValueOrDefault(u.UnitId))]))
            .ToList();
        return new SurveyDetails(survey.Id, survey.Name, survey.Year, survey.CommitteeId, survey.Committee!.Name, survey.ChoiceSystemId, survey.ChoiceSystem?.Name,
            survey.Conductor, survey.Method, survey.OpensOn, survey.ClosesOn, settings.MinimumAnswers, questionResults, units, survey.Version);
    }

    public async Task<SaveResult> SaveAsync(Guid? id, SurveyForm form, CancellationToken cancellationToken)
    {
        if (!MayEdit)
        {
            return NotEditor;
        }
        var survey = id is null ? null : await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (id is not null && survey is null)
        {
            return SaveResult.Missing();
        }
        var check = new Validation();
        var name = check.Required(nameof(SurveyForm.Name), "undersökningens namn", form.Name, Survey.NameMax);
        var conductor = check.Required(nameof(SurveyForm.Conductor), "vem som genomför undersökningen", form.Conductor, Survey.ConductorMax);
        var method = check.Optional(nameof(SurveyForm.Method), "metod", form.Method, Survey.TextMax);
        if (form.Year is null)
        {
            check.Add(nameof(SurveyForm.Year), "Ange vilket år undersökningens resultat gäller.");
        }
        foreach (var refusal in Survey.Check(form.Year ?? OutcomePeriod.FirstYear, form.OpensOn, form.ClosesOn))
        {
            check.Add(refusal.Field!, refusal.Message);
        }
        if (form.CommitteeId is not { } committeeId)
        {
            check.Add(nameof(SurveyForm.CommitteeId), "Välj den nämnd vars verksamhet undersökningen gäller.");
        }
        else if (!await db.Committees.AnyAsync(c => c.Id == committeeId, cancellationToken))
        {
            check.Add(nameof(SurveyForm.CommitteeId), "Nämnden finns inte.");
        }
        else if (form.ChoiceSystemId is { } choiceSystemId && !await db.ChoiceSystems.AnyAsync(c => c.Id == choiceSystemId && c.CommitteeId == committeeId, cancellationToken))
        {
            check.Add(nameof(SurveyForm.ChoiceSystemId), "Välj ett kundval som hör till nämnden, eller inget för alla nämndens enheter.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        if (survey is null)
        {
            survey = new Survey { Name = name, Conductor = conductor };
            db.Surveys.Add(survey);
        }
        else
        {
            db.ExpectVersion(survey, form.Version);
        }
        survey.Name = name;
        survey.Conductor = conductor;
        survey.Method = method;
        survey.Year = form.Year!.Value;
        survey.CommitteeId = form.CommitteeId!.Value;
        survey.ChoiceSystemId = form.ChoiceSystemId;
        survey.OpensOn = form.OpensOn;
        survey.ClosesOn = form.ClosesOn;
        return await db.SaveOrConflictAsync(survey.Id, cancellationToken);
    }

    public async Task<SaveResult> AddQuestionAsync(Guid id, SurveyQuestionForm form, CancellationToken cancellationToken)
    {
        if (!MayEdit)
        {
            return NotEditor;
        }
        if (await TrackedAsync(id, cancellationToken) is not { } survey)
        {
            return SaveResult.Missing();
        }
        if (form.IndicatorId is not { } indicatorId || await db.Indicators.FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken) is not { } indicator)
        {
            return SaveResult.Refused(Refusal.Invalid("Välj den indikator som frågans svar läses in som.", nameof(SurveyQuestionForm.IndicatorId)));
        }
        if (survey.AddQuestion(indicator, form.Text) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        db.ExpectVersion(survey, form.Version);
        return await db.SaveOrConflictAsync(id, cancellationToken);
    }

    public async Task<SaveResult> RemoveQuestionAsync(Guid id, Guid questionId, int? version, CancellationToken cancellationToken)
    {
        if (!MayEdit)
        {
            return NotEditor;
        }
        if (await TrackedAsync(id, cancellationToken) is not { } survey || !survey.RemoveQuestion(questionId))
        {
            return SaveResult.Missing();
        }
        db.ExpectVersion(survey, version ?? survey.Version);
        return await db.SaveOrConflictAsync(id, cancellationToken);
    }

    /// <summary>Removes the survey and its questions; the indicators and their results stay. Without a version, whatever changed since.</summary>
    public async Task<SaveResult> DeleteAsync(Guid id, int? version, CancellationToken cancellationToken)
    {
        if (!MayEdit)
        {
            return NotEditor;
        }
        if (await TrackedAsync(id, cancellationToken) is not { } survey)
        {
            return SaveResult.Missing();
        }
        db.ExpectVersion(survey, version ?? survey.Version);
        db.Surveys.Remove(survey);
        return await db.SaveOrConflictAsync(id, cancellationToken);
    }

    /// <summary>Whether the caller keeps surveys: a quality developer or an administrator.</summary>
    public bool MayEdit => Policies.EditorRoles.Any(actor.IsInRole);

    private Task<Survey?> TrackedAsync(Guid id, CancellationToken cancellationToken) =>
        db.Surveys.Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
}
