namespace Uppsikt.Domain;

/// <summary>
/// Who takes a step in a workflow (a plan, a review): the roles decide what they may do, a committee secretary acts for one
/// committee, a provider user for one provider.
/// </summary>
public sealed record WorkflowActor(string? UserId, string Name, IReadOnlyCollection<string> Roles, Guid? CommitteeId = null, Guid? ProviderId = null)
{
    public bool IsIn(params string[] roles) => roles.Any(Roles.Contains);
}
