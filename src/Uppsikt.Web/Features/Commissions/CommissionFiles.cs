using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Commissions;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features.Commissions;

/// <summary>
/// A commission's report file as the file store asks about it: found only for one who reads the commission, and added only while
/// it is in progress by one who may answer it. Apart from <see cref="CommissionsHandler"/>, which uses the file store itself.
/// </summary>
public sealed class CommissionFiles(AppDbContext db, ICurrentActor actor) : IFileMatters
{
    public string OwnerType => CommissionsHandler.FileOwnerType;

    public async Task<FileMatter?> FindAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var commission = await CommissionsHandler.Readable(db, actor).FirstOrDefaultAsync(c => c.Id == ownerId, cancellationToken);
        return commission is null ? null
            : new FileMatter(null, commission.State == CommissionState.InProgress && commission.MayAnswer(WorkflowActors.From(actor)));
    }
}
