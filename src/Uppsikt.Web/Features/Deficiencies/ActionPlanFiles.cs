using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>
/// An action plan's files: evidence that actions are done. Both sides attach them while the plan is open; a closed plan's files
/// stay as they were. Apart from <see cref="ActionPlansHandler"/>, which uses the file store: the store asks this.
/// </summary>
public sealed class ActionPlanFiles(AppDbContext db) : IFileMatters
{
    public string OwnerType => ActionPlansHandler.FileOwnerType;

    public async Task<FileMatter?> FindAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.Id == ownerId).Select(p => new { p.ProviderId, p.State }).FirstOrDefaultAsync(cancellationToken);
        return plan is null ? null : new FileMatter(plan.ProviderId, plan.State != ActionPlanState.Closed);
    }
}
