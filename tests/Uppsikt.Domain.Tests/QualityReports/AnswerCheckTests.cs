using System.Globalization;
using CsCheck;
using Uppsikt.Domain.QualityReports;

namespace Uppsikt.Domain.Tests.QualityReports;

/// <summary>A question's own check of an answer, and the states in which a report is open for its provider.</summary>
public sealed class AnswerCheckTests
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private static TemplateQuestion Question(QuestionKind kind, params string[] choices) =>
        new() { Section = "Volym", Code = "1.1", Text = "Fråga?", Kind = kind, Choices = [.. choices] };

    [Fact]
    public void AnyNumberWrittenTheSwedishWayIsANumber()
    {
        var number = Question(QuestionKind.Number);
        Gen.Decimal[-1_000_000_000m, 1_000_000_000m].Select(d => decimal.Round(d, 2)).Sample(value =>
            number.Check(value.ToString("N2", Swedish)) is null
            && number.Check(value.ToString(Swedish)) is null
            && number.Check(value.ToString("#,0.##", Swedish).Replace('\u00a0', ' ')) is null);
    }

    [Theory]
    [InlineData("sjuttio")]
    [InlineData("12 st")]
    [InlineData("")]
    public void SomethingElseIsNoNumberAndNamesItsQuestion(string answer)
    {
        var refusal = Question(QuestionKind.Number).Check(answer);
        Assert.Equal(Refusal.Invalid("Svaret på fråga 1.1 ska vara ett tal.", "1.1"), refusal);
    }

    [Fact]
    public void AChoiceQuestionTakesItsOwnChoicesOnly()
    {
        string[] choices = ["Demens", "Läkemedel", "Palliativ vård", "Annat"];
        var single = Question(QuestionKind.SingleChoice, choices);
        var multiple = Question(QuestionKind.MultipleChoice, choices);
        var picks = Gen.Int[0, choices.Length - 1].Select(i => choices[i]);
        var others = Gen.String[Gen.Char.AlphaNumeric, 1, 12].Where(s => !choices.Contains(s));

        picks.Sample(pick => single.Check(pick) is null);
        others.Sample(other => single.Check(other)?.Kind == RefusalKind.Invalid);
        picks.Array[1, 4].Sample(chosen => multiple.Check(string.Join('\n', chosen)) is null);
        Gen.Select(picks.Array[0, 3], others).Sample((chosen, other) => multiple.Check(string.Join('\n', [.. chosen, other]))?.Field == "1.1");
    }

    [Fact]
    public void YesNoIsJaOrNej()
    {
        var yesNo = Question(QuestionKind.YesNo);
        Assert.Null(yesNo.Check(QuestionVisibility.Yes));
        Assert.Null(yesNo.Check(QuestionVisibility.No));
        Gen.String.Where(s => s is not (QuestionVisibility.Yes or QuestionVisibility.No)).Sample(other => yesNo.Check(other) is not null);
    }

    [Fact]
    public void TextTablesAndFilesTakeAnyAnswer() =>
        Gen.Select(Gen.OneOfConst(QuestionKind.Text, QuestionKind.Table, QuestionKind.File), Gen.String)
            .Sample((kind, answer) => Question(kind, "Kolumn").Check(answer) is null);

    [Fact]
    public void AStoredAnswerThatNoLongerFitsIsNamedByItsQuestion()
    {
        var template = new QualityReportTemplate { Title = "Mall" };
        template.Questions.AddRange(StarterQuestions.For(template.Id));
        var report = new QualityReport();
        Assert.Null(report.SaveAnswers(template, new Dictionary<string, string?> { ["1.1"] = "många", ["1.2"] = "1 200,5", ["2.1"] = "Kanske" }));
        Assert.Equal(["1.1", "2.1"], report.CheckAnswers(template).Select(r => r.Field));
    }

    [Fact]
    public void AReportIsOpenForItsProviderAsADraftOrWhenSentBackForCompletion()
    {
        Assert.Equal([ReportState.Draft, ReportState.CompletionRequested], QualityReport.OpenStates);
        var open = QualityReport.Open.Compile();
        Gen.Enum<ReportState>().Sample(state =>
        {
            var report = new QualityReport { State = state };
            return report.IsOpenForProvider == QualityReport.OpenStates.Contains(state) && open(report) == report.IsOpenForProvider;
        });
    }
}
