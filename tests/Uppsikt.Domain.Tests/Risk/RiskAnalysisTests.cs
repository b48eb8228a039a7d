using CsCheck;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Risk;

namespace Uppsikt.Domain.Tests.Risk;

public sealed class RiskAnalysisTests
{
    private static readonly Guid Committee = Guid.CreateVersion7();
    private static readonly DateOnly Today = new(2026, 1, 20);
    private static readonly DateOnly SubmittedOn = new(2026, 2, 2);
    private static readonly DateOnly ApprovedOn = new(2026, 2, 10);

    private static WorkflowActor As(string role) => new("u-" + role, role + " (fiktiv)", [role]);

    private static readonly WorkflowActor Developer = As(Roles.QualityDeveloper);
    private static readonly WorkflowActor Manager = As(Roles.GroupManager);

    private static readonly RiskMatrix Matrix = RiskMatrix.Default(Committee);

    public static TheoryData<string> PreparerRoles => [.. RiskAnalysis.Preparers];

    public static TheoryData<string> NonPreparerRoles => [.. Roles.All.Except(RiskAnalysis.Preparers)];

    public static TheoryData<string> ApproverRoles => [.. RiskAnalysis.Approvers];

    public static TheoryData<string> NonApproverRoles => [.. Roles.All.Except(RiskAnalysis.Approvers)];

    private static RiskItemInput Input(string requirement = "Genomförandeplan inom 14 dagar", int likelihood = 3, int consequence = 4,
        RiskPriority priority = RiskPriority.High, string description = "Planerna upprättas ofta sent.", string mitigation = "Stickprov i journaler.") =>
        new(null, requirement, description, likelihood, consequence, priority, mitigation);

    private static RiskAnalysis Draft(int items = 1)
    {
        var (analysis, refusal) = RiskAnalysis.Create(Guid.CreateVersion7(), Committee, 2026, Developer, Today);
        Assert.Null(refusal);
        for (var i = 1; i <= items; i++)
        {
            Assert.Null(analysis!.AddItem(Input($"Krav {i}"), Matrix, Developer));
        }
        return analysis!;
    }

    private static RiskAnalysis In(RiskAnalysisState state)
    {
        var analysis = Draft();
        if (state >= RiskAnalysisState.SubmittedForApproval)
        {
            Assert.Null(analysis.Submit(Developer, SubmittedOn));
        }
        if (state >= RiskAnalysisState.Approved)
        {
            Assert.Null(analysis.Approve(Manager, ApprovedOn));
        }
        Assert.Equal(state, analysis.State);
        return analysis;
    }

    /// <summary>Everything a step could change, to see that a refused one changed nothing.</summary>
    private static string Snapshot(RiskAnalysis a) => string.Join("|", (object?[])
        [a.State, a.PreparedById, a.PreparedByName, a.SubmittedOn, a.ApprovedById, a.ApprovedByName, a.ApprovedOn, a.ReturnReason,
            .. a.Items.Select(i => $"{i.Id},{i.ConditionId},{i.Requirement},{i.Description},{i.Likelihood},{i.Consequence},{i.Score},{i.Priority},{i.Mitigation},{i.Position}"),
            .. a.Reassessments.Select(r => $"{r.ItemId},{r.On},{r.Reason},{r.FromScore},{r.ToScore},{r.ActorName}")]);

    // ---------------------------------------------------------------- creating

    [Theory]
    [MemberData(nameof(PreparerRoles))]
    public void Those_who_lead_reviews_create_an_empty_draft(string role)
    {
        var choiceSystem = Guid.CreateVersion7();

        var (analysis, refusal) = RiskAnalysis.Create(choiceSystem, Committee, 2026, As(role), Today);

        Assert.Null(refusal);
        Assert.Equal((choiceSystem, Committee, 2026, RiskAnalysisState.Draft, Today), (analysis!.ChoiceSystemId, analysis.CommitteeId, analysis.Year, analysis.State, analysis.CreatedOn));
        Assert.Equal(("u-" + role, role + " (fiktiv)"), (analysis.PreparedById, analysis.PreparedByName));
        Assert.Empty(analysis.Items);
    }

    [Theory]
    [MemberData(nameof(NonPreparerRoles))]
    public void Others_may_not_create_one(string role)
    {
        var (analysis, refusal) = RiskAnalysis.Create(Guid.CreateVersion7(), Committee, 2026, As(role), Today);

        Assert.Null(analysis);
        Assert.Equal(RefusalKind.NotAllowed, refusal?.Kind);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    [InlineData(0)]
    public void The_year_lies_between_2000_and_2100(int year)
    {
        var (analysis, refusal) = RiskAnalysis.Create(Guid.CreateVersion7(), Committee, year, Developer, Today);

        Assert.Null(analysis);
        Assert.Equal("Year", refusal?.Field);
    }

    // ---------------------------------------------------------------- the risks of a draft

    [Fact]
    public void A_risk_is_scored_on_the_matrix_trimmed_and_placed_last()
    {
        var analysis = Draft(items: 0);
        var condition = Guid.CreateVersion7();

        Assert.Null(analysis.AddItem(Input("Första"), Matrix, Developer));
        Assert.Null(analysis.AddItem(new RiskItemInput(condition, " Andra ", " Beskrivning. ", 2, 5, RiskPriority.Low, "  "), Matrix, Developer));

        var item = analysis.Items[1];
        Assert.Equal((condition, "Andra", "Beskrivning.", 2, 5, 10, RiskPriority.Low, "", 2),
            (item.ConditionId, item.Requirement, item.Description, item.Likelihood, item.Consequence, item.Score, item.Priority, item.Mitigation, item.Position));
        Assert.Equal(12, analysis.Items[0].Score);
    }

    /// <summary>Each bad risk and the field its refusal names.</summary>
    public static TheoryData<string, string> BadInputs => new()
    {
        { "no requirement", "Requirement" },
        { "a too long requirement", "Requirement" },
        { "no description", "Description" },
        { "a too long description", "Description" },
        { "a personal identity number in the description", "Description" },
        { "likelihood 0", "Likelihood" },
        { "likelihood beyond the matrix", "Likelihood" },
        { "consequence beyond the matrix", "Consequence" },
        { "an unknown priority", "Priority" },
        { "a too long mitigation", "Mitigation" },
    };

    private static RiskItemInput Bad(string bad) => bad switch
    {
        "no requirement" => Input(requirement: " "),
        "a too long requirement" => Input(requirement: new string('k', RiskAnalysis.RequirementMax + 1)),
        "no description" => Input(description: null!),
        "a too long description" => Input(description: new string('b', RiskAnalysis.TextMax + 1)),
        "a personal identity number in the description" => Input(description: "Gäller 19121212-1212."),
        "likelihood 0" => Input(likelihood: 0),
        "likelihood beyond the matrix" => Input(likelihood: 6),
        "consequence beyond the matrix" => Input(consequence: 6),
        "an unknown priority" => Input(priority: (RiskPriority)9),
        "a too long mitigation" => Input(mitigation: new string('m', RiskAnalysis.TextMax + 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(bad)),
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void A_bad_risk_is_refused_naming_its_field_and_changes_nothing(string bad, string field)
    {
        var analysis = Draft();
        var item = analysis.Items[0].Id;
        var before = Snapshot(analysis);

        foreach (var refusal in new[] { analysis.AddItem(Bad(bad), Matrix, Developer), analysis.UpdateItem(item, Bad(bad), Matrix, Developer) })
        {
            Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
            Assert.Equal(field, refusal!.Field);
        }
        Assert.Equal(before, Snapshot(analysis));
    }

    [Fact]
    public void The_limits_themselves_are_allowed()
    {
        var analysis = Draft(items: 0);

        Assert.Null(analysis.AddItem(Input(new string('k', RiskAnalysis.RequirementMax), 5, 5, RiskPriority.Medium,
            new string('b', RiskAnalysis.TextMax), new string('m', RiskAnalysis.TextMax)), Matrix, Developer));
        Assert.Equal(25, analysis.Items[0].Score);
    }

    [Fact]
    public void A_risk_is_changed_and_rescored()
    {
        var analysis = Draft(items: 2);
        var item = analysis.Items[1];

        Assert.Null(analysis.UpdateItem(item.Id, Input("Ändrat krav", 1, 2, RiskPriority.Medium), Matrix, Developer));

        Assert.Equal(("Ändrat krav", 1, 2, 2, RiskPriority.Medium, 2), (item.Requirement, item.Likelihood, item.Consequence, item.Score, item.Priority, item.Position));
        Assert.Equal("Krav 1", analysis.Items[0].Requirement);
    }

    [Fact]
    public void Removing_a_risk_moves_the_later_ones_up()
    {
        var analysis = Draft(items: 3);

        Assert.Null(analysis.RemoveItem(analysis.Items[0].Id, Developer));

        Assert.Equal([("Krav 2", 1), ("Krav 3", 2)], analysis.Items.Select(i => (i.Requirement, i.Position)));
    }

    [Fact]
    public void A_risk_not_in_the_analysis_is_refused()
    {
        var analysis = Draft();
        var before = Snapshot(analysis);

        Assert.Equal(RefusalKind.Invalid, analysis.UpdateItem(Guid.CreateVersion7(), Input(), Matrix, Developer)?.Kind);
        Assert.Equal(RefusalKind.Invalid, analysis.RemoveItem(Guid.CreateVersion7(), Developer)?.Kind);
        Assert.Equal(before, Snapshot(analysis));
    }

    [Theory]
    [MemberData(nameof(NonPreparerRoles))]
    public void Only_preparers_change_the_risks(string role)
    {
        var analysis = Draft();
        var before = Snapshot(analysis);

        Assert.Equal(RefusalKind.NotAllowed, analysis.AddItem(Input(), Matrix, As(role))?.Kind);
        Assert.Equal(RefusalKind.NotAllowed, analysis.UpdateItem(analysis.Items[0].Id, Input("Annat"), Matrix, As(role))?.Kind);
        Assert.Equal(RefusalKind.NotAllowed, analysis.RemoveItem(analysis.Items[0].Id, As(role))?.Kind);
        Assert.Equal(before, Snapshot(analysis));
    }

    [Theory]
    [InlineData(RiskAnalysisState.SubmittedForApproval)]
    [InlineData(RiskAnalysisState.Approved)]
    public void Only_a_draft_changes_its_risks(RiskAnalysisState state)
    {
        var analysis = In(state);
        var before = Snapshot(analysis);

        Assert.Equal(RefusalKind.WrongState, analysis.CheckEditable(Developer)?.Kind);
        Assert.Equal(RefusalKind.WrongState, analysis.AddItem(Input(), Matrix, Developer)?.Kind);
        Assert.Equal(RefusalKind.WrongState, analysis.UpdateItem(analysis.Items[0].Id, Input("Annat"), Matrix, Developer)?.Kind);
        Assert.Equal(RefusalKind.WrongState, analysis.RemoveItem(analysis.Items[0].Id, Developer)?.Kind);
        Assert.Equal(before, Snapshot(analysis));
    }

    [Fact]
    public void The_risks_read_by_priority_then_highest_score_then_requirement()
    {
        var analysis = Draft(items: 0);
        foreach (var (requirement, l, c, priority) in new[]
        {
            ("Öppettider", 5, 5, RiskPriority.Low),
            ("Bemanning", 2, 2, RiskPriority.High),
            ("Ärendehantering", 3, 3, RiskPriority.High),
            ("avvikelser", 3, 3, RiskPriority.High),
            ("Läkemedel", 4, 4, RiskPriority.Medium),
        })
        {
            Assert.Null(analysis.AddItem(Input(requirement, l, c, priority), Matrix, Developer));
        }

        Assert.Equal(["avvikelser", "Ärendehantering", "Bemanning", "Läkemedel", "Öppettider"], analysis.ByPriority().Select(i => i.Requirement));
    }

    // ---------------------------------------------------------------- submitting, approving, returning

    [Theory]
    [MemberData(nameof(PreparerRoles))]
    public void A_preparer_sends_a_draft_and_answers_for_it(string role)
    {
        var analysis = Draft();

        Assert.Null(analysis.Submit(As(role), SubmittedOn));

        Assert.Equal((RiskAnalysisState.SubmittedForApproval, SubmittedOn, role + " (fiktiv)"), (analysis.State, analysis.SubmittedOn, analysis.PreparedByName));
    }

    [Fact]
    public void A_draft_without_risks_is_not_sent()
    {
        var analysis = Draft(items: 0);

        var refusal = analysis.Submit(Developer, SubmittedOn);

        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
        Assert.Null(refusal!.Field);
        Assert.Equal(RiskAnalysisState.Draft, analysis.State);
    }

    [Theory]
    [MemberData(nameof(NonPreparerRoles))]
    public void Others_may_not_send_it(string role)
    {
        var analysis = Draft();

        Assert.Equal(RefusalKind.NotAllowed, analysis.Submit(As(role), SubmittedOn)?.Kind);
        Assert.Equal(RiskAnalysisState.Draft, analysis.State);
    }

    [Theory]
    [MemberData(nameof(ApproverRoles))]
    public void The_group_manager_approves_a_submitted_analysis(string role)
    {
        var analysis = In(RiskAnalysisState.SubmittedForApproval);

        Assert.Null(analysis.Approve(As(role), ApprovedOn));

        Assert.Equal((RiskAnalysisState.Approved, "u-" + role, role + " (fiktiv)", ApprovedOn),
            (analysis.State, analysis.ApprovedById, analysis.ApprovedByName, analysis.ApprovedOn));
    }

    [Theory]
    [MemberData(nameof(NonApproverRoles))]
    public void Others_may_neither_approve_nor_return(string role)
    {
        var analysis = In(RiskAnalysisState.SubmittedForApproval);
        var before = Snapshot(analysis);

        Assert.Equal(RefusalKind.NotAllowed, analysis.Approve(As(role), ApprovedOn)?.Kind);
        Assert.Equal(RefusalKind.NotAllowed, analysis.Return("Skäl.", As(role))?.Kind);
        Assert.Equal(before, Snapshot(analysis));
    }

    [Theory]
    [InlineData(RiskAnalysisState.Draft)]
    [InlineData(RiskAnalysisState.Approved)]
    public void Only_a_submitted_analysis_is_approved_or_returned(RiskAnalysisState state)
    {
        var analysis = In(state);
        var before = Snapshot(analysis);

        Assert.Equal(RefusalKind.WrongState, analysis.Approve(Manager, ApprovedOn)?.Kind);
        Assert.Equal(RefusalKind.WrongState, analysis.Return("Skäl.", Manager)?.Kind);
        Assert.Equal(before, Snapshot(analysis));
    }

    [Theory]
    [InlineData(RiskAnalysisState.SubmittedForApproval)]
    [InlineData(RiskAnalysisState.Approved)]
    public void Only_a_draft_is_sent(RiskAnalysisState state)
    {
        var analysis = In(state);
        var before = Snapshot(analysis);

        Assert.Equal(RefusalKind.WrongState, analysis.Submit(Developer, ApprovedOn)?.Kind);
        Assert.Equal(before, Snapshot(analysis));
    }

    [Fact]
    public void A_returned_analysis_is_a_draft_again_with_the_reason_until_it_is_sent_again()
    {
        var analysis = In(RiskAnalysisState.SubmittedForApproval);

        Assert.Null(analysis.Return("  Risken för läkemedel saknas. ", Manager));

        Assert.Equal((RiskAnalysisState.Draft, null, "Risken för läkemedel saknas."), (analysis.State, analysis.SubmittedOn, analysis.ReturnReason));
        Assert.Null(analysis.AddItem(Input("Läkemedel"), Matrix, Developer));
        Assert.Null(analysis.Submit(Developer, ApprovedOn));
        Assert.Null(analysis.ReturnReason);
        Assert.Equal(ApprovedOn, analysis.SubmittedOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("Se 19121212-1212.")]
    public void Returning_needs_a_reason(string? reason)
    {
        var analysis = In(RiskAnalysisState.SubmittedForApproval);
        var before = Snapshot(analysis);

        var refusal = analysis.Return(reason!, Manager);

        Assert.Equal("Reason", refusal?.Field);
        Assert.Equal(before, Snapshot(analysis));
    }

    // ---------------------------------------------------------------- reassessing

    [Fact]
    public void A_reassessment_logs_before_and_after_and_updates_the_risk()
    {
        var analysis = In(RiskAnalysisState.Approved);
        var item = analysis.Items[0];
        var on = new DateOnly(2026, 5, 4);

        Assert.Null(analysis.Reassess(item.Id, 5, 5, " Två allvarliga avvikelser i april. ", on, Matrix, As(Roles.DistrictFollowUp)));

        Assert.Equal((5, 5, 25), (item.Likelihood, item.Consequence, item.Score));
        var logged = Assert.Single(analysis.Reassessments);
        Assert.Equal((item.Id, on, "Två allvarliga avvikelser i april.", 3, 4, 12, 5, 5, 25, "DistrictFollowUp (fiktiv)"),
            (logged.ItemId, logged.On, logged.Reason, logged.FromLikelihood, logged.FromConsequence, logged.FromScore,
                logged.ToLikelihood, logged.ToConsequence, logged.ToScore, logged.ActorName));
        Assert.Equal(RiskAnalysisState.Approved, analysis.State);
    }

    [Fact]
    public void Reassessments_are_appended_in_order()
    {
        var analysis = In(RiskAnalysisState.Approved);
        var item = analysis.Items[0];

        Assert.Null(analysis.Reassess(item.Id, 4, 4, "Fler klagomål.", new DateOnly(2026, 4, 1), Matrix, Developer));
        Assert.Null(analysis.Reassess(item.Id, 2, 4, "Åtgärdat.", new DateOnly(2026, 4, 1), Matrix, Developer));

        Assert.Equal([(12, 16), (16, 8)], analysis.Reassessments.Select(r => (r.FromScore, r.ToScore)));
    }

    [Theory]
    [InlineData(RiskAnalysisState.Draft)]
    [InlineData(RiskAnalysisState.SubmittedForApproval)]
    public void Only_an_approved_analysis_is_reassessed(RiskAnalysisState state)
    {
        var analysis = In(state);
        var before = Snapshot(analysis);

        Assert.Equal(RefusalKind.WrongState, analysis.Reassess(analysis.Items[0].Id, 5, 5, "Skäl.", ApprovedOn, Matrix, Developer)?.Kind);
        Assert.Equal(before, Snapshot(analysis));
    }

    [Theory]
    [MemberData(nameof(NonPreparerRoles))]
    public void Only_preparers_reassess(string role)
    {
        var analysis = In(RiskAnalysisState.Approved);
        var before = Snapshot(analysis);

        Assert.Equal(RefusalKind.NotAllowed, analysis.Reassess(analysis.Items[0].Id, 5, 5, "Skäl.", ApprovedOn, Matrix, As(role))?.Kind);
        Assert.Equal(before, Snapshot(analysis));
    }

    [Theory]
    [InlineData("unknown risk", null)]
    [InlineData("likelihood beyond the matrix", "Likelihood")]
    [InlineData("consequence 0", "Consequence")]
    [InlineData("unchanged", "Likelihood")]
    [InlineData("no reason", "Reason")]
    [InlineData("before the approval", "On")]
    [InlineData("after the analysis year", "On")]
    [InlineData("before the previous reassessment", "On")]
    public void A_bad_reassessment_is_refused_naming_its_field_and_changes_nothing(string bad, string? field)
    {
        var analysis = In(RiskAnalysisState.Approved);
        var item = analysis.Items[0].Id;
        Assert.Null(analysis.Reassess(item, 4, 4, "Första omprövningen.", new DateOnly(2026, 6, 1), Matrix, Developer));
        var before = Snapshot(analysis);
        var (id, l, c, reason, on) = (item, 5, 5, "Skäl.", new DateOnly(2026, 6, 2));
        switch (bad)
        {
            case "unknown risk": id = Guid.CreateVersion7(); break;
            case "likelihood beyond the matrix": l = 6; break;
            case "consequence 0": c = 0; break;
            case "unchanged": (l, c) = (4, 4); break;
            case "no reason": reason = " "; break;
            case "before the approval": on = ApprovedOn.AddDays(-1); break;
            case "after the analysis year": on = new DateOnly(2027, 1, 1); break;
            case "before the previous reassessment": on = new DateOnly(2026, 5, 31); break;
            default: throw new ArgumentOutOfRangeException(nameof(bad));
        }

        var refusal = analysis.Reassess(id, l, c, reason, on, Matrix, Developer);

        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
        Assert.Equal(field, refusal!.Field);
        Assert.Equal(before, Snapshot(analysis));
    }

    [Fact]
    public void A_reassessment_may_fall_on_the_day_of_approval_and_on_the_last_day_of_the_year()
    {
        var analysis = In(RiskAnalysisState.Approved);
        var item = analysis.Items[0].Id;

        Assert.Null(analysis.Reassess(item, 1, 1, "Samma dag.", ApprovedOn, Matrix, Developer));
        Assert.Null(analysis.Reassess(item, 2, 2, "Årets sista dag.", new DateOnly(2026, 12, 31), Matrix, Developer));
    }

    // ---------------------------------------------------------------- any sequence of steps

    private static readonly WorkflowActor[] Actors = [.. Roles.All.Select(As)];

    private static readonly Gen<Func<RiskAnalysis, Refusal?>> GenStep =
        Gen.Select(Gen.Int[0, 6], Gen.Int[0, Actors.Length - 1], Gen.Int[-1, 6], Gen.Int[-1, 6], Gen.Int[0, 3], Gen.Int[0, 400])
            .Select<int, int, int, int, int, int, Func<RiskAnalysis, Refusal?>>((step, who, l, c, pick, day) =>
            {
                var actor = Actors[who];
                var on = ApprovedOn.AddDays(day - 50);
                Guid ItemOf(RiskAnalysis a) => pick < a.Items.Count ? a.Items[pick].Id : Guid.CreateVersion7();
                return step switch
                {
                    0 => a => a.AddItem(Input($"Krav {pick}", l, c, (RiskPriority)pick), Matrix, actor),
                    1 => a => a.UpdateItem(ItemOf(a), Input($"Ändrat {pick}", l, c), Matrix, actor),
                    2 => a => a.RemoveItem(ItemOf(a), actor),
                    3 => a => a.Submit(actor, on),
                    4 => a => a.Approve(actor, on),
                    5 => a => a.Return(pick == 0 ? "" : "Komplettera.", actor),
                    _ => a => a.Reassess(ItemOf(a), l, c, pick == 0 ? "" : "Ny bedömning.", on, Matrix, actor),
                };
            });

    [Fact]
    public void Whatever_is_tried_a_refusal_changes_nothing_and_every_score_matches_the_matrix()
    {
        GenStep.List[1, 30].Sample(steps =>
        {
            var analysis = Draft();
            foreach (var step in steps)
            {
                var before = Snapshot(analysis);
                if (step(analysis) is not null)
                {
                    Assert.Equal(before, Snapshot(analysis));
                }
                Assert.All(analysis.Items, i => Assert.Equal(Matrix.Score(i.Likelihood, i.Consequence), i.Score));
                Assert.Equal(Enumerable.Range(1, analysis.Items.Count), analysis.Items.Select(i => i.Position));
                Assert.True(analysis.Reassessments.Count == 0 || analysis.State == RiskAnalysisState.Approved);
            }
        });
    }
}
