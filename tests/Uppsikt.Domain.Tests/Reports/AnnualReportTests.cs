using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Reports;

namespace Uppsikt.Domain.Tests.Reports;

public sealed class AnnualReportTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);
    private static readonly Guid Committee = Guid.CreateVersion7();
    private static readonly WorkflowActor Developer = new("u-qd", "Kvalitetsutvecklare (fiktiv)", [Roles.QualityDeveloper]);
    private static readonly WorkflowActor Secretary = new("u-sec", "Sekreterare (fiktiv)", [Roles.CommitteeSecretary], Committee);

    private static AnnualReport Draft(int year = 2025)
    {
        var (report, refusal) = AnnualReport.Start(year, Committee, null, Developer, Today);
        Assert.Null(refusal);
        return report!;
    }

    private static AnnualReport Ready()
    {
        var report = Draft();
        Assert.Empty(report.Write(new AnnualReportText("Sammanfattning", null, null, "Förslag"), Developer));
        return report;
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1999)]
    [InlineData(2027)]
    public void A_year_outside_the_range_or_not_yet_begun_is_refused_by_field(int? year)
    {
        var (report, refusal) = AnnualReport.Start(year, Committee, null, Developer, Today);

        Assert.Null(report);
        Assert.Equal("Year", refusal?.Field);
    }

    [Theory]
    [InlineData(Roles.GroupManager)]
    [InlineData(Roles.CommitteeMember)]
    [InlineData(Roles.ProviderUser)]
    [InlineData(Roles.CommitteeSecretary)]
    public void Only_a_quality_developer_or_an_administrator_writes_a_report(string role)
    {
        var actor = new WorkflowActor("u", "Någon (fiktiv)", [role], Committee);

        Assert.Equal(RefusalKind.NotAllowed, AnnualReport.Start(2025, Committee, null, actor, Today).Refusal?.Kind);
        Assert.Equal(RefusalKind.NotAllowed, Draft().Write(new AnnualReportText("x", null, null, null), actor).Single().Kind);
        Assert.Equal(RefusalKind.NotAllowed, Ready().Submit("{}", actor, Today).Single().Kind);
    }

    [Fact]
    public void Submitting_needs_a_summary_and_proposals_told_together_and_a_year_that_is_over()
    {
        var empty = Draft(2026);

        var refusals = empty.Submit("{}", Developer, Today);

        Assert.Equal(["Summary", "Proposals", null], refusals.Select(r => r.Field));
        Assert.Equal(AnnualReportState.Draft, empty.State);
        Assert.Null(empty.Figures);
    }

    [Fact]
    public void A_text_naming_someone_by_identity_number_or_too_long_is_refused_and_leaves_the_text()
    {
        var report = Ready();

        var refusals = report.Write(new AnnualReportText("Brukaren 19121212-1212", new string('x', AnnualReport.TextMax + 1), null, "Förslag"), Developer);

        Assert.Equal(["Summary", "Analysis"], refusals.Select(r => r.Field));
        Assert.Equal("Sammanfattning", report.Summary);
    }

    [Fact]
    public void Submitting_freezes_the_figures_and_locks_the_text_until_taken_back()
    {
        var report = Ready();

        Assert.Empty(report.Submit("{\"year\":2025}", Developer, Today));
        Assert.Equal(AnnualReportState.Submitted, report.State);
        Assert.Equal("{\"year\":2025}", report.Figures);
        Assert.Equal(RefusalKind.WrongState, report.Write(new AnnualReportText("Nytt", null, null, "Förslag"), Developer).Single().Kind);

        Assert.Null(report.Withdraw(Developer));
        Assert.Equal(AnnualReportState.Draft, report.State);
        Assert.Null(report.Figures);
        Assert.Null(report.SubmittedOn);
    }

    [Fact]
    public void The_committees_secretary_records_the_decision_not_before_submission_and_not_in_the_future()
    {
        var report = Ready();
        Assert.Equal(RefusalKind.WrongState, report.RecordDecision(Today, "5", "ÄLN-2026-00005", Secretary, Today)?.Kind);
        Assert.Empty(report.Submit("{}", Developer, Today.AddDays(-10)));

        var other = Secretary with { CommitteeId = Guid.CreateVersion7() };
        Assert.Equal(RefusalKind.NotAllowed, report.RecordDecision(Today, "5", "ÄLN-2026-00005", other, Today)?.Kind);
        Assert.Equal("DecidedOn", report.RecordDecision(Today.AddDays(1), "5", "ÄLN-2026-00005", Secretary, Today)?.Field);
        Assert.Equal("DecidedOn", report.RecordDecision(Today.AddDays(-11), "5", "ÄLN-2026-00005", Secretary, Today)?.Field);
        Assert.Null(report.RecordDecision(Today, "5", "ÄLN-2026-00005", Secretary, Today));

        Assert.Equal(AnnualReportState.Decided, report.State);
        Assert.Equal(new Domain.Register.CommitteeDecision(Today, "§ 5", "ÄLN-2026-00005"), report.Decision);
        Assert.Equal(RefusalKind.WrongState, report.Withdraw(Developer)?.Kind);
        Assert.Equal(RefusalKind.WrongState, report.RecordDecision(Today, "6", "ÄLN-2026-00006", Secretary, Today)?.Kind);
    }

    /// <summary>
    /// Whatever steps are tried in whatever order, by whoever: a draft never holds frozen figures and every other state does, a
    /// decided report has its decision, and the text changes only while a draft.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Random_sequences_of_steps_keep_the_states_invariants(int seed)
    {
        var random = new Random(seed);
        WorkflowActor[] actors = [Developer, Secretary, new("u-gm", "Gruppchef (fiktiv)", [Roles.GroupManager])];
        for (var round = 0; round < 50; round++)
        {
            var report = Draft();
            for (var step = 0; step < 12; step++)
            {
                var actor = actors[random.Next(actors.Length)];
                var before = (report.State, report.Summary);
                var text = $"Text {round}.{step}";
                switch (random.Next(4))
                {
                    case 0:
                        var refused = report.Write(new AnnualReportText(text, null, null, random.Next(2) == 0 ? null : "Förslag"), actor).Count > 0;
                        Assert.Equal(!refused, report.Summary == text);
                        Assert.True(refused || before.State == AnnualReportState.Draft);
                        break;
                    case 1:
                        report.Submit("{}", actor, Today);
                        break;
                    case 2:
                        report.Withdraw(actor);
                        break;
                    default:
                        report.RecordDecision(Today, "1", "ÄLN-2026-00001", actor, Today);
                        break;
                }
                Assert.Equal(report.State == AnnualReportState.Draft, report.Figures is null);
                Assert.Equal(report.State == AnnualReportState.Decided, report.Decision is not null);
                Assert.False(before.State == AnnualReportState.Decided && report.State != AnnualReportState.Decided);
            }
        }
    }
}
