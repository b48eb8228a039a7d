using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Commissions;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Commissions;

/// <summary>
/// One commission: what, to whom, in which decision, the answer and its file, and the history of its status. Each step's form is
/// offered to whom the domain lets take it, and the domain decides again on the post; closing asks for a confirmation first.
/// </summary>
public sealed class DetailsModel(CommissionsHandler handler, FileStore files, ICurrentActor actor, TimeProvider clock) : PageModel
{
    public CommissionDetails Commission { get; private set; } = null!;

    public bool MayKeep { get; private set; }

    public bool MayAnswer { get; private set; }

    /// <summary>Set when a close was asked for and waits for its confirmation.</summary>
    public bool ConfirmClose { get; private set; }

    public string? CloseComment { get; private set; }

    public DateOnly Today => clock.SwedishToday();

    public string MaxFileSize => files.MaxSizeText;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The report's attached file, for whoever reads the commission.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Commission.Files.All(f => f.Id != fileId)
            || await files.OpenAsync(fileId, cancellationToken) is not { } file)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostStartAsync(Guid id, [DataType(DataType.MultilineText)] string? comment, int version, CancellationToken cancellationToken) =>
        StepAsync(id, a => handler.StartAsync(id, new CommissionStepInput(comment, version), a, cancellationToken), "Uppdraget är markerat som pågående.", cancellationToken);

    public async Task<IActionResult> OnPostReportAsync(Guid id, DateOnly? reportedOn, [DataType(DataType.MultilineText)] string? summary, int version,
        IFormFile? file, CancellationToken cancellationToken)
    {
        await using var content = file?.OpenReadStream();
        return await StepAsync(id, a => handler.ReportAsync(id, new CommissionReportInput(reportedOn, summary, version),
                file is null ? null : new ReportFile(file.FileName, content!), a, cancellationToken),
            "Återrapporteringen är registrerad.", cancellationToken);
    }

    /// <summary>The first post shows what closing means; only the confirmed post closes.</summary>
    public async Task<IActionResult> OnPostCloseAsync(Guid id, [DataType(DataType.MultilineText)] string? comment, int version, bool confirmed,
        CancellationToken cancellationToken)
    {
        if (confirmed)
        {
            return await StepAsync(id, a => handler.CloseAsync(id, new CommissionStepInput(comment, version), a, cancellationToken),
                "Uppdraget är avslutat.", cancellationToken);
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!MayKeep)
        {
            return Forbid();
        }
        (ConfirmClose, CloseComment) = (true, comment);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } commission)
        {
            return false;
        }
        Commission = commission;
        var workflow = WorkflowActors.From(actor);
        MayKeep = CouncilBoard.RefuseRecorder(workflow) is null;
        MayAnswer = Domain.Commissions.Commission.MayAnswer(workflow, commission.CommitteeId);
        return true;
    }

    private async Task<IActionResult> StepAsync(Guid id, Func<WorkflowActor, Task<SaveResult>> step, string done, CancellationToken cancellationToken)
    {
        var result = await step(WorkflowActors.From(actor));
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        return this.Refused(result, prefix: "")
            ?? (await LoadAsync(id, cancellationToken) ? Page() : NotFound());
    }
}
