using CsCheck;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Sanctions;
using static Uppsikt.Domain.Sanctions.SanctionType;

namespace Uppsikt.Domain.Tests.Sanctions;

public sealed class SanctionTests
{
    private static readonly Guid Committee = Guid.CreateVersion7();

    /// <summary>The day the provider was shown the report.</summary>
    private static readonly DateOnly CommunicatedOn = new(2026, 3, 2);

    /// <summary>The provider's last day to respond.</summary>
    private static readonly DateOnly DueOn = new(2026, 3, 16);

    /// <summary>The first day a sanction may be proposed when the provider did not respond: the day after the due date.</summary>
    private static readonly DateOnly Today = new(2026, 3, 17);

    private static readonly DateOnly AssessedOn = new(2026, 3, 20);
    private static readonly DateOnly DecidedOn = new(2026, 3, 31);

    /// <summary>The day the secretary records the decision.</summary>
    private static readonly DateOnly RecordedOn = new(2026, 4, 2);

    private static readonly DateTimeOffset At = new(2026, 3, 17, 9, 0, 0, TimeSpan.Zero);

    private static WorkflowActor As(string role, Guid? committee = null) => new("u-" + role, role + " (fiktiv)", [role], committee);

    private static readonly WorkflowActor Developer = As(Roles.QualityDeveloper);
    private static readonly WorkflowActor Manager = As(Roles.GroupManager);
    private static readonly WorkflowActor Secretary = As(Roles.CommitteeSecretary, Committee);

    /// <summary>A care contract's ladder.</summary>
    private static readonly SanctionType[] CareContract = [Warning, WarningWithActionPlan, Termination];

    /// <summary>Preschool supervision's ladder.</summary>
    private static readonly SanctionType[] PreschoolSupervision = [Remark, Injunction];

    private static readonly SanctionType[] Every = Enum.GetValues<SanctionType>();

    public static TheoryData<string> ProposerRoles => [.. Sanction.Proposers];

    public static TheoryData<string> OtherRoles => [.. Roles.All.Except(Sanction.Proposers)];

    // ---------------------------------------------------------------- building

    private static SanctionDeficiency Deficiency(int number, IReadOnlyCollection<SanctionType> allowed, int persistCount = 1, bool open = false) =>
        new(Guid.CreateVersion7(), number, allowed, persistCount, open);

    /// <summary>A private unit's plan with the deficiencies given, communicated on 2 March 2026 with a response due on 16 March.</summary>
    private static SanctionBasis BasisOf(params SanctionDeficiency[] deficiencies) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Committee, "Kvalitetsgranskning 2026 (fiktiv)", false, deficiencies,
            CommunicatedOn, DueOn, false);

    private static (Sanction? Sanction, Refusal? Refusal) Propose(SanctionBasis basis, IReadOnlyCollection<Guid>? ids, SanctionType? type,
        string? motivation = "Bristerna är allvarliga och har upprepats.", WorkflowActor? actor = null, DateOnly? today = null) =>
        Sanction.Propose(basis, ids, type, motivation, actor ?? Developer, At, today ?? Today);

    /// <summary>A proposal of the mildest of <paramref name="allowed"/> for one deficiency that allows them.</summary>
    private static Sanction Proposed(params SanctionType[] allowed)
    {
        var deficiency = Deficiency(1, allowed);
        var (sanction, refusal) = Propose(BasisOf(deficiency), [deficiency.Id], allowed.Min());
        Assert.Null(refusal);
        return sanction!;
    }

    private static SanctionDecisionInput Decision(SanctionType? type = Warning, DateOnly? on = null, DateOnly? fixBy = null, bool? decided = true,
        string? paragraph = "45", string? caseNumber = "KFKS-2026-00012", string? comment = null) =>
        new(decided, type, on ?? DecidedOn, paragraph, caseNumber, fixBy, comment);

    /// <summary>A sanction for a deficiency that allows <paramref name="allowed"/> (every sanction when none is given), taken to <paramref name="state"/>.</summary>
    private static Sanction In(SanctionState state, params SanctionType[] allowed)
    {
        var sanction = Proposed(allowed.Length == 0 ? Every : allowed);
        var outcome = state switch
        {
            SanctionState.Proposed => (SanctionAssessmentOutcome?)null,
            SanctionState.MoreReviewNeeded => SanctionAssessmentOutcome.MoreReview,
            SanctionState.NotProposed => SanctionAssessmentOutcome.NoSanction,
            _ => SanctionAssessmentOutcome.ToCommittee,
        };
        if (outcome is { } assessed)
        {
            Assert.Null(sanction.Assess(Manager, assessed, "Bedömning.", At, AssessedOn));
        }
        if (state is SanctionState.Decided or SanctionState.NotDecided)
        {
            var type = sanction.AllowedTypes[0];
            var input = Decision(type, fixBy: Sanction.NeedsDeadline(type) ? DecidedOn.AddMonths(3) : null, decided: state == SanctionState.Decided);
            Assert.Null(sanction.RecordDecision(Secretary, input, At, RecordedOn));
        }
        Assert.Equal(state, sanction.State);
        return sanction;
    }

    // ---------------------------------------------------------------- proposing: who and when

    [Theory]
    [InlineData(Roles.QualityDeveloper)]
    [InlineData(Roles.GroupManager)]
    [InlineData(Roles.DistrictFollowUp)]
    [InlineData(Roles.MedicalResponsible)]
    public void Those_who_follow_deficiencies_up_propose(string role)
    {
        var deficiency = Deficiency(1, CareContract);

        var (sanction, refusal) = Propose(BasisOf(deficiency), [deficiency.Id], Warning, actor: As(role));

        Assert.Null(refusal);
        Assert.Equal(role + " (fiktiv)", sanction!.ProposedByName);
    }

    [Theory]
    [InlineData(Roles.CommitteeMember)]
    [InlineData(Roles.ProviderUser)]
    [InlineData(Roles.CommitteeSecretary)]
    [InlineData(Roles.CaseWorker)]
    [InlineData(Roles.CouncilReviewer)]
    public void Others_may_not_propose(string role)
    {
        var deficiency = Deficiency(1, CareContract);

        var (sanction, refusal) = Propose(BasisOf(deficiency), [deficiency.Id], Warning, actor: As(role, Committee));

        Assert.Null(sanction);
        Assert.Equal(RefusalKind.NotAllowed, refusal?.Kind);
    }

    [Fact]
    public void An_in_house_unit_gets_no_sanction_whatever_the_type()
    {
        var deficiency = Deficiency(1, Every);
        var basis = BasisOf(deficiency) with { InHouse = true };

        foreach (var type in Every.Cast<SanctionType?>().Append(null))
        {
            var (sanction, refusal) = Propose(basis, [deficiency.Id], type);
            Assert.Null(sanction);
            Assert.Equal(RefusalKind.WrongState, refusal?.Kind);
            Assert.Contains("egen regi", refusal!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_sanction_is_proposed_before_the_report_was_communicated()
    {
        var deficiency = Deficiency(1, CareContract);
        var basis = BasisOf(deficiency);

        foreach (var uncommunicated in new[] { basis with { CommunicatedOn = null, ResponseDueOn = null }, basis with { ResponseDueOn = null } })
        {
            foreach (var responded in new[] { false, true })
            {
                var (sanction, refusal) = Propose(uncommunicated with { Responded = responded }, [deficiency.Id], Warning, today: Today.AddMonths(2));
                Assert.Null(sanction);
                Assert.Equal(RefusalKind.WrongState, refusal?.Kind);
            }
        }
    }

    [Theory]
    [InlineData("2026-03-02", false, false)]
    [InlineData("2026-03-15", false, false)]
    [InlineData("2026-03-16", false, false)]
    [InlineData("2026-03-17", false, true)]
    [InlineData("2026-09-01", false, true)]
    [InlineData("2026-03-16", true, true)]
    [InlineData("2026-03-10", true, true)]
    public void A_sanction_is_proposed_once_the_provider_responded_or_its_time_to_respond_has_passed(string today, bool responded, bool accepted)
    {
        var deficiency = Deficiency(1, CareContract);
        var basis = BasisOf(deficiency) with { Responded = responded };

        var (sanction, refusal) = Propose(basis, [deficiency.Id], Warning, today: DateOnly.Parse(today, SwedishWording.Culture));

        if (accepted)
        {
            Assert.Null(refusal);
            Assert.Equal(CommunicatedOn, sanction!.CommunicatedOn);
        }
        else
        {
            Assert.Null(sanction);
            Assert.Equal(RefusalKind.WrongState, refusal?.Kind);
            Assert.Contains("16 mars 2026", refusal!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_plan_not_tied_to_a_choice_system_has_no_deciding_committee()
    {
        var deficiency = Deficiency(1, CareContract);

        var (sanction, refusal) = Propose(BasisOf(deficiency) with { CommitteeId = null }, [deficiency.Id], Warning);

        Assert.Null(sanction);
        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
    }

    // ---------------------------------------------------------------- proposing: what

    [Fact]
    public void Only_a_sanction_the_chosen_deficiencies_allow_can_be_proposed()
    {
        var types = Gen.Enum<SanctionType>();
        Gen.Select(types.Array[0, 4].Array[1, 3], types, types.Array[1, 6]).Sample((allowedSets, type, notChosenAllows) =>
        {
            var chosen = allowedSets.Select((allowed, i) => Deficiency(i + 1, allowed)).ToList();
            var notChosen = Deficiency(chosen.Count + 1, notChosenAllows);
            var union = allowedSets.SelectMany(a => a).Distinct().Order().ToList();

            var (sanction, refusal) = Propose(BasisOf([.. chosen, notChosen]), [.. chosen.Select(d => d.Id)], type);

            if (union.Contains(type))
            {
                Assert.Null(refusal);
                Assert.Equal(type, sanction!.ProposedType);
                Assert.Equal(union, sanction.AllowedTypes);
            }
            else
            {
                Assert.Null(sanction);
                Assert.Equal((RefusalKind.Invalid, "Type"), (refusal!.Kind, refusal.Field));
            }
        });
    }

    [Fact]
    public void Deficiencies_whose_conditions_name_no_sanction_are_refused_on_the_type()
    {
        var first = Deficiency(1, []);
        var second = Deficiency(2, []);

        foreach (var type in Every.Cast<SanctionType?>().Append(null))
        {
            var (sanction, refusal) = Propose(BasisOf(first, second), [first.Id, second.Id], type);
            Assert.Null(sanction);
            Assert.Equal((RefusalKind.Invalid, "Type"), (refusal!.Kind, refusal.Field));
            Assert.Contains("anger inga sanktioner", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void No_type_or_an_unknown_one_is_refused_on_the_type()
    {
        var deficiency = Deficiency(1, Every);

        foreach (var type in new SanctionType?[] { null, 0, (SanctionType)99 })
        {
            var (sanction, refusal) = Propose(BasisOf(deficiency), [deficiency.Id], type);
            Assert.Null(sanction);
            Assert.Equal((RefusalKind.Invalid, "Type"), (refusal!.Kind, refusal.Field));
        }
    }

    [Fact]
    public void A_type_outside_the_allowed_names_the_allowed_ones()
    {
        var deficiency = Deficiency(1, CareContract);

        var (_, refusal) = Propose(BasisOf(deficiency), [deficiency.Id], Remark);

        Assert.Equal("Type", refusal?.Field);
        Assert.Equal("Villkoren tillåter bara varning, varning med åtgärdsplan eller hävning av avtal.", refusal!.Message);
    }

    [Fact]
    public void At_least_one_deficiency_of_the_plan_is_chosen()
    {
        var deficiency = Deficiency(1, CareContract);
        var basis = BasisOf(deficiency);

        foreach (var ids in new IReadOnlyCollection<Guid>?[] { null, [], [Guid.CreateVersion7()], [deficiency.Id, Guid.CreateVersion7()] })
        {
            var (sanction, refusal) = Propose(basis, ids, Warning);
            Assert.Null(sanction);
            Assert.Equal((RefusalKind.Invalid, "DeficiencyIds"), (refusal!.Kind, refusal.Field));
        }
    }

    [Fact]
    public void A_deficiency_under_an_open_proposal_cannot_be_proposed_again()
    {
        var free = Deficiency(1, CareContract);
        var taken = Deficiency(2, CareContract, open: true);

        var (sanction, refusal) = Propose(BasisOf(free, taken), [free.Id, taken.Id], Warning);

        Assert.Null(sanction);
        Assert.Equal((RefusalKind.Invalid, "DeficiencyIds"), (refusal!.Kind, refusal.Field));
        Assert.Contains("Brist 2", refusal.Message, StringComparison.Ordinal);
        Assert.Null(Propose(BasisOf(free, taken), [free.Id], Warning).Refusal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Brukaren 19121212-1212 fick inget besök.")]
    public void A_proposal_needs_a_motivation_that_names_no_one(string? motivation)
    {
        var deficiency = Deficiency(1, CareContract);

        var (sanction, refusal) = Propose(BasisOf(deficiency), [deficiency.Id], Warning, motivation);

        Assert.Null(sanction);
        Assert.Equal((RefusalKind.Invalid, "Motivation"), (refusal!.Kind, refusal.Field));
    }

    [Fact]
    public void A_motivation_is_at_most_4000_characters()
    {
        var deficiency = Deficiency(1, CareContract);
        var basis = BasisOf(deficiency);

        var (tooLong, refusal) = Propose(basis, [deficiency.Id], Warning, new string('a', Sanction.TextMax + 1));
        var (longest, accepted) = Propose(basis, [deficiency.Id], Warning, " " + new string('a', Sanction.TextMax) + " ");

        Assert.Null(tooLong);
        Assert.Equal((RefusalKind.Invalid, "Motivation"), (refusal!.Kind, refusal.Field));
        Assert.Null(accepted);
        Assert.Equal(new string('a', Sanction.TextMax), longest!.Motivation);
    }

    [Fact]
    public void A_proposal_holds_the_allowed_sanctions_mildest_first_and_the_deficiencies_by_number()
    {
        var third = Deficiency(3, [Termination, Warning]);
        var first = Deficiency(1, [Injunction, Warning]);
        var second = Deficiency(2, [Remark]);
        var basis = BasisOf(third, first, second);

        var (sanction, refusal) = Propose(basis, [third.Id, second.Id, first.Id, third.Id], Injunction, "  Upprepade brister i dokumentationen.  ");

        Assert.Null(refusal);
        Assert.Equal([Remark, Injunction, Warning, Termination], sanction!.AllowedTypes);
        Assert.Equal([first.Id, second.Id, third.Id], sanction.DeficiencyIds);
        Assert.Equal(SanctionState.Proposed, sanction.State);
        Assert.True(sanction.IsOpen);
        Assert.False(sanction.Escalation);
        Assert.Equal(Injunction, sanction.ProposedType);
        Assert.Equal("Upprepade brister i dokumentationen.", sanction.Motivation);
        Assert.Equal((basis.ActionPlanId, basis.ProviderId, basis.UnitId, Committee, basis.Title), (sanction.ActionPlanId, sanction.ProviderId, sanction.UnitId, sanction.CommitteeId, sanction.Title));
        Assert.Equal((Today, Developer.Name, CommunicatedOn), (sanction.ProposedOn, sanction.ProposedByName, sanction.CommunicatedOn));
        Assert.Null(sanction.Decision);
        Assert.False(sanction.IsWarning);
        Assert.Null(sanction.YearCheckOn);
        var step = Assert.Single(sanction.Steps);
        Assert.Equal((SanctionStepKind.Proposed, Developer.UserId, Developer.Name, At, sanction.Id), (step.Kind, step.ActorId, step.ActorName, step.OccurredAt, step.SanctionId));
    }

    // ---------------------------------------------------------------- the ladder

    private static readonly Gen<SanctionType[]> GenTypes = Gen.Enum<SanctionType>().Array[0, 6];

    [Fact]
    public void The_next_step_is_one_of_the_allowed_and_null_only_when_none_is()
    {
        Gen.Select(GenTypes, GenTypes).Sample((allowed, decided) =>
        {
            var next = Sanction.NextStep(allowed, decided);
            Assert.Equal(allowed.Length == 0, next is null);
            Assert.True(next is null || allowed.Contains(next.Value));
        });
    }

    [Fact]
    public void The_next_step_is_the_mildest_allowed_stricter_than_the_strictest_decided_or_else_the_strictest_allowed()
    {
        Gen.Select(GenTypes.Where(a => a.Length > 0), GenTypes.Where(d => d.Length > 0)).Sample((allowed, decided) =>
        {
            var next = Sanction.NextStep(allowed, decided)!.Value;
            var stricter = allowed.Where(t => t > decided.Max()).ToList();
            if (stricter.Count > 0)
            {
                Assert.True(next > decided.Max());
                Assert.Equal(stricter.Min(), next);
            }
            else
            {
                Assert.Equal(allowed.Max(), next);
            }
        });
    }

    [Fact]
    public void With_nothing_decided_the_next_step_is_the_mildest_allowed()
    {
        GenTypes.Where(a => a.Length > 0).Sample(allowed => Assert.Equal(allowed.Min(), Sanction.NextStep(allowed, [])));
    }

    [Fact]
    public void The_next_step_does_not_depend_on_the_order_of_what_was_decided()
    {
        Gen.Select(GenTypes, GenTypes).Sample((allowed, decided) =>
            Sanction.NextStep(allowed, decided) == Sanction.NextStep([.. allowed.Reverse()], decided.Reverse()));
    }

    public static TheoryData<string, SanctionType[], SanctionType[], SanctionType> Ladders => new()
    {
        { "preschool supervision", PreschoolSupervision, [], Remark },
        { "preschool supervision", PreschoolSupervision, [Remark], Injunction },
        { "preschool supervision", PreschoolSupervision, [Injunction], Injunction },
        { "preschool supervision", PreschoolSupervision, [Remark, Injunction], Injunction },
        { "care contract", CareContract, [], Warning },
        { "care contract", CareContract, [Warning], WarningWithActionPlan },
        { "care contract", CareContract, [WarningWithActionPlan], Termination },
        { "care contract", CareContract, [Termination], Termination },
        { "care contract", CareContract, [Remark, Injunction], Warning },
    };

    [Theory]
    [MemberData(nameof(Ladders))]
    public void The_ladders_of_the_conditions_step_up_and_stay_at_the_top(string _, SanctionType[] allowed, SanctionType[] decided, SanctionType next)
    {
        Assert.Equal(next, Sanction.NextStep(allowed, decided));
    }

    // ---------------------------------------------------------------- escalation

    [Fact]
    public void No_escalation_for_an_in_house_unit_no_allowed_sanction_an_open_proposal_or_an_unknown_deficiency()
    {
        var allowing = Deficiency(1, CareContract);
        var none = Deficiency(2, []);
        var open = Deficiency(3, CareContract, open: true);
        var basis = BasisOf(allowing, none, open);

        Assert.Null(Sanction.Escalate(basis with { InHouse = true }, allowing.Id, [], Developer, At, Today));
        Assert.Null(Sanction.Escalate(basis with { CommunicatedOn = null, ResponseDueOn = null }, allowing.Id, [], Developer, At, Today));
        Assert.Null(Sanction.Escalate(basis, none.Id, [Warning], Developer, At, Today));
        Assert.Null(Sanction.Escalate(basis, open.Id, [], Developer, At, Today));
        Assert.Null(Sanction.Escalate(basis, Guid.CreateVersion7(), [], Developer, At, Today));
        Assert.NotNull(Sanction.Escalate(basis, allowing.Id, [], Developer, At, Today));
    }

    [Fact]
    public void A_persisting_deficiency_escalates_to_the_next_step_of_its_ladder()
    {
        var other = Deficiency(1, [Remark]);
        var persisting = Deficiency(2, [Termination, Warning, WarningWithActionPlan, Warning], persistCount: 3);
        var basis = BasisOf(other, persisting);

        var sanction = Sanction.Escalate(basis, persisting.Id, [Warning, Remark, Warning], Developer, At, Today);

        Assert.NotNull(sanction);
        Assert.Equal(SanctionState.Proposed, sanction.State);
        Assert.True(sanction.Escalation);
        Assert.True(sanction.IsOpen);
        Assert.Equal(WarningWithActionPlan, sanction.ProposedType);
        Assert.Equal(CareContract, sanction.AllowedTypes);
        Assert.Equal([persisting.Id], sanction.DeficiencyIds);
        Assert.Equal((Today, Committee, CommunicatedOn), (sanction.ProposedOn, sanction.CommitteeId, sanction.CommunicatedOn));
        Assert.Equal(SanctionStepKind.Escalated, Assert.Single(sanction.Steps).Kind);
        Assert.Equal(
            "Brist 2 kvarstod vid uppföljningen den 17 mars 2026, för 3:e gången. Tidigare beslut: anmärkning eller varning. "
            + "Nästa steg enligt villkoren är varning med åtgärdsplan.",
            sanction.Motivation);
    }

    [Fact]
    public void A_first_escalation_says_nothing_was_decided_before()
    {
        var persisting = Deficiency(4, PreschoolSupervision, persistCount: 1);

        var sanction = Sanction.Escalate(BasisOf(persisting), persisting.Id, [], Developer, At, Today);

        Assert.Equal(Remark, sanction!.ProposedType);
        Assert.Equal(
            "Brist 4 kvarstod vid uppföljningen den 17 mars 2026. Ingen sanktion har beslutats för bristen tidigare. Nästa steg enligt villkoren är anmärkning.",
            sanction.Motivation);
    }

    [Theory]
    [InlineData(2, "för 2:a gången")]
    [InlineData(3, "för 3:e gången")]
    [InlineData(11, "för 11:e gången")]
    [InlineData(21, "för 21:a gången")]
    public void An_escalation_counts_the_times_in_Swedish_ordinals(int times, string phrase)
    {
        var persisting = Deficiency(1, CareContract, persistCount: times);

        var sanction = Sanction.Escalate(BasisOf(persisting), persisting.Id, [], Developer, At, Today);

        Assert.Contains(phrase, sanction!.Motivation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_escalation_follows_the_ladder_for_any_allowed_and_decided()
    {
        Gen.Select(GenTypes.Where(a => a.Length > 0), GenTypes).Sample((allowed, decided) =>
        {
            var persisting = Deficiency(1, allowed);
            var sanction = Sanction.Escalate(BasisOf(persisting), persisting.Id, decided, Developer, At, Today);
            Assert.Equal(Sanction.NextStep(allowed, decided), sanction!.ProposedType);
            Assert.Equal(allowed.Distinct().Order(), sanction.AllowedTypes);
        });
    }

    // ---------------------------------------------------------------- the group manager's assessment

    [Fact]
    public void Only_a_group_manager_assesses()
    {
        foreach (var role in Roles.All.Where(r => r != Roles.GroupManager))
        {
            var sanction = In(SanctionState.Proposed);
            Assert.Equal(RefusalKind.NotAllowed, sanction.Assess(As(role, Committee), SanctionAssessmentOutcome.ToCommittee, null, At, AssessedOn)?.Kind);
            Assert.Equal(SanctionState.Proposed, sanction.State);
        }
    }

    [Fact]
    public void Sent_to_the_committee_it_awaits_the_committee_with_or_without_a_comment()
    {
        var silent = In(SanctionState.Proposed);
        var commented = In(SanctionState.Proposed);

        Assert.Null(silent.Assess(Manager, SanctionAssessmentOutcome.ToCommittee, "  ", At, AssessedOn));
        Assert.Null(commented.Assess(Manager, SanctionAssessmentOutcome.ToCommittee, " Väl underbyggt. ", At, AssessedOn));

        Assert.Equal((SanctionState.AwaitingCommittee, Manager.Name, AssessedOn), (silent.State, silent.AssessedByName, silent.AssessedOn!.Value));
        Assert.Null(silent.AssessmentComment);
        Assert.Equal("Väl underbyggt.", commented.AssessmentComment);
        Assert.True(commented.IsOpen);
        var step = commented.Steps[^1];
        Assert.Equal((SanctionStepKind.ToCommittee, "Väl underbyggt.", Manager.Name), (step.Kind, step.Comment, step.ActorName));
    }

    [Theory]
    [InlineData(SanctionAssessmentOutcome.MoreReview, SanctionState.MoreReviewNeeded, SanctionStepKind.MoreReviewNeeded)]
    [InlineData(SanctionAssessmentOutcome.NoSanction, SanctionState.NotProposed, SanctionStepKind.NotProposed)]
    public void More_review_and_no_sanction_need_a_comment(SanctionAssessmentOutcome outcome, SanctionState state, SanctionStepKind kind)
    {
        var sanction = In(SanctionState.Proposed);

        foreach (var comment in new[] { null, "", "  ", "Gäller 19121212-1212.", new string('a', Sanction.TextMax + 1) })
        {
            var refusal = sanction.Assess(Manager, outcome, comment, At, AssessedOn);
            Assert.Equal((RefusalKind.Invalid, "Comment"), (refusal!.Kind, refusal.Field));
            Assert.Equal(SanctionState.Proposed, sanction.State);
            Assert.Single(sanction.Steps);
        }

        Assert.Null(sanction.Assess(Manager, outcome, "Underlaget räcker inte.", At, AssessedOn));
        Assert.Equal(state, sanction.State);
        Assert.Equal("Underlaget räcker inte.", sanction.AssessmentComment);
        Assert.Equal(kind, sanction.Steps[^1].Kind);
        Assert.Equal(state == SanctionState.MoreReviewNeeded, sanction.IsOpen);
    }

    [Fact]
    public void An_assessment_needs_an_outcome()
    {
        var sanction = In(SanctionState.Proposed);

        Assert.Equal("Outcome", sanction.Assess(Manager, null, "Kommentar.", At, AssessedOn)?.Field);
        Assert.Equal("Outcome", sanction.Assess(Manager, (SanctionAssessmentOutcome)9, "Kommentar.", At, AssessedOn)?.Field);
    }

    [Fact]
    public void After_more_review_a_proposal_is_assessed_again()
    {
        var sanction = In(SanctionState.MoreReviewNeeded);

        Assert.Null(sanction.Assess(Manager, SanctionAssessmentOutcome.ToCommittee, null, At, AssessedOn.AddDays(3)));

        Assert.Equal(SanctionState.AwaitingCommittee, sanction.State);
        Assert.Equal(AssessedOn.AddDays(3), sanction.AssessedOn);
        Assert.Null(sanction.AssessmentComment);
    }

    [Theory]
    [InlineData(SanctionState.AwaitingCommittee)]
    [InlineData(SanctionState.NotProposed)]
    [InlineData(SanctionState.Decided)]
    [InlineData(SanctionState.NotDecided)]
    public void An_assessed_or_decided_proposal_cannot_be_assessed(SanctionState state)
    {
        var sanction = In(state);
        var steps = sanction.Steps.Count;

        foreach (var outcome in Enum.GetValues<SanctionAssessmentOutcome>())
        {
            Assert.Equal(RefusalKind.WrongState, sanction.Assess(Manager, outcome, "Kommentar.", At, AssessedOn)?.Kind);
        }
        Assert.Equal((state, steps), (sanction.State, sanction.Steps.Count));
    }

    // ---------------------------------------------------------------- revising

    [Fact]
    public void After_more_review_a_proposer_revises_among_the_allowed_and_it_goes_back_to_the_group_manager()
    {
        var sanction = In(SanctionState.MoreReviewNeeded, CareContract);

        Assert.Equal(("Type", SanctionState.MoreReviewNeeded), (sanction.Revise(Developer, Remark, "Ny motivering.", At)?.Field, sanction.State));
        Assert.Equal("Type", sanction.Revise(Developer, null, "Ny motivering.", At)?.Field);
        Assert.Equal("Motivation", sanction.Revise(Developer, Termination, " ", At)?.Field);
        Assert.Equal("Motivation", sanction.Revise(Developer, Termination, "Gäller 19121212-1212.", At)?.Field);
        Assert.Null(sanction.Revise(Developer, Termination, " Ny motivering efter granskning. ", At));

        Assert.Equal(SanctionState.Proposed, sanction.State);
        Assert.Equal(Termination, sanction.ProposedType);
        Assert.Equal("Ny motivering efter granskning.", sanction.Motivation);
        Assert.Equal(SanctionStepKind.Revised, sanction.Steps[^1].Kind);
        Assert.Null(sanction.Assess(Manager, SanctionAssessmentOutcome.ToCommittee, null, At, AssessedOn));
    }

    [Theory]
    [MemberData(nameof(ProposerRoles))]
    public void Every_proposer_may_revise(string role)
    {
        Assert.Null(In(SanctionState.MoreReviewNeeded).Revise(As(role), Warning, "Ny motivering.", At));
    }

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public void Others_may_not_revise(string role)
    {
        var sanction = In(SanctionState.MoreReviewNeeded);

        Assert.Equal(RefusalKind.NotAllowed, sanction.Revise(As(role, Committee), Warning, "Ny motivering.", At)?.Kind);
        Assert.Equal(SanctionState.MoreReviewNeeded, sanction.State);
    }

    [Theory]
    [InlineData(SanctionState.Proposed)]
    [InlineData(SanctionState.AwaitingCommittee)]
    [InlineData(SanctionState.NotProposed)]
    [InlineData(SanctionState.Decided)]
    [InlineData(SanctionState.NotDecided)]
    public void A_proposal_is_revised_only_when_more_review_was_asked_for(SanctionState state)
    {
        var sanction = In(state);

        Assert.Equal(RefusalKind.WrongState, sanction.Revise(Developer, Warning, "Ny motivering.", At)?.Kind);
        Assert.Equal(state, sanction.State);
    }

    // ---------------------------------------------------------------- the committee's decision

    [Fact]
    public void Only_a_committee_secretary_records_the_decision()
    {
        foreach (var role in Roles.All.Where(r => r != Roles.CommitteeSecretary))
        {
            var sanction = In(SanctionState.AwaitingCommittee);
            var refusal = sanction.RecordDecision(As(role, Committee), Decision(fixBy: DecidedOn.AddMonths(1)), At, RecordedOn);
            Assert.Equal(RefusalKind.NotAllowed, refusal?.Kind);
            Assert.Equal(SanctionState.AwaitingCommittee, sanction.State);
        }
    }

    [Fact]
    public void A_secretary_of_another_committee_may_not_record_it_one_of_this_committee_or_of_none_may()
    {
        var other = In(SanctionState.AwaitingCommittee);
        var own = In(SanctionState.AwaitingCommittee);
        var servingAll = In(SanctionState.AwaitingCommittee);
        var input = Decision(fixBy: DecidedOn.AddMonths(1));

        Assert.Equal(RefusalKind.NotAllowed, other.RecordDecision(As(Roles.CommitteeSecretary, Guid.CreateVersion7()), input, At, RecordedOn)?.Kind);
        Assert.Null(own.RecordDecision(As(Roles.CommitteeSecretary, Committee), input, At, RecordedOn));
        Assert.Null(servingAll.RecordDecision(As(Roles.CommitteeSecretary), input, At, RecordedOn));

        Assert.Equal(SanctionState.AwaitingCommittee, other.State);
        Assert.Equal(SanctionState.Decided, own.State);
        Assert.Equal(SanctionState.Decided, servingAll.State);
    }

    [Theory]
    [InlineData(SanctionState.Proposed)]
    [InlineData(SanctionState.MoreReviewNeeded)]
    [InlineData(SanctionState.NotProposed)]
    [InlineData(SanctionState.Decided)]
    [InlineData(SanctionState.NotDecided)]
    public void A_decision_is_recorded_only_for_a_proposal_sent_to_the_committee(SanctionState state)
    {
        var sanction = In(state);
        var steps = sanction.Steps.Count;

        var refusal = sanction.RecordDecision(Secretary, Decision(fixBy: DecidedOn.AddMonths(1)), At, RecordedOn);

        Assert.Equal(RefusalKind.WrongState, refusal?.Kind);
        Assert.Equal((state, steps), (sanction.State, sanction.Steps.Count));
    }

    [Fact]
    public void A_decided_sanction_holds_the_decision()
    {
        var sanction = In(SanctionState.AwaitingCommittee, CareContract);
        var fixBy = new DateOnly(2026, 6, 30);

        Assert.Null(sanction.RecordDecision(Secretary, Decision(WarningWithActionPlan, fixBy: fixBy, paragraph: " 45 ", caseNumber: " kfks-2026-00012 ", comment: " Enhälligt. "), At, RecordedOn));

        Assert.Equal(SanctionState.Decided, sanction.State);
        Assert.False(sanction.IsOpen);
        Assert.Equal(WarningWithActionPlan, sanction.DecidedType);
        Assert.Equal(fixBy, sanction.FixBy);
        Assert.Equal((DecidedOn, "§ 45", "KFKS-2026-00012"), (sanction.DecidedOn, sanction.DecisionParagraph, sanction.DecisionCaseNumber));
        Assert.Equal(new CommitteeDecision(DecidedOn, "§ 45", "KFKS-2026-00012"), sanction.Decision);
        Assert.True(sanction.IsWarning);
        Assert.Equal(new DateOnly(2027, 6, 30), sanction.YearCheckOn);
        var step = sanction.Steps[^1];
        Assert.Equal((SanctionStepKind.Decided, "Enhälligt.", Secretary.Name), (step.Kind, step.Comment, step.ActorName));
    }

    [Fact]
    public void A_committee_that_decided_no_sanction_leaves_no_type_nor_deadline()
    {
        var sanction = In(SanctionState.AwaitingCommittee, CareContract);

        Assert.Null(sanction.RecordDecision(Secretary, Decision(Warning, fixBy: DecidedOn.AddMonths(1), decided: false), At, RecordedOn));

        Assert.Equal(SanctionState.NotDecided, sanction.State);
        Assert.False(sanction.IsOpen);
        Assert.Null(sanction.DecidedType);
        Assert.Null(sanction.FixBy);
        Assert.False(sanction.IsWarning);
        Assert.Null(sanction.YearCheckOn);
        Assert.Equal(new CommitteeDecision(DecidedOn, "§ 45", "KFKS-2026-00012"), sanction.Decision);
        Assert.Equal(SanctionStepKind.NotDecided, sanction.Steps[^1].Kind);
    }

    [Fact]
    public void Whether_the_committee_decided_a_sanction_is_required()
    {
        var sanction = In(SanctionState.AwaitingCommittee);

        var refusal = sanction.RecordDecision(Secretary, Decision(fixBy: DecidedOn.AddMonths(1), decided: null), At, RecordedOn);

        Assert.Equal((RefusalKind.Invalid, "Decided"), (refusal!.Kind, refusal.Field));
    }

    [Theory]
    [InlineData(Remark, false)]
    [InlineData(Injunction, false)]
    [InlineData(Warning, true)]
    [InlineData(WarningWithActionPlan, true)]
    [InlineData(Termination, false)]
    [InlineData(Revocation, false)]
    public void Only_a_decided_warning_is_a_warning(SanctionType type, bool warning)
    {
        var sanction = In(SanctionState.AwaitingCommittee);
        var fixBy = new DateOnly(2026, 5, 15);

        Assert.Null(sanction.RecordDecision(Secretary, Decision(type, fixBy: fixBy), At, RecordedOn));

        Assert.Equal(warning, sanction.IsWarning);
        Assert.Equal(warning ? new DateOnly(2027, 5, 15) : (DateOnly?)null, sanction.YearCheckOn);
    }

    [Theory]
    [InlineData(null, "DecidedOn")]
    [InlineData("2026-04-03", "DecidedOn")]
    [InlineData("2026-03-19", "DecidedOn")]
    public void The_decision_day_is_not_in_the_future_nor_before_the_assessment(string? on, string field)
    {
        var sanction = In(SanctionState.AwaitingCommittee);
        var input = Decision(fixBy: new DateOnly(2026, 5, 15)) with { DecidedOn = on is null ? null : DateOnly.Parse(on, SwedishWording.Culture) };

        var refusal = sanction.RecordDecision(Secretary, input, At, RecordedOn);

        Assert.Equal((RefusalKind.Invalid, field), (refusal!.Kind, refusal.Field));
        Assert.Equal(SanctionState.AwaitingCommittee, sanction.State);
    }

    [Fact]
    public void A_decision_on_the_day_of_the_assessment_or_on_the_day_it_is_recorded_is_accepted()
    {
        var onAssessment = In(SanctionState.AwaitingCommittee);
        var onRecording = In(SanctionState.AwaitingCommittee);

        Assert.Null(onAssessment.RecordDecision(Secretary, Decision(on: AssessedOn, fixBy: AssessedOn.AddDays(1)), At, RecordedOn));
        Assert.Null(onRecording.RecordDecision(Secretary, Decision(on: RecordedOn, fixBy: RecordedOn.AddDays(1)), At, RecordedOn));
    }

    [Fact]
    public void After_more_review_the_decision_is_not_before_the_latest_assessment()
    {
        var sanction = In(SanctionState.MoreReviewNeeded);
        Assert.Null(sanction.Revise(Developer, Warning, "Ny motivering.", At));
        var reassessed = AssessedOn.AddDays(5);
        Assert.Null(sanction.Assess(Manager, SanctionAssessmentOutcome.ToCommittee, null, At, reassessed));

        Assert.Equal("DecidedOn", sanction.RecordDecision(Secretary, Decision(on: reassessed.AddDays(-1), fixBy: reassessed.AddDays(30)), At, RecordedOn)?.Field);
        Assert.Null(sanction.RecordDecision(Secretary, Decision(on: reassessed, fixBy: reassessed.AddDays(30)), At, RecordedOn));
    }

    [Theory]
    [InlineData(null, "Paragraph")]
    [InlineData(" ", "Paragraph")]
    [InlineData("§ 45 i protokollet från nämnden", "Paragraph")]
    public void A_decision_needs_a_paragraph(string? paragraph, string field)
    {
        var sanction = In(SanctionState.AwaitingCommittee);

        var refusal = sanction.RecordDecision(Secretary, Decision(fixBy: DecidedOn.AddMonths(1), paragraph: paragraph), At, RecordedOn);

        Assert.Equal((RefusalKind.Invalid, field), (refusal!.Kind, refusal.Field));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-00012")]
    [InlineData("KFKS-1969-00012")]
    [InlineData("inte ett nummer")]
    public void A_decision_needs_a_valid_case_number(string? caseNumber)
    {
        var sanction = In(SanctionState.AwaitingCommittee);

        var refusal = sanction.RecordDecision(Secretary, Decision(fixBy: DecidedOn.AddMonths(1), caseNumber: caseNumber), At, RecordedOn);

        Assert.Equal((RefusalKind.Invalid, "CaseNumber"), (refusal!.Kind, refusal.Field));
        Assert.Equal(SanctionState.AwaitingCommittee, sanction.State);
        Assert.Null(sanction.DecisionCaseNumber);
    }

    [Fact]
    public void A_decision_comment_names_no_one()
    {
        var sanction = In(SanctionState.AwaitingCommittee);

        var refusal = sanction.RecordDecision(Secretary, Decision(fixBy: DecidedOn.AddMonths(1), comment: "Gäller 19121212-1212."), At, RecordedOn);

        Assert.Equal((RefusalKind.Invalid, "Comment"), (refusal!.Kind, refusal.Field));
    }

    [Fact]
    public void The_decided_sanction_is_one_of_the_allowed()
    {
        var sanction = In(SanctionState.AwaitingCommittee, CareContract);

        foreach (var type in new SanctionType?[] { null, Remark, Injunction, Revocation, (SanctionType)99 })
        {
            var refusal = sanction.RecordDecision(Secretary, Decision(type, fixBy: DecidedOn.AddMonths(1)), At, RecordedOn);
            Assert.Equal((RefusalKind.Invalid, "Type"), (refusal!.Kind, refusal.Field));
        }
        Assert.Equal(SanctionState.AwaitingCommittee, sanction.State);
        Assert.Null(sanction.RecordDecision(Secretary, Decision(Termination), At, RecordedOn));
        Assert.Equal(Termination, sanction.DecidedType);
    }

    [Theory]
    [InlineData(Remark, false)]
    [InlineData(Injunction, true)]
    [InlineData(Warning, true)]
    [InlineData(WarningWithActionPlan, true)]
    [InlineData(Termination, false)]
    [InlineData(Revocation, false)]
    public void Warnings_and_injunctions_need_a_deadline(SanctionType type, bool needed)
    {
        var sanction = In(SanctionState.AwaitingCommittee);

        var refusal = sanction.RecordDecision(Secretary, Decision(type, fixBy: null), At, RecordedOn);

        Assert.Equal(needed, Sanction.NeedsDeadline(type));
        if (needed)
        {
            Assert.Equal((RefusalKind.Invalid, "FixBy"), (refusal!.Kind, refusal.Field));
            Assert.Equal(SanctionState.AwaitingCommittee, sanction.State);
        }
        else
        {
            Assert.Null(refusal);
            Assert.Null(sanction.FixBy);
        }
    }

    [Theory]
    [InlineData("2026-03-31", "2026-03-31", false)]
    [InlineData("2026-03-31", "2026-03-30", false)]
    [InlineData("2026-03-31", "2026-04-01", true)]
    [InlineData("2026-03-31", "2026-09-30", true)]
    [InlineData("2026-03-31", "2026-10-01", false)]
    [InlineData("2026-08-31", "2027-02-28", true)]
    [InlineData("2026-08-31", "2027-03-01", false)]
    [InlineData("2026-04-15", "2026-10-15", true)]
    [InlineData("2026-04-15", "2026-10-16", false)]
    public void The_deadline_falls_after_the_decision_day_and_at_most_six_months_later(string decidedOn, string fixBy, bool accepted)
    {
        var decided = DateOnly.Parse(decidedOn, SwedishWording.Culture);
        foreach (var type in new[] { Warning, WarningWithActionPlan, Injunction, Remark })
        {
            var sanction = In(SanctionState.AwaitingCommittee);

            var refusal = sanction.RecordDecision(Secretary, Decision(type, on: decided, fixBy: DateOnly.Parse(fixBy, SwedishWording.Culture)), At, decided);

            if (accepted)
            {
                Assert.Null(refusal);
            }
            else
            {
                Assert.Equal((RefusalKind.Invalid, "FixBy"), (refusal!.Kind, refusal.Field));
                Assert.Equal(SanctionState.AwaitingCommittee, sanction.State);
            }
        }
    }

    [Fact]
    public void The_deadline_refusal_names_the_latest_day()
    {
        var sanction = In(SanctionState.AwaitingCommittee);

        var refusal = sanction.RecordDecision(Secretary, Decision(Warning, fixBy: new DateOnly(2026, 10, 1)), At, RecordedOn);

        Assert.Contains("senast 30 september 2026", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_following_years_check_falls_a_year_after_a_warnings_deadline()
    {
        Gen.Select(Gen.Int[1, 183], Gen.Bool).Sample((days, withPlan) =>
        {
            var fixBy = DecidedOn.AddDays(days);
            if (fixBy > DecidedOn.AddMonths(Sanction.MaxFixMonths))
            {
                return;
            }
            var sanction = In(SanctionState.AwaitingCommittee);
            Assert.Null(sanction.RecordDecision(Secretary, Decision(withPlan ? WarningWithActionPlan : Warning, fixBy: fixBy), At, RecordedOn));
            Assert.Equal(fixBy.AddYears(1), sanction.YearCheckOn);
        });
    }

    [Fact]
    public void The_planned_checks_are_kept()
    {
        var sanction = In(SanctionState.Decided, CareContract);
        var (verification, yearCheck) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        sanction.ScheduledChecks(verification, yearCheck);

        Assert.Equal((verification, yearCheck), (sanction.VerificationReviewId!.Value, sanction.YearCheckReviewId!.Value));
    }

    [Theory]
    [InlineData(new[] { Warning }, "varning")]
    [InlineData(new[] { Remark, Injunction }, "anmärkning eller föreläggande")]
    [InlineData(new[] { Warning, WarningWithActionPlan, Termination }, "varning, varning med åtgärdsplan eller hävning av avtal")]
    public void Sanctions_are_named_as_a_sentence_names_them(SanctionType[] types, string names)
    {
        Assert.Equal(names, Sanction.Names(types));
    }
}
