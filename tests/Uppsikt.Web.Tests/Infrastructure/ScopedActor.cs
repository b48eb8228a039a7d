using Uppsikt.Data;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>An actor with a scope and nothing else, for reading through a context as a provider or district user would.</summary>
public sealed class ScopedActor(AccessScope scope, params string[] roles) : ICurrentActor
{
    public bool IsKnown => true;

    public AccessScope Scope => scope;

    public string? UserId => null;

    public string DisplayName => "Aktör (test)";

    public IReadOnlySet<string> Roles { get; } = roles.ToHashSet(StringComparer.Ordinal);

    public Guid? ProviderId => scope.ProviderId;

    public Guid? AdministrationId => scope.AdministrationId;

    public Guid? CommitteeId => null;
}
