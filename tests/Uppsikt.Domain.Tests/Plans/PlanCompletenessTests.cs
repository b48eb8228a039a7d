using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Plans;

namespace Uppsikt.Domain.Tests.Plans;

public sealed class PlanCompletenessTests
{
    private static ConditionInForce Condition(string code, params FollowUpOccasion[] occasions) =>
        new(Guid.CreateVersion7(), code, "Villkor " + code, occasions);

    [Fact]
    public void ListsConditionsWithoutOccasionOrActivityAndActivitiesMissingWhatHowWhoOrHowOften()
    {
        var covered = Condition("A.1", FollowUpOccasion.Annual);
        var uncovered = Condition("A.2", FollowUpOccasion.AtAuthorisation);
        var noOccasion = Condition("B.1");
        var complete = new FollowUpActivity
        {
            Position = 1,
            ConditionIds = [covered.Id, noOccasion.Id],
            Method = FollowUpMethod.Visit,
            Who = "Kvalitetsutvecklare",
            Frequency = ActivityFrequency.Annual,
            Tertial = Tertial.Second,
        };
        var bare = new FollowUpActivity { Position = 2 };
        var noWho = new FollowUpActivity { Position = 3, What = "Kundnöjdhet", Method = FollowUpMethod.Survey, Who = " ", Frequency = ActivityFrequency.Continuous };

        var result = PlanCompleteness.Check([noWho, complete, bare], [uncovered, noOccasion, covered]);

        Assert.Equal([noOccasion], result.ConditionsWithoutOccasion);
        Assert.Equal([uncovered], result.ConditionsWithoutActivity);
        Assert.Equal([2, 3], result.IncompleteActivities.Select(g => g.Position));
        Assert.Equal([ActivityPart.What, ActivityPart.How, ActivityPart.Who, ActivityPart.HowOften], result.IncompleteActivities[0].Missing);
        Assert.Equal([ActivityPart.Who], result.IncompleteActivities[1].Missing);
        Assert.False(result.ActivitiesComplete);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void APlanWhoseActivitiesCoverEveryConditionWithAnOccasionIsComplete()
    {
        var condition = Condition("G1", FollowUpOccasion.AtAuthorisation, FollowUpOccasion.Annual);
        var activity = new FollowUpActivity
        {
            Position = 1,
            QualityAreaIds = [QualityArea.All[0].Id],
            ConditionIds = [condition.Id],
            Method = FollowUpMethod.SelfReport,
            Who = "Gruppchef",
            Frequency = ActivityFrequency.EveryTertial,
        };

        var result = PlanCompleteness.Check([activity], [condition]);

        Assert.True(result.IsComplete);
        Assert.Empty(result.IncompleteActivities);
    }

    [Fact]
    public void APlanWithoutActivitiesIsNotComplete()
    {
        var result = PlanCompleteness.Check([], []);

        Assert.Equal(0, result.ActivityCount);
        Assert.False(result.ActivitiesComplete);
    }
}
