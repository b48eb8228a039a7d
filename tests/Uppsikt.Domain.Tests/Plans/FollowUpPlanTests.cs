using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Tests.Plans;

public sealed class FollowUpPlanTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid Elderly = Guid.CreateVersion7();

    private static WorkflowActor As(string role, Guid? committee = null) => new("u-" + role, role + " (fiktiv)", [role], committee);

    private static readonly WorkflowActor Developer = As(Roles.QualityDeveloper);
    private static readonly WorkflowActor Manager = As(Roles.GroupManager);
    private static readonly WorkflowActor Secretary = As(Roles.CommitteeSecretary, Elderly);

    private static FollowUpActivity Complete(int position) => new()
    {
        Position = position,
        What = "Kvalitetsrapport",
        Method = FollowUpMethod.SelfReport,
        Who = "Kvalitetsutvecklare",
        Frequency = ActivityFrequency.Annual,
        Tertial = Tertial.First,
    };

    private static FollowUpPlan Draft()
    {
        var (plan, refusal) = FollowUpPlan.Create(Guid.CreateVersion7(), 2026, Developer, At);
        Assert.Null(refusal);
        plan!.ChoiceSystem = new ChoiceSystem { Name = "Hemtjänst", CommitteeId = Elderly };
        plan.ChoiceSystemId = plan.ChoiceSystem.Id;
        plan.Activities.Add(Complete(1));
        return plan;
    }

    private static PlanCompleteness CompletenessOf(FollowUpPlan plan) => PlanCompleteness.Check(plan.Activities, []);

    private static FollowUpPlan In(PlanState state)
    {
        var plan = Draft();
        if (state >= PlanState.Approved)
        {
            Assert.Null(plan.Approve(Manager, At, null, CompletenessOf(plan)));
        }
        if (state >= PlanState.Adopted)
        {
            Assert.Null(plan.Adopt(Secretary, At, Today, Today.AddDays(-1), "45", "KFKS-2026-00012", null));
        }
        if (state >= PlanState.ReportedToCouncilBoard)
        {
            Assert.Null(plan.ReportToCouncilBoard(Secretary, At, Today, Today, null));
        }
        Assert.Equal(state, plan.State);
        return plan;
    }

    private static Refusal? Step(FollowUpPlan plan, string step, WorkflowActor actor) => step switch
    {
        "approve" => plan.Approve(actor, At, null, CompletenessOf(plan)),
        "adopt" => plan.Adopt(actor, At, Today, Today, "§ 12", "KFKS-2026-00012", null),
        "report" => plan.ReportToCouncilBoard(actor, At, Today, Today, null),
        "edit" => plan.CheckEditable(actor),
        "revise" => plan.StartRevision(actor, At, null).Refusal,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>Each step, the one state it starts from and the one role that takes it.</summary>
    public static TheoryData<string, PlanState, string> Steps => new()
    {
        { "approve", PlanState.Draft, Roles.GroupManager },
        { "adopt", PlanState.Approved, Roles.CommitteeSecretary },
        { "report", PlanState.Adopted, Roles.CommitteeSecretary },
        { "edit", PlanState.Draft, Roles.QualityDeveloper },
        { "revise", PlanState.Adopted, Roles.QualityDeveloper },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void EachStepIsTakenOnlyFromItsStateByItsRole(string step, PlanState from, string role)
    {
        foreach (var state in Enum.GetValues<PlanState>())
        {
            foreach (var other in Roles.All)
            {
                var plan = In(state);
                var refusal = Step(plan, step, As(other, Elderly));
                var allowed = other == role
                    || (other == Roles.Administrator && step is "edit" or "revise")
                    || (step == "revise" && state == PlanState.ReportedToCouncilBoard && other == Roles.QualityDeveloper);
                var rightState = state == from || (step == "revise" && state == PlanState.ReportedToCouncilBoard);
                if (allowed && rightState)
                {
                    Assert.True(refusal is null, $"{step} by {other} from {state}: {refusal?.Message}");
                }
                else
                {
                    Assert.True(refusal is not null, $"{step} by {other} from {state} should be refused");
                    Assert.Equal(allowed ? RefusalKind.WrongState : RefusalKind.NotAllowed, refusal.Kind);
                }
            }
        }
    }

    [Fact]
    public void AnAdoptedPlanRefusesEditsWithASwedishMessageThatPointsToRevision()
    {
        var refusal = In(PlanState.Adopted).CheckEditable(Developer);

        Assert.Equal(RefusalKind.WrongState, refusal?.Kind);
        Assert.Contains("Revidera", refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryStepIsOnTheTimelineWithWhoAndComment()
    {
        var plan = In(PlanState.Approved);
        Assert.Null(plan.Adopt(Secretary, At, Today, Today, "§ 7", "kfks-2026-00099", "Enhälligt"));

        Assert.Equal([PlanStepKind.Created, PlanStepKind.Approved, PlanStepKind.Adopted], plan.Steps.Select(s => s.Kind));
        var adopted = plan.Steps[^1];
        Assert.Equal(Secretary.Name, adopted.ActorName);
        Assert.Equal("Enhälligt", adopted.Comment);
        Assert.Equal(new CommitteeDecision(Today, "§ 7", "KFKS-2026-00099"), plan.Adoption);
    }

    [Fact]
    public void ADrafterSendsACompleteDraftForApprovalItStaysAnEditableDraftAndTheStepIsOnTheTimeline()
    {
        var plan = Draft();

        Assert.Equal(RefusalKind.NotAllowed, plan.SubmitForApproval(Manager, At, null, CompletenessOf(plan))?.Kind);
        Assert.Null(plan.SubmitForApproval(Developer, At, " Klar för godkännande. ", CompletenessOf(plan)));

        Assert.Equal(PlanState.Draft, plan.State);
        Assert.Null(plan.CheckEditable(Developer));
        var step = plan.Steps[^1];
        Assert.Equal((PlanStepKind.SubmittedForApproval, "Klar för godkännande.", Developer.Name), (step.Kind, step.Comment, step.ActorName));
        // Sent again after a change, it is a new step; once approved it can no longer be sent.
        Assert.Null(plan.SubmitForApproval(Developer, At, null, CompletenessOf(plan)));
        Assert.Equal(2, plan.Steps.Count(s => s.Kind == PlanStepKind.SubmittedForApproval));
        Assert.Equal(RefusalKind.WrongState, In(PlanState.Approved).SubmitForApproval(Developer, At, null, CompletenessOf(plan))?.Kind);
    }

    [Fact]
    public void ADraftWithoutActivitiesCannotBeSentForApproval()
    {
        var plan = Draft();
        plan.Activities.Clear();

        var refusal = plan.SubmitForApproval(Developer, At, null, CompletenessOf(plan));

        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
        Assert.Contains("innan den skickas för godkännande", refusal!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Steps, s => s.Kind == PlanStepKind.SubmittedForApproval);
    }

    [Fact]
    public void ADraftWithoutActivitiesOrWithAnIncompleteOneCannotBeApproved()
    {
        var empty = Draft();
        empty.Activities.Clear();
        var incomplete = Draft();
        incomplete.Activities.Add(new FollowUpActivity { Position = 2, What = "Brukarundersökning" });

        Assert.Equal(RefusalKind.Invalid, empty.Approve(Manager, At, null, CompletenessOf(empty))?.Kind);
        Assert.Equal(RefusalKind.Invalid, incomplete.Approve(Manager, At, null, CompletenessOf(incomplete))?.Kind);
        Assert.Equal(PlanState.Draft, incomplete.State);
    }

    [Theory]
    [InlineData(null, "45", "KFKS-2026-00012", "DecidedOn")]
    [InlineData(1, "45", "KFKS-2026-00012", "DecidedOn")]
    [InlineData(0, " ", "KFKS-2026-00012", "Paragraph")]
    [InlineData(0, "45", "", "CaseNumber")]
    [InlineData(0, "45", "inte ett nummer", "CaseNumber")]
    public void AdoptionNeedsAPastDateAParagraphAndACaseNumber(int? daysFromToday, string paragraph, string caseNumber, string field)
    {
        var plan = In(PlanState.Approved);

        var refusal = plan.Adopt(Secretary, At, Today, daysFromToday is { } d ? Today.AddDays(d) : null, paragraph, caseNumber, null);

        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
        Assert.Equal(field, refusal?.Field);
        Assert.Equal(PlanState.Approved, plan.State);
    }

    [Fact]
    public void ASecretaryOfAnotherCommitteeCannotAdopt()
    {
        var plan = In(PlanState.Approved);

        var refusal = plan.Adopt(As(Roles.CommitteeSecretary, Guid.CreateVersion7()), At, Today, Today, "§ 1", "KFKS-2026-00001", null);

        Assert.Equal(RefusalKind.NotAllowed, refusal?.Kind);
    }

    [Fact]
    public void ARevisionIsADraftLinkedToTheAdoptedPlanWithTheNextNumberAndItsContent()
    {
        var adopted = In(PlanState.ReportedToCouncilBoard);
        adopted.FocusThemes.Add("Kontinuitet");

        var (revision, refusal) = adopted.StartRevision(Developer, At, "Nytt villkor om krisberedskap");

        Assert.Null(refusal);
        Assert.Equal(PlanState.Draft, revision!.State);
        Assert.Equal(adopted.Id, revision.RevisesPlanId);
        Assert.Equal(1, revision.RevisionNumber);
        Assert.Equal(adopted.Year, revision.Year);
        Assert.Equal(["Kontinuitet"], revision.FocusThemes);
        Assert.Single(revision.Activities);
        Assert.NotEqual(adopted.Activities[0].Id, revision.Activities[0].Id);
        Assert.Null(revision.AdoptedOn);
    }

    [Fact]
    public void StartingFromLastYearsPlanCopiesActivitiesThemesAndTextsIntoANewDraft()
    {
        var last = In(PlanState.ReportedToCouncilBoard);
        last.FocusThemes.Add("Kompetens");
        last.FollowUpModel = "Modellen";
        last.Activities[0].ConditionIds.Add(Guid.CreateVersion7());

        var (plan, refusal) = last.CopyForYear(2027, Developer, At);
        var (_, backwards) = last.CopyForYear(2026, Developer, At);

        Assert.Null(refusal);
        Assert.Equal(2027, plan!.Year);
        Assert.Equal(PlanState.Draft, plan.State);
        Assert.Equal(0, plan.RevisionNumber);
        Assert.Null(plan.RevisesPlanId);
        Assert.Equal(["Kompetens"], plan.FocusThemes);
        Assert.Equal("Modellen", plan.FollowUpModel);
        Assert.Equal(last.Activities[0].ConditionIds, plan.Activities[0].ConditionIds);
        Assert.Equal(PlanStepKind.CopiedFromLastYear, Assert.Single(plan.Steps).Kind);
        Assert.Equal(RefusalKind.Invalid, backwards?.Kind);
    }
}
