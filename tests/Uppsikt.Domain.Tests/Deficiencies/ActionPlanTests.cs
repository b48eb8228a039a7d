using CsCheck;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Referrals;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Domain.Tests.Deficiencies;

public sealed class ActionPlanTests
{
    private const int PlanDays = 30;

    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly ReviewDay = new(2026, 3, 2);

    /// <summary>The day the review's report becomes final unless a test says otherwise: the plan's first day.</summary>
    private static readonly DateOnly Finalised = new(2026, 3, 17);

    /// <summary>A day the provider works on the plan: after it was made, before it is due.</summary>
    private static readonly DateOnly Today = new(2026, 3, 20);

    private static readonly DateTimeOffset Now = new(2026, 3, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ProviderId = Guid.CreateVersion7();
    private static readonly Guid ChecklistId = Guid.CreateVersion7();
    private static readonly Guid ConditionVersionId = Guid.CreateVersion7();
    private static readonly ChoiceSystem HomeCare = new() { Name = "Hemtjänst", CommitteeId = Guid.CreateVersion7() };

    private static WorkflowActor As(string role, string? id = null, Guid? provider = null) => new(id ?? "u-" + role, role + " (fiktiv)", [role], null, provider);

    private static readonly WorkflowActor Developer = As(Roles.QualityDeveloper);
    private static readonly WorkflowActor Manager = As(Roles.GroupManager);
    private static readonly WorkflowActor CaseWorker = As(Roles.CaseWorker);
    private static readonly WorkflowActor Provider = As(Roles.ProviderUser, provider: ProviderId);
    private static readonly WorkflowActor OtherProvider = As(Roles.ProviderUser, "u-other-provider", Guid.CreateVersion7());

    private static readonly FindingQuestion Q1 = new(Guid.CreateVersion7(), ChecklistId, "1.1", "Ledningssystem för kvalitet");
    private static readonly FindingQuestion Q2 = new(Guid.CreateVersion7(), ChecklistId, "2.1", "Dokumentation");
    private static readonly FindingQuestion Q3 = new(Guid.CreateVersion7(), ChecklistId, "3.1", "Läkemedelshantering");

    private static readonly string[] NotFollowingUp = [.. Roles.All.Except(ActionPlan.FollowUpRoles)];

    public static TheoryData<string> FollowUpRoles => [.. ActionPlan.FollowUpRoles];

    public static TheoryData<string> OtherRoles => [.. NotFollowingUp];

    // ---------------------------------------------------------------- building reviews and plans

    /// <summary>A finding to record: the unit, the question, the assessment and, for a deficiency, the months to fix it.</summary>
    private sealed record Finding(Unit Unit, FindingQuestion Question, Assessment Assessment, int? Months = null);

    private static Unit UnitOf(Ownership ownership = Ownership.Private, string name = "Exempelgården (fiktiv)")
    {
        var unit = new Unit { Name = name, ProviderId = ProviderId, Ownership = ownership };
        unit.ChoiceSystems.Add(HomeCare);
        return unit;
    }

    /// <summary>
    /// A review taken through the public workflow to <paramref name="until"/> (communicated, final or closed) with the findings
    /// given: several units make a targeted follow-up, one a quality review. The report is communicated on the review's day and
    /// finalised on <paramref name="finalisedOn"/>, the day after the provider's last day to answer.
    /// </summary>
    private static Review ReviewOf(IReadOnlyList<Unit> units, IReadOnlyList<Finding> findings, DateOnly? finalisedOn = null, ReviewState until = ReviewState.Final)
    {
        var final = finalisedOn ?? Finalised;
        var several = units.Count > 1;
        var input = new Review.PlanInput(several ? ReviewType.TargetedFollowUp : ReviewType.QualityReview, "Kvalitetsgranskning 2026 (fiktiv)", HomeCare.Id,
            units, ReviewDay, several ? "Ledningsgruppens beslut om dokumentation." : null, "SOC-2026-00012", ChecklistId, null, VisitMode.OnSite);
        var (review, refused) = Review.Plan(input, several ? Manager : Developer, At, ReviewDay);
        Assert.Null(refused);
        Assert.Null(review!.StartPreparation(Developer, At, null));
        Assert.Null(review.ScheduleVisit(Developer, VisitMode.OnSite, At, "Exempelvägen 1"));
        foreach (var finding in findings)
        {
            var deficiency = finding.Assessment is Assessment.MinorDeficiency or Assessment.SeriousDeficiency;
            Assert.Null(review.RecordFinding(Developer, finding.Unit.Id, finding.Question, null, $"Iakttagelse {finding.Question.Code}.", finding.Assessment,
                [ConditionVersionId], At, deficiency ? $"Åtgärda {finding.Question.Code}." : null, finding.Months).Refusal);
        }
        Assert.Null(review.RecordVisitDone(Developer, At, null));
        Assert.Null(review.WriteDraft(Developer, At, "Sammanfattning.", []));
        Assert.Null(review.Communicate(Developer, At, ReviewDay, 14, final.AddDays(-1), null));
        if (until == ReviewState.Communicated)
        {
            return review;
        }
        Assert.Null(review.FinaliseReport(Developer, At, final, null));
        if (until == ReviewState.Closed)
        {
            Assert.Null(review.Close(Developer, At, final, null));
        }
        Assert.Equal(until, review.State);
        return review;
    }

    private static Dictionary<Guid, Ownership> OwnershipOf(params Unit[] units) => units.ToDictionary(u => u.Id, u => u.Ownership);

    private static IReadOnlyList<ActionPlan> PlansOf(Review review, bool providerInHouse, params Unit[] units)
    {
        var (plans, refused) = ActionPlan.FromFinalReview(review, providerInHouse, OwnershipOf(units), Developer, At, PlanDays);
        Assert.Null(refused);
        // The municipality takes its stance on referral as the report becomes final, so that a serious deficiency can later be
        // verified fixed; the tests of that rule take the stances away again.
        foreach (var plan in plans)
        {
            foreach (var serious in plan.Deficiencies.Where(d => d.IsSerious))
            {
                Assert.Null(plan.RecordStance(Developer, serious.Id, ReferralAuthority.Ivo, ReferralDecision.NotReferred, "Inget missförhållande.", ReviewDay, ReviewDay));
                Assert.Null(plan.RecordStance(Developer, serious.Id, ReferralAuthority.Police, ReferralDecision.NotReferred, "Inget brott.", ReviewDay, ReviewDay));
            }
        }
        return plans;
    }

    /// <summary>
    /// A plan with two deficiencies at one private unit: 1 a minor one (question 2.1, three months, due 17 June 2026) and 2 a
    /// serious one (question 3.1, two months, due 17 May 2026); question 1.1 was satisfactory.
    /// </summary>
    private static ActionPlan NewPlan(bool inHouse = false)
    {
        var unit = UnitOf(inHouse ? Ownership.InHouse : Ownership.Private);
        var review = ReviewOf([unit], [new(unit, Q1, Assessment.Satisfactory), new(unit, Q2, Assessment.MinorDeficiency), new(unit, Q3, Assessment.SeriousDeficiency, 2)]);
        return Assert.Single(PlansOf(review, inHouse, unit));
    }

    private static Deficiency Minor(ActionPlan plan) => plan.Deficiencies.Single(d => d.Number == 1);

    private static Deficiency Serious(ActionPlan plan) => plan.Deficiencies.Single(d => d.Number == 2);

    private static PlannedAction AddAction(ActionPlan plan, Deficiency deficiency, DateOnly? dueOn = null, DateOnly? today = null)
    {
        var (action, refused) = plan.AddAction(Provider, deficiency.Id, "Upprätta genomförandeplaner.", "Verksamhetschef (fiktiv)", dueOn ?? new DateOnly(2026, 4, 30), today ?? Today);
        Assert.Null(refused);
        return action!;
    }

    private static ActionPlan Submitted()
    {
        var plan = NewPlan();
        AddAction(plan, Minor(plan));
        AddAction(plan, Serious(plan));
        Assert.Null(plan.Submit(Provider, Now, null));
        return plan;
    }

    private static ActionPlan Approved()
    {
        var plan = Submitted();
        Assert.Null(plan.Approve(Developer, Now, null));
        return plan;
    }

    private static void ReportAllDone(ActionPlan plan, DateOnly today)
    {
        foreach (var action in plan.Actions.Where(a => !a.IsDone).ToList())
        {
            Assert.Null(plan.ReportDone(Provider, action.Id, "Planerna är upprättade.", [Guid.CreateVersion7()], Now, today));
        }
    }

    private static readonly DateOnly DoneDay = new(2026, 4, 20);
    private static readonly DateOnly VerifyDay = new(2026, 4, 25);

    /// <summary>An approved plan whose actions the provider has reported done, ready to be verified.</summary>
    private static ActionPlan ReportedDone()
    {
        var plan = Approved();
        ReportAllDone(plan, DoneDay);
        return plan;
    }

    private static VerificationVisit VisitAt(ActionPlan plan, ReviewType type = ReviewType.FollowUpReview, Guid? provider = null, Guid? unit = null,
        ReviewState state = ReviewState.VisitDone) =>
        new(Guid.CreateVersion7(), type, provider ?? plan.ProviderId, [unit ?? plan.UnitId], state);

    private static VerificationInput Checked(VerificationMethod method = VerificationMethod.Documents, bool isFixed = true, DateOnly? on = null,
        DateOnly? newDeadline = null) =>
        new(method, "Genomförandeplanerna granskades.", isFixed, on ?? VerifyDay, newDeadline, null);

    /// <summary>Verifies both deficiencies of <see cref="NewPlan"/> as fixed: the minor one by documents, the serious one at a visit.</summary>
    private static void VerifyBothFixed(ActionPlan plan, DateOnly today)
    {
        Assert.Null(plan.Verify(Developer, Minor(plan).Id, Checked(on: today), null, Now, today, PlanDays));
        Assert.Null(plan.Verify(Developer, Serious(plan).Id, Checked(VerificationMethod.Visit, on: today), VisitAt(plan), Now, today, PlanDays));
    }

    private static DeficiencyMatter Matter(DeficiencyOrigin origin = DeficiencyOrigin.Complaint, bool serious = true, bool unitInHouse = false,
        bool providerInHouse = false) =>
        new(origin, Guid.CreateVersion7(), "Klagomål om uteblivna besök (fiktivt)", ProviderId, Guid.CreateVersion7(), unitInHouse, providerInHouse, serious);

    private static DeficiencyInput Entered(Assessment? severity = Assessment.SeriousDeficiency, string? area = "Bemötande", string? description = "Besök uteblev utan att brukaren underrättades.",
        string? requiredAction = "Inför en rutin för att meddela ändrade besökstider.", int? months = null) =>
        new(severity, area, description, requiredAction, months, [ConditionVersionId]);

    // ---------------------------------------------------------------- from a final review

    [Fact]
    public void Deficiencies_are_registered_only_from_a_final_review()
    {
        var unit = UnitOf();
        foreach (var state in new[] { ReviewState.Communicated, ReviewState.Closed })
        {
            var review = ReviewOf([unit], [new(unit, Q2, Assessment.SeriousDeficiency)], until: state);
            var (plans, refused) = ActionPlan.FromFinalReview(review, false, OwnershipOf(unit), Developer, At, PlanDays);
            Assert.Empty(plans);
            Assert.Equal(RefusalKind.WrongState, refused?.Kind);
        }
    }

    [Fact]
    public void Each_unit_with_deficiencies_gets_one_plan_and_a_unit_without_none()
    {
        var (north, middle, south) = (UnitOf(name: "Norrgården (fiktiv)"), UnitOf(name: "Mittgården (fiktiv)"), UnitOf(Ownership.NonProfit, "Södergården (fiktiv)"));
        var review = ReviewOf([north, middle, south],
        [
            new(north, Q1, Assessment.MinorDeficiency), new(north, Q2, Assessment.SeriousDeficiency),
            new(middle, Q1, Assessment.Satisfactory), new(middle, Q2, Assessment.SatisfactoryCanImprove),
            new(south, Q1, Assessment.SatisfactoryCanImprove), new(south, Q2, Assessment.MinorDeficiency),
        ]);

        var plans = PlansOf(review, false, north, middle, south);

        Assert.Equal(2, plans.Count);
        Assert.Equal(new[] { north.Id, south.Id }.Order(), plans.Select(p => p.UnitId).Order());
        Assert.DoesNotContain(plans, p => p.UnitId == middle.Id);
        Assert.Equal(2, plans.Single(p => p.UnitId == north.Id).Deficiencies.Count);
        Assert.Equal("2.1", Assert.Single(plans.Single(p => p.UnitId == south.Id).Deficiencies).QuestionCode);
        Assert.All(plans, plan =>
        {
            Assert.Equal(ProviderId, plan.ProviderId);
            Assert.Equal(DeficiencyOrigin.Review, plan.Origin);
            Assert.Equal(review.Id, plan.OriginId);
            Assert.Equal(review.Title, plan.Title);
            Assert.Equal("SOC-2026-00012", plan.CaseNumber);
            Assert.Equal(HomeCare.Id, plan.ChoiceSystemId);
            Assert.Equal(ActionPlanState.AwaitingPlan, plan.State);
            Assert.Equal(Finalised, plan.CreatedOn);
            Assert.Equal(Finalised.AddDays(PlanDays), plan.PlanDueOn);
            Assert.False(plan.InHouse);
            Assert.Equal("brist", plan.DeficiencyNoun);
            Assert.Empty(plan.Actions);
            Assert.All(plan.Deficiencies, d =>
            {
                Assert.Equal(plan.Id, d.ActionPlanId);
                Assert.Equal(plan.UnitId, d.UnitId);
                Assert.Equal(DeficiencyState.Open, d.State);
                Assert.False(d.InHouse);
            });
        });
    }

    [Fact]
    public void A_review_without_deficiencies_makes_no_plan()
    {
        var unit = UnitOf();
        var review = ReviewOf([unit], [new(unit, Q1, Assessment.Satisfactory), new(unit, Q2, Assessment.SatisfactoryCanImprove)]);
        Assert.Empty(PlansOf(review, false, unit));
    }

    [Fact]
    public void A_deficiency_is_due_the_findings_months_after_the_report_became_final()
    {
        var unit = UnitOf();
        var finalised = new DateOnly(2026, 3, 31);
        var review = ReviewOf([unit], [new(unit, Q1, Assessment.MinorDeficiency, 1), new(unit, Q2, Assessment.SeriousDeficiency), new(unit, Q3, Assessment.MinorDeficiency, 6)], finalised);

        var plan = Assert.Single(PlansOf(review, false, unit));

        Assert.Equal(finalised, plan.CreatedOn);
        Assert.Equal(new DateOnly(2026, 4, 30), plan.PlanDueOn);
        Assert.Equal([new DateOnly(2026, 4, 30), new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30)], plan.Deficiencies.Select(d => d.DeadlineOn));
        Assert.All(plan.Deficiencies, d => Assert.Equal(finalised, d.IdentifiedOn));
        var serious = plan.Deficiencies[1];
        var finding = review.Findings.Single(f => f.QuestionId == Q2.Id);
        Assert.Equal(Assessment.SeriousDeficiency, serious.Severity);
        Assert.True(serious.IsSerious);
        Assert.Equal("Dokumentation", serious.Area);
        Assert.Equal("Iakttagelse 2.1.", serious.Description);
        Assert.Equal("Åtgärda 2.1.", serious.RequiredAction);
        Assert.Equal(finding.Id, serious.FindingId);
        Assert.Equal("2.1", serious.QuestionCode);
        Assert.Equal([ConditionVersionId], serious.ConditionVersionIds);
        Assert.Equal(0, serious.PersistCount);
    }

    [Fact]
    public void The_deadline_is_always_the_final_day_plus_the_findings_months()
    {
        Gen.Select(Gen.Int[2, 91], Gen.Int[Review.MinFixMonths, Review.MaxFixMonths]).Sample((days, months) =>
        {
            var unit = UnitOf();
            var finalised = ReviewDay.AddDays(days);
            var review = ReviewOf([unit], [new(unit, Q2, Assessment.MinorDeficiency, months)], finalised);
            var deficiency = Assert.Single(Assert.Single(PlansOf(review, false, unit)).Deficiencies);
            Assert.Equal(finalised.AddMonths(months), deficiency.DeadlineOn);
            Assert.True(deficiency.DeadlineOn > finalised);
        }, iter: 40);
    }

    [Fact]
    public void Deficiencies_are_numbered_from_one_in_question_order()
    {
        var unit = UnitOf();
        var review = ReviewOf([unit], [new(unit, Q3, Assessment.MinorDeficiency), new(unit, Q1, Assessment.SeriousDeficiency), new(unit, Q2, Assessment.MinorDeficiency)]);
        var plan = Assert.Single(PlansOf(review, false, unit));
        Assert.Equal([1, 2, 3], plan.Deficiencies.Select(d => d.Number));
        Assert.Equal(["1.1", "2.1", "3.1"], plan.Deficiencies.Select(d => d.QuestionCode));
    }

    [Fact]
    public void An_in_house_unit_of_an_in_house_provider_gets_deficiencies_pointed_out()
    {
        var plan = NewPlan(inHouse: true);
        Assert.True(plan.InHouse);
        Assert.Equal("påtalad brist", plan.DeficiencyNoun);
        Assert.All(plan.Deficiencies, d => Assert.True(d.InHouse));
        Assert.Equal("2 påtalade brister från granskningens slutliga rapport.", Assert.Single(plan.Steps).Comment);
    }

    [Fact]
    public void A_unit_whose_ownership_disagrees_with_its_providers_is_refused()
    {
        var inHouse = UnitOf(Ownership.InHouse);
        var findings = new[] { new Finding(inHouse, Q2, Assessment.MinorDeficiency) };
        var (plans, refused) = ActionPlan.FromFinalReview(ReviewOf([inHouse], findings), false, OwnershipOf(inHouse), Developer, At, PlanDays);
        Assert.Empty(plans);
        Assert.Equal(RefusalKind.Invalid, refused?.Kind);
        Assert.Contains("regiform", refused!.Message, StringComparison.Ordinal);

        var owned = UnitOf();
        (plans, refused) = ActionPlan.FromFinalReview(ReviewOf([owned], [new(owned, Q2, Assessment.MinorDeficiency)]), true, OwnershipOf(owned), Developer, At, PlanDays);
        Assert.Empty(plans);
        Assert.Equal(RefusalKind.Invalid, refused?.Kind);

        var missing = UnitOf();
        (plans, refused) = ActionPlan.FromFinalReview(ReviewOf([missing], [new(missing, Q2, Assessment.MinorDeficiency)]), false, OwnershipOf(), Developer, At, PlanDays);
        Assert.Empty(plans);
        Assert.Equal(RefusalKind.Invalid, refused?.Kind);
    }

    [Fact]
    public void One_unit_of_the_wrong_ownership_refuses_the_whole_review()
    {
        var (owned, inHouse) = (UnitOf(), UnitOf(Ownership.InHouse));
        var review = ReviewOf([owned, inHouse], [new(owned, Q1, Assessment.MinorDeficiency), new(inHouse, Q1, Assessment.MinorDeficiency)]);
        var (plans, refused) = ActionPlan.FromFinalReview(review, false, OwnershipOf(owned, inHouse), Developer, At, PlanDays);
        Assert.Empty(plans);
        Assert.Equal(RefusalKind.Invalid, refused?.Kind);
    }

    [Fact]
    public void The_plans_creation_is_recorded_on_its_timeline()
    {
        var plan = NewPlan();
        var step = Assert.Single(plan.Steps);
        Assert.Equal(ActionPlanStepKind.Created, step.Kind);
        Assert.Equal(plan.Id, step.ActionPlanId);
        Assert.Equal(At, step.OccurredAt);
        Assert.Equal(Developer.UserId, step.ActorId);
        Assert.Equal(Developer.Name, step.ActorName);
        Assert.Equal("2 brister från granskningens slutliga rapport.", step.Comment);

        var unit = UnitOf();
        var one = Assert.Single(PlansOf(ReviewOf([unit], [new(unit, Q2, Assessment.MinorDeficiency)]), false, unit));
        Assert.Equal("En brist från granskningens slutliga rapport.", Assert.Single(one.Steps).Comment);
    }

    // ---------------------------------------------------------------- from a complaint or an incident

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public void Only_those_who_follow_up_register_a_deficiency_from_a_matter(string role)
    {
        var (plan, refused) = ActionPlan.FromMatter(Matter(), Entered(), As(role, provider: ProviderId), At, Today, PlanDays);
        Assert.Null(plan);
        Assert.Equal(RefusalKind.NotAllowed, refused?.Kind);
    }

    [Theory]
    [MemberData(nameof(FollowUpRoles))]
    public void Each_follow_up_role_registers_a_deficiency_from_a_serious_matter(string role)
    {
        var actor = As(role);
        var matter = Matter(DeficiencyOrigin.Incident);
        var (plan, refused) = ActionPlan.FromMatter(matter, Entered(area: " Bemötande ", months: null), actor, At, Today, PlanDays);
        Assert.Null(refused);
        Assert.Equal(DeficiencyOrigin.Incident, plan!.Origin);
        Assert.Equal(matter.Id, plan.OriginId);
        Assert.Equal(matter.Title, plan.Title);
        Assert.Equal(ProviderId, plan.ProviderId);
        Assert.Equal(matter.UnitId, plan.UnitId);
        Assert.Null(plan.CaseNumber);
        Assert.Null(plan.ChoiceSystemId);
        Assert.Equal(Today, plan.CreatedOn);
        Assert.Equal(Today.AddDays(PlanDays), plan.PlanDueOn);
        Assert.Equal(ActionPlanState.AwaitingPlan, plan.State);
        var deficiency = Assert.Single(plan.Deficiencies);
        Assert.Equal(1, deficiency.Number);
        Assert.Equal("Bemötande", deficiency.Area);
        Assert.Equal(Today.AddMonths(Review.DefaultFixMonths), deficiency.DeadlineOn);
        Assert.Equal(Today, deficiency.IdentifiedOn);
        Assert.Null(deficiency.FindingId);
        Assert.Null(deficiency.QuestionCode);
        Assert.Equal([ConditionVersionId], deficiency.ConditionVersionIds);
        var step = Assert.Single(plan.Steps);
        Assert.Equal(ActionPlanStepKind.Created, step.Kind);
        Assert.Equal(actor.Name, step.ActorName);
    }

    [Fact]
    public void A_deficiency_from_an_in_house_matter_is_pointed_out()
    {
        var (plan, refused) = ActionPlan.FromMatter(Matter(unitInHouse: true, providerInHouse: true), Entered(Assessment.MinorDeficiency, months: 1), Developer, At, Today, PlanDays);
        Assert.Null(refused);
        Assert.True(plan!.InHouse);
        Assert.Equal("påtalad brist", plan.DeficiencyNoun);
        Assert.True(Assert.Single(plan.Deficiencies).InHouse);
        Assert.Equal(Today.AddMonths(1), plan.Deficiencies[0].DeadlineOn);
    }

    [Fact]
    public void A_review_is_no_matter_to_register_a_deficiency_from()
    {
        var (plan, refused) = ActionPlan.FromMatter(Matter(DeficiencyOrigin.Review), Entered(), Developer, At, Today, PlanDays);
        Assert.Null(plan);
        Assert.Equal(RefusalKind.Invalid, refused?.Kind);
        Assert.Null(refused!.Field);
    }

    [Fact]
    public void Only_a_serious_complaint_or_incident_leads_to_a_deficiency()
    {
        var complaint = ActionPlan.FromMatter(Matter(serious: false), Entered(), Developer, At, Today, PlanDays);
        Assert.Null(complaint.Plan);
        Assert.Equal(RefusalKind.Invalid, complaint.Refusal?.Kind);
        Assert.Contains("Klagomålet", complaint.Refusal!.Message, StringComparison.Ordinal);

        var incident = ActionPlan.FromMatter(Matter(DeficiencyOrigin.Incident, serious: false), Entered(), Developer, At, Today, PlanDays);
        Assert.Null(incident.Plan);
        Assert.Contains("Händelsen", incident.Refusal?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void A_matter_whose_unit_and_provider_differ_in_ownership_is_refused(bool unitInHouse, bool providerInHouse)
    {
        var (plan, refused) = ActionPlan.FromMatter(Matter(unitInHouse: unitInHouse, providerInHouse: providerInHouse), Entered(), Developer, At, Today, PlanDays);
        Assert.Null(plan);
        Assert.Equal(RefusalKind.Invalid, refused?.Kind);
        Assert.Contains("regiform", refused!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Assessment.Satisfactory)]
    [InlineData(Assessment.SatisfactoryCanImprove)]
    [InlineData((Assessment)9)]
    public void A_matters_deficiency_is_minor_or_serious(Assessment? severity)
    {
        var (plan, refused) = ActionPlan.FromMatter(Matter(), Entered(severity), Developer, At, Today, PlanDays);
        Assert.Null(plan);
        Assert.Equal("Severity", refused?.Field);
    }

    [Fact]
    public void A_matters_deficiency_needs_its_area_description_and_required_action()
    {
        Assert.Equal("Area", ActionPlan.FromMatter(Matter(), Entered(area: null), Developer, At, Today, PlanDays).Refusal?.Field);
        Assert.Equal("Area", ActionPlan.FromMatter(Matter(), Entered(area: new string('a', ActionPlan.NameMax + 1)), Developer, At, Today, PlanDays).Refusal?.Field);
        Assert.Equal("Description", ActionPlan.FromMatter(Matter(), Entered(description: "  "), Developer, At, Today, PlanDays).Refusal?.Field);
        Assert.Equal("Description", ActionPlan.FromMatter(Matter(), Entered(description: new string('a', ActionPlan.TextMax + 1)), Developer, At, Today, PlanDays).Refusal?.Field);
        Assert.Equal("RequiredAction", ActionPlan.FromMatter(Matter(), Entered(requiredAction: ""), Developer, At, Today, PlanDays).Refusal?.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-3)]
    public void A_matters_deficiency_is_fixed_within_one_to_six_months(int months)
    {
        var (plan, refused) = ActionPlan.FromMatter(Matter(), Entered(months: months), Developer, At, Today, PlanDays);
        Assert.Null(plan);
        Assert.Equal("FixWithinMonths", refused?.Field);
        Assert.Equal(Today.AddMonths(6), ActionPlan.FromMatter(Matter(), Entered(months: 6), Developer, At, Today, PlanDays).Plan?.Deficiencies[0].DeadlineOn);
    }

    [Fact]
    public void A_personal_identity_number_in_the_description_is_refused()
    {
        var (plan, refused) = ActionPlan.FromMatter(Matter(), Entered(description: "Brukaren 19121212-1212 fick inget besök."), Developer, At, Today, PlanDays);
        Assert.Null(plan);
        Assert.Equal("Description", refused?.Field);
        Assert.Contains("personnummer", refused!.Message, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- the provider's actions

    [Fact]
    public void Only_the_plans_own_provider_plans_actions()
    {
        var plan = NewPlan();
        foreach (var actor in new[] { OtherProvider, Developer, Manager, As(Roles.ProviderUser) })
        {
            var (action, refused) = plan.AddAction(actor, Minor(plan).Id, "Åtgärd.", "Ansvarig (fiktiv)", Today.AddDays(10), Today);
            Assert.Null(action);
            Assert.Equal(RefusalKind.NotAllowed, refused?.Kind);
        }
        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void Actions_are_planned_only_while_the_plan_is_the_providers()
    {
        var plan = Submitted();
        var (action, refused) = plan.AddAction(Provider, Minor(plan).Id, "Åtgärd.", "Ansvarig (fiktiv)", Today.AddDays(10), Today);
        Assert.Null(action);
        Assert.Equal(RefusalKind.WrongState, refused?.Kind);
        Assert.Equal(RefusalKind.WrongState, plan.RemoveAction(Provider, plan.Actions[0].Id)?.Kind);

        Assert.Null(plan.Approve(Developer, Now, null));
        Assert.Equal(RefusalKind.WrongState, plan.AddAction(Provider, Minor(plan).Id, "Åtgärd.", "Ansvarig (fiktiv)", Today.AddDays(10), Today).Refusal?.Kind);
        Assert.Equal(2, plan.Actions.Count);
    }

    [Fact]
    public void An_action_is_planned_against_an_open_deficiency_of_the_plan()
    {
        var plan = NewPlan();
        Assert.Equal("DeficiencyId", plan.AddAction(Provider, Guid.CreateVersion7(), "Åtgärd.", "Ansvarig (fiktiv)", Today.AddDays(10), Today).Refusal?.Field);
        var other = NewPlan();
        Assert.Equal("DeficiencyId", plan.AddAction(Provider, Minor(other).Id, "Åtgärd.", "Ansvarig (fiktiv)", Today.AddDays(10), Today).Refusal?.Field);
        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void A_fixed_deficiency_takes_no_new_action()
    {
        var plan = ReportedDone();
        Assert.Null(plan.Verify(Developer, Minor(plan).Id, Checked(), null, Now, VerifyDay, PlanDays));
        Assert.Null(plan.Verify(Developer, Serious(plan).Id, Checked(VerificationMethod.Visit, false, newDeadline: VerifyDay.AddMonths(2)), VisitAt(plan), Now, VerifyDay, PlanDays));
        Assert.Equal(ActionPlanState.Returned, plan.State);

        var (action, refused) = plan.AddAction(Provider, Minor(plan).Id, "Åtgärd.", "Ansvarig (fiktiv)", VerifyDay.AddDays(10), VerifyDay);
        Assert.Null(action);
        Assert.Equal("DeficiencyId", refused?.Field);
    }

    [Fact]
    public void An_action_needs_what_and_a_named_person_responsible()
    {
        var plan = NewPlan();
        var id = Minor(plan).Id;
        Assert.Equal("Description", plan.AddAction(Provider, id, null, "Ansvarig (fiktiv)", Today.AddDays(10), Today).Refusal?.Field);
        Assert.Equal("Description", plan.AddAction(Provider, id, " ", "Ansvarig (fiktiv)", Today.AddDays(10), Today).Refusal?.Field);
        Assert.Equal("Description", plan.AddAction(Provider, id, new string('a', ActionPlan.TextMax + 1), "Ansvarig (fiktiv)", Today.AddDays(10), Today).Refusal?.Field);
        Assert.Equal("ResponsibleName", plan.AddAction(Provider, id, "Åtgärd.", null, Today.AddDays(10), Today).Refusal?.Field);
        Assert.Equal("ResponsibleName", plan.AddAction(Provider, id, "Åtgärd.", "", Today.AddDays(10), Today).Refusal?.Field);
        Assert.Equal("ResponsibleName", plan.AddAction(Provider, id, "Åtgärd.", new string('a', ActionPlan.NameMax + 1), Today.AddDays(10), Today).Refusal?.Field);
        Assert.Equal("Description", plan.AddAction(Provider, id, "Gäller 19121212-1212.", "Ansvarig (fiktiv)", Today.AddDays(10), Today).Refusal?.Field);
        Assert.Empty(plan.Actions);
    }

    [Fact]
    public void An_action_is_due_from_today_to_the_deficiencys_deadline()
    {
        var plan = NewPlan();
        var serious = Serious(plan);
        Assert.Equal(new DateOnly(2026, 5, 17), serious.DeadlineOn);
        Assert.Equal("DueOn", plan.AddAction(Provider, serious.Id, "Åtgärd.", "Ansvarig (fiktiv)", null, Today).Refusal?.Field);
        Assert.Equal("DueOn", plan.AddAction(Provider, serious.Id, "Åtgärd.", "Ansvarig (fiktiv)", Today.AddDays(-1), Today).Refusal?.Field);
        var late = plan.AddAction(Provider, serious.Id, "Åtgärd.", "Ansvarig (fiktiv)", serious.DeadlineOn.AddDays(1), Today).Refusal;
        Assert.Equal("DueOn", late?.Field);
        Assert.Contains(SwedishWording.Date(serious.DeadlineOn), late!.Message, StringComparison.Ordinal);
        Assert.Empty(plan.Actions);

        var first = AddAction(plan, serious, Today);
        var last = AddAction(plan, serious, serious.DeadlineOn);
        Assert.Equal([Today, serious.DeadlineOn], plan.Actions.Select(a => a.DueOn));
        Assert.All(plan.Actions, a => Assert.Equal(serious.Id, a.DeficiencyId));
        Assert.Equal(plan.Id, first.ActionPlanId);
        Assert.False(last.IsDone);
    }

    [Fact]
    public void An_actions_text_is_stored_trimmed()
    {
        var plan = NewPlan();
        var (action, refused) = plan.AddAction(Provider, Minor(plan).Id, "  Utbilda personalen.  ", " Enhetschef (fiktiv) ", Today.AddDays(10), Today);
        Assert.Null(refused);
        Assert.Equal("Utbilda personalen.", action!.Description);
        Assert.Equal("Enhetschef (fiktiv)", action.ResponsibleName);
    }

    [Fact]
    public void The_provider_removes_an_action_it_has_not_reported_done()
    {
        var plan = NewPlan();
        var action = AddAction(plan, Minor(plan));
        Assert.Equal(RefusalKind.NotAllowed, plan.RemoveAction(OtherProvider, action.Id)?.Kind);
        Assert.Equal("ActionId", plan.RemoveAction(Provider, Guid.CreateVersion7())?.Field);
        Assert.Null(plan.RemoveAction(Provider, action.Id));
        Assert.Empty(plan.Actions);
    }

    // ---------------------------------------------------------------- submitting

    [Fact]
    public void An_incomplete_action_plan_is_refused()
    {
        var plan = NewPlan();
        var refused = plan.Submit(Provider, Now, null);
        Assert.Equal(RefusalKind.Invalid, refused?.Kind);
        Assert.EndsWith("Saknar åtgärd: brister 1, 2.", refused!.Message, StringComparison.Ordinal);

        AddAction(plan, Minor(plan));
        refused = plan.Submit(Provider, Now, null);
        Assert.EndsWith("Saknar åtgärd: brist 2.", refused?.Message, StringComparison.Ordinal);
        Assert.Equal(ActionPlanState.AwaitingPlan, plan.State);
        Assert.Null(plan.SubmittedAt);
        Assert.DoesNotContain(plan.Steps, s => s.Kind == ActionPlanStepKind.Submitted);

        AddAction(plan, Serious(plan));
        Assert.Null(plan.Submit(Provider, Now, " Planen är klar. "));
        Assert.Equal(ActionPlanState.Submitted, plan.State);
        Assert.Equal(Now, plan.SubmittedAt);
        var step = plan.Steps[^1];
        Assert.Equal(ActionPlanStepKind.Submitted, step.Kind);
        Assert.Equal("Planen är klar.", step.Comment);
        Assert.Equal(Provider.Name, step.ActorName);
    }

    [Fact]
    public void Submit_is_refused_exactly_while_an_open_deficiency_lacks_an_action()
    {
        Gen.Int[0, 2].Array[0, 4].Sample(picks =>
        {
            var plan = NewPlan();
            var covered = new List<int>();
            foreach (var pick in picks.Where(p => p > 0))
            {
                AddAction(plan, plan.Deficiencies[pick - 1]);
                covered.Add(pick);
            }
            var missing = plan.Deficiencies.Select(d => d.Number).Except(covered).ToList();
            var refused = plan.Submit(Provider, Now, null);
            Assert.Equal(missing.Count > 0, refused is not null);
            if (refused is not null)
            {
                var noun = missing.Count == 1 ? "brist" : "brister";
                Assert.EndsWith($"Saknar åtgärd: {noun} {string.Join(", ", missing)}.", refused.Message, StringComparison.Ordinal);
                Assert.Equal(ActionPlanState.AwaitingPlan, plan.State);
            }
            else
            {
                Assert.Equal(ActionPlanState.Submitted, plan.State);
            }
        });
    }

    [Fact]
    public void Only_the_provider_submits_and_only_once()
    {
        var plan = NewPlan();
        AddAction(plan, Minor(plan));
        AddAction(plan, Serious(plan));
        Assert.Equal(RefusalKind.NotAllowed, plan.Submit(Developer, Now, null)?.Kind);
        Assert.Equal(RefusalKind.NotAllowed, plan.Submit(OtherProvider, Now, null)?.Kind);
        Assert.Equal("Comment", plan.Submit(Provider, Now, "Gäller 19121212-1212.")?.Field);
        Assert.Equal(ActionPlanState.AwaitingPlan, plan.State);
        Assert.Null(plan.Submit(Provider, Now, null));
        Assert.Equal(RefusalKind.WrongState, plan.Submit(Provider, Now, null)?.Kind);
    }

    // ---------------------------------------------------------------- approving and returning

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public void Only_those_who_follow_up_approve_or_return_a_plan(string role)
    {
        var plan = Submitted();
        var actor = As(role, provider: ProviderId);
        Assert.Equal(RefusalKind.NotAllowed, plan.Approve(actor, Now, null)?.Kind);
        Assert.Equal(RefusalKind.NotAllowed, plan.Return(actor, "Komplettera.", Now, Today, PlanDays)?.Kind);
        Assert.Equal(ActionPlanState.Submitted, plan.State);
    }

    [Theory]
    [MemberData(nameof(FollowUpRoles))]
    public void Each_follow_up_role_approves_a_submitted_plan(string role)
    {
        var plan = Submitted();
        var actor = As(role);
        Assert.Null(plan.Approve(actor, Now, "Planen godkänns."));
        Assert.Equal(ActionPlanState.Approved, plan.State);
        Assert.Equal(Now, plan.ApprovedAt);
        Assert.Equal(actor.Name, plan.ApprovedByName);
        Assert.Equal(ActionPlanStepKind.Approved, plan.Steps[^1].Kind);
        Assert.Equal("Planen godkänns.", plan.Steps[^1].Comment);
    }

    [Fact]
    public void Only_a_submitted_plan_is_approved_or_returned()
    {
        var plan = NewPlan();
        Assert.Equal(RefusalKind.WrongState, plan.Approve(Developer, Now, null)?.Kind);
        Assert.Equal(RefusalKind.WrongState, plan.Return(Developer, "Komplettera.", Now, Today, PlanDays)?.Kind);
        Assert.Equal(ActionPlanState.AwaitingPlan, plan.State);

        var approved = Approved();
        Assert.Equal(RefusalKind.WrongState, approved.Approve(Developer, Now, null)?.Kind);
        Assert.Equal(RefusalKind.WrongState, approved.Return(Developer, "Komplettera.", Now, Today, PlanDays)?.Kind);
        Assert.Equal(ActionPlanState.Approved, approved.State);
    }

    [Fact]
    public void A_plan_is_returned_with_a_reason_and_a_new_due_date_and_the_provider_completes_it()
    {
        var plan = Submitted();
        Assert.Equal("Reason", plan.Return(Developer, null, Now, Today, PlanDays)?.Field);
        Assert.Equal("Reason", plan.Return(Developer, "   ", Now, Today, PlanDays)?.Field);
        Assert.Equal("Reason", plan.Return(Developer, "Gäller 19121212-1212.", Now, Today, PlanDays)?.Field);
        Assert.Equal(ActionPlanState.Submitted, plan.State);

        var returnedOn = new DateOnly(2026, 3, 25);
        Assert.Null(plan.Return(Manager, " Åtgärden mot brist 2 saknar tidplan. ", Now, returnedOn, 14));
        Assert.Equal(ActionPlanState.Returned, plan.State);
        Assert.Equal("Åtgärden mot brist 2 saknar tidplan.", plan.ReturnReason);
        Assert.Equal(returnedOn.AddDays(14), plan.PlanDueOn);
        Assert.True(plan.OpenToProvider);
        Assert.Equal(ActionPlanStepKind.Returned, plan.Steps[^1].Kind);
        Assert.Equal("Åtgärden mot brist 2 saknar tidplan.", plan.Steps[^1].Comment);

        Assert.Null(plan.RemoveAction(Provider, plan.Actions.Single(a => a.DeficiencyId == Serious(plan).Id).Id));
        Assert.EndsWith("Saknar åtgärd: brist 2.", plan.Submit(Provider, Now, null)?.Message, StringComparison.Ordinal);
        AddAction(plan, Serious(plan), new DateOnly(2026, 5, 1), returnedOn);
        Assert.Null(plan.Submit(Provider, Now, null));
        Assert.Equal(ActionPlanState.Submitted, plan.State);
        Assert.Null(plan.Approve(Developer, Now, null));
        Assert.Null(plan.ReturnReason);
    }

    // ---------------------------------------------------------------- reporting actions done

    [Fact]
    public void Only_the_plans_provider_reports_an_action_done()
    {
        var plan = Approved();
        var action = plan.Actions[0];
        Assert.Equal(RefusalKind.NotAllowed, plan.ReportDone(Developer, action.Id, "Klart.", [Guid.CreateVersion7()], Now, Today)?.Kind);
        Assert.Equal(RefusalKind.NotAllowed, plan.ReportDone(OtherProvider, action.Id, "Klart.", [Guid.CreateVersion7()], Now, Today)?.Kind);
        Assert.False(action.IsDone);
    }

    [Fact]
    public void Actions_are_reported_done_only_in_an_approved_plan()
    {
        var plan = Submitted();
        Assert.Equal(RefusalKind.WrongState, plan.ReportDone(Provider, plan.Actions[0].Id, "Klart.", [Guid.CreateVersion7()], Now, Today)?.Kind);
        Assert.False(plan.Actions[0].IsDone);
    }

    [Fact]
    public void A_done_action_needs_a_report_and_evidence()
    {
        var plan = Approved();
        var action = plan.Actions[0];
        Assert.Equal("ActionId", plan.ReportDone(Provider, Guid.CreateVersion7(), "Klart.", [Guid.CreateVersion7()], Now, Today)?.Field);
        Assert.Equal("Report", plan.ReportDone(Provider, action.Id, " ", [Guid.CreateVersion7()], Now, Today)?.Field);
        Assert.Equal("Report", plan.ReportDone(Provider, action.Id, "Gäller 19121212-1212.", [Guid.CreateVersion7()], Now, Today)?.Field);
        Assert.Equal("Evidence", plan.ReportDone(Provider, action.Id, "Klart.", [], Now, Today)?.Field);
        Assert.False(action.IsDone);
        Assert.Empty(action.EvidenceFileIds);
        Assert.DoesNotContain(plan.Steps, s => s.Kind == ActionPlanStepKind.ActionDone);
    }

    [Fact]
    public void An_action_is_reported_done_once()
    {
        var plan = Approved();
        var action = plan.Actions[0];
        var file = Guid.CreateVersion7();
        Assert.Null(plan.ReportDone(Provider, action.Id, " Planerna är upprättade. ", [file, file], Now, DoneDay));
        Assert.True(action.IsDone);
        Assert.Equal(DoneDay, action.DoneOn);
        Assert.Equal("Planerna är upprättade.", action.DoneReport);
        Assert.Equal(Provider.Name, action.DoneByName);
        Assert.Equal([file], action.EvidenceFileIds);
        var step = plan.Steps[^1];
        Assert.Equal(ActionPlanStepKind.ActionDone, step.Kind);
        Assert.Equal(action.DeficiencyId, step.DeficiencyId);

        Assert.Equal(RefusalKind.WrongState, plan.ReportDone(Provider, action.Id, "Igen.", [Guid.CreateVersion7()], Now, DoneDay)?.Kind);
        Assert.Equal(DoneDay, action.DoneOn);
        Assert.Equal("Planerna är upprättade.", action.DoneReport);
    }

    [Fact]
    public void Reporting_every_action_done_does_not_close_the_plan()
    {
        var plan = ReportedDone();
        Assert.All(plan.Actions, a => Assert.True(a.IsDone));
        Assert.Equal(ActionPlanState.Approved, plan.State);
        Assert.All(plan.Deficiencies, d => Assert.Equal(DeficiencyState.Open, d.State));
        Assert.Null(plan.ClosedOn);
    }

    // ---------------------------------------------------------------- verification

    [Fact]
    public void Closure_needs_verification_never_the_providers_word()
    {
        var plan = ReportedDone();
        foreach (var actor in new[] { Provider, CaseWorker, As(Roles.CommitteeMember) })
        {
            Assert.Equal(RefusalKind.NotAllowed, plan.Verify(actor, Minor(plan).Id, Checked(), null, Now, VerifyDay, PlanDays)?.Kind);
        }
        Assert.All(plan.Deficiencies, d => Assert.Equal(DeficiencyState.Open, d.State));
        Assert.All(plan.Deficiencies, d => Assert.Empty(d.Verifications));
        Assert.Equal(ActionPlanState.Approved, plan.State);
    }

    [Theory]
    [MemberData(nameof(FollowUpRoles))]
    public void Each_follow_up_role_verifies_a_deficiency(string role)
    {
        var plan = ReportedDone();
        var actor = As(role);
        Assert.Null(plan.Verify(actor, Minor(plan).Id, Checked(VerificationMethod.PhoneCall), null, Now, VerifyDay, PlanDays));
        var verification = Assert.Single(Minor(plan).Verifications);
        Assert.Equal(actor.Name, verification.VerifiedByName);
        Assert.Equal(actor.UserId, verification.VerifiedById);
        Assert.Equal(VerificationMethod.PhoneCall, verification.Method);
    }

    [Fact]
    public void A_deficiency_is_verified_only_in_an_approved_plan()
    {
        var plan = Submitted();
        Assert.Equal(RefusalKind.WrongState, plan.Verify(Developer, Minor(plan).Id, Checked(), null, Now, VerifyDay, PlanDays)?.Kind);
        Assert.Empty(Minor(plan).Verifications);
        var fresh = NewPlan();
        Assert.Equal(RefusalKind.WrongState, fresh.Verify(Developer, Minor(fresh).Id, Checked(), null, Now, VerifyDay, PlanDays)?.Kind);
    }

    [Fact]
    public void A_deficiency_is_fixed_only_when_every_action_against_it_is_done()
    {
        var plan = Approved();
        var refused = plan.Verify(Developer, Minor(plan).Id, Checked(), null, Now, VerifyDay, PlanDays);
        Assert.Equal(RefusalKind.WrongState, refused?.Kind);
        Assert.Equal(DeficiencyState.Open, Minor(plan).State);

        var action = plan.Actions.Single(a => a.DeficiencyId == Minor(plan).Id);
        Assert.Null(plan.ReportDone(Provider, action.Id, "Klart.", [Guid.CreateVersion7()], Now, DoneDay));
        Assert.Null(plan.Verify(Developer, Minor(plan).Id, Checked(), null, Now, VerifyDay, PlanDays));
        Assert.Equal(DeficiencyState.Fixed, Minor(plan).State);
        Assert.Equal(VerifyDay, Minor(plan).FixedOn);
        Assert.Equal(ActionPlanState.Approved, plan.State);
        Assert.Null(plan.ClosedOn);
    }

    [Fact]
    public void A_verification_needs_its_method_result_what_was_checked_and_a_deficiency_of_the_plan()
    {
        var plan = ReportedDone();
        var id = Minor(plan).Id;
        Assert.Equal("DeficiencyId", plan.Verify(Developer, Guid.CreateVersion7(), Checked(), null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Equal("Method", plan.Verify(Developer, id, Checked() with { Method = null }, null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Equal("Method", plan.Verify(Developer, id, Checked() with { Method = (VerificationMethod)42 }, null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Equal("Fixed", plan.Verify(Developer, id, Checked() with { Fixed = null }, null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Equal("CheckedWhat", plan.Verify(Developer, id, Checked() with { CheckedWhat = " " }, null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Equal("CheckedWhat", plan.Verify(Developer, id, Checked() with { CheckedWhat = "Ringde 19121212-1212." }, null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Empty(Minor(plan).Verifications);
    }

    [Fact]
    public void A_serious_deficiency_is_verified_at_a_visit()
    {
        var plan = ReportedDone();
        foreach (var method in new[] { VerificationMethod.PhoneCall, VerificationMethod.Documents })
        {
            var refused = plan.Verify(Developer, Serious(plan).Id, Checked(method), VisitAt(plan), Now, VerifyDay, PlanDays);
            Assert.Equal("Method", refused?.Field);
            Assert.Equal(RefusalKind.Invalid, refused?.Kind);
        }
        Assert.Equal("Method", plan.Verify(Developer, Serious(plan).Id, Checked(VerificationMethod.Documents, false, newDeadline: VerifyDay.AddMonths(1)), null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Empty(Serious(plan).Verifications);

        var visit = VisitAt(plan);
        Assert.Null(plan.Verify(Developer, Serious(plan).Id, Checked(VerificationMethod.Visit), visit, Now, VerifyDay, PlanDays));
        Assert.Equal(visit.ReviewId, Assert.Single(Serious(plan).Verifications).ReviewId);
    }

    [Fact]
    public void A_verification_visit_is_a_follow_up_review_of_the_provider_covering_the_unit_whose_visit_took_place()
    {
        var plan = ReportedDone();
        var id = Serious(plan).Id;
        var wrong = new (string What, VerificationVisit? Visit)[]
        {
            ("no review", null),
            ("a quality review", VisitAt(plan, ReviewType.QualityReview)),
            ("a called review", VisitAt(plan, ReviewType.CalledReview)),
            ("another provider", VisitAt(plan, provider: Guid.CreateVersion7())),
            ("another unit", VisitAt(plan, unit: Guid.CreateVersion7())),
            ("planned", VisitAt(plan, state: ReviewState.Planned)),
            ("preparing", VisitAt(plan, state: ReviewState.Preparing)),
        };
        foreach (var (what, visit) in wrong)
        {
            var refused = plan.Verify(Developer, id, Checked(VerificationMethod.Visit), visit, Now, VerifyDay, PlanDays);
            Assert.True(refused?.Field == "ReviewId", $"A visit with {what} should be refused on ReviewId, was {refused?.Field ?? "accepted"}.");
        }
        Assert.Empty(Serious(plan).Verifications);

        foreach (var state in new[] { ReviewState.VisitDone, ReviewState.Final, ReviewState.Closed })
        {
            var other = ReportedDone();
            var covering = new VerificationVisit(Guid.CreateVersion7(), ReviewType.FollowUpReview, ProviderId, [Guid.CreateVersion7(), other.UnitId], state);
            Assert.Null(other.Verify(Developer, Serious(other).Id, Checked(VerificationMethod.Visit), covering, Now, VerifyDay, PlanDays));
            Assert.Equal(covering.ReviewId, Assert.Single(Serious(other).Verifications).ReviewId);
        }
    }

    [Fact]
    public void A_minor_deficiency_may_also_be_verified_at_a_visit()
    {
        var plan = ReportedDone();
        var visit = VisitAt(plan);
        Assert.Null(plan.Verify(Developer, Minor(plan).Id, Checked(VerificationMethod.Visit), visit, Now, VerifyDay, PlanDays));
        Assert.Equal(visit.ReviewId, Minor(plan).Verifications[0].ReviewId);
        Assert.Null(plan.Verify(Developer, Serious(plan).Id, Checked(VerificationMethod.Visit), VisitAt(plan), Now, VerifyDay, PlanDays));
        var documents = ReportedDone();
        Assert.Null(documents.Verify(Developer, Minor(documents).Id, Checked(), VisitAt(documents), Now, VerifyDay, PlanDays));
        Assert.Null(Minor(documents).Verifications[0].ReviewId);
    }

    [Fact]
    public void The_verification_day_lies_between_the_plans_first_day_and_today()
    {
        var plan = Approved();
        ReportAllDone(plan, plan.CreatedOn);
        var id = Minor(plan).Id;
        Assert.Equal("VerifiedOn", plan.Verify(Developer, id, Checked() with { VerifiedOn = null }, null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Equal("VerifiedOn", plan.Verify(Developer, id, Checked(on: VerifyDay.AddDays(1)), null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Equal("VerifiedOn", plan.Verify(Developer, id, Checked(on: plan.CreatedOn.AddDays(-1)), null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Empty(Minor(plan).Verifications);

        Assert.Null(plan.Verify(Developer, id, Checked(on: plan.CreatedOn), null, Now, VerifyDay, PlanDays));
        Assert.Equal(plan.CreatedOn, Minor(plan).FixedOn);
        Assert.Null(plan.Verify(Developer, Serious(plan).Id, Checked(VerificationMethod.Visit, on: VerifyDay), VisitAt(plan), Now, VerifyDay, PlanDays));
        Assert.Equal(VerifyDay, Serious(plan).FixedOn);
    }

    [Fact]
    public void The_plan_closes_when_every_deficiency_is_verified_fixed()
    {
        var plan = ReportedDone();
        Assert.Null(plan.Verify(Developer, Minor(plan).Id, Checked(on: new DateOnly(2026, 4, 22)), null, Now, VerifyDay, PlanDays));
        Assert.Equal(ActionPlanState.Approved, plan.State);
        Assert.Equal(RefusalKind.WrongState, plan.Verify(Developer, Minor(plan).Id, Checked(), null, Now, VerifyDay, PlanDays)?.Kind);
        Assert.Single(Minor(plan).Verifications);

        Assert.Null(plan.Verify(Developer, Serious(plan).Id, Checked(VerificationMethod.Visit), VisitAt(plan), Now, VerifyDay, PlanDays));

        Assert.Equal(ActionPlanState.Closed, plan.State);
        Assert.Equal(VerifyDay, plan.ClosedOn);
        Assert.All(plan.Deficiencies, d => Assert.Equal(DeficiencyState.Fixed, d.State));
        Assert.Equal(new DateOnly(2026, 4, 22), Minor(plan).FixedOn);
        var verification = Minor(plan).Verifications[0];
        Assert.True(verification.Fixed);
        Assert.Equal(VerificationMethod.Documents, verification.Method);
        Assert.Equal("Genomförandeplanerna granskades.", verification.CheckedWhat);
        Assert.Null(verification.NewDeadlineOn);
        Assert.Equal(
            [ActionPlanStepKind.Verified, ActionPlanStepKind.Verified, ActionPlanStepKind.Closed],
            plan.Steps.Skip(plan.Steps.Count - 3).Select(s => s.Kind));
        Assert.Equal(Minor(plan).Id, plan.Steps[^3].DeficiencyId);
        Assert.StartsWith("Brist 1: ", plan.Steps[^3].Comment, StringComparison.Ordinal);
        Assert.Equal(RefusalKind.WrongState, plan.Verify(Developer, Serious(plan).Id, Checked(VerificationMethod.Visit), VisitAt(plan), Now, VerifyDay, PlanDays)?.Kind);
    }

    [Fact]
    public void A_persisting_deficiency_needs_a_new_deadline_within_six_months_of_the_follow_up()
    {
        var plan = ReportedDone();
        var id = Minor(plan).Id;
        var on = new DateOnly(2026, 4, 24);
        Assert.Equal("NewDeadlineOn", plan.Verify(Developer, id, Checked(isFixed: false, on: on), null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Equal("NewDeadlineOn", plan.Verify(Developer, id, Checked(isFixed: false, on: on, newDeadline: on), null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Equal("NewDeadlineOn", plan.Verify(Developer, id, Checked(isFixed: false, on: on, newDeadline: on.AddMonths(6).AddDays(1)), null, Now, VerifyDay, PlanDays)?.Field);
        Assert.Empty(Minor(plan).Verifications);
        Assert.Equal(ActionPlanState.Approved, plan.State);

        Assert.Null(plan.Verify(Developer, id, Checked(isFixed: false, on: on, newDeadline: on.AddMonths(6)), null, Now, VerifyDay, PlanDays));
        Assert.Equal(on.AddMonths(6), Minor(plan).DeadlineOn);
    }

    [Fact]
    public void A_persisting_deficiency_goes_back_to_the_provider_for_new_actions()
    {
        var plan = ReportedDone();
        var serious = Serious(plan);
        var newDeadline = new DateOnly(2026, 6, 30);
        Assert.Null(plan.Verify(Developer, Minor(plan).Id, Checked(), null, Now, VerifyDay, PlanDays));
        Assert.Null(plan.Verify(Manager, serious.Id, Checked(VerificationMethod.Visit, false, newDeadline: newDeadline), VisitAt(plan), Now, VerifyDay, PlanDays));

        Assert.Equal(1, serious.PersistCount);
        Assert.Equal(newDeadline, serious.DeadlineOn);
        Assert.Equal(DeficiencyState.Open, serious.State);
        Assert.Null(serious.FixedOn);
        var verification = Assert.Single(serious.Verifications);
        Assert.False(verification.Fixed);
        Assert.Equal(newDeadline, verification.NewDeadlineOn);
        Assert.Equal(ActionPlanState.Returned, plan.State);
        Assert.Equal(VerifyDay.AddDays(PlanDays), plan.PlanDueOn);
        Assert.StartsWith("Brist 2 kvarstår vid uppföljningen", plan.ReturnReason, StringComparison.Ordinal);
        Assert.Contains(SwedishWording.Date(newDeadline), plan.ReturnReason, StringComparison.Ordinal);
        Assert.Equal(ActionPlanStepKind.Persisting, plan.Steps[^1].Kind);
        Assert.Equal(serious.Id, plan.Steps[^1].DeficiencyId);
        Assert.Null(plan.ClosedOn);

        // The old action is done: the provider must plan a new one before the plan can go in again.
        Assert.EndsWith("Saknar åtgärd: brist 2.", plan.Submit(Provider, Now, null)?.Message, StringComparison.Ordinal);
        var done = plan.Actions.Single(a => a.DeficiencyId == serious.Id);
        Assert.Equal(RefusalKind.WrongState, plan.RemoveAction(Provider, done.Id)?.Kind);
        Assert.Equal("DueOn", plan.AddAction(Provider, serious.Id, "Ny åtgärd.", "Ansvarig (fiktiv)", newDeadline.AddDays(1), VerifyDay).Refusal?.Field);
        var again = AddAction(plan, serious, newDeadline, VerifyDay);
        Assert.Null(plan.Submit(Provider, Now, null));
        Assert.Null(plan.Approve(Developer, Now, null));
        Assert.Null(plan.ReportDone(Provider, again.Id, "Ny rutin införd.", [Guid.CreateVersion7()], Now, new DateOnly(2026, 6, 1)));

        var later = new DateOnly(2026, 6, 10);
        Assert.Null(plan.Verify(Developer, serious.Id, Checked(VerificationMethod.Visit, on: later), VisitAt(plan), Now, later, PlanDays));
        Assert.Equal(ActionPlanState.Closed, plan.State);
        Assert.Equal(later, plan.ClosedOn);
        Assert.Equal(1, serious.PersistCount);
    }

    [Fact]
    public void Each_follow_up_that_finds_the_deficiency_still_there_counts()
    {
        var plan = ReportedDone();
        var minor = Minor(plan);
        Assert.Null(plan.Verify(Developer, Serious(plan).Id, Checked(VerificationMethod.Visit), VisitAt(plan), Now, VerifyDay, PlanDays));
        Assert.Null(plan.Verify(Developer, minor.Id, Checked(isFixed: false, newDeadline: new DateOnly(2026, 5, 31)), null, Now, VerifyDay, PlanDays));
        AddAction(plan, minor, new DateOnly(2026, 5, 20), VerifyDay);
        Assert.Null(plan.Submit(Provider, Now, null));
        Assert.Null(plan.Approve(Developer, Now, null));
        var second = new DateOnly(2026, 5, 25);
        Assert.Null(plan.Verify(Developer, minor.Id, Checked(isFixed: false, on: second, newDeadline: new DateOnly(2026, 7, 31)), null, Now, second, PlanDays));
        Assert.Equal(2, minor.PersistCount);
        Assert.Equal(new DateOnly(2026, 7, 31), minor.DeadlineOn);
        Assert.Equal(2, minor.Verifications.Count);
        Assert.StartsWith("Brist 1 kvarstår", plan.ReturnReason, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- reminders

    [Fact]
    public void The_plan_is_reminded_of_once_before_its_due_date_and_once_after()
    {
        var plan = NewPlan();
        var due = plan.PlanDueOn;
        Assert.Empty(plan.DueReminders(due.AddDays(-4), 3));
        var soon = Assert.Single(plan.DueReminders(due.AddDays(-3), 3));
        Assert.Equal(new DueReminder(ReminderKind.PlanDueSoon, due, null), soon);
        Assert.Equal(soon, Assert.Single(plan.DueReminders(due, 3)));

        plan.RecordReminder(soon, Now);
        Assert.Equal(Now, plan.PlanReminderSentAt);
        Assert.Equal(ActionPlanStepKind.ReminderSent, plan.Steps[^1].Kind);
        Assert.Empty(plan.DueReminders(due.AddDays(-1), 3));
        Assert.Empty(plan.DueReminders(due, 3));

        var overdue = Assert.Single(plan.DueReminders(due.AddDays(1), 3));
        Assert.Equal(new DueReminder(ReminderKind.PlanOverdue, due, null), overdue);
        plan.RecordReminder(overdue, Now);
        Assert.Empty(plan.DueReminders(due.AddDays(1), 3));
        Assert.Empty(plan.DueReminders(due.AddDays(40), 3));
    }

    [Fact]
    public void An_overdue_plan_whose_soon_reminder_was_missed_gets_only_the_overdue_notice()
    {
        var plan = NewPlan();
        Assert.Equal([ReminderKind.PlanOverdue], plan.DueReminders(plan.PlanDueOn.AddDays(5), 3).Select(r => r.Kind));
    }

    [Fact]
    public void A_submitted_plan_is_not_reminded_of_but_a_returned_one_is_again()
    {
        var plan = NewPlan();
        plan.RecordReminder(Assert.Single(plan.DueReminders(plan.PlanDueOn, 3)), Now);
        AddAction(plan, Minor(plan));
        AddAction(plan, Serious(plan));
        Assert.Null(plan.Submit(Provider, Now, null));
        Assert.Empty(plan.DueReminders(plan.PlanDueOn.AddDays(10), 3));

        var returnedOn = plan.PlanDueOn.AddDays(2);
        Assert.Null(plan.Return(Developer, "Komplettera tidplanen.", Now, returnedOn, 10));
        Assert.Null(plan.PlanReminderSentAt);
        Assert.Null(plan.PlanOverdueNoticeSentAt);
        Assert.Empty(plan.DueReminders(returnedOn, 3));
        Assert.Equal(ReminderKind.PlanDueSoon, Assert.Single(plan.DueReminders(returnedOn.AddDays(7), 3)).Kind);
        Assert.Equal(ReminderKind.PlanOverdue, Assert.Single(plan.DueReminders(returnedOn.AddDays(11), 3)).Kind);
    }

    [Fact]
    public void An_action_is_reminded_of_only_in_an_approved_plan_and_until_it_is_done()
    {
        var plan = NewPlan();
        var early = AddAction(plan, Minor(plan), new DateOnly(2026, 4, 10));
        var late = AddAction(plan, Serious(plan), new DateOnly(2026, 5, 10));
        Assert.DoesNotContain(plan.DueReminders(new DateOnly(2026, 4, 10), 5), r => r.ActionId is not null);
        Assert.Null(plan.Submit(Provider, Now, null));
        Assert.Empty(plan.DueReminders(new DateOnly(2026, 4, 10), 5));
        Assert.Null(plan.Approve(Developer, Now, null));

        Assert.Empty(plan.DueReminders(new DateOnly(2026, 4, 4), 5));
        var soon = Assert.Single(plan.DueReminders(new DateOnly(2026, 4, 5), 5));
        Assert.Equal(new DueReminder(ReminderKind.ActionDueSoon, early.DueOn, early.Id), soon);
        plan.RecordReminder(soon, Now);
        Assert.Equal(Now, early.ReminderSentAt);
        Assert.Equal(early.Description, plan.Steps[^1].Comment);
        Assert.Empty(plan.DueReminders(new DateOnly(2026, 4, 10), 5));

        var overdue = Assert.Single(plan.DueReminders(new DateOnly(2026, 4, 11), 5));
        Assert.Equal(new DueReminder(ReminderKind.ActionOverdue, early.DueOn, early.Id), overdue);
        plan.RecordReminder(overdue, Now);
        Assert.Equal(Now, early.OverdueNoticeSentAt);
        Assert.Empty(plan.DueReminders(new DateOnly(2026, 4, 11), 5));

        var both = plan.DueReminders(new DateOnly(2026, 5, 8), 5);
        Assert.Equal([new DueReminder(ReminderKind.ActionDueSoon, late.DueOn, late.Id)], both);
        Assert.Null(plan.ReportDone(Provider, late.Id, "Klart.", [Guid.CreateVersion7()], Now, new DateOnly(2026, 5, 8)));
        Assert.Empty(plan.DueReminders(new DateOnly(2026, 5, 8), 5));
        Assert.Empty(plan.DueReminders(new DateOnly(2026, 5, 20), 5));
    }

    [Fact]
    public void A_daily_run_never_sends_the_same_reminder_twice()
    {
        Gen.Select(Gen.Int[0, 5], Gen.Int[1, 60], Gen.Bool).Sample((daysBefore, step, approve) =>
        {
            var plan = NewPlan();
            AddAction(plan, Minor(plan), new DateOnly(2026, 4, 10));
            AddAction(plan, Serious(plan), new DateOnly(2026, 5, 10));
            if (approve)
            {
                Assert.Null(plan.Submit(Provider, Now, null));
                Assert.Null(plan.Approve(Developer, Now, null));
            }
            var sent = new List<DueReminder>();
            for (var day = Today; day <= new DateOnly(2026, 9, 1); day = day.AddDays(step % 7 + 1))
            {
                foreach (var reminder in plan.DueReminders(day, daysBefore))
                {
                    Assert.DoesNotContain(reminder, sent);
                    sent.Add(reminder);
                    plan.RecordReminder(reminder, Now);
                }
            }
            Assert.Equal(sent.Count, sent.Distinct().Count());
            Assert.Equal(sent.Count, plan.Steps.Count(s => s.Kind == ActionPlanStepKind.ReminderSent));
        }, iter: 60);
    }

    [Fact]
    public void No_reminder_is_ever_due_for_a_closed_plan()
    {
        Gen.Select(Gen.Int[-400, 400], Gen.Int[0, 60]).Sample((offset, daysBefore) =>
        {
            var plan = ReportedDone();
            VerifyBothFixed(plan, VerifyDay);
            Assert.Equal(ActionPlanState.Closed, plan.State);
            Assert.Empty(plan.DueReminders(VerifyDay.AddDays(offset), daysBefore));
            Assert.Empty(plan.DueReminders(plan.PlanDueOn.AddDays(offset % 5), daysBefore));
        }, iter: 60);
    }

    [Fact]
    public void A_persisting_deficiency_asks_new_actions_only_for_itself()
    {
        var plan = ReportedDone();
        // Deficiency 2's action is reported done and awaits its verification visit; deficiency 1 persists.
        Assert.Null(plan.Verify(Developer, Minor(plan).Id, Checked(isFixed: false, newDeadline: new DateOnly(2026, 6, 30)), null, Now, VerifyDay, PlanDays));
        AddAction(plan, Minor(plan), new DateOnly(2026, 6, 1), VerifyDay);
        Assert.Null(plan.Submit(Provider, Now, null));
    }

    [Fact]
    public void A_persisting_deficiencys_new_deadline_cannot_lie_before_today()
    {
        var plan = ReportedDone();
        var on = plan.CreatedOn.AddDays(5);
        var today = new DateOnly(2026, 6, 1);
        var refused = plan.Verify(Developer, Minor(plan).Id, Checked(isFixed: false, on: on, newDeadline: on.AddMonths(1)), null, Now, today, PlanDays);
        Assert.Equal("NewDeadlineOn", refused?.Field);
    }

    [Fact]
    public void An_overdue_deficiency_takes_an_action_within_a_month()
    {
        var plan = NewPlan();
        var deficiency = Minor(plan);
        var late = deficiency.DeadlineOn.AddDays(10);
        Assert.Equal("DueOn", plan.AddAction(Provider, deficiency.Id, "Åtgärd", "Vera Verksamhetschef (fiktiv)", late.AddMonths(1).AddDays(1), late).Refusal?.Field);
        Assert.Null(plan.AddAction(Provider, deficiency.Id, "Åtgärd", "Vera Verksamhetschef (fiktiv)", late.AddMonths(1), late).Refusal);
    }

    // ---------------------------------------------------------------- stances on referral (rule 4)

    [Fact]
    public void ASeriousDeficiencyIsVerifiedFixedOnlyWithStancesOnIvoAndThePolice()
    {
        var plan = ReportedDone();
        var serious = Serious(plan);
        serious.Referrals.Clear();

        Assert.Equal(Refusal.Invalid("En allvarlig brist kan inte verifieras som åtgärdad förrän ställning har tagits till anmälan till IVO och polisen."),
            plan.Verify(Developer, serious.Id, Checked(VerificationMethod.Visit), VisitAt(plan), Now, VerifyDay, PlanDays));
        Assert.Empty(serious.Verifications);
        Assert.Equal(DeficiencyState.Open, serious.State);

        Assert.Null(plan.RecordStance(Developer, serious.Id, ReferralAuthority.TaxAgency, ReferralDecision.Referred, "Misstänkta svartlöner (fiktivt).", VerifyDay, VerifyDay));
        Assert.Null(plan.RecordStance(Manager, serious.Id, ReferralAuthority.Ivo, ReferralDecision.NotReferred, "Ingen brukare kom till skada.", VerifyDay, VerifyDay));
        Assert.Equal(Refusal.Invalid("En allvarlig brist kan inte verifieras som åtgärdad förrän ställning har tagits till anmälan till polisen."),
            plan.Verify(Developer, serious.Id, Checked(VerificationMethod.Visit), VisitAt(plan), Now, VerifyDay, PlanDays));

        Assert.Null(plan.RecordStance(Developer, serious.Id, ReferralAuthority.Police, ReferralDecision.NotReferred, "Ingen misstanke om brott.", VerifyDay, VerifyDay));
        Assert.Null(plan.Verify(Developer, serious.Id, Checked(VerificationMethod.Visit), VisitAt(plan), Now, VerifyDay, PlanDays));
        Assert.Equal(DeficiencyState.Fixed, serious.State);
        Assert.Equal(3, serious.Referrals.Count);

        Assert.Equal(RefusalKind.WrongState,
            plan.RecordStance(Developer, serious.Id, ReferralAuthority.Police, ReferralDecision.Referred, "Ändrat.", VerifyDay, VerifyDay)?.Kind);
    }

    [Fact]
    public void APersistingSeriousDeficiencyAndAMinorOneNeedNoStance()
    {
        var plan = ReportedDone();
        Serious(plan).Referrals.Clear();

        Assert.Null(plan.Verify(Developer, Minor(plan).Id, Checked(), null, Now, VerifyDay, PlanDays));
        Assert.Null(plan.Verify(Developer, Serious(plan).Id, Checked(VerificationMethod.Visit, false, newDeadline: VerifyDay.AddMonths(2)), VisitAt(plan), Now, VerifyDay, PlanDays));
        Assert.Empty(Minor(plan).Referrals);
    }

    [Fact]
    public void OnlyThoseWhoFollowUpRecordAStanceAndOnlyOnTheirPlansDeficiency()
    {
        var plan = NewPlan();
        var serious = Serious(plan);
        serious.Referrals.Clear();

        foreach (var role in NotFollowingUp)
        {
            Assert.Equal(RefusalKind.NotAllowed,
                plan.RecordStance(As(role, provider: ProviderId), serious.Id, ReferralAuthority.Ivo, ReferralDecision.Referred, "Anmäls.", Today, Today)?.Kind);
        }
        Assert.Equal("DeficiencyId", plan.RecordStance(Developer, Guid.CreateVersion7(), ReferralAuthority.Ivo, ReferralDecision.Referred, "Anmäls.", Today, Today)?.Field);
        Assert.Equal("DecidedOn", plan.RecordStance(Developer, serious.Id, ReferralAuthority.Ivo, ReferralDecision.Referred, "Anmäls.", Today.AddDays(1), Today)?.Field);
        Assert.Equal("Motivation", plan.RecordStance(Developer, serious.Id, ReferralAuthority.Ivo, ReferralDecision.Referred, " ", Today, Today)?.Field);
        Assert.Empty(serious.Referrals);
        Assert.Equal([ReferralAuthority.Ivo, ReferralAuthority.Police], serious.MissingStances());
        Assert.Empty(Minor(plan).MissingStances());
    }
}
