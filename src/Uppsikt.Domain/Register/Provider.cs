namespace Uppsikt.Domain.Register;

/// <summary>Anordnare or huvudman: the organisation that is authorised or contracted.</summary>
public sealed class Provider : Entity
{
    public required string Name { get; set; }

    /// <summary>Ten digits with hyphen, validated by <see cref="Register.OrganisationNumber"/>.</summary>
    public required string OrganisationNumber { get; set; }

    public LegalForm LegalForm { get; set; }

    public Ownership Ownership { get; set; }

    public string? StreetAddress { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? ParentCompanyName { get; set; }

    public string? ParentCompanyOrganisationNumber { get; set; }

    /// <summary>Krisberedskap: how the provider is reached and keeps going in a crisis.</summary>
    public string? PreparednessNotes { get; set; }

    public List<ProviderPerson> People { get; } = [];

    public List<Subcontractor> Subcontractors { get; } = [];

    public List<Unit> Units { get; } = [];

    public List<Authorisation> Authorisations { get; } = [];
}

/// <summary>A representative, board member, auditor or contact of a provider.</summary>
public sealed class ProviderPerson : Entity
{
    public Guid ProviderId { get; set; }

    public required string Name { get; set; }

    public ProviderPersonRole Role { get; set; }

    /// <summary>For an auditor: the audit firm.</summary>
    public string? Organisation { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

/// <summary>Underleverantör in any tier; tier 1 is hired by the provider, tier 2 by a tier-1 subcontractor, and so on.</summary>
public sealed class Subcontractor : Entity
{
    public Guid ProviderId { get; set; }

    public required string Name { get; set; }

    public string? OrganisationNumber { get; set; }

    public int Tier { get; set; } = 1;

    /// <summary>What the subcontractor does.</summary>
    public string? Scope { get; set; }
}
