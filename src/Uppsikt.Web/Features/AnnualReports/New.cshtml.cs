using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.AnnualReports;

/// <summary>Starts an annual report: the year (last year by default), the committee and, optionally, one of its choice systems.</summary>
public sealed class NewModel(AnnualReportsHandler handler, RegisterLookups lookups, ICurrentActor actor, TimeProvider clock) : PageModel
{
    [BindProperty]
    public AnnualReportStart Input { get; set; } = new(null, null, null);

    public List<SelectListItem> Committees { get; private set; } = [];

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = new(clock.SwedishToday().Year - 1, null, null);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await handler.StartAsync(Input, WorkflowActors.From(actor), cancellationToken);
        if (result.Succeeded)
        {
            TempData["Message"] = "Årsrapporten är påbörjad. Skriv sammanfattning, analys och förslag; siffrorna tas fram automatiskt.";
            return Redirect(AnnualReportsHandler.Url(result.Id!.Value));
        }
        if (this.Refused(result) is { } refused)
        {
            return refused;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Committees = await lookups.CommitteesAsync(cancellationToken);
        RegisterLookups.MarkSelected(Committees, Input.CommitteeId);
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        RegisterLookups.MarkSelected(ChoiceSystems, Input.ChoiceSystemId);
    }
}
