using CsCheck;
using Uppsikt.Domain.Evidence;

namespace Uppsikt.Domain.Tests.Evidence;

public sealed class SurveyTests
{
    private static Indicator Indicator(string code, EvidenceSource source = EvidenceSource.UserSurvey) =>
        new() { Code = code, Name = code, UnitOfMeasure = "%", Direction = Direction.HigherIsBetter, Source = source };

    private static Survey NewSurvey() => new() { Name = "Brukarundersökning (test)", Year = 2025, Conductor = "Kvalitetsenheten" };

    [Fact]
    public void QuestionsAreNumberedInTheOrderTheyAreAdded()
    {
        var survey = NewSurvey();
        Assert.Null(survey.AddQuestion(Indicator("A"), "Första?"));
        Assert.Null(survey.AddQuestion(Indicator("B"), "  Andra?  "));
        Assert.Equal([(1, "Första?"), (2, "Andra?")], survey.Questions.Select(q => (q.Number, q.Text)));
        Assert.All(survey.Questions, q => Assert.Equal(survey.Id, q.SurveyId));
    }

    [Fact]
    public void OnlyAUserSurveysIndicatorOnceAndWithATextOfAFittingLengthBecomesAQuestion()
    {
        var survey = NewSurvey();
        var reported = survey.AddQuestion(Indicator("KONT", EvidenceSource.ProviderReported), "Hur många?");
        Assert.Equal((RefusalKind.Invalid, nameof(SurveyQuestion.IndicatorId)), (reported!.Kind, reported.Field));

        var satisfaction = Indicator("NOJD");
        Assert.Equal(nameof(SurveyQuestion.Text), survey.AddQuestion(satisfaction, " ")!.Field);
        Assert.Equal(nameof(SurveyQuestion.Text), survey.AddQuestion(satisfaction, new string('x', SurveyQuestion.TextMax + 1))!.Field);
        Assert.Null(survey.AddQuestion(satisfaction, new string('x', SurveyQuestion.TextMax)));
        Assert.Contains("redan en fråga", survey.AddQuestion(satisfaction, "Igen?")!.Message, StringComparison.Ordinal);
        Assert.Single(survey.Questions);
    }

    [Fact]
    public void ASurveyHasAtMostItsMaximumOfQuestions()
    {
        var survey = NewSurvey();
        for (var i = 0; i < Survey.MaxQuestions; i++)
        {
            Assert.Null(survey.AddQuestion(Indicator($"Q{i}"), $"Fråga {i}?"));
        }
        Assert.NotNull(survey.AddQuestion(Indicator("EN-FOR-MYCKET"), "En för mycket?"));
        Assert.Equal(Survey.MaxQuestions, survey.Questions.Count);
    }

    [Fact]
    public void AYearOutsideTheResultsYearsAndAClosingBeforeTheOpeningAreRefused()
    {
        Assert.Empty(Survey.Check(2025, new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 1)));
        Assert.Equal([nameof(Survey.Year)], Survey.Check(OutcomePeriod.FirstYear - 1, null, null).Select(r => r.Field));
        Assert.Equal([nameof(Survey.Year)], Survey.Check(OutcomePeriod.LastYear + 1, null, null).Select(r => r.Field));
        Assert.Equal([nameof(Survey.ClosesOn)], Survey.Check(2025, new DateOnly(2025, 10, 2), new DateOnly(2025, 10, 1)).Select(r => r.Field));
    }

    [Fact]
    public void WhateverIsAddedAndRemovedTheQuestionsAreNumberedOneToTheirCountInTheirOrder()
    {
        // A sequence of steps: a non-negative number adds a question, a negative one removes the question at that place from the end.
        Gen.Int[-5, 5].Array[0, 40].Sample(steps =>
        {
            var survey = NewSurvey();
            var added = new List<string>();
            var next = 0;
            foreach (var step in steps)
            {
                if (step >= 0 || survey.Questions.Count == 0)
                {
                    var text = $"Fråga {next++}";
                    if (survey.AddQuestion(Indicator(text), text) is null)
                    {
                        added.Add(text);
                    }
                }
                else
                {
                    var ordered = survey.Questions.OrderBy(q => q.Number).ToList();
                    var victim = ordered[Math.Max(0, ordered.Count + step)];
                    Assert.True(survey.RemoveQuestion(victim.Id));
                    added.Remove(victim.Text);
                }
                var numbered = survey.Questions.OrderBy(q => q.Number).ToList();
                Assert.Equal(Enumerable.Range(1, numbered.Count), numbered.Select(q => q.Number));
                Assert.Equal(added, numbered.Select(q => q.Text));
            }
            Assert.False(survey.RemoveQuestion(Guid.NewGuid()));
        });
    }
}
