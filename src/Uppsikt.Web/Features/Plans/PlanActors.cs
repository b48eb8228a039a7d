using Uppsikt.Data;
using Uppsikt.Domain.Plans;

namespace Uppsikt.Web.Features.Plans;

public static class PlanActors
{
    /// <summary>The acting user as the plan's rules see them: name, roles and the committee a secretary serves.</summary>
    public static PlanActor From(ICurrentActor actor) => new(actor.UserId, actor.DisplayName, [.. actor.Roles], actor.CommitteeId);
}
