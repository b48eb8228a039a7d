using CsCheck;
using Uppsikt.Domain.Portal;

namespace Uppsikt.Domain.Tests.Portal;

public sealed class AttestationTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static AttestationAnswer Answer(string code, bool? met, string? explanation = null) =>
        new() { ConditionId = Guid.CreateVersion7(), ConditionCode = code, ConditionTitle = "Villkor " + code, Met = met, Explanation = explanation };

    private static Attestation With(params AttestationAnswer[] answers) => new()
    {
        RoundId = Guid.CreateVersion7(),
        ProviderId = Guid.CreateVersion7(),
        ChoiceSystemId = Guid.CreateVersion7(),
        Answers = [.. answers],
    };

    [Fact]
    public void Every_condition_answered_signs_with_name_role_and_time()
    {
        var attestation = With(Answer("A.1", true), Answer("A.2", false, "Utbildningen är bokad till mars (fiktivt)."));

        Assert.Empty(attestation.Sign("Olle (fiktiv)", "Verkställande direktör", At));

        Assert.True(attestation.IsSigned);
        Assert.True(attestation.IsComplete);
        Assert.Equal(("Olle (fiktiv)", "Verkställande direktör", At), (attestation.SignedByName, attestation.SignedByRole, attestation.SignedAt!.Value));
    }

    [Fact]
    public void An_unanswered_condition_refuses_the_signature()
    {
        var attestation = With(Answer("A.1", true), Answer("A.2", null));

        var problems = attestation.Sign("Olle (fiktiv)", "VD", At);

        var problem = Assert.Single(problems);
        Assert.Equal((RefusalKind.Invalid, "Answers[1]"), (problem.Kind, problem.Field));
        Assert.Contains("A.2", problem.Message, StringComparison.Ordinal);
        Assert.False(attestation.IsSigned);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Not_met_requires_an_explanation(string? explanation)
    {
        var attestation = With(Answer("B.1", false, explanation));

        var problem = Assert.Single(attestation.Sign("Olle (fiktiv)", "VD", At));

        Assert.Equal((RefusalKind.Invalid, "Answers[0]"), (problem.Kind, problem.Field));
        Assert.Contains("Förklara", problem.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(AttestationAnswer.Explanation), attestation.Answers[0].Problem()?.Field);
        Assert.False(attestation.IsSigned);
    }

    [Fact]
    public void Name_and_role_are_required_and_an_empty_set_cannot_be_attested()
    {
        Assert.Equal(["Name", "Role"], With(Answer("A.1", true)).Sign(" ", null, At).Select(r => r.Field).Order(StringComparer.Ordinal));
        var empty = Assert.Single(With().Sign("Olle (fiktiv)", "VD", At));
        Assert.Equal((RefusalKind.Invalid, null), (empty.Kind, empty.Field));
        Assert.Equal(nameof(AttestationAnswer.Met), Answer("A.1", null).Problem()?.Field);
    }

    [Fact]
    public void A_signed_attestation_cannot_be_signed_again()
    {
        var attestation = With(Answer("A.1", true));
        Assert.Empty(attestation.Sign("Olle (fiktiv)", "VD", At));

        Assert.Equal(RefusalKind.WrongState, Assert.Single(attestation.Sign("Någon annan (fiktiv)", "VD", At.AddDays(1))).Kind);
        Assert.Equal("Olle (fiktiv)", attestation.SignedByName);
    }

    /// <summary>The invariant: an attestation is signed exactly when every answer is given and each "not met" is explained.</summary>
    [Fact]
    public void Signed_exactly_when_every_answer_is_complete()
    {
        var answer = Gen.Select(Gen.Bool.Nullable(), Gen.OneOfConst<string?>(null, "", "Åtgärdas (fiktivt)."))
            .Select(x => Answer("C", x.Item1, x.Item2));
        answer.Array[0, 8].Sample(answers =>
        {
            var attestation = With(answers);
            var expected = answers.Length > 0 && answers.All(a => a.Met == true || (a.Met == false && !string.IsNullOrWhiteSpace(a.Explanation)));

            attestation.Sign("Olle (fiktiv)", "VD", At);

            Assert.Equal(expected, attestation.IsSigned);
            Assert.Equal(expected, attestation.IsComplete);
        });
    }

    [Fact]
    public void A_document_records_only_its_first_reading()
    {
        var document = new PortalDocument { ProviderId = Guid.CreateVersion7(), Title = "Anvisningar (fiktiv)", SentBy = "Klara (fiktiv)" };

        Assert.True(document.MarkRead("Olle (fiktiv)", At));
        Assert.False(document.MarkRead("Tina (fiktiv)", At.AddHours(1)));

        Assert.Equal(("Olle (fiktiv)", At), (document.ReadBy, document.ReadAt!.Value));
    }
}
