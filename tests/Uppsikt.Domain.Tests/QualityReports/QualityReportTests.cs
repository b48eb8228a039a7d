using CsCheck;
using Uppsikt.Domain.QualityReports;

namespace Uppsikt.Domain.Tests.QualityReports;

public sealed class QualityReportTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static QualityReportTemplate Template()
    {
        var template = new QualityReportTemplate { ChoiceSystemId = Guid.CreateVersion7(), Year = 2026, Title = "Kvalitetsrapport 2026" };
        template.Questions.AddRange(StarterQuestions.For(template.Id));
        return template;
    }

    /// <summary>Every required question of the starter template answered, with "Nej" to 2.1 and 5.1.</summary>
    private static Dictionary<string, string?> Complete() => new()
    {
        ["1.1"] = "70",
        ["1.2"] = "21000",
        ["2.1"] = "Ja",
        ["2.3"] = "På papper",
        ["4.1"] = "Nej",
        ["4.3"] = "Få avvikelser.",
        ["5.1"] = "Nej",
    };

    private static QualityReport Submitted(QualityReportTemplate template)
    {
        var report = new QualityReport { TemplateId = template.Id, ProviderId = Guid.CreateVersion7() };
        Assert.Null(report.SaveAnswers(template, Complete()));
        Assert.Empty(report.Submit(template, hasFiles: false, At));
        return report;
    }

    [Fact]
    public void AReportGoesFromDraftThroughCompletionToApproved()
    {
        var template = Template();
        var report = Submitted(template);
        Assert.Equal(ReportState.Submitted, report.State);
        Assert.NotNull(report.SaveAnswers(template, Complete()));

        Assert.Null(report.RequestCompletion([("4.3", "Beskriv vad ni lärde er.")], "Klara (fiktiv)", At));
        Assert.Equal(ReportState.CompletionRequested, report.State);
        Assert.NotNull(report.Approve("Klara (fiktiv)", At));

        Assert.Null(report.SaveAnswers(template, new Dictionary<string, string?>(Complete()) { ["4.3"] = "Nyckelrutinen skärptes." }));
        Assert.Empty(report.Submit(template, hasFiles: false, At.AddDays(1)));
        Assert.Equal(ReportState.Resubmitted, report.State);
        Assert.All(report.CompletionRequests, r => Assert.Equal(At.AddDays(1), r.ResolvedAt));

        Assert.Null(report.Approve("Klara (fiktiv)", At.AddDays(2)));
        Assert.Equal(ReportState.Approved, report.State);
        Assert.NotNull(report.RequestCompletion([("1.1", "Mer")], "Klara (fiktiv)", At));
    }

    [Fact]
    public void ADraftCannotBeApprovedNorHaveCompletionRequested()
    {
        var report = new QualityReport();
        Assert.NotNull(report.Approve("Klara (fiktiv)", At));
        Assert.NotNull(report.RequestCompletion([("1.1", "Mer")], "Klara (fiktiv)", At));
        Assert.Equal(ReportState.Draft, report.State);
    }

    [Fact]
    public void SubmittingNamesEveryRequiredQuestionShownButUnanswered()
    {
        var template = Template();
        var report = new QualityReport();
        report.SaveAnswers(template, new Dictionary<string, string?> { ["1.1"] = "70", ["5.1"] = "Ja" });

        var missing = report.Submit(template, hasFiles: false, At).Select(m => m.Field).ToList();

        Assert.Equal(["1.2", "2.1", "2.3", "4.1", "4.3", "5.2"], missing);
        Assert.Equal(ReportState.Draft, report.State);
    }

    [Fact]
    public void AHiddenQuestionIsNeitherRequiredNorStored()
    {
        var template = Template();
        var report = new QualityReport();
        var answers = new Dictionary<string, string?>(Complete()) { ["5.2"] = "Ny ägare.", ["2.2"] = "Planer saknas." };

        report.SaveAnswers(template, answers);

        Assert.DoesNotContain(report.Answers, a => a.QuestionCode is "5.2" or "2.2");
        Assert.Empty(report.MissingRequired(template, hasFiles: false));

        answers["5.1"] = "Ja";
        report.SaveAnswers(template, answers);
        Assert.Contains(report.Answers, a => a.QuestionCode == "5.2");
    }

    [Fact]
    public void AFileQuestionIsRequiredOnlyWhenShownAndAnsweredByAnAttachedFile()
    {
        var template = Template();
        template.Questions.Single(q => q.Code == "4.2").Required = true;
        var report = new QualityReport();
        report.SaveAnswers(template, new Dictionary<string, string?>(Complete()) { ["4.1"] = "Ja" });

        Assert.Equal(["4.2"], report.MissingRequired(template, hasFiles: false).Select(m => m.Field));
        Assert.Empty(report.MissingRequired(template, hasFiles: true));
    }

    [Fact]
    public void VisibilityFollowsTheChainOfConditions()
    {
        // A question shown only when a hidden question has the matching answer stays hidden: 3 depends on 2, which depends on 1.
        var template = new QualityReportTemplate { Title = "Kedja" };
        template.Questions.AddRange(
        [
            new TemplateQuestion { Position = 1, Section = "A", Code = "1", Text = "?", Kind = QuestionKind.YesNo },
            new TemplateQuestion { Position = 2, Section = "A", Code = "2", Text = "?", Kind = QuestionKind.YesNo, ShownWhenCode = "1", ShownWhenAnswer = "Ja" },
            new TemplateQuestion { Position = 3, Section = "A", Code = "3", Text = "?", Kind = QuestionKind.Text, ShownWhenCode = "2", ShownWhenAnswer = "Ja" },
        ]);
        Gen.Select(Gen.OneOfConst("Ja", "Nej", ""), Gen.OneOfConst("Ja", "Nej", "")).Sample((first, second) =>
        {
            var shown = QuestionVisibility.Shown(template, new Dictionary<string, string> { ["1"] = first, ["2"] = second });
            return shown.Contains("1")
                && shown.Contains("2") == (first == "Ja")
                && shown.Contains("3") == (first == "Ja" && second == "Ja");
        });
    }

    [Fact]
    public void StartingFromLastYearCopiesByCodeAndKeepsAnswersGiven()
    {
        var template = Template();
        var lastYear = new QualityReport();
        lastYear.Answers.AddRange(
        [
            new QualityAnswer { QuestionCode = "1.1", Value = "60" },
            new QualityAnswer { QuestionCode = "2.3", Value = "På papper" },
            new QualityAnswer { QuestionCode = "9.9", Value = "Borttagen fråga" },
        ]);
        var report = new QualityReport();
        report.SaveAnswers(template, new Dictionary<string, string?> { ["1.1"] = "72" });

        Assert.Equal(1, report.CopyFrom(lastYear, template));

        Assert.Equal("72", report.AnswerMap()["1.1"]);
        Assert.Equal("På papper", report.AnswerMap()["2.3"]);
        Assert.False(report.AnswerMap().ContainsKey("9.9"));
    }

    [Fact]
    public void ATemplateIsActivatedOnceWithAFutureDeadline()
    {
        var template = Template();
        var today = new DateOnly(2026, 3, 2);
        Assert.NotNull(template.Activate(today, today));
        Assert.Null(template.Activate(today.AddDays(30), today));
        Assert.Equal(TemplateState.Active, template.State);
        Assert.NotNull(template.Activate(today.AddDays(40), today));
        Assert.Equal(today.AddDays(30), template.DueOn);
    }
}
