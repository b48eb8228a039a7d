using CsCheck;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Domain.Tests.Reviews;

public sealed class ReviewTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Guid ProviderId = Guid.CreateVersion7();
    private static readonly Guid ChecklistId = Guid.CreateVersion7();
    private static readonly ChoiceSystem HomeCare = new() { Name = "Hemtjänst", CommitteeId = Guid.CreateVersion7() };

    private static WorkflowActor As(string role, string? id = null, Guid? provider = null) => new(id ?? "u-" + role, role + " (fiktiv)", [role], null, provider);

    private static readonly WorkflowActor Developer = As(Roles.QualityDeveloper);
    private static readonly WorkflowActor Manager = As(Roles.GroupManager);
    private static readonly WorkflowActor Provider = As(Roles.ProviderUser, provider: ProviderId);

    private static readonly FindingQuestion Q1 = new(Guid.CreateVersion7(), ChecklistId, "1.1", "Ledningssystem för kvalitet");
    private static readonly FindingQuestion Q2 = new(Guid.CreateVersion7(), ChecklistId, "2.1", "Dokumentation");

    private static Unit UnitOf(Guid? provider = null, Ownership ownership = Ownership.Private)
    {
        var unit = new Unit { Name = "Exempelgården", ProviderId = provider ?? ProviderId, Ownership = ownership };
        unit.ChoiceSystems.Add(HomeCare);
        return unit;
    }

    private static Review.PlanInput Input(ReviewType type = ReviewType.QualityReview, IReadOnlyList<Unit>? units = null, VisitMode visit = VisitMode.OnSite,
        string? reason = null, string? caseNumber = "SOC-2026-00012") =>
        new(type, "Kvalitetsgranskning 2026", HomeCare.Id, units ?? [UnitOf()], new DateOnly(2026, 4, 15), reason, caseNumber, ChecklistId, null, visit);

    private static Review Planned(ReviewType type = ReviewType.QualityReview)
    {
        var (review, refusal) = Review.Plan(Input(type), type == ReviewType.CalledReview ? Manager : Developer, At, Today);
        Assert.Null(refusal);
        return review!;
    }

    /// <summary>A review taken to a written draft with both questions assessed as given.</summary>
    private static Review Drafted(Assessment first = Assessment.Satisfactory, Assessment second = Assessment.MinorDeficiency)
    {
        var review = Planned();
        Assert.Null(review.StartPreparation(Developer, At, null));
        Assert.Null(review.ScheduleVisit(Developer, VisitMode.OnSite, At.AddDays(1), "Exempelvägen 1"));
        var unit = review.Units[0].UnitId;
        Assert.Null(review.RecordFinding(Developer, unit, Q1, "Ja", "Rutiner finns.", first, [], At).Refusal);
        Assert.Null(review.RecordFinding(Developer, unit, Q2, null, "Genomförandeplaner saknas.", second, [], At, "Upprätta genomförandeplaner.").Refusal);
        Assert.Null(review.RecordVisitDone(Developer, At.AddDays(2), null));
        Assert.Null(review.WriteDraft(Developer, At.AddDays(3), "Sammanfattning.", [Q1, Q2]));
        return review;
    }

    [Fact]
    public void A_called_review_is_decided_by_the_group_manager_only()
    {
        var refused = Review.Plan(Input(ReviewType.CalledReview, reason: "Klagomål om bemötande."), Developer, At, Today).Refusal;
        Assert.Equal(RefusalKind.NotAllowed, refused?.Kind);
        Assert.Contains("gruppchef", refused!.Message, StringComparison.Ordinal);
        Assert.Null(Review.Plan(Input(ReviewType.CalledReview, reason: "Klagomål om bemötande."), Manager, At, Today).Refusal);
    }

    [Fact]
    public void A_called_review_needs_its_reason_and_a_quality_review_its_visit()
    {
        Assert.Equal("Reason", Review.Plan(Input(ReviewType.CalledReview), Manager, At, Today).Refusal?.Field);
        Assert.Equal("VisitMode", Review.Plan(Input(visit: VisitMode.None), Developer, At, Today).Refusal?.Field);
        Assert.Null(Review.Plan(Input(ReviewType.SpotCheck, visit: VisitMode.None), Developer, At, Today).Refusal);
    }

    [Fact]
    public void Only_a_targeted_follow_up_covers_several_units_and_always_of_one_provider()
    {
        Assert.Equal("UnitIds", Review.Plan(Input(units: [UnitOf(), UnitOf()]), Developer, At, Today).Refusal?.Field);
        var targeted = Input(ReviewType.TargetedFollowUp, [UnitOf(), UnitOf()], reason: "Ledningsgruppens beslut om läkemedelshantering.");
        Assert.Null(Review.Plan(targeted, Manager, At, Today).Refusal);
        var twoProviders = targeted with { Units = [UnitOf(), UnitOf(Guid.CreateVersion7())] };
        Assert.Contains("en anordnares", Review.Plan(twoProviders, Manager, At, Today).Refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Insight_is_for_in_house_preschools_and_supervision_for_independent_ones()
    {
        Assert.Equal("Type", Review.Plan(Input(ReviewType.PreschoolInsight), Developer, At, Today).Refusal?.Field);
        Assert.Equal("Type", Review.Plan(Input(ReviewType.PreschoolSupervision, [UnitOf(ownership: Ownership.InHouse)]), Developer, At, Today).Refusal?.Field);
        Assert.Null(Review.Plan(Input(ReviewType.PreschoolInsight, [UnitOf(ownership: Ownership.InHouse)]), Developer, At, Today).Refusal);
    }

    [Fact]
    public void A_reason_with_a_personal_identity_number_is_refused()
    {
        var refused = Review.Plan(Input(ReviewType.CalledReview, reason: "Gäller 19121212-1212."), Manager, At, Today).Refusal;
        Assert.Equal("Reason", refused?.Field);
    }

    [Fact]
    public void Steps_follow_each_other_and_a_wrong_state_changes_nothing()
    {
        var review = Planned();
        var refused = review.RecordVisitDone(Developer, At, null);
        Assert.Equal(RefusalKind.WrongState, refused?.Kind);
        Assert.Equal("Steget ”Besöket genomfördes” kan tas när granskningen är under förberedelse; den är planerad.", refused?.Message);
        Assert.Equal(ReviewState.Planned, review.State);
        Assert.Single(review.Steps);
    }

    [Fact]
    public void The_visit_done_step_of_a_review_without_a_visit_says_the_evidence_was_reviewed()
    {
        Assert.Equal("Underlaget granskades", ReviewSteps.Name(ReviewStepKind.VisitDone, VisitMode.None));
        Assert.Equal("Besöket genomfördes", ReviewSteps.Name(ReviewStepKind.VisitDone, VisitMode.Digital));
        Assert.All(Enum.GetValues<ReviewStepKind>().Where(k => k != ReviewStepKind.VisitDone),
            kind => Assert.Equal(ReviewSteps.Name(kind, VisitMode.OnSite), ReviewSteps.Name(kind, VisitMode.None)));
    }

    [Fact]
    public void The_visit_cannot_be_recorded_before_it_happens()
    {
        var review = Planned();
        Assert.Null(review.StartPreparation(Developer, At, null));
        Assert.Null(review.ScheduleVisit(Developer, VisitMode.OnSite, At.AddDays(5), null));
        Assert.Equal("VisitAt", review.RecordVisitDone(Developer, At, null)?.Field);
        Assert.Equal(ReviewState.Preparing, review.State);
    }

    [Fact]
    public void A_provider_user_cannot_record_findings()
    {
        var review = Planned();
        var (finding, refusal) = review.RecordFinding(Provider, review.Units[0].UnitId, Q1, "Ja", null, Assessment.Satisfactory, [], At);
        Assert.Null(finding);
        Assert.Equal(RefusalKind.NotAllowed, refusal?.Kind);
    }

    [Fact]
    public void A_finding_is_saved_once_per_question_and_unit_and_can_be_changed()
    {
        var review = Planned();
        var unit = review.Units[0].UnitId;
        review.RecordFinding(Developer, unit, Q1, "Ja", null, null, [], At);
        review.RecordFinding(Developer, unit, Q1, "Ja", "Rutinen är känd av personalen.", Assessment.SatisfactoryCanImprove, [], At);
        var finding = Assert.Single(review.Findings);
        Assert.Equal(Assessment.SatisfactoryCanImprove, finding.Assessment);
        Assert.Equal("Ledningssystem för kvalitet", finding.Area);
    }

    [Fact]
    public void A_question_from_another_checklist_is_refused()
    {
        var review = Planned();
        var foreign = Q1 with { ChecklistId = Guid.CreateVersion7() };
        Assert.Equal("QuestionId", review.RecordFinding(Developer, review.Units[0].UnitId, foreign, "Ja", null, null, [], At).Refusal?.Field);
    }

    [Fact]
    public void The_draft_needs_every_required_question_assessed()
    {
        var review = Planned();
        review.StartPreparation(Developer, At, null);
        review.ScheduleVisit(Developer, VisitMode.OnSite, At, null);
        review.RecordFinding(Developer, review.Units[0].UnitId, Q1, "Ja", null, Assessment.Satisfactory, [], At);
        review.RecordVisitDone(Developer, At, null);
        var refused = review.WriteDraft(Developer, At, "Sammanfattning.", [Q1, Q2]);
        Assert.Contains("2.1", refused?.Message, StringComparison.Ordinal);
        Assert.Equal(ReviewState.VisitDone, review.State);
        Assert.Null(review.Result);
    }

    /// <summary>A review whose visit is done and whose findings can be recorded, ready for its draft.</summary>
    private static Review VisitDone()
    {
        var review = Planned();
        Assert.Null(review.StartPreparation(Developer, At, null));
        Assert.Null(review.ScheduleVisit(Developer, VisitMode.OnSite, At, null));
        Assert.Null(review.RecordVisitDone(Developer, At, null));
        return review;
    }

    [Fact]
    public void The_draft_is_refused_while_a_deficiency_lacks_its_required_action()
    {
        var review = VisitDone();
        var unit = review.Units[0].UnitId;
        review.RecordFinding(Developer, unit, Q1, "Ja", null, Assessment.SatisfactoryCanImprove, [], At);
        review.RecordFinding(Developer, unit, Q2, null, "Genomförandeplaner saknas.", Assessment.SeriousDeficiency, [], At, "   ");

        var refused = review.WriteDraft(Developer, At, "Sammanfattning.", [Q1, Q2]);
        Assert.Equal(RefusalKind.Invalid, refused?.Kind);
        Assert.Null(refused!.Field);
        Assert.Contains("Saknar krav på åtgärd: 2.1.", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1.1", refused.Message, StringComparison.Ordinal);
        Assert.Equal(ReviewState.VisitDone, review.State);
        Assert.Null(review.Result);
        Assert.Null(review.Summary);

        review.RecordFinding(Developer, unit, Q2, null, "Genomförandeplaner saknas.", Assessment.SeriousDeficiency, [], At, "Upprätta genomförandeplaner.");
        Assert.Null(review.WriteDraft(Developer, At, "Sammanfattning.", [Q1, Q2]));
        Assert.Equal(Assessment.SeriousDeficiency, review.Result);
    }

    [Fact]
    public void The_draft_names_every_deficiency_without_a_required_action()
    {
        var review = VisitDone();
        var unit = review.Units[0].UnitId;
        review.RecordFinding(Developer, unit, Q1, null, null, Assessment.MinorDeficiency, [], At);
        review.RecordFinding(Developer, unit, Q2, null, null, Assessment.MinorDeficiency, [], At);
        Assert.Contains("Saknar krav på åtgärd: 1.1, 2.1.", review.WriteDraft(Developer, At, "Sammanfattning.", [Q1, Q2])?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Months_to_fix_outside_one_to_six_are_refused_and_change_nothing(int months)
    {
        var review = VisitDone();
        var (finding, refused) = review.RecordFinding(Developer, review.Units[0].UnitId, Q2, null, "Brist.", Assessment.MinorDeficiency, [], At, "Åtgärda.", months);
        Assert.Null(finding);
        Assert.Equal(RefusalKind.Invalid, refused?.Kind);
        Assert.Equal("FixWithinMonths", refused?.Field);
        Assert.Empty(review.Findings);
    }

    [Fact]
    public void Months_to_fix_are_accepted_exactly_from_one_to_six()
    {
        Gen.Int[-20, 20].Sample(months =>
        {
            var review = VisitDone();
            var (finding, refused) = review.RecordFinding(Developer, review.Units[0].UnitId, Q2, null, null, Assessment.SeriousDeficiency, [], At, "Åtgärda.", months);
            var valid = months is >= Review.MinFixMonths and <= Review.MaxFixMonths;
            Assert.Equal(valid, refused is null);
            Assert.Equal(valid ? months : null, finding?.FixWithinMonths);
        });
    }

    [Fact]
    public void A_deficiency_is_fixed_within_three_months_unless_the_reviewer_says_otherwise()
    {
        var review = VisitDone();
        var (finding, _) = review.RecordFinding(Developer, review.Units[0].UnitId, Q2, null, null, Assessment.MinorDeficiency, [], At, " Upprätta planer. ");
        Assert.Equal(3, finding?.FixWithinMonths);
        Assert.Equal(Review.DefaultFixMonths, finding?.FixWithinMonths);
        Assert.Equal("Upprätta planer.", finding?.RequiredAction);
        Assert.True(finding!.IsDeficiency);
    }

    [Theory]
    [InlineData(Assessment.Satisfactory)]
    [InlineData(Assessment.SatisfactoryCanImprove)]
    [InlineData(null)]
    public void A_finding_that_is_no_deficiency_keeps_no_required_action_or_months(Assessment? assessment)
    {
        var review = VisitDone();
        var unit = review.Units[0].UnitId;
        Assert.Null(review.RecordFinding(Developer, unit, Q2, null, null, Assessment.MinorDeficiency, [], At, "Upprätta planer.", 2).Refusal);

        var (finding, refused) = review.RecordFinding(Developer, unit, Q2, null, "Rutinen följs.", assessment, [], At, "Upprätta planer.", 2);
        Assert.Null(refused);
        Assert.Same(finding, Assert.Single(review.Findings));
        Assert.False(finding!.IsDeficiency);
        Assert.Null(finding.RequiredAction);
        Assert.Null(finding.FixWithinMonths);
    }

    [Fact]
    public void A_required_action_with_a_personal_identity_number_is_refused()
    {
        var review = VisitDone();
        var refused = review.RecordFinding(Developer, review.Units[0].UnitId, Q2, null, null, Assessment.MinorDeficiency, [], At, "Gäller 19121212-1212.").Refusal;
        Assert.Equal("RequiredAction", refused?.Field);
        Assert.Empty(review.Findings);
    }

    [Fact]
    public void The_draft_takes_the_overall_result_from_the_findings()
    {
        Assert.Equal(Assessment.MinorDeficiency, Drafted().Result);
        Assert.Equal(ReviewState.DraftReport, Drafted().State);
    }

    [Fact]
    public void Communication_needs_a_case_number_and_sets_the_default_deadline()
    {
        var review = Drafted();
        Assert.Null(review.Communicate(Developer, At, Today, 14, null, null));
        Assert.Equal(Today.AddDays(14), review.ResponseDueOn);
        Assert.Equal(ReviewState.Communicated, review.State);
    }

    [Fact]
    public void The_report_cannot_be_finalised_before_the_answer_or_the_deadline()
    {
        var review = Drafted();
        review.Communicate(Developer, At, Today, 14, null, null);
        Assert.Equal(RefusalKind.WrongState, review.FinaliseReport(Developer, At, Today.AddDays(14), null)?.Kind);
        Assert.Null(review.FinaliseReport(Developer, At, Today.AddDays(15), null));
        Assert.Equal(ReviewState.Final, review.State);
    }

    [Fact]
    public void The_providers_answer_allows_finalising_at_once()
    {
        var review = Drafted();
        review.Communicate(Developer, At, Today, 14, null, null);
        Assert.Null(review.Respond(Provider, ResponseKind.FactualCorrection, "Rutinen uppdaterades i januari.", At).Refusal);
        Assert.Null(review.FinaliseReport(Manager, At, Today, null));
    }

    [Fact]
    public void Another_provider_cannot_answer()
    {
        var review = Drafted();
        review.Communicate(Developer, At, Today, 14, null, null);
        var other = As(Roles.ProviderUser, provider: Guid.CreateVersion7());
        Assert.Equal(RefusalKind.NotAllowed, review.Respond(other, ResponseKind.Comment, "Synpunkt.", At).Refusal?.Kind);
        Assert.Empty(review.Responses);
    }

    [Fact]
    public void A_disputed_report_waits_for_a_reviewer_who_took_no_part()
    {
        var review = Drafted();
        review.Communicate(Developer, At, Today, 14, null, null);
        Assert.Null(review.Dispute(Provider, "Bedömningen av dokumentationen bygger på fel underlag.", At));
        Assert.Equal(RefusalKind.WrongState, review.FinaliseReport(Developer, At, Today.AddDays(30), null)?.Kind);

        var tookPart = review.AssignIndependentReviewer(Manager, Developer.UserId, Developer.Name, [Roles.QualityDeveloper], At);
        Assert.Equal("ReviewerId", tookPart?.Field);

        var independent = As(Roles.QualityDeveloper, "u-independent");
        Assert.Null(review.AssignIndependentReviewer(Manager, independent.UserId, independent.Name, [Roles.QualityDeveloper], At));
        Assert.Equal(RefusalKind.NotAllowed, review.ConcludeDispute(Developer, "Står fast.", At)?.Kind);
        Assert.Null(review.ConcludeDispute(independent, "Bedömningen står fast; underlaget var rätt.", At));
        Assert.Null(review.FinaliseReport(Developer, At, Today.AddDays(30), null));
    }

    [Fact]
    public void The_provider_answers_until_the_last_day_and_not_after_nor_before_communication()
    {
        var review = Drafted();
        Assert.Equal(RefusalKind.WrongState, review.CheckAnswerTime(Today)?.Kind);
        review.Communicate(Developer, At, Today, 14, null, null);
        Assert.Null(review.CheckAnswerTime(Today));
        Assert.Null(review.CheckAnswerTime(Today.AddDays(14)));
        var late = review.CheckAnswerTime(Today.AddDays(15));
        Assert.Equal(RefusalKind.WrongState, late?.Kind);
        Assert.Contains(SwedishWording.Date(Today.AddDays(14)), late!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reminder_is_due_within_the_days_before_the_deadline_once()
    {
        var review = Drafted();
        review.Communicate(Developer, At, Today, 14, null, null);
        Assert.False(review.NeedsReminder(Today.AddDays(10), 3));
        Assert.True(review.NeedsReminder(Today.AddDays(11), 3));
        review.RecordReminder(At);
        Assert.False(review.NeedsReminder(Today.AddDays(12), 3));
    }

    [Fact]
    public void The_health_care_review_is_led_by_the_medically_responsible()
    {
        var mas = As(Roles.MedicalResponsible);
        var (review, refusal) = Review.Plan(Input(ReviewType.HealthCareReview, visit: VisitMode.None), mas, At, Today);
        Assert.Null(refusal);
        Assert.Equal(RefusalKind.NotAllowed, review!.StartPreparation(Developer, At, null)?.Kind);
        Assert.Null(review.StartPreparation(mas, At, null));
    }

    private static readonly Gen<Assessment?> GenAssessment = Gen.Int[0, 4].Select(i => i == 0 ? (Assessment?)null : (Assessment)i);

    [Fact]
    public void The_overall_result_is_the_most_serious_assessment_and_ignores_order()
    {
        GenAssessment.List[0, 12].Sample(assessments =>
        {
            var result = OverallResult.Of(assessments);
            var assessed = assessments.Where(a => a is not null).ToList();
            Assert.Equal(assessed.Count == 0, result is null);
            Assert.All(assessed, a => Assert.True(a <= result));
            Assert.Equal(result, OverallResult.Of(Enumerable.Reverse(assessments)));
            if (assessed.Count > 0)
            {
                Assert.Equal(result, OverallResult.Of([.. assessments, Assessment.Satisfactory]));
            }
        });
    }

    [Fact]
    public void One_serious_deficiency_outweighs_any_number_of_satisfactory_findings()
    {
        Gen.Int[0, 50].Sample(n =>
            Assert.Equal(Assessment.SeriousDeficiency, OverallResult.Of([.. Enumerable.Repeat<Assessment?>(Assessment.Satisfactory, n), Assessment.SeriousDeficiency])));
    }
}
