using CsCheck;
using Uppsikt.Domain.QualityReports;

namespace Uppsikt.Domain.Tests.QualityReports;

/// <summary>The rules a template's questions follow, edited in the browser or imported from a spreadsheet.</summary>
public sealed class TemplateRulesTests
{
    private static readonly Guid Condition = Guid.CreateVersion7();
    private static readonly HashSet<Guid> Allowed = [Condition];

    private static QuestionDraft Draft(string code, string kind = "Text", string[]? choices = null, string? whenCode = null, string? whenAnswer = null) =>
        new("Volym", code, $"Fråga {code}?", null, kind, choices ?? [], false, [], whenCode, whenAnswer);

    private static QualityReportTemplate Starter()
    {
        var template = new QualityReportTemplate { ChoiceSystemId = Guid.CreateVersion7(), Year = 2027, Title = "Kvalitetsrapport 2027" };
        template.Questions.AddRange(StarterQuestions.For(template.Id));
        return template;
    }

    /// <summary>A rule's refusal as the question and field it names.</summary>
    private sealed record QuestionProblem(int Index, QuestionField Field, string Message, RefusalKind Kind);

    private static QuestionProblem Of(Refusal refusal)
    {
        Assert.True(TemplateRules.TryQuestionField(refusal, out var index, out var field), $"{refusal.Field} names no question's field.");
        return new QuestionProblem(index, field, refusal.Message, refusal.Kind);
    }

    private static IReadOnlyList<QuestionProblem> Problems(params QuestionDraft[] drafts) => [.. TemplateRules.Check(drafts, Allowed).Problems.Select(Of)];

    [Fact]
    public void TheStarterQuestionsFollowTheRules()
    {
        var starter = Starter();
        var (questions, problems) = TemplateRules.Check([.. starter.Ordered.Select(QuestionDraft.Of)], Allowed);
        Assert.Empty(problems);
        Assert.Equal(starter.Ordered.Select(q => q.Code), questions.Select(q => q.Code));
    }

    [Fact]
    public void AnUnknownKindIsNamedWithTheKnownOnes()
    {
        var problem = Assert.Single(Problems(Draft("1.1", "Kanske")));
        Assert.Equal(QuestionField.Kind, problem.Field);
        Assert.StartsWith("”Kanske” är ingen frågetyp. Använd någon av: Text, Tal, Ja/nej", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ett val", new[] { "Bara ett" }, "ange minst två alternativ.")]
    [InlineData("MultipleChoice", new string[0], "ange minst två alternativ.")]
    [InlineData("Tabell", new string[0], "ange tabellens kolumner.")]
    [InlineData("Tal", new[] { "Ett", "Två" }, "bara val- och tabellfrågor har alternativ eller kolumner.")]
    public void ChoicesAndColumnsFollowTheKind(string kind, string[] choices, string message)
    {
        var problem = Assert.Single(Problems(Draft("1.1", kind, choices)));
        Assert.Equal((QuestionField.Choices, message), (problem.Field, problem.Message));
    }

    [Fact]
    public void ACodeUsedTwiceIsAProblemOnEachQuestion()
    {
        var problems = Problems(Draft("1.1"), Draft("1.2"), Draft("1.1"));
        Assert.Equal([0, 2], problems.Select(p => p.Index));
        Assert.All(problems, p => Assert.Equal(QuestionField.Code, p.Field));
    }

    [Fact]
    public void AConditionMustBeAmongThoseAllowed()
    {
        var draft = Draft("1.1") with { ConditionIds = [Condition, Guid.CreateVersion7()] };
        Assert.Equal(QuestionField.Conditions, Assert.Single(Problems(draft)).Field);
        Assert.Empty(Problems(draft with { ConditionIds = [Condition] }));
    }

    [Fact]
    public void ShownOnlyWhenNamesAnEarlierYesNoOrChoiceQuestionAndOneOfItsAnswers()
    {
        Assert.Empty(Problems(Draft("1", "YesNo"), Draft("2", whenCode: "1", whenAnswer: "Nej")));
        Assert.Empty(Problems(Draft("1", "Ett val", ["Röd", "Blå"]), Draft("2", whenCode: "1", whenAnswer: "Blå")));

        // Later, not a yes/no question, no such answer, no question named.
        Assert.Contains("finns inte före den här frågan", Assert.Single(Problems(Draft("2", whenCode: "1", whenAnswer: "Ja"), Draft("1", "YesNo"))).Message, StringComparison.Ordinal);
        Assert.Contains("är inte en ja/nej- eller valfråga", Assert.Single(Problems(Draft("1"), Draft("2", whenCode: "1", whenAnswer: "Ja"))).Message, StringComparison.Ordinal);
        Assert.Contains("”Kanske” är inget möjligt svar på fråga 1", Assert.Single(Problems(Draft("1", "YesNo"), Draft("2", whenCode: "1", whenAnswer: "Kanske"))).Message, StringComparison.Ordinal);
        Assert.Equal(QuestionField.ShownWhen, Assert.Single(Problems(Draft("1", "YesNo"), Draft("2", whenAnswer: "Ja"))).Field);
    }

    [Fact]
    public void ANewQuestionGoesLastInItsSectionAndANewSectionLast()
    {
        var template = Starter();
        var (index, problems) = template.SaveQuestion(null, Draft("1.3") with { Section = StarterQuestions.Volume }, Allowed);
        Assert.Empty(problems);
        Assert.Equal(2, index);
        Assert.Equal(["1.1", "1.2", "1.3", "2.1"], template.Ordered.Take(4).Select(q => q.Code));

        template.SaveQuestion(null, Draft("6.1") with { Section = "Nytt avsnitt" }, Allowed);
        Assert.Equal("6.1", template.Ordered.Last().Code);
        Assert.Equal(Enumerable.Range(1, template.Questions.Count), template.Ordered.Select(q => q.Position));
    }

    [Fact]
    public void AChangedCodeIsFollowedByTheQuestionsThatDependOnIt()
    {
        var template = Starter();
        var question = template.Questions.Single(q => q.Code == "5.1");
        Assert.Empty(template.SaveQuestion(question.Id, QuestionDraft.Of(question) with { Code = "5.0" }, Allowed).Problems);
        Assert.Equal("5.0", template.Questions.Single(q => q.Code == "5.2").ShownWhenCode);
    }

    [Fact]
    public void AChangeThatBreaksAnotherQuestionIsRefusedAndChangesNothing()
    {
        var template = Starter();
        var question = template.Questions.Single(q => q.Code == "2.1");
        var (index, problems) = template.SaveQuestion(question.Id, QuestionDraft.Of(question) with { Kind = "Text" }, Allowed);
        var problem = Of(Assert.Single(problems));
        Assert.NotEqual(index, problem.Index);
        Assert.Equal(QuestionKind.YesNo, question.Kind);
    }

    [Fact]
    public void AQuestionOthersDependOnCannotBeRemoved()
    {
        var template = Starter();
        Assert.Contains("Fråga 5.2 visas bara", template.Remove(template.Questions.Single(q => q.Code == "5.1").Id)?.Message, StringComparison.Ordinal);
        Assert.Null(template.Remove(template.Questions.Single(q => q.Code == "5.2").Id));
        Assert.Null(template.Remove(template.Questions.Single(q => q.Code == "5.1").Id));
        Assert.Equal(Enumerable.Range(1, 10), template.Ordered.Select(q => q.Position));
    }

    [Fact]
    public void AnActivatedTemplateRefusesEveryChange()
    {
        var template = Starter();
        Assert.Null(template.Activate(new DateOnly(2027, 4, 1), new DateOnly(2027, 3, 1)));
        var question = template.Ordered.First();
        var activated = Refusal.WrongState(QualityReportTemplate.ActivatedMessage);
        Assert.Equal(activated, Assert.Single(template.SaveQuestion(question.Id, QuestionDraft.Of(question) with { Text = "Ny?" }, Allowed).Problems));
        Assert.Equal(activated, template.Move(template.Ordered.Last().Id, -1));
        Assert.Equal(activated, template.Remove(question.Id));
        Assert.Equal(activated, template.RenameSection(StarterQuestions.Volume, "Omfattning"));
        Assert.Equal(activated, template.ReplaceQuestions([]).Refused);
        Assert.Equal(RefusalKind.WrongState, template.Activate(new DateOnly(2027, 4, 2), new DateOnly(2027, 3, 1))?.Kind);
        Assert.Equal(12, template.Questions.Count);
    }

    [Fact]
    public void ASectionIsRenamedOnAllItsQuestionsButNotIntoAnother()
    {
        var template = Starter();
        Assert.Null(template.RenameSection(StarterQuestions.Volume, "Omfattning"));
        Assert.Equal(2, template.Questions.Count(q => q.Section == "Omfattning"));
        Assert.NotNull(template.RenameSection("Omfattning", StarterQuestions.Staff));
        Assert.NotNull(template.RenameSection("Omfattning", " "));
    }

    [Fact]
    public void MovingUpThenDownRestoresTheOrder()
    {
        // A template of its own per sample: CsCheck runs samples on several threads, and a shared one would be moved by two at once.
        Gen.Int[0, Starter().Questions.Count - 1].Sample(i =>
        {
            var template = Starter();
            var before = template.Ordered.Select(q => q.Code).ToList();
            var question = template.Ordered.ElementAt(i);
            if (template.Move(question.Id, -1) is not null)
            {
                return template.Ordered.Select(q => q.Code).SequenceEqual(before);
            }
            return template.Move(question.Id, 1) is null && template.Ordered.Select(q => q.Code).SequenceEqual(before);
        });
    }

    [Fact]
    public void NoSequenceOfMovesPutsAQuestionBeforeTheOneItDependsOnOrOutOfItsSection()
    {
        var sections = Starter().Ordered.Select(q => q.Section).Distinct().ToList();
        Gen.Select(Gen.Int[0, 11], Gen.OneOfConst(-1, 1)).Array[1, 40].Sample(moves =>
        {
            var template = Starter();
            foreach (var (i, offset) in moves)
            {
                template.Move(template.Ordered.ElementAt(i).Id, offset);
            }
            var ordered = template.Ordered.ToList();
            return ordered.Select((q, i) => q.ShownWhenCode is null || ordered.Take(i).Any(e => e.Code == q.ShownWhenCode)).All(ok => ok)
                && ordered.Select(q => q.Section).Distinct().SequenceEqual(sections)
                && ordered.Select(q => q.Position).SequenceEqual(Enumerable.Range(1, 12));
        });
    }

    [Fact]
    public void AMoveThatWouldPutAQuestionBeforeItsConditionIsRefusedInSwedish()
    {
        var template = Starter();
        var dependent = template.Questions.Single(q => q.Code == "5.2");
        Assert.Equal("Fråga 5.2 visas bara beroende på svaret på fråga 5.1 och måste stå efter den.", template.Move(dependent.Id, -1)?.Message);
        Assert.Equal("Frågan står redan sist i sitt avsnitt.", template.Move(dependent.Id, 1)?.Message);
    }
}
