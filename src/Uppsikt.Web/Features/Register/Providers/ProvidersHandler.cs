using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Providers;

/// <summary>
/// A row of the provider list. Properties set by an initialiser, not a positional record: EF Core can sort by a member
/// of an object initialiser in the projection, but not by a constructor argument.
/// </summary>
public sealed record ProviderRow
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required string OrganisationNumber { get; init; }

    public required LegalForm LegalForm { get; init; }

    public required Ownership Ownership { get; init; }

    public string? City { get; init; }

    public required int UnitCount { get; init; }
}

public sealed record ProviderDetails(
    Guid Id, string Name, string OrganisationNumber, LegalForm LegalForm, Ownership Ownership, string? StreetAddress, string? PostalCode,
    string? City, string? Email, string? Phone, string? ParentCompanyName, string? ParentCompanyOrganisationNumber, string? PreparednessNotes,
    IReadOnlyList<ProviderPersonDetails> People, IReadOnlyList<SubcontractorDetails> Subcontractors, IReadOnlyList<ProviderUnit> Units,
    IReadOnlyList<ProviderAuthorisation> Authorisations, int Version);

public sealed record ProviderPersonDetails(Guid Id, string Name, ProviderPersonRole Role, string? Organisation, string? Email, string? Phone, int Version);

public sealed record SubcontractorDetails(Guid Id, string Name, string? OrganisationNumber, int Tier, string? Scope, int Version);

public sealed record ProviderUnit(Guid Id, string Name, bool Closed);

public sealed record ProviderAuthorisation(
    Guid Id, Guid ChoiceSystemId, string ChoiceSystemName, AgreementKind Kind, AuthorisationStatus Status, string? CaseNumber,
    DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>What a person or integration sends to create or change a provider.</summary>
public sealed record ProviderInput(
    string? Name, string? OrganisationNumber, LegalForm? LegalForm, Ownership? Ownership, string? StreetAddress, string? PostalCode,
    string? City, string? Email, string? Phone, string? ParentCompanyName, string? ParentCompanyOrganisationNumber,
    [DataType(DataType.MultilineText)] string? PreparednessNotes, int Version = 0);

/// <summary>Reads and writes providers; the pages and <c>/api/v1/providers</c> both call it.</summary>
public sealed class ProvidersHandler(AppDbContext db)
{
    public static readonly SortColumns<ProviderRow> Sort = new SortColumns<ProviderRow>("name")
        .Add("name", p => p.Name)
        .Add("organisationNumber", p => p.OrganisationNumber)
        .Add("ownership", p => p.Ownership)
        .Add("city", p => p.City);

    public Task<PagedList<ProviderRow>> ListAsync(ListQuery list, Ownership? ownership, CancellationToken cancellationToken)
    {
        var providers = db.Providers.AsNoTracking().Matching(list.Search);
        if (ownership is { } o)
        {
            providers = providers.Where(p => p.Ownership == o);
        }
        return providers
            .Select(p => new ProviderRow
            {
                Id = p.Id,
                Name = p.Name,
                OrganisationNumber = p.OrganisationNumber,
                LegalForm = p.LegalForm,
                Ownership = p.Ownership,
                City = p.City,
                UnitCount = p.Units.Count,
            })
            .ToPageAsync(list, Sort, p => p.Id, cancellationToken);
    }

    /// <summary>The one provider the caller can see, if there is exactly one (a provider user's own organisation).</summary>
    public async Task<Guid?> OnlyVisibleAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Providers.AsNoTracking().Select(p => p.Id).Take(2).ToListAsync(cancellationToken);
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>The provider's name, or null when it does not exist or is outside the caller's scope.</summary>
    public Task<string?> NameAsync(Guid id, CancellationToken cancellationToken) =>
        db.Providers.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);

    public async Task<ProviderDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking().AsSplitQuery().Where(p => p.Id == id)
            .Select(p => new ProviderDetails(
                p.Id, p.Name, p.OrganisationNumber, p.LegalForm, p.Ownership, p.StreetAddress, p.PostalCode, p.City, p.Email, p.Phone,
                p.ParentCompanyName, p.ParentCompanyOrganisationNumber, p.PreparednessNotes,
                p.People.Select(x => new ProviderPersonDetails(x.Id, x.Name, x.Role, x.Organisation, x.Email, x.Phone, x.Version)).ToList(),
                p.Subcontractors.OrderBy(s => s.Tier).ThenBy(s => s.Name)
                    .Select(s => new SubcontractorDetails(s.Id, s.Name, s.OrganisationNumber, s.Tier, s.Scope, s.Version)).ToList(),
                p.Units.OrderBy(u => u.Name).Select(u => new ProviderUnit(u.Id, u.Name, u.ClosedOn != null)).ToList(),
                p.Authorisations.OrderBy(a => a.ChoiceSystem!.Name)
                    .Select(a => new ProviderAuthorisation(a.Id, a.ChoiceSystemId, a.ChoiceSystem!.Name, a.Kind, a.Status, a.CaseNumber, a.ValidFrom, a.ValidTo))
                    .ToList(),
                p.Version))
            .FirstOrDefaultAsync(cancellationToken);
        return provider is null ? null : provider with { People = ProviderPeopleHandler.InRoleOrder(provider.People) };
    }

    public async Task<SaveResult> SaveAsync(Guid? id, ProviderInput input, CancellationToken cancellationToken)
    {
        var provider = id is null ? null : await db.Providers.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (id is not null && provider is null)
        {
            return SaveResult.Missing();
        }

        var check = new Validation();
        var name = check.Required(nameof(ProviderInput.Name), "anordnarens namn", input.Name);
        var number = check.OrganisationNumber(nameof(ProviderInput.OrganisationNumber), input.OrganisationNumber, required: true);
        if (input.LegalForm is not { } legalForm || !Enum.IsDefined(legalForm))
        {
            check.Add(nameof(ProviderInput.LegalForm), "Välj driftform.");
        }
        else if (number is not null && number.IsPersonalIdentityNumber && legalForm != LegalForm.SoleTrader)
        {
            check.Add(nameof(ProviderInput.LegalForm),
                $"{number.Value} är ett personnummer, och det är bara en enskild näringsidkare som har ett personnummer som organisationsnummer. Välj driftform Enskild näringsidkare, eller ange organisationens eget organisationsnummer.");
        }
        else if (number is not null && !number.IsPersonalIdentityNumber && legalForm == LegalForm.SoleTrader)
        {
            check.Add(nameof(ProviderInput.LegalForm),
                $"En enskild näringsidkare har ägarens personnummer som organisationsnummer, men {number.Value} är ett organisationsnummer för en juridisk person. Ange personnumret, eller välj en annan driftform.");
        }
        if (input.Ownership is not { } ownership || !Enum.IsDefined(ownership))
        {
            check.Add(nameof(ProviderInput.Ownership), "Välj regiform.");
        }
        if (number is not null
            && await db.Providers.AsNoTracking().Where(p => p.OrganisationNumber == number.Value && p.Id != id).Select(p => p.Name)
                .FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            check.Add(nameof(ProviderInput.OrganisationNumber), $"Organisationsnumret {number.Value} finns redan i registret, hos {existing}.");
        }
        var street = check.Optional(nameof(ProviderInput.StreetAddress), "gatuadress", input.StreetAddress);
        var postalCode = check.Optional(nameof(ProviderInput.PostalCode), "postnummer", input.PostalCode, 10);
        var city = check.Optional(nameof(ProviderInput.City), "ort", input.City, 100);
        var email = check.Email(nameof(ProviderInput.Email), input.Email);
        var phone = check.Optional(nameof(ProviderInput.Phone), "telefonnummer", input.Phone, 40);
        var parentName = check.Optional(nameof(ProviderInput.ParentCompanyName), "moderbolagets namn", input.ParentCompanyName);
        var parentNumber = check.OrganisationNumber(nameof(ProviderInput.ParentCompanyOrganisationNumber), input.ParentCompanyOrganisationNumber, required: false);
        if (parentNumber is not null && parentNumber == number)
        {
            check.Add(nameof(ProviderInput.ParentCompanyOrganisationNumber), "Moderbolaget kan inte ha samma organisationsnummer som anordnaren själv.");
        }
        if (parentNumber is not null && parentName is null)
        {
            check.Add(nameof(ProviderInput.ParentCompanyName), "Ange moderbolagets namn när du anger dess organisationsnummer.");
        }
        var preparedness = check.Optional(nameof(ProviderInput.PreparednessNotes), "uppgifterna om krisberedskap", input.PreparednessNotes, 4000);
        if (!check.IsValid)
        {
            return check.Fail();
        }

        if (provider is null)
        {
            provider = new Provider { Name = name, OrganisationNumber = number!.Value };
            db.Providers.Add(provider);
        }
        else
        {
            db.ExpectVersion(provider, input.Version);
        }
        provider.Name = name;
        provider.OrganisationNumber = number!.Value;
        provider.LegalForm = input.LegalForm!.Value;
        provider.Ownership = input.Ownership!.Value;
        provider.StreetAddress = street;
        provider.PostalCode = postalCode;
        provider.City = city;
        provider.Email = email;
        provider.Phone = phone;
        provider.ParentCompanyName = parentName;
        provider.ParentCompanyOrganisationNumber = parentNumber?.Value;
        provider.PreparednessNotes = preparedness;
        return await db.SaveOrConflictAsync(provider.Id, cancellationToken);
    }
}
