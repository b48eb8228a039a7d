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

/// <summary>
/// Who is acting now and what they may see. The web app derives it from the signed-in user; command-line verbs,
/// jobs, seeding and imports declare a <see cref="SystemActor"/>. When nobody is acting (<see cref="IsKnown"/> is
/// false) the data context refuses to query or save, so that code outside a request cannot silently see everything.
/// </summary>
public interface ICurrentActor
{
    /// <summary>False outside a web request when no system actor was declared; the other members then throw.</summary>
    bool IsKnown { get; }

    AccessScope Scope { get; }

    string? UserId { get; }

    /// <summary>The name the audit trail and the documents record.</summary>
    string DisplayName { get; }

    /// <summary>The roles of the signed-in user; none for the system or the public.</summary>
    IReadOnlySet<string> Roles { get; }

    /// <summary>The provider a provider user acts for.</summary>
    Guid? ProviderId { get; }

    /// <summary>The administration a district follow-up user belongs to.</summary>
    Guid? AdministrationId { get; }

    /// <summary>The committee an elected member or officer belongs to.</summary>
    Guid? CommitteeId { get; }

    bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>
/// The actor of command-line verbs, seeding, background jobs and imports: unrestricted, and named in the audit
/// trail. An import acts on behalf of the person who uploaded the file, so the trail names them.
/// </summary>
public sealed class SystemActor(string name = SystemActor.DefaultName, string? onBehalfOfUserId = null) : ICurrentActor
{
    public const string DefaultName = "system";

    public bool IsKnown => true;

    public AccessScope Scope => AccessScope.Unrestricted;

    public string? UserId => onBehalfOfUserId;

    public string DisplayName { get; } = name;

    public IReadOnlySet<string> Roles { get; } = new HashSet<string>();

    public Guid? ProviderId => null;

    public Guid? AdministrationId => null;

    public Guid? CommitteeId => null;
}
