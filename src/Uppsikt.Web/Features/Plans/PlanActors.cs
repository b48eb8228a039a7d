using System.Security.Claims;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure.Auth;

namespace Uppsikt.Web.Features.Plans;

public static class PlanActors
{
    /// <summary>The signed-in user as the plan's rules see them: name, roles and the committee a secretary serves.</summary>
    public static PlanActor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.FindFirstValue(UppsiktClaims.DisplayName) ?? user.Identity?.Name ?? "okänd",
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
        Guid.TryParse(user.FindFirstValue(UppsiktClaims.CommitteeId), out var committee) ? committee : null);
}
