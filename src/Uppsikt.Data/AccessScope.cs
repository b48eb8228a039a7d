namespace Uppsikt.Data;

public enum AccessScopeKind
{
    /// <summary>Municipal staff and administration tasks: everything.</summary>
    Unrestricted = 0,

    /// <summary>A provider user: its own provider's data only.</summary>
    Provider = 1,

    /// <summary>A district follow-up user: its own administration's units only.</summary>
    District = 2,

    /// <summary>Anonymous citizens: published data only.</summary>
    Public = 3,
}

/// <summary>What the current caller may see. Every query on provider data is filtered by it in <see cref="AppDbContext"/>.</summary>
public sealed record AccessScope(AccessScopeKind Kind, Guid? ProviderId = null, Guid? AdministrationId = null)
{
    public static readonly AccessScope Unrestricted = new(AccessScopeKind.Unrestricted);

    public static readonly AccessScope Public = new(AccessScopeKind.Public);

    public static AccessScope ForProvider(Guid providerId) => new(AccessScopeKind.Provider, ProviderId: providerId);

    public static AccessScope ForDistrict(Guid administrationId) => new(AccessScopeKind.District, AdministrationId: administrationId);
}

/// <summary>Who is acting now and what they may see; the web app derives it from the signed-in user.</summary>
public interface ICurrentActor
{
    AccessScope Scope { get; }

    string? UserId { get; }

    string DisplayName { get; }
}

/// <summary>The actor of command-line verbs, seeding and background jobs.</summary>
public sealed class SystemActor(string name = "system") : ICurrentActor
{
    public AccessScope Scope => AccessScope.Unrestricted;

    public string? UserId => null;

    public string DisplayName { get; } = name;
}
