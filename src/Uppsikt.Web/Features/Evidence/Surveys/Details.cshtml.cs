using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Evidence.Surveys;

/// <summary>
/// One survey: what it is, its questions with the municipality's, the in-house and the private units' pooled results and each unit's
/// answers with n. An editor adds and removes questions; removing one, or the survey, asks for a confirmation first.
/// </summary>
public sealed class DetailsModel(SurveysHandler handler, AppDbContext db) : PageModel
{
    public SurveyDetails Survey { get; private set; } = null!;

    public bool CanEdit { get; private set; }

    /// <summary>The user-survey indicators not yet asked in the survey, for the form that adds a question.</summary>
    public List<SelectListItem> Indicators { get; private set; } = [];

    /// <summary>Set when removing this question was asked for and waits for its confirmation.</summary>
    public Guid? ConfirmRemove { get; private set; }

    public bool ConfirmDelete { get; private set; }

    public Guid? NewIndicatorId { get; set; }

    public string? NewText { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostQuestionAsync(Guid id, Guid? indicatorId, string? text, int version, CancellationToken cancellationToken)
    {
        var result = await handler.AddQuestionAsync(id, new SurveyQuestionForm(indicatorId, text, version), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Frågan är tillagd.";
            return RedirectToPage(new { id });
        }
        (NewIndicatorId, NewText) = (indicatorId, text);
        return this.Refused(result, prefix: "") ?? (await LoadAsync(id, cancellationToken) ? Page() : NotFound());
    }

    /// <summary>The first post shows what removing the question means; only the confirmed post removes it.</summary>
    public async Task<IActionResult> OnPostRemoveQuestionAsync(Guid id, Guid questionId, int version, bool confirmed, CancellationToken cancellationToken)
    {
        if (confirmed)
        {
            var result = await handler.RemoveQuestionAsync(id, questionId, version, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Frågan är borttagen. Indikatorn och dess resultat finns kvar.";
                return RedirectToPage(new { id });
            }
            return this.Refused(result, prefix: "") ?? (await LoadAsync(id, cancellationToken) ? Page() : NotFound());
        }
        if (!await LoadAsync(id, cancellationToken) || Survey.Questions.All(q => q.Id != questionId))
        {
            return NotFound();
        }
        ConfirmRemove = questionId;
        return Page();
    }

    /// <summary>The first post shows what removing the survey means; only the confirmed post removes it.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, int version, bool confirmed, CancellationToken cancellationToken)
    {
        if (confirmed)
        {
            var result = await handler.DeleteAsync(id, version, cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Undersökningen är borttagen. Indikatorerna och deras resultat finns kvar.";
                return Redirect("/Evidence/Surveys");
            }
            return this.Refused(result, prefix: "") ?? (await LoadAsync(id, cancellationToken) ? Page() : NotFound());
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ConfirmDelete = true;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } survey)
        {
            return false;
        }
        Survey = survey;
        CanEdit = handler.MayEdit;
        if (CanEdit)
        {
            var asked = survey.Questions.Select(q => q.IndicatorId).ToList();
            Indicators = await db.Indicators.AsNoTracking().Where(i => i.Source == EvidenceSource.UserSurvey && !asked.Contains(i.Id)).OrderBy(i => i.Code)
                .Select(i => new SelectListItem(i.Code + " – " + i.Name, i.Id.ToString())).ToListAsync(cancellationToken);
            foreach (var option in Indicators)
            {
                option.Selected = option.Value == NewIndicatorId?.ToString();
            }
        }
        return true;
    }
}
