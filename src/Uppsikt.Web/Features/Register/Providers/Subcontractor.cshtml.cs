using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Uppsikt.Web.Features.Register.Providers;

/// <summary>Adds, changes or removes a subcontractor of a provider, in any tier.</summary>
public sealed class SubcontractorModel(ProvidersHandler providers, SubcontractorsHandler handler) : ProviderPartPage(providers)
{
    public Guid? SubcontractorId { get; private set; }

    [BindProperty]
    public SubcontractorForm Input { get; set; } = new();

    public sealed class SubcontractorForm
    {
        public string? Name { get; set; }
        public string? OrganisationNumber { get; set; }
        public int? Tier { get; set; } = 1;
        [DataType(DataType.MultilineText)] public string? Scope { get; set; }
        public int Version { get; set; }

        public static SubcontractorForm From(SubcontractorDetails subcontractor) => new()
        {
            Name = subcontractor.Name,
            OrganisationNumber = subcontractor.OrganisationNumber,
            Tier = subcontractor.Tier,
            Scope = subcontractor.Scope,
            Version = subcontractor.Version,
        };
    }

    public List<SelectListItem> Tiers =>
        [.. Enumerable.Range(1, SubcontractorsHandler.MaxTier).Select(tier => new SelectListItem(
            tier == 1 ? "Led 1 – anlitas av anordnaren" : $"Led {tier} – anlitas av en underleverantör i led {tier - 1}",
            tier.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    public async Task<IActionResult> OnGetAsync(Guid providerId, Guid? subcontractorId, CancellationToken cancellationToken)
    {
        SubcontractorId = subcontractorId;
        if (!await FindProviderAsync(providerId, cancellationToken))
        {
            return NotFound();
        }
        if (subcontractorId is { } existing)
        {
            if (await handler.GetAsync(providerId, existing, cancellationToken) is not { } subcontractor)
            {
                return NotFound();
            }
            Input = SubcontractorForm.From(subcontractor);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid providerId, Guid? subcontractorId, CancellationToken cancellationToken)
    {
        SubcontractorId = subcontractorId;
        if (!await FindProviderAsync(providerId, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await handler.SaveAsync(providerId, subcontractorId,
            new SubcontractorInput(Input.Name, Input.OrganisationNumber, Input.Tier, Input.Scope, Input.Version), cancellationToken);
        return Outcome(result, $"Underleverantören {Input.Name?.Trim()} är sparad hos {ProviderName}.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid providerId, Guid subcontractorId, CancellationToken cancellationToken)
    {
        SubcontractorId = subcontractorId;
        if (!await FindProviderAsync(providerId, cancellationToken)
            || await handler.GetAsync(providerId, subcontractorId, cancellationToken) is not { } subcontractor)
        {
            return NotFound();
        }
        var result = await handler.RemoveAsync(providerId, subcontractorId, Input.Version, cancellationToken);
        if (result.Conflict)
        {
            // Show the subcontractor as it is now, so the reader sees what changed before deciding again.
            ModelState.Clear();
            Input = SubcontractorForm.From(subcontractor);
        }
        return Outcome(result, $"Underleverantören {subcontractor.Name} är borttagen från {ProviderName}.");
    }
}
