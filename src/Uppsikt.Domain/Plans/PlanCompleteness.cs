using Uppsikt.Domain.Conditions;

namespace Uppsikt.Domain.Plans;

/// <summary>A condition in force for the plan's choice system, as the completeness check needs it.</summary>
public sealed record ConditionInForce(Guid Id, string Code, string Title, IReadOnlyCollection<FollowUpOccasion> Occasions);

/// <summary>An activity that does not yet say what, how, who or how often.</summary>
public sealed record ActivityGap(Guid ActivityId, int Position, string? What, IReadOnlyList<ActivityPart> Missing);

/// <summary>What a plan leaves open (specification rule 6); the plan page and the council-wide review both show it.</summary>
public sealed record PlanCompleteness(
    int ActivityCount,
    IReadOnlyList<ConditionInForce> ConditionsWithoutOccasion,
    IReadOnlyList<ConditionInForce> ConditionsWithoutActivity,
    IReadOnlyList<ActivityGap> IncompleteActivities)
{
    /// <summary>Every activity states what, how, who and how often, and there is at least one: what approval requires.</summary>
    public bool ActivitiesComplete => ActivityCount > 0 && IncompleteActivities.Count == 0;

    public bool IsComplete => ActivitiesComplete && ConditionsWithoutOccasion.Count == 0 && ConditionsWithoutActivity.Count == 0;

    /// <summary>Checks a plan's activities against the conditions in force for its choice system.</summary>
    public static PlanCompleteness Check(IReadOnlyCollection<FollowUpActivity> activities, IEnumerable<ConditionInForce> conditions)
    {
        var covered = activities.SelectMany(a => a.ConditionIds).ToHashSet();
        var all = conditions.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        return new PlanCompleteness(
            activities.Count,
            [.. all.Where(c => c.Occasions.Count == 0)],
            [.. all.Where(c => !covered.Contains(c.Id))],
            [.. activities.OrderBy(a => a.Position)
                .Select(a => new ActivityGap(a.Id, a.Position, a.What, a.MissingParts()))
                .Where(g => g.Missing.Count > 0)]);
    }
}
