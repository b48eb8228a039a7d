using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>
/// Action plans in the provider portal: a plan to write or complete is a request with its due date, and an approved plan's
/// action not yet reported is one with the action's date.
/// </summary>
public sealed class ActionPlanRequests(AppDbContext db) : IPortalRequestSource
{
    public async Task<IReadOnlyList<PortalRequest>> OpenRequestsAsync(Guid providerId, DateOnly today, CancellationToken cancellationToken)
    {
        var plans = await db.ActionPlans.AsNoTracking()
            .Where(p => p.ProviderId == providerId && (p.State == ActionPlanState.AwaitingPlan || p.State == ActionPlanState.Returned))
            .Select(p => new { p.Id, p.Title, p.PlanDueOn, p.State }).ToListAsync(cancellationToken);
        var actions = await db.PlannedActions.AsNoTracking()
            .Where(a => a.DoneOn == null && db.ActionPlans.Any(p => p.Id == a.ActionPlanId && p.ProviderId == providerId && p.State == ActionPlanState.Approved))
            .Join(db.ActionPlans, a => a.ActionPlanId, p => p.Id, (a, p) => new { p.Id, p.Title, a.Description, a.DueOn })
            .ToListAsync(cancellationToken);
        return [
            .. plans.Select(p => new PortalRequest(p.State == ActionPlanState.Returned ? "Åtgärdsplan att komplettera" : "Åtgärdsplan att lämna",
                p.Title, p.PlanDueOn, ActionPlansHandler.PlanUrl(p.Id), p.PlanDueOn < today)),
            .. actions.Select(a => new PortalRequest("Åtgärd att genomföra och rapportera", $"{a.Title}: {a.Description}", a.DueOn,
                ActionPlansHandler.PlanUrl(a.Id), a.DueOn < today)),
        ];
    }
}
