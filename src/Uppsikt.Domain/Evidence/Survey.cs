namespace Uppsikt.Domain.Evidence;

/// <summary>
/// Brukarundersökning or another survey of a committee's services for one year (decision 0049): who carries it out, how, and its
/// questions. A question is read as an indicator of the source <see cref="EvidenceSource.UserSurvey"/>, so its per-unit results
/// are that indicator's whole-year results with their number of answers, imported, compared on equal terms, released and
/// suppressed like every other result.
/// </summary>
public sealed class Survey : Entity
{
    public const int NameMax = 200;
    public const int ConductorMax = 200;
    public const int TextMax = 4000;

    /// <summary>A survey asks at most this many questions; a longer questionnaire is several surveys.</summary>
    public const int MaxQuestions = 60;

    public required string Name { get; set; }

    /// <summary>The year its results are for: the questions' whole-year results of this year.</summary>
    public int Year { get; set; }

    public Guid CommitteeId { get; set; }

    public Register.Committee? Committee { get; set; }

    /// <summary>The choice system whose units were asked; null when every unit of the committee was.</summary>
    public Guid? ChoiceSystemId { get; set; }

    public Register.ChoiceSystem? ChoiceSystem { get; set; }

    /// <summary>Who carries it out: the municipality itself, a national authority or a contracted survey company.</summary>
    public required string Conductor { get; set; }

    /// <summary>How: who was asked, how and when, and the response rate, as the survey's report says.</summary>
    public string? Method { get; set; }

    public DateOnly? OpensOn { get; set; }

    public DateOnly? ClosesOn { get; set; }

    public List<SurveyQuestion> Questions { get; } = [];

    /// <summary>The checks a survey's own fields pass, whatever else is true; each refusal names its field.</summary>
    public static IReadOnlyList<Refusal> Check(int year, DateOnly? opensOn, DateOnly? closesOn)
    {
        var refusals = new List<Refusal>();
        if (year is < OutcomePeriod.FirstYear or > OutcomePeriod.LastYear)
        {
            refusals.Add(Refusal.Invalid($"Året ska vara mellan {OutcomePeriod.FirstYear} och {OutcomePeriod.LastYear}.", nameof(Year)));
        }
        if (opensOn is { } opens && closesOn is { } closes && closes < opens)
        {
            refusals.Add(Refusal.Invalid("Undersökningen kan inte stänga före den öppnar.", nameof(ClosesOn)));
        }
        return refusals;
    }

    /// <summary>
    /// Adds a question read as <paramref name="indicator"/>, numbered after the last one. Refused when the text is empty or too long,
    /// the indicator is not a user survey's, is already a question of the survey, or the survey has all the questions it may have.
    /// </summary>
    public Refusal? AddQuestion(Indicator indicator, string? text)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Refusal.Invalid("Skriv frågan som den ställdes i undersökningen.", nameof(SurveyQuestion.Text));
        }
        if (text.Length > SurveyQuestion.TextMax)
        {
            return Refusal.Invalid($"Frågan får vara högst {SurveyQuestion.TextMax} tecken.", nameof(SurveyQuestion.Text));
        }
        if (indicator.Source != EvidenceSource.UserSurvey)
        {
            return Refusal.Invalid($"Indikatorn {indicator.Code} har inte underlaget brukarundersökningar och kan inte vara en fråga i en undersökning.",
                nameof(SurveyQuestion.IndicatorId));
        }
        if (Questions.Any(q => q.IndicatorId == indicator.Id))
        {
            return Refusal.Invalid($"Indikatorn {indicator.Code} är redan en fråga i undersökningen.", nameof(SurveyQuestion.IndicatorId));
        }
        if (Questions.Count >= MaxQuestions)
        {
            return Refusal.Invalid($"En undersökning kan ha högst {MaxQuestions} frågor.");
        }
        Questions.Add(new SurveyQuestion
        {
            SurveyId = Id,
            IndicatorId = indicator.Id,
            Number = Questions.Count == 0 ? 1 : Questions.Max(q => q.Number) + 1,
            Text = text,
        });
        return null;
    }

    /// <summary>Removes a question and numbers the rest 1, 2, 3 … in their order; false when the survey has no such question.</summary>
    public bool RemoveQuestion(Guid questionId)
    {
        var question = Questions.FirstOrDefault(q => q.Id == questionId);
        if (question is null)
        {
            return false;
        }
        Questions.Remove(question);
        var number = 1;
        foreach (var rest in Questions.OrderBy(q => q.Number))
        {
            rest.Number = number++;
        }
        return true;
    }
}

/// <summary>A survey's question as it was asked, read as the indicator whose results are its answers.</summary>
public sealed class SurveyQuestion
{
    public const int TextMax = 400;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SurveyId { get; init; }

    /// <summary>1, 2, 3 … in the order the questionnaire asks them.</summary>
    public int Number { get; set; }

    public required string Text { get; set; }

    public Guid IndicatorId { get; init; }

    public Indicator? Indicator { get; set; }
}
