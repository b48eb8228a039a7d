using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary>A report as submitted, for the municipality and the provider; the reviewer requests completion or approves here.</summary>
public sealed class DetailsModel(ReportsHandler handler, FileStore files) : PageModel
{
    public ReportDetails Report { get; private set; } = null!;

    public AttachmentsView Attachments { get; private set; } = new([], false, "");

    public bool IsReviewer => handler.IsReviewer;

    public bool CanReview => IsReviewer && Report.State is ReportState.Submitted or ReportState.Resubmitted;

    public bool CanFill => User.IsInRole(Domain.Identity.Roles.ProviderUser) && Report.IsOpenForProvider;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostRequestCompletionAsync(Guid id, string[]? codes, CancellationToken cancellationToken)
    {
        var requests = (codes ?? []).Select(code => new CompletionInput(code, Request.Form["comment-" + AnswerForm.Field(code)].FirstOrDefault())).ToList();
        var result = await handler.RequestCompletionAsync(id, requests, cancellationToken);
        return await AfterAsync(id, result, "Kompletteringen är begärd. Anordnaren kan nu komplettera och skicka in rapporten igen.", cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await handler.ApproveAsync(id, cancellationToken), "Rapporten är godkänd.", cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, SaveResult result, string done, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        // A question's reason stands by its comment box.
        return this.Refused(result, code => "comment-" + AnswerForm.Field(code)) ?? await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } report)
        {
            return NotFound();
        }
        Report = report;
        Attachments = new AttachmentsView(await files.ListAsync(ReportsHandler.FileOwnerType, id, cancellationToken), false, files.MaxSizeText);
        return Page();
    }
}
