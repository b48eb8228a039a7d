using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Register.Providers;

[Authorize(Policy = Policies.RegisterEditor)]
public sealed class EditModel(ProvidersHandler handler) : PageModel
{
    public Guid? Id { get; private set; }

    [BindProperty]
    public ProviderForm Input { get; set; } = new();

    public sealed class ProviderForm
    {
        public string? Name { get; set; }
        public string? OrganisationNumber { get; set; }
        public LegalForm? LegalForm { get; set; }
        public Ownership? Ownership { get; set; }
        public string? StreetAddress { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? ParentCompanyName { get; set; }
        public string? ParentCompanyOrganisationNumber { get; set; }
        public string? PreparednessNotes { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await handler.GetAsync(existing, cancellationToken) is not { } provider)
            {
                return NotFound();
            }
            Input = new ProviderForm
            {
                Name = provider.Name,
                OrganisationNumber = provider.OrganisationNumber,
                LegalForm = provider.LegalForm,
                Ownership = provider.Ownership,
                StreetAddress = provider.StreetAddress,
                PostalCode = provider.PostalCode,
                City = provider.City,
                Email = provider.Email,
                Phone = provider.Phone,
                ParentCompanyName = provider.ParentCompanyName,
                ParentCompanyOrganisationNumber = provider.ParentCompanyOrganisationNumber,
                PreparednessNotes = provider.PreparednessNotes,
                Version = provider.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await handler.SaveAsync(id, new ProviderInput(
            Input.Name, Input.OrganisationNumber, Input.LegalForm, Input.Ownership, Input.StreetAddress, Input.PostalCode, Input.City,
            Input.Email, Input.Phone, Input.ParentCompanyName, Input.ParentCompanyOrganisationNumber, Input.PreparednessNotes,
            Input.Version), cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }
        if (result.Succeeded)
        {
            TempData["Message"] = $"Anordnaren {Input.Name?.Trim()} är sparad.";
            return RedirectToPage("Details", new { id = result.Id });
        }
        ModelState.AddFrom(result);
        return Page();
    }
}
