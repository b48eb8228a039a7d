using CsCheck;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Domain.Tests.QualityReports;

/// <summary>Review checklists (decision 0020): templates with a review type, activated without a deadline, started from the starter that fits.</summary>
public sealed class ChecklistTests
{
    private static readonly DateOnly Today = new(2027, 3, 1);

    private static QualityReportTemplate Checklist(StarterChecklists.Kind kind = StarterChecklists.Kind.SocialCare, ReviewType type = ReviewType.QualityReview)
    {
        var checklist = new QualityReportTemplate { ChoiceSystemId = Guid.CreateVersion7(), Year = 2027, ReviewType = type, Title = "Checklista 2027 (fiktiv)" };
        checklist.Questions.AddRange(StarterChecklists.For(checklist.Id, kind));
        return checklist;
    }

    private static QuestionDraft Draft(string code) => new("Nytt område", code, $"Fråga {code}?", null, "Text", [], true, [], null, null);

    [Fact]
    public void AChecklistIsActivatedWithoutADeadlineOnceAndOnlyWithQuestions()
    {
        var checklist = Checklist();
        Assert.True(checklist.IsChecklist);

        Assert.Null(checklist.ActivateChecklist());
        Assert.Equal((TemplateState.Active, (DateOnly?)null), (checklist.State, checklist.DueOn));

        var again = checklist.ActivateChecklist();
        Assert.Equal((RefusalKind.WrongState, "Checklistan är redan aktiverad."), (again?.Kind, again?.Message));

        var empty = new QualityReportTemplate { ChoiceSystemId = Guid.CreateVersion7(), Year = 2027, ReviewType = ReviewType.SpotCheck, Title = "Tom (fiktiv)" };
        Assert.Equal(RefusalKind.Invalid, empty.ActivateChecklist()?.Kind);
        Assert.Equal(TemplateState.Draft, empty.State);
    }

    [Fact]
    public void AChecklistRefusesADeadlineAndAQualityReportTemplateRefusesActivationAsAChecklist()
    {
        var checklist = Checklist();
        var withDeadline = checklist.Activate(Today.AddDays(30), Today);
        Assert.Equal(RefusalKind.WrongState, withDeadline?.Kind);
        Assert.Equal((TemplateState.Draft, (DateOnly?)null), (checklist.State, checklist.DueOn));

        var template = new QualityReportTemplate { ChoiceSystemId = Guid.CreateVersion7(), Year = 2027, Title = "Kvalitetsrapport 2027" };
        template.Questions.AddRange(StarterQuestions.For(template.Id));
        Assert.False(template.IsChecklist);
        Assert.Equal(RefusalKind.WrongState, template.ActivateChecklist()?.Kind);
        Assert.Equal(TemplateState.Draft, template.State);
    }

    [Fact]
    public void AnActivatedChecklistRefusesEveryChangeInItsOwnWords()
    {
        var checklist = Checklist();
        Assert.Null(checklist.ActivateChecklist());
        var first = checklist.Ordered.First();
        var before = checklist.Ordered.Select(q => (q.Position, q.Section, q.Code, q.Text)).ToList();

        Assert.Equal(QualityReportTemplate.ChecklistActivated, checklist.Locked);
        Assert.Equal([QualityReportTemplate.ChecklistActivated], checklist.SaveQuestion(null, Draft("99.1"), new HashSet<Guid>()).Problems);
        Assert.Equal(QualityReportTemplate.ChecklistActivated, checklist.Move(first.Id, 1));
        Assert.Equal(QualityReportTemplate.ChecklistActivated, checklist.Remove(first.Id));
        Assert.Equal(QualityReportTemplate.ChecklistActivated, checklist.RenameSection(first.Section, "Annat namn"));
        Assert.Equal(QualityReportTemplate.ChecklistActivated, checklist.ReplaceQuestions([]).Refused);
        Assert.Equal(before, checklist.Ordered.Select(q => (q.Position, q.Section, q.Code, q.Text)));
        Assert.Equal(RefusalKind.WrongState, QualityReportTemplate.ChecklistActivated.Kind);

        var template = new QualityReportTemplate { ChoiceSystemId = Guid.CreateVersion7(), Year = 2027, Title = "Kvalitetsrapport 2027" };
        Assert.Equal(QualityReportTemplate.Activated, template.Locked);
    }

    [Theory]
    [InlineData(StarterChecklists.Kind.SocialCare, 18)]
    [InlineData(StarterChecklists.Kind.HealthCare, 6)]
    [InlineData(StarterChecklists.Kind.Preschool, 10)]
    public void EveryStarterFollowsTheTemplateRules(StarterChecklists.Kind kind, int count)
    {
        var checklist = Checklist(kind);
        var (questions, problems) = TemplateRules.Check([.. checklist.Ordered.Select(QuestionDraft.Of)], new HashSet<Guid>());
        Assert.Empty(problems);
        Assert.Equal(count, questions.Count);
        Assert.Equal(checklist.Ordered.Select(q => q.Code), questions.Select(q => q.Code));
        Assert.All(questions, q => Assert.True(q.Required, $"{q.Code} is assessed, so it is required."));
        Assert.Equal(Enumerable.Range(1, count), checklist.Ordered.Select(q => q.Position));
    }

    [Fact]
    public void TheStarterThatFitsIsPreschoolUnderTheSchoolActHealthCareForMasMarAndSocialCareOtherwise()
    {
        Assert.Equal(StarterChecklists.Kind.Preschool, StarterChecklists.KindFor(LegalBasis.SchoolAct, ReviewType.PreschoolSupervision));
        Assert.Equal(StarterChecklists.Kind.HealthCare, StarterChecklists.KindFor(LegalBasis.SoL, ReviewType.HealthCareReview));
        Assert.Equal(StarterChecklists.Kind.SocialCare, StarterChecklists.KindFor(LegalBasis.Lss, ReviewType.QualityReview));

        Gen.Select(Gen.Enum<LegalBasis>(), Gen.Enum<ReviewType>()).Sample((basis, type) =>
            StarterChecklists.KindFor(basis, type) == (basis == LegalBasis.SchoolAct ? StarterChecklists.Kind.Preschool
                : type == ReviewType.HealthCareReview ? StarterChecklists.Kind.HealthCare
                : StarterChecklists.Kind.SocialCare));
    }

    [Fact]
    public void ANewVersionCopiesTheQuestionsWithTheConditionsStillInForce()
    {
        var kept = Guid.CreateVersion7();
        var dropped = Guid.CreateVersion7();
        var earlier = Checklist();
        var (_, problems) = earlier.SaveQuestion(null, new QuestionDraft("Uppföljning", "10.1", "Är bristerna åtgärdade?", "Jämför med planen.", "SingleChoice",
            ["Ja", "Delvis", "Nej"], true, [kept, dropped], null, null), new HashSet<Guid> { kept, dropped });
        Assert.Empty(problems);
        Assert.Empty(earlier.SaveQuestion(null, new QuestionDraft("Uppföljning", "10.2", "Vad återstår?", null, "Text", [], false, [], "10.1", "Delvis"),
            new HashSet<Guid> { kept, dropped }).Problems);

        var next = new QualityReportTemplate { ChoiceSystemId = earlier.ChoiceSystemId, Year = 2028, ReviewType = earlier.ReviewType, Title = "Checklista 2028 (fiktiv)" };
        next.Questions.AddRange(earlier.CopyQuestions(next.Id, new HashSet<Guid> { kept }));

        static object Content(TemplateQuestion q) => (q.Position, q.Section, q.Code, q.Text, q.HelpText, q.Kind, string.Join('|', q.Choices), q.Required, q.ShownWhenCode, q.ShownWhenAnswer);
        Assert.Equal(earlier.Ordered.Select(Content), next.Ordered.Select(Content));
        Assert.All(next.Questions, q => Assert.Equal(next.Id, q.TemplateId));
        Assert.Empty(next.Questions.Select(q => q.Id).Intersect(earlier.Questions.Select(q => q.Id)));
        Assert.Equal([kept], next.Questions.Single(q => q.Code == "10.1").ConditionIds);
        Assert.Equal([kept, dropped], earlier.Questions.Single(q => q.Code == "10.1").ConditionIds);
        Assert.Empty(TemplateRules.Check([.. next.Ordered.Select(QuestionDraft.Of)], new HashSet<Guid> { kept }).Problems);
    }
}
