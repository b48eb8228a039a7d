using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Reviews.Visit;

/// <summary>The visit's interview notes, never shown to the provider, and the method and meeting notes for the report.</summary>
public sealed class NotesModel(VisitHandler handler, ICurrentActor actor) : PageModel
{
    public ReviewNotes Notes { get; private set; } = null!;

    [BindProperty]
    public MeetingNotesForm MeetingNotes { get; set; } = new();

    [BindProperty]
    public NoteForm Note { get; set; } = new();

    public sealed class MeetingNotesForm
    {
        [Display(Name = "metod"), DataType(DataType.MultilineText)] public string? Method { get; set; }
        [Display(Name = "minnesanteckningar"), DataType(DataType.MultilineText)] public string? MeetingNotes { get; set; }
        public int Version { get; set; }
    }

    public sealed class NoteForm
    {
        [Display(Name = "vilka intervjun var med")] public InterviewGroup? Group { get; set; }
        [Display(Name = "anteckning"), DataType(DataType.MultilineText)] public string? Text { get; set; }
    }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowStoredAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostMeetingNotesAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.WriteMeetingNotesAsync(id, new MeetingNotesInput(MeetingNotes.Method, MeetingNotes.MeetingNotes, MeetingNotes.Version), WorkflowActors.From(actor), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Metod och minnesanteckningar är sparade.";
                return RedirectToPage(null, null, new { id }, "meeting-notes-heading");
            }
            if (this.Refused(result, nameof(MeetingNotes)) is { } refused)
            {
                return refused;
            }
        }
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await handler.AddNoteAsync(id, new NoteInput(Note.Group, Note.Text), WorkflowActors.From(actor), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Message"] = "Anteckningen är sparad.";
                return RedirectToPage(null, null, new { id }, "notes-heading");
            }
            if (this.Refused(result, nameof(Note)) is { } refused)
            {
                return refused;
            }
        }
        return await ShowStoredAsync(id, cancellationToken);
    }

    /// <summary>The page with the meeting notes form showing what is stored (also after a note's form failed).</summary>
    private async Task<IActionResult> ShowStoredAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing)
        {
            return missing;
        }
        var review = Notes.Review;
        MeetingNotes = new MeetingNotesForm { Method = review.Method, MeetingNotes = review.MeetingNotes, Version = review.Version };
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.NotesAsync(id, WorkflowActors.From(actor), cancellationToken) is not { } notes)
        {
            return NotFound();
        }
        Notes = notes;
        return null;
    }
}
