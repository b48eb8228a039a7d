using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Reviews.Visit;

/// <summary>The preparation: the units' evidence, and the visit's details, case number and participants.</summary>
public sealed class PrepareModel(VisitHandler handler, ICurrentActor actor) : PageModel
{
    public ReviewPreparation Preparation { get; private set; } = null!;

    [BindProperty]
    public VisitForm Visit { get; set; } = new();

    [BindProperty]
    public ParticipantForm Participant { get; set; } = new();

    public sealed class VisitForm
    {
        [Display(Name = "hur besöket görs")] public VisitMode? Mode { get; set; }
        [Display(Name = "besöksdatum")] public DateOnly? Date { get; set; }
        [Display(Name = "klockslag")] public TimeOnly? Time { get; set; }
        [Display(Name = "plats")] public string? Place { get; set; }
        [Display(Name = "diarienummer")] public string? CaseNumber { get; set; }
        public int Version { get; set; }
    }

    public sealed class ParticipantForm
    {
        [Display(Name = "namn")] public string? Name { get; set; }
        [Display(Name = "befattning")] public string? Title { get; set; }
        [Display(Name = "vem deltagaren företräder")] public ParticipantSide? Side { get; set; }
    }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowStoredAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostVisitAsync(Guid id, CancellationToken cancellationToken)
    {
        var (at, timeError) = VisitHandler.FromSwedishTime(Visit.Date, Visit.Time);
        if (timeError is not null)
        {
            ModelState.AddModelError($"{nameof(Visit)}.{nameof(VisitForm.Date)}", timeError);
        }
        if (ModelState.IsValid)
        {
            var result = await handler.SaveVisitAsync(id, new VisitInput(Visit.Mode, at, Visit.Place, Visit.CaseNumber, Visit.Version),
                WorkflowActors.From(actor), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Besöket är sparat.";
                return RedirectToPage(new { id });
            }
            // The domain's field names are the API's; the form's differ for the time and the place.
            if (this.Refused(result, field => $"{nameof(Visit)}.{field switch { "VisitMode" => nameof(VisitForm.Mode), "VisitAt" => nameof(VisitForm.Date), "VisitPlace" => nameof(VisitForm.Place), _ => field }}") is { } refused)
            {
                return refused;
            }
        }
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAddParticipantAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.AddParticipantAsync(id, new ParticipantInput(Participant.Name, Participant.Title, Participant.Side),
                WorkflowActors.From(actor), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = $"{Participant.Name?.Trim()} är tillagd som deltagare.";
                return RedirectToPage(null, null, new { id }, "deltagare");
            }
            if (this.Refused(result, field => $"{nameof(Participant)}.{(field == "ParticipantTitle" ? nameof(ParticipantForm.Title) : field)}") is { } refused)
            {
                return refused;
            }
        }
        return await ShowStoredAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveParticipantAsync(Guid id, Guid participantId, CancellationToken cancellationToken)
    {
        var result = await handler.RemoveParticipantAsync(id, participantId, WorkflowActors.From(actor), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Deltagaren är borttagen.";
            return RedirectToPage(null, null, new { id }, "deltagare");
        }
        return this.Refused(result, prefix: "") ?? await ShowStoredAsync(id, cancellationToken);
    }

    /// <summary>The page with the visit form showing what is stored (also after a participant's form failed).</summary>
    private async Task<IActionResult> ShowStoredAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }
        var review = Preparation.Review;
        Visit = new VisitForm
        {
            Mode = review.VisitMode,
            Date = review.VisitAt is { } at ? DateOnly.FromDateTime(VisitText.Local(at)) : null,
            Time = review.VisitAt is { } time ? TimeOnly.FromDateTime(VisitText.Local(time)) : null,
            Place = review.VisitPlace,
            CaseNumber = review.CaseNumber,
            Version = review.Version,
        };
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.PreparationAsync(id, WorkflowActors.From(actor), cancellationToken) is not { } preparation)
        {
            return NotFound();
        }
        Preparation = preparation;
        return null;
    }
}
