using Uppsikt.Domain;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Features.Reviews.Timeline;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>
/// What the reviews say of a unit's risk. Reads each unit's latest finalised regular review (<see cref="LatestRegularReviews"/>,
/// as the review intervals do): its overall result (<see cref="RiskSignalKind.LastReviewResult"/>, when it is more than
/// satisfactory) and its age (<see cref="RiskSignalKind.ReviewAge"/>, from two whole years); a unit without one is
/// <see cref="RiskSignalKind.NeverReviewed"/>. One query, of the units' reviews.
/// </summary>
public sealed class ReviewRiskSignals(LatestRegularReviews latestReviews) : IRiskSignalSource
{
    public async Task<IReadOnlyList<RiskSignal>> SignalsAsync(IReadOnlyList<RiskUnit> units, DateOnly today, CancellationToken cancellationToken)
    {
        var unitIds = units.Select(u => u.Id).ToList();
        var latest = await latestReviews.ForUnitsAsync(unitIds, cancellationToken);
        var signals = new List<RiskSignal>();
        foreach (var unitId in unitIds)
        {
            if (latest.GetValueOrDefault(unitId) is not { } review)
            {
                signals.Add(new RiskSignal(unitId, RiskSignalKind.NeverReviewed, 1,
                    "Enheten har aldrig granskats i en ordinarie granskning med slutlig rapport."));
                continue;
            }
            var link = ReviewHistory.Link(review.Id);
            if (review.Result is { } result && ResultMagnitude(result) > 0)
            {
                signals.Add(new RiskSignal(unitId, RiskSignalKind.LastReviewResult, ResultMagnitude(result),
                    $"Den senaste granskningens samlade bedömning: {result.Name().ToLower(SwedishText.Culture)} (slutlig {SwedishWording.Date(review.FinalisedOn)}).",
                    review.Title, link));
            }
            var years = WholeYears(review.FinalisedOn, today);
            if (years >= 2)
            {
                signals.Add(new RiskSignal(unitId, RiskSignalKind.ReviewAge, years - 1,
                    $"Den senaste granskningen blev slutlig {SwedishWording.Date(review.FinalisedOn)}, för {years} år sedan.", review.Title, link));
            }
        }
        return signals;
    }

    /// <summary>0 satisfactory, 1 satisfactory but can improve, 2 minor and 3 serious deficiency (<see cref="RiskSignalKind.LastReviewResult"/>).</summary>
    public static int ResultMagnitude(Assessment result) => result switch
    {
        Assessment.SatisfactoryCanImprove => 1,
        Assessment.MinorDeficiency => 2,
        Assessment.SeriousDeficiency => 3,
        _ => 0,
    };

    /// <summary>The whole years from <paramref name="from"/> to <paramref name="today"/>: a year is whole on the same date a year later.</summary>
    public static int WholeYears(DateOnly from, DateOnly today)
    {
        var years = today.Year - from.Year;
        return from.AddYears(years) > today ? years - 1 : years;
    }
}
