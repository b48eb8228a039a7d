using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Register.Providers;

/// <summary>What a person or integration sends to add or change a provider's representative, board member, auditor or contact.</summary>
public sealed record ProviderPersonInput(string? Name, ProviderPersonRole? Role, string? Organisation, string? Email, string? Phone, int Version = 0);

/// <summary>Adds, changes and removes the people of a provider. A provider outside the caller's scope is "not found".</summary>
public sealed class ProviderPeopleHandler(AppDbContext db)
{
    /// <summary>The provider's people, or null when the provider does not exist or is outside the caller's scope.</summary>
    public async Task<IReadOnlyList<ProviderPersonDetails>?> ListAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var people = await db.Providers.AsNoTracking().Where(p => p.Id == providerId)
            .Select(p => p.People.Select(x => new ProviderPersonDetails(x.Id, x.Name, x.Role, x.Organisation, x.Email, x.Phone, x.Version)).ToList())
            .FirstOrDefaultAsync(cancellationToken);
        return people is null ? null : InRoleOrder(people);
    }

    /// <summary>
    /// Representatives first, then the board, the chief executive, auditors and contacts, as the enum declares the roles
    /// (the database stores them by their English names, so it cannot sort them this way).
    /// </summary>
    public static IReadOnlyList<ProviderPersonDetails> InRoleOrder(IEnumerable<ProviderPersonDetails> people) =>
        [.. people.OrderBy(x => x.Role).ThenBy(x => x.Name, StringComparer.Create(SwedishText.Culture, ignoreCase: false))];

    public Task<ProviderPersonDetails?> GetAsync(Guid providerId, Guid personId, CancellationToken cancellationToken) =>
        db.ProviderPeople.AsNoTracking().Where(x => x.Id == personId && x.ProviderId == providerId)
            .Select(x => new ProviderPersonDetails(x.Id, x.Name, x.Role, x.Organisation, x.Email, x.Phone, x.Version))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<SaveResult> SaveAsync(Guid providerId, Guid? personId, ProviderPersonInput input, CancellationToken cancellationToken)
    {
        if (!await db.Providers.AnyAsync(p => p.Id == providerId, cancellationToken))
        {
            return SaveResult.Missing();
        }
        var person = personId is null ? null
            : await db.ProviderPeople.FirstOrDefaultAsync(x => x.Id == personId && x.ProviderId == providerId, cancellationToken);
        if (personId is not null && person is null)
        {
            return SaveResult.Missing();
        }

        var check = new Validation();
        var name = check.Required(nameof(ProviderPersonInput.Name), "namn", input.Name);
        if (input.Role is not { } role || !Enum.IsDefined(role))
        {
            check.Add(nameof(ProviderPersonInput.Role), "Välj roll.");
        }
        var organisation = check.Optional(nameof(ProviderPersonInput.Organisation), "organisationens namn", input.Organisation);
        var email = check.Email(nameof(ProviderPersonInput.Email), input.Email);
        var phone = check.Optional(nameof(ProviderPersonInput.Phone), "telefonnummer", input.Phone, 40);
        if (!check.IsValid)
        {
            return check.Fail();
        }

        if (person is null)
        {
            person = new ProviderPerson { ProviderId = providerId, Name = name };
            db.ProviderPeople.Add(person);
        }
        else
        {
            db.ExpectVersion(person, input.Version);
        }
        person.Name = name;
        person.Role = input.Role!.Value;
        person.Organisation = organisation;
        person.Email = email;
        person.Phone = phone;
        return await db.SaveOrConflictAsync(person.Id, cancellationToken);
    }

    /// <summary>Removes a person; with a version, only if nobody has changed the person since it was read.</summary>
    public async Task<SaveResult> RemoveAsync(Guid providerId, Guid personId, int? version, CancellationToken cancellationToken)
    {
        var person = await db.ProviderPeople.FirstOrDefaultAsync(x => x.Id == personId && x.ProviderId == providerId, cancellationToken);
        if (person is null)
        {
            return SaveResult.Missing();
        }
        if (version is { } expected)
        {
            db.ExpectVersion(person, expected);
        }
        db.ProviderPeople.Remove(person);
        return await db.SaveOrConflictAsync(person.Id, cancellationToken);
    }
}
