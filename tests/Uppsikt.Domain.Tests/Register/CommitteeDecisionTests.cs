using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Tests.Register;

public sealed class CommitteeDecisionTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);
    private static readonly Guid Committee = Guid.CreateVersion7();

    private static WorkflowActor As(string role, Guid? committee = null) => new("u-" + role, role + " (fiktiv)", [role], committee);

    public static TheoryData<string> OtherRoles => [.. Roles.All.Where(r => r != Roles.CommitteeSecretary)];

    // ---------------------------------------------------------------- who records

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public void Only_a_committee_secretary_records_a_decision(string role)
    {
        var refusal = CommitteeDecision.RefuseRecorder(As(role, Committee), Committee, "den som beslutar");

        Assert.Equal(RefusalKind.NotAllowed, refusal?.Kind);
        Assert.Null(refusal!.Field);
    }

    [Fact]
    public void A_secretary_and_someone_else_records_like_a_secretary()
    {
        var actor = new WorkflowActor("u-both", "Sekreterare (fiktiv)", [Roles.CaseWorker, Roles.CommitteeSecretary], Committee);

        Assert.Null(CommitteeDecision.RefuseRecorder(actor, Committee, "den som beslutar"));
    }

    [Fact]
    public void A_secretary_of_another_committee_is_refused_and_told_which()
    {
        var refusal = CommitteeDecision.RefuseRecorder(As(Roles.CommitteeSecretary, Guid.CreateVersion7()), Committee, "den som ansvarar för kundvalet");

        Assert.Equal(RefusalKind.NotAllowed, refusal?.Kind);
        Assert.Equal("Du är sekreterare i en annan nämnd än den som ansvarar för kundvalet.", refusal!.Message);
    }

    [Fact]
    public void A_secretary_of_the_committee_or_of_none_records_and_any_secretary_when_the_committee_is_unknown()
    {
        Assert.Null(CommitteeDecision.RefuseRecorder(As(Roles.CommitteeSecretary, Committee), Committee, "den som beslutar"));
        Assert.Null(CommitteeDecision.RefuseRecorder(As(Roles.CommitteeSecretary), Committee, "den som beslutar"));
        Assert.Null(CommitteeDecision.RefuseRecorder(As(Roles.CommitteeSecretary, Committee), null, "den som beslutar"));
    }

    // ---------------------------------------------------------------- what is recorded

    [Theory]
    [InlineData("45", "§ 45")]
    [InlineData(" 45 ", "§ 45")]
    [InlineData("§ 45", "§ 45")]
    [InlineData("§45", "§45")]
    [InlineData("45 a", "§ 45 a")]
    [InlineData("12345678901234567890", "§ 12345678901234567890")]
    public void A_paragraph_is_written_with_its_sign(string paragraph, string written)
    {
        var (decision, refusal) = CommitteeDecision.From(Today, paragraph, "KFKS-2026-00012", Today);

        Assert.Null(refusal);
        Assert.Equal(written, decision!.Paragraph);
    }

    [Theory]
    [InlineData(" kfks-2026-00012 ", "KFKS-2026-00012")]
    [InlineData("KFKS 2020/864", "KFKS 2020/864")]
    public void A_case_number_is_kept_as_written_upper_cased_and_trimmed(string caseNumber, string written)
    {
        var (decision, refusal) = CommitteeDecision.From(Today.AddDays(-10), "7", caseNumber, Today);

        Assert.Null(refusal);
        Assert.Equal(new CommitteeDecision(Today.AddDays(-10), "§ 7", written), decision);
    }

    [Fact]
    public void A_decision_taken_today_is_accepted_and_one_tomorrow_is_not()
    {
        Assert.Null(CommitteeDecision.From(Today, "1", "KFKS-2026-00001", Today).Refusal);

        var (decision, refusal) = CommitteeDecision.From(Today.AddDays(1), "1", "KFKS-2026-00001", Today);

        Assert.Null(decision);
        Assert.Equal((RefusalKind.Invalid, "DecidedOn"), (refusal!.Kind, refusal.Field));
    }

    [Theory]
    [InlineData(false, "45", "KFKS-2026-00012", "DecidedOn")]
    [InlineData(true, null, "KFKS-2026-00012", "Paragraph")]
    [InlineData(true, "", "KFKS-2026-00012", "Paragraph")]
    [InlineData(true, "   ", "KFKS-2026-00012", "Paragraph")]
    [InlineData(true, "123456789012345678901", "KFKS-2026-00012", "Paragraph")]
    [InlineData(true, "45", null, "CaseNumber")]
    [InlineData(true, "45", " ", "CaseNumber")]
    [InlineData(true, "45", "KFKS-2026", "CaseNumber")]
    [InlineData(true, "45", "KFKS-1969-00012", "CaseNumber")]
    [InlineData(true, "45", "inte ett nummer", "CaseNumber")]
    public void Each_refusal_names_its_field(bool dated, string? paragraph, string? caseNumber, string field)
    {
        var (decision, refusal) = CommitteeDecision.From(dated ? Today : null, paragraph, caseNumber, Today);

        Assert.Null(decision);
        Assert.Equal((RefusalKind.Invalid, field), (refusal!.Kind, refusal.Field));
    }

    [Fact]
    public void A_missing_case_number_is_asked_for_and_a_wrong_one_explained()
    {
        var (_, missing) = CommitteeDecision.From(Today, "45", "  ", Today);
        var (_, wrong) = CommitteeDecision.From(Today, "45", "KFKS-2026", Today);

        Assert.Equal("Ange ärendets diarienummer.", missing!.Message);
        Assert.Contains("är inte ett diarienummer", wrong!.Message, StringComparison.Ordinal);
    }
}
