using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Register.Committees;

[Authorize(Policy = Policies.RegisterEditor)]
public sealed class EditModel(CommitteesHandler handler, RegisterLookups lookups) : PageModel
{
    public Guid? Id { get; private set; }

    [BindProperty]
    public CommitteeForm Input { get; set; } = new();

    public List<SelectListItem> Administrations { get; private set; } = [];

    /// <summary>The form as posted. Display names are what model binding's own messages call the fields.</summary>
    public sealed class CommitteeForm
    {
        [Display(Name = "namn")] public string? Name { get; set; }
        [Display(Name = "beskrivning")] public string? Description { get; set; }
        [Display(Name = "förvaltning")] public Guid? AdministrationId { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await handler.GetAsync(existing, cancellationToken) is not { } committee)
            {
                return NotFound();
            }
            Input = new CommitteeForm
            {
                Name = committee.Name,
                Description = committee.Description,
                AdministrationId = committee.AdministrationId,
                Version = committee.Version,
            };
        }
        Administrations = await lookups.AdministrationsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var result = await handler.SaveAsync(id, new CommitteeInput(Input.Name, Input.Description, Input.AdministrationId, Input.Version), cancellationToken);
            if (result.NotFound)
            {
                return NotFound();
            }
            if (result.Succeeded)
            {
                TempData["Message"] = $"Nämnden {Input.Name?.Trim()} är sparad.";
                return RedirectToPage("Details", new { id = result.Id });
            }
            ModelState.AddFrom(result);
        }
        Administrations = await lookups.AdministrationsAsync(cancellationToken);
        return Page();
    }
}
