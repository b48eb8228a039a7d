using Microsoft.AspNetCore.Mvc;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary>The provider fills in its report: saves a draft, starts from last year's answers, attaches files and submits.</summary>
public sealed class FillModel(ReportsHandler handler, FileStore files) : AttachmentsPageModel(files)
{
    public ReportDetails Report { get; private set; } = null!;

    /// <summary>The answers shown in the form: the posted ones after a failed save, otherwise the stored ones.</summary>
    public IReadOnlyDictionary<string, string?> Shown { get; private set; } = new Dictionary<string, string?>();

    protected override string OwnerType => ReportsHandler.FileOwnerType;

    protected override async Task<bool> LoadMatterAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } report)
        {
            return false;
        }
        Report = report;
        if (Shown.Count == 0)
        {
            Shown = report.Answers.ToDictionary(a => a.Key, a => (string?)a.Value, StringComparer.Ordinal);
        }
        return true;
    }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, int version, string? action, CancellationToken cancellationToken)
    {
        if (await handler.GetAsync(id, cancellationToken) is not { } report)
        {
            return NotFound();
        }
        var answers = AnswerForm.Read(Request.Form, report.Questions);
        var submit = action == "submit";
        var hasFiles = (await Files.ListAsync(OwnerType, id, cancellationToken)).Count > 0;
        var result = await handler.SaveAnswersAsync(id, answers, version, submit, hasFiles, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = submit ? "Rapporten är inskickad. Tack!" : "Utkastet är sparat.";
            return submit ? RedirectToPage("Details", new { id }) : RedirectToPage(new { id });
        }
        // An answer's reason stands by its question.
        if (this.Refused(result, AnswerForm.Field) is { } refused)
        {
            return refused;
        }
        Shown = answers;
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostCopyLastYearAsync(Guid id, CancellationToken cancellationToken)
    {
        var (result, copied) = await handler.CopyLastYearAsync(id, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = copied == 0 ? "Inga svar kopierades: frågorna var redan besvarade." : $"{copied} svar kopierades från förra årets rapport. Gå igenom dem innan du skickar in.";
            return RedirectToPage(new { id });
        }
        return this.Refused(result, prefix: "") ?? await ShowAsync(id, cancellationToken);
    }
}
