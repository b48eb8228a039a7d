using Uppsikt.Data;
using Uppsikt.Domain;

namespace Uppsikt.Web.Infrastructure.Auth;

public static class WorkflowActors
{
    /// <summary>The acting user as a workflow's rules see them: name, roles, the committee a secretary serves, the provider a provider user acts for.</summary>
    public static WorkflowActor From(ICurrentActor actor) =>
        new(actor.UserId, actor.DisplayName, [.. actor.Roles], actor.CommitteeId, actor.ProviderId);
}
