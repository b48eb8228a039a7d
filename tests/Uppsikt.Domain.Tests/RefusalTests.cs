using CsCheck;

namespace Uppsikt.Domain.Tests;

/// <summary>The one way a rule says no: a kind, a Swedish message and, for bad input only, the field at fault.</summary>
public sealed class RefusalTests
{
    [Fact]
    public void OnlyBadInputNamesAField()
    {
        Assert.Equal("DecidedOn", Refusal.Invalid("Ange datum.", "DecidedOn").Field);
        Assert.Null(Refusal.Invalid("Planen har inga aktiviteter.").Field);
        Assert.Throws<ArgumentException>(() => new Refusal(RefusalKind.NotAllowed, "Bara en gruppchef.", "Comment"));
        Assert.Throws<ArgumentException>(() => new Refusal(RefusalKind.WrongState, "Planen är antagen.", "Comment"));
        Assert.Throws<ArgumentException>(() => Refusal.Invalid("Ange datum.", ""));
    }

    [Fact]
    public void ARefusalSaysWhyAndIsOfAKnownKind()
    {
        Assert.Throws<ArgumentException>(() => Refusal.WrongState(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Refusal((RefusalKind)0, "Nej."));
        Assert.Equal(RefusalKind.NotAllowed, Refusal.NotAllowed("Nej.").Kind);
        Assert.Equal(RefusalKind.WrongState, Refusal.WrongState("Nej.").Kind);
    }

    [Fact]
    public void RefusalsWithTheSameContentAreEqual() =>
        Assert.Equal(Refusal.Invalid("Ange en kod.", "Questions[2].Code"), new Refusal(RefusalKind.Invalid, "Ange en kod.", Refusal.ItemField("Questions", 2, "Code")));

    [Fact]
    public void AnItemsFieldIsReadBackAsItsIndexAndField()
    {
        var fields = Gen.String[Gen.Char["abcXYZ_.[]0123456789"], 1, 12];
        Gen.Select(Gen.Int[0, 100_000], fields).Sample((index, field) =>
            Refusal.TryItemField(Refusal.ItemField("Questions", index, field), "Questions", out var readIndex, out var readField)
            && readIndex == index && readField == field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Questions")]
    [InlineData("Questions[].Text")]
    [InlineData("Questions[x].Text")]
    [InlineData("Questions[-1].Text")]
    [InlineData("Questions[3]")]
    [InlineData("Questions[3].")]
    [InlineData("Rows[3].Text")]
    [InlineData("QuestionsX[3].Text")]
    public void AnythingElseIsNoItemsField(string? key) =>
        Assert.False(Refusal.TryItemField(key, "Questions", out _, out _));

    [Fact]
    public void AnItemHasNoNegativeIndex() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Refusal.ItemField("Questions", -1, "Text"));
}
