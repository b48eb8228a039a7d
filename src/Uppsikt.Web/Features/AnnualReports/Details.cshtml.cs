using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Features.AnnualReports;

/// <summary>
/// One annual report: its figures and narrative, and the steps the reader may take. The writer edits a draft's narrative and submits it
/// (after a confirmation, since submitting freezes the figures) or takes it back; the committee's secretary records the decision. The
/// domain decides again on every post.
/// </summary>
public sealed class DetailsModel(AnnualReportsHandler handler, ICurrentActor actor, TimeProvider clock) : PageModel
{
    public AnnualReportDetails Report { get; private set; } = null!;

    [BindProperty]
    public AnnualReportTextInput Text { get; set; } = new(null, null, null, null, 0);

    public bool MayWrite { get; private set; }

    public bool MayDecide { get; private set; }

    public bool ConfirmSubmit { get; private set; }

    public DateOnly Today => clock.SwedishToday();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Text = new(Report.Summary, Report.Analysis, Report.ImprovementAreas, Report.Proposals, Report.Version);
        return Page();
    }

    /// <summary>The report as a Word document, for the committee's papers.</summary>
    public async Task<IActionResult> OnGetWordAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is { } report
            ? File(AnnualReportDocument.Write(report), WordDocument.ContentType, AnnualReportDocument.FileName(report))
            : NotFound();

    public Task<IActionResult> OnPostWriteAsync(Guid id, CancellationToken cancellationToken) =>
        StepAsync(id, a => handler.WriteAsync(id, Text, a, cancellationToken), "Texten är sparad.", "Text", cancellationToken);

    /// <summary>The first post shows what submitting means; only the confirmed post submits.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(Guid id, int version, bool confirmed, CancellationToken cancellationToken)
    {
        if (confirmed)
        {
            return await StepAsync(id, a => handler.SubmitAsync(id, new AnnualReportStepInput(version), a, cancellationToken),
                "Rapporten är lämnad till nämnden. Siffrorna är låsta som de är i dag.", "", cancellationToken);
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!MayWrite)
        {
            return Forbid();
        }
        Text = new(Report.Summary, Report.Analysis, Report.ImprovementAreas, Report.Proposals, Report.Version);
        ConfirmSubmit = true;
        return Page();
    }

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, int version, CancellationToken cancellationToken) =>
        StepAsync(id, a => handler.WithdrawAsync(id, new AnnualReportStepInput(version), a, cancellationToken),
            "Rapporten är tillbaka som utkast; siffrorna räknas om.", "", cancellationToken);

    public Task<IActionResult> OnPostDecisionAsync(Guid id, DateOnly? decidedOn, string? paragraph, string? caseNumber, int version, CancellationToken cancellationToken) =>
        StepAsync(id, a => handler.RecordDecisionAsync(id, new AnnualReportDecisionInput(decidedOn, paragraph, caseNumber, version), a, cancellationToken),
            "Nämndens beslut är registrerat.", "", cancellationToken);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } report)
        {
            return false;
        }
        Report = report;
        var workflow = WorkflowActors.From(actor);
        MayWrite = AnnualReport.RefuseWriter(workflow) is null;
        MayDecide = CommitteeDecision.RefuseRecorder(workflow, report.CommitteeId, "") is null;
        return true;
    }

    private async Task<IActionResult> StepAsync(Guid id, Func<WorkflowActor, Task<SaveResult>> step, string done, string prefix, CancellationToken cancellationToken)
    {
        var result = await step(WorkflowActors.From(actor));
        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        if (this.Refused(result, prefix) is { } refused)
        {
            return refused;
        }
        var entered = Text;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Text = prefix == "Text" ? entered : new(Report.Summary, Report.Analysis, Report.ImprovementAreas, Report.Proposals, Report.Version);
        return Page();
    }
}
