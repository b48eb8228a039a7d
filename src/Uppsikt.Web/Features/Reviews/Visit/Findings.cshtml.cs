using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Reviews.Visit;

/// <summary>
/// The checklist at one unit, a small form per question, so each answer is saved as it is given: without JavaScript by the
/// question's own "Spara", which comes back to the question; with it by <c>review-findings.js</c>, which posts the same form
/// and reads the answer as JSON. Read-only once the work on the review is closed, or for a role that does not lead it.
/// </summary>
public sealed class FindingsModel(VisitHandler handler, ICurrentActor actor) : PageModel
{
    public ReviewChecklist Checklist { get; private set; } = null!;

    /// <summary>The unit whose findings the page shows.</summary>
    public UnitProgress Unit { get; private set; } = null!;

    /// <summary>The question just saved without JavaScript, whose status says so.</summary>
    public Guid? Saved { get; private set; }

    /// <summary>What was posted for a question whose save was refused, shown again in its form.</summary>
    public FindingForm? Posted { get; private set; }

    /// <summary>One question's form, as posted; the fields carry no prefix, the form is the question.</summary>
    public sealed class FindingForm
    {
        public Guid? UnitId { get; set; }
        public Guid? QuestionId { get; set; }

        /// <summary>The answer; several values for a multiple choice, one per line once joined.</summary>
        [DataType(DataType.MultilineText)] public List<string> Answer { get; set; } = [];
        [DataType(DataType.MultilineText)] public string? Observation { get; set; }
        public string? Assessment { get; set; }
        [DataType(DataType.MultilineText)] public string? RequiredAction { get; set; }
        public int? FixWithinMonths { get; set; }
        public int? Version { get; set; }

        public string? AnswerText => Answer.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()) is var values && values.Any() ? string.Join('\n', values) : null;
    }

    public static string AnswerId(Guid questionId) => $"answer-{questionId}";

    public static string ObservationId(Guid questionId) => $"observation-{questionId}";

    public static string AssessmentId(Guid questionId) => $"assessment-{questionId}";

    public static string RequiredActionId(Guid questionId) => $"required-action-{questionId}";

    public static string MonthsId(Guid questionId) => $"months-{questionId}";

    public static string Anchor(Guid questionId) => $"q-{questionId}";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? unitId, Guid? saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        return await LoadAsync(id, unitId, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostFindingAsync(Guid id, FindingForm input, CancellationToken cancellationToken)
    {
        var wantsJson = Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
        if (!ModelState.IsValid)
        {
            if (wantsJson)
            {
                return new JsonResult(new { title = "Uppgifterna kunde inte tolkas. Ladda om sidan och försök igen." }) { StatusCode = StatusCodes.Status400BadRequest };
            }
            Posted = input;
            return await LoadAsync(id, input.UnitId, cancellationToken) ?? Page();
        }
        // An unknown assessment goes to the domain as no step of the scale, which refuses it by field.
        Assessment? assessment = string.IsNullOrEmpty(input.Assessment) ? null
            : Enum.TryParse<Assessment>(input.Assessment, out var value) && Enum.IsDefined(value) ? value : default(Assessment);
        var result = await handler.SaveFindingAsync(id,
            new FindingInput(input.UnitId, input.QuestionId, input.AnswerText, input.Observation, assessment, input.Version,
                input.RequiredAction, input.FixWithinMonths), WorkflowActors.From(actor), cancellationToken);
        var questionId = input.QuestionId ?? Guid.Empty;
        if (wantsJson)
        {
            return await AnswerAsJsonAsync(id, input.UnitId ?? Guid.Empty, result, cancellationToken);
        }
        if (result.Succeeded)
        {
            return RedirectToPage(null, null, new { id, unitId = input.UnitId, saved = questionId }, Anchor(questionId));
        }
        if (this.Refused(result, field => field switch
            {
                nameof(FindingInput.Answer) => AnswerId(questionId),
                nameof(FindingInput.Observation) => ObservationId(questionId),
                nameof(FindingInput.Assessment) => AssessmentId(questionId),
                nameof(FindingInput.RequiredAction) => RequiredActionId(questionId),
                nameof(FindingInput.FixWithinMonths) => MonthsId(questionId),
                _ => "",
            }) is { } refused)
        {
            return refused;
        }
        Posted = input;
        return await LoadAsync(id, input.UnitId, cancellationToken) ?? Page();
    }

    /// <summary>The script's answer: the finding's new version, the time saved and the progress; or why not, with the API's status codes.</summary>
    private async Task<IActionResult> AnswerAsJsonAsync(Guid id, Guid unitId, SaveResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded && await handler.FindingAsync(id, result.Id!.Value, cancellationToken) is { } finding)
        {
            var (assessed, total) = await handler.ProgressAsync(id, unitId, cancellationToken);
            return new JsonResult(new { version = finding.Version, savedAt = VisitText.Clock(finding.RecordedAt), progress = VisitText.Progress(assessed, total) });
        }
        var status = result.Outcome switch
        {
            SaveOutcome.NotFound => StatusCodes.Status404NotFound,
            SaveOutcome.NotAllowed => StatusCodes.Status403Forbidden,
            SaveOutcome.WrongState or SaveOutcome.Stale => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        var title = result.NotFound ? "Granskningen finns inte." : result.Messages.FirstOrDefault() ?? result.Refusals.FirstOrDefault()?.Message ?? "Uppgifterna kunde inte sparas.";
        return new JsonResult(new { title, errors = result.Errors }) { StatusCode = status };
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid? unitId, CancellationToken cancellationToken)
    {
        if (await handler.ChecklistAsync(id, WorkflowActors.From(actor), cancellationToken) is not { } checklist || checklist.Units.Count == 0)
        {
            return NotFound();
        }
        Checklist = checklist;
        Unit = checklist.Units.FirstOrDefault(u => u.UnitId == unitId) ?? checklist.Units[0];
        return null;
    }
}
