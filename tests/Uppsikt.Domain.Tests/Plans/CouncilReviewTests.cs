using CsCheck;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Tests.Plans;

public sealed class CouncilReviewTests
{
    private static readonly ReviewedCondition[] GoodConditions =
    [
        new("A.1", "Ekonomisk kapacitet", [FollowUpOccasion.AtAuthorisation, FollowUpOccasion.Annual], 2),
        new("D.1", "Måluppfyllelse", [FollowUpOccasion.Annual], 1),
    ];

    private static ReviewedActivity Complete(FollowUpMethod method) => new(method, ConditionCount: 1, QualityAreaCount: 1, Missing: []);

    private static readonly QualityFramework[] SocialServices = [QualityFramework.SocialServices];

    private static ReviewedPlan Plan(PlanState state, params ReviewedActivity[] activities) => new(
        Guid.NewGuid(),
        state,
        RevisionNumber: 0,
        Adoption: state >= PlanState.Adopted ? new CommitteeDecision(new DateOnly(2026, 2, 10), "§ 12", "KFKS-2026-00012") : null,
        ReportedToCouncilBoardOn: state == PlanState.ReportedToCouncilBoard ? new DateOnly(2026, 3, 2) : null,
        FollowUpModel: "Kundvalet följs upp med egenrapportering, besök och brukarundersökning.",
        FocusThemes: ["Kontinuitet"],
        Activities: activities,
        ConditionsWithoutActivity: []);

    [Fact]
    public void AnAdoptedCompletePlanWithVisitsAndSurveysMeetsAllThreeRequirements()
    {
        var review = new ChoiceSystemReview(Guid.NewGuid(), "Hemtjänst", Plan(PlanState.ReportedToCouncilBoard,
            Complete(FollowUpMethod.Visit), Complete(FollowUpMethod.Survey)), GoodConditions, SocialServices);

        Assert.All(review.Assessments, a => Assert.Equal(RequirementVerdict.Met, a.Verdict));
        Assert.False(new CommitteeReview(Guid.NewGuid(), "Äldrenämnden", [review]).StandsOut);
        Assert.Contains(review.Assessments[2].Strengths, s => s.Contains("KFKS-2026-00012", StringComparison.Ordinal));
    }

    [Fact]
    public void ACommitteeWithoutAPlanStandsOutAndFailsPredictability()
    {
        var review = new ChoiceSystemReview(Guid.NewGuid(), "Kulturskola", null, GoodConditions, SocialServices);
        var committee = new CommitteeReview(Guid.NewGuid(), "Kulturnämnden", [review]);

        Assert.True(committee.StandsOut);
        Assert.Equal(RequirementVerdict.NotMet, committee.VerdictOn(RegulationRequirement.PredictableFollowUp));
        Assert.Equal(RequirementVerdict.NotMet, committee.VerdictOn(RegulationRequirement.GoodQuality));
        Assert.Contains("ingen uppföljningsplan", review.Assessments[2].Gaps[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ADraftPlanStandsOutAndIsOnlyPartlyPredictable()
    {
        var review = new ChoiceSystemReview(Guid.NewGuid(), "Boendestöd", Plan(PlanState.Draft, Complete(FollowUpMethod.Visit)), GoodConditions, SocialServices);

        Assert.True(new CommitteeReview(Guid.NewGuid(), "Socialnämnden", [review]).StandsOut);
        Assert.Equal(RequirementVerdict.PartlyMet, review.Assessments[2].Verdict);
        Assert.Contains(review.Assessments[2].Gaps, g => g.Contains("utkast", StringComparison.Ordinal));
    }

    [Fact]
    public void ConditionsWithoutOccasionOrSanctionAreNamedAsGapsInUniformAssessment()
    {
        var review = new ChoiceSystemReview(Guid.NewGuid(), "ISA", Plan(PlanState.Adopted, Complete(FollowUpMethod.Visit)),
            [new("A.1", "Vandel", [FollowUpOccasion.AtAuthorisation], 1), new("B.2", "Ledning", [], 0)], SocialServices);

        var uniform = review.Assessments[1];
        Assert.Equal(RequirementVerdict.PartlyMet, uniform.Verdict);
        Assert.Contains(uniform.Gaps, g => g.Contains("uppföljningstillfälle: B.2", StringComparison.Ordinal));
        Assert.Contains(uniform.Gaps, g => g.Contains("sanktioner: B.2", StringComparison.Ordinal));
    }

    [Fact]
    public void AServiceWithoutANationalQualityFrameworkIsJudgedOnItsConditionsNotOnQualityAreas()
    {
        ReviewedActivity[] activities = [new(FollowUpMethod.Survey, 2, 0, []), new(FollowUpMethod.Visit, 1, 0, [])];
        var culture = new ChoiceSystemReview(Guid.NewGuid(), "Kulturskola", Plan(PlanState.Adopted, activities), GoodConditions,
            QualityArea.FrameworksFor(LegalBasis.None));
        var homeCare = new ChoiceSystemReview(Guid.NewGuid(), "Hemtjänst", Plan(PlanState.Adopted, activities), GoodConditions,
            QualityArea.FrameworksFor(LegalBasis.SoL));

        Assert.Equal(RequirementVerdict.Met, culture.Assessments[0].Verdict);
        Assert.Contains("Verksamhetens villkor följs upp av 2 av planens 2 aktiviteter.", culture.Assessments[0].Strengths);
        Assert.Equal(RequirementVerdict.PartlyMet, homeCare.Assessments[0].Verdict);
        Assert.Contains("Ingen aktivitet är kopplad till något kvalitetsområde.", homeCare.Assessments[0].Gaps);
    }

    [Fact]
    public void ThePlansOwnCompletenessDecidesWhetherTheFollowUpIsPredictable()
    {
        FollowUpActivity Activity(ActivityFrequency frequency, Tertial? tertial) => new()
        {
            What = "Brukarundersökning",
            Method = FollowUpMethod.Survey,
            Who = "Kvalitetsutvecklare",
            Frequency = frequency,
            Tertial = tertial,
        };
        var continuous = Activity(ActivityFrequency.Continuous, null);
        var monthly = Activity(ActivityFrequency.Monthly, null);
        var yearlyWithoutTertial = Activity(ActivityFrequency.Annual, null);

        var complete = new ChoiceSystemReview(Guid.NewGuid(), "Hemtjänst",
            Plan(PlanState.Adopted, [.. new[] { continuous, monthly }.Select(a => new ReviewedActivity(a.Method, 1, 1, a.MissingParts()))]), GoodConditions, SocialServices);
        var open = new ChoiceSystemReview(Guid.NewGuid(), "Hemtjänst",
            Plan(PlanState.Adopted, new ReviewedActivity(yearlyWithoutTertial.Method, 1, 1, yearlyWithoutTertial.MissingParts())), GoodConditions, SocialServices);

        Assert.Empty(continuous.MissingParts());
        Assert.Empty(monthly.MissingParts());
        Assert.Equal([ActivityPart.When], yearlyWithoutTertial.MissingParts());
        Assert.Equal(RequirementVerdict.Met, complete.Assessments[2].Verdict);
        Assert.Contains("Planen har 1 aktivitet som saknar vad, hur, vem, hur ofta eller när.", open.Assessments[2].Gaps);
    }

    [Fact]
    public void AnActivityIsScheduledExactlyWhenItNamesATimeOrItsFrequencyLeavesNoneToName()
    {
        Gen.Select(Gen.Enum<ActivityFrequency>(), Gen.Int[0, 3], Gen.Int[0, 12]).Sample((frequency, tertial, month) =>
        {
            var activity = new FollowUpActivity
            {
                Frequency = frequency,
                Tertial = tertial == 0 ? null : (Tertial)tertial,
                Month = month == 0 ? null : month,
            };
            var yearly = frequency is ActivityFrequency.Annual or ActivityFrequency.EveryOtherYear;
            Assert.Equal(!yearly || tertial != 0 || month != 0, activity.IsScheduled);
            Assert.Equal(!activity.IsScheduled, activity.MissingParts().Contains(ActivityPart.When));
        });
    }

    private static readonly Gen<ReviewedActivity> GenActivity =
        Gen.Select(Gen.Int[0, 7].Select(i => i == 0 ? (FollowUpMethod?)null : (FollowUpMethod)i), Gen.Int[0, 2], Gen.Int[0, 2], Gen.Enum<ActivityPart>().List[0, 2],
            (method, conditions, areas, missing) => new ReviewedActivity(method, conditions, areas, missing.Distinct().ToList()));

    private static readonly Gen<ChoiceSystemReview> GenReview =
        Gen.Select(Gen.Int[0, 4].Select(i => i == 0 ? (PlanState?)null : (PlanState)i), GenActivity.List[0, 4], Gen.Bool,
            (state, activities, conditionsOk) => new ChoiceSystemReview(Guid.NewGuid(), "Kundval",
                state is { } s ? Plan(s, [.. activities]) : null,
                conditionsOk ? GoodConditions : [new("X.1", "Utan tillfälle", [], 0)], SocialServices));

    [Fact]
    public void AVerdictIsMetExactlyWhenThereAreNoGapsAndTheCommitteeTakesTheWeakest()
    {
        GenReview.List[1, 5].Sample(reviews =>
        {
            foreach (var assessment in reviews.SelectMany(r => r.Assessments))
            {
                Assert.Equal(assessment.Gaps.Count == 0, assessment.Verdict == RequirementVerdict.Met);
            }
            var committee = new CommitteeReview(Guid.NewGuid(), "Nämnden", reviews);
            foreach (var requirement in Enum.GetValues<RegulationRequirement>())
            {
                var weakest = reviews.Max(r => r.Assessments.Single(a => a.Requirement == requirement).Verdict);
                Assert.Equal(weakest, committee.VerdictOn(requirement));
            }
            Assert.Equal(reviews.Any(r => !r.HasAdoptedPlan), committee.StandsOut);
            Assert.Equal(reviews.Count(r => r.HasAdoptedPlan), committee.AdoptedCount);
            Assert.True(reviews.Where(r => !r.HasAdoptedPlan).All(r => r.Assessments[2].Verdict != RequirementVerdict.Met));
        });
    }
}
