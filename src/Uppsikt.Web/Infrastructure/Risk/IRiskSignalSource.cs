using Uppsikt.Domain.Register;
using Uppsikt.Domain.Risk;

namespace Uppsikt.Web.Infrastructure.Risk;

/// <summary>
/// A unit a source answers for, with what the sources need to know of it, read once by the scorer: its provider, ownership,
/// capacity (for per-volume rates) and every choice system it serves.
/// </summary>
public sealed record RiskUnit(Guid Id, Guid ProviderId, Ownership Ownership, int? Capacity, IReadOnlyList<Guid> ChoiceSystemIds);

/// <summary>
/// One feature's contribution to the units' risk (decision 0031): what it knows that raises a unit's risk, each signal with its
/// source. Every feature with such knowledge registers one (<c>services.AddScoped&lt;IRiskSignalSource, …&gt;()</c>); the scorer
/// gathers them all and never needs to know a feature, so later signals plug in without touching it. A source answers for all
/// the units at once, in a fixed number of queries whatever their number, asking by the units' or their providers' ids, and
/// reads through the scoped <c>AppDbContext</c>, so its query filters apply. Signals do not depend on the committee: the
/// scorer gathers them once and weighs them with each committee's weights.
/// </summary>
public interface IRiskSignalSource
{
    /// <param name="units">The units to answer for, each once.</param>
    /// <param name="today">The Swedish date the signals are read on: ages and the last twelve months count back from it.</param>
    Task<IReadOnlyList<RiskSignal>> SignalsAsync(IReadOnlyList<RiskUnit> units, DateOnly today, CancellationToken cancellationToken);
}
