using Microsoft.AspNetCore.Mvc;
using Uppsikt.Domain.Register;

namespace Uppsikt.Web.Features.Register.Providers;

/// <summary>Adds, changes or removes a representative, board member, auditor or contact of a provider.</summary>
public sealed class PersonModel(ProvidersHandler providers, ProviderPeopleHandler handler) : ProviderPartPage(providers)
{
    public Guid? PersonId { get; private set; }

    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public sealed class PersonForm
    {
        public string? Name { get; set; }
        public ProviderPersonRole? Role { get; set; }
        public string? Organisation { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public int Version { get; set; }

        public static PersonForm From(ProviderPersonDetails person) => new()
        {
            Name = person.Name,
            Role = person.Role,
            Organisation = person.Organisation,
            Email = person.Email,
            Phone = person.Phone,
            Version = person.Version,
        };
    }

    public async Task<IActionResult> OnGetAsync(Guid providerId, Guid? personId, CancellationToken cancellationToken)
    {
        PersonId = personId;
        if (!await FindProviderAsync(providerId, cancellationToken))
        {
            return NotFound();
        }
        if (personId is { } existing)
        {
            if (await handler.GetAsync(providerId, existing, cancellationToken) is not { } person)
            {
                return NotFound();
            }
            Input = PersonForm.From(person);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid providerId, Guid? personId, CancellationToken cancellationToken)
    {
        PersonId = personId;
        if (!await FindProviderAsync(providerId, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await handler.SaveAsync(providerId, personId,
            new ProviderPersonInput(Input.Name, Input.Role, Input.Organisation, Input.Email, Input.Phone, Input.Version), cancellationToken);
        return Outcome(result, $"{Input.Name?.Trim()} är sparad hos {ProviderName}.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid providerId, Guid personId, CancellationToken cancellationToken)
    {
        PersonId = personId;
        if (!await FindProviderAsync(providerId, cancellationToken)
            || await handler.GetAsync(providerId, personId, cancellationToken) is not { } person)
        {
            return NotFound();
        }
        var result = await handler.RemoveAsync(providerId, personId, Input.Version, cancellationToken);
        if (result.Conflict)
        {
            // Show the person as they are now, so the reader sees what changed before deciding again.
            ModelState.Clear();
            Input = PersonForm.From(person);
        }
        return Outcome(result, $"{person.Name} är borttagen från {ProviderName}.");
    }
}
