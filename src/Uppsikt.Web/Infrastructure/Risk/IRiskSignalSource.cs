using Uppsikt.Domain.Register;
using Uppsikt.Domain.Risk;

namespace Uppsikt.Web.Infrastructure.Risk;

/// <summary>
/// One feature's contribution to the units' risk (decision 0031): what it knows that raises a unit's risk, each signal with its
/// source. Every feature with such knowledge registers one (<c>services.AddScoped&lt;IRiskSignalSource, …&gt;()</c>); the scorer
/// gathers them all and never needs to know a feature, so later signals plug in without touching it. A source answers for all
/// the units of <paramref name="units"/> at once, in a fixed number of queries whatever their number, and reads through the
/// scoped <c>AppDbContext</c>, so its query filters apply.
/// </summary>
public interface IRiskSignalSource
{
    /// <param name="units">The units to answer for, as a query to compose with (never enumerated whole by the caller).</param>
    /// <param name="today">The Swedish date the signals are read on: ages and the last twelve months count back from it.</param>
    Task<IReadOnlyList<RiskSignal>> SignalsAsync(IQueryable<Unit> units, DateOnly today, CancellationToken cancellationToken);
}
