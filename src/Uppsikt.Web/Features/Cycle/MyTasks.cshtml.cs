using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Cycle;

/// <summary>Mina uppgifter: the signed-in user's open cycle tasks, each with a form to mark it done.</summary>
public sealed class MyTasksModel(CycleTasksHandler handler) : PageModel
{
    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    public int OverdueCount => Tasks.Count(t => t.Overdue);

    [BindProperty]
    [DataType(DataType.MultilineText)] public string? Note { get; set; }

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The task whose form failed, whose note is shown again with the message.</summary>
    public Guid? FailedTaskId { get; private set; }

    /// <summary>Each task's form has its own field names in the error summary, so its link finds the right note.</summary>
    public static string Prefix(Guid taskId) => $"Task{taskId:N}";

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tasks = await handler.OpenTasksOfAsync(UserId!, cancellationToken);

    public async Task<IActionResult> OnPostCompleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await handler.CompleteAsync(id, new CompleteInput(Note, Version), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = "Uppgiften är markerad som klar.";
            return RedirectToPage();
        }
        FailedTaskId = id;
        ModelState.AddFrom(result, Prefix(id));
        Tasks = await handler.OpenTasksOfAsync(UserId!, cancellationToken);
        return Page();
    }
}
