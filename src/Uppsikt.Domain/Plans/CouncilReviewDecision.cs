using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Plans;

/// <summary>
/// The council board's decision on the council-wide review of one year: when it decided, the paragraph in its minutes, the case
/// number and what it decided. One per year; recorded, and corrected, by the council board's staff (<see cref="CouncilBoard"/>).
/// </summary>
public sealed class CouncilReviewDecision : Entity
{
    public const int TextMax = 4000;

    public int Year { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string Paragraph { get; private set; } = "";

    public string CaseNumber { get; private set; } = "";

    /// <summary>What the council board decided, as its minutes word it.</summary>
    public string Text { get; private set; } = "";

    public string? RecordedById { get; private set; }

    public string RecordedByName { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public CommitteeDecision Decision => new(DecidedOn, Paragraph, CaseNumber);

    /// <summary>Records the decision for <paramref name="year"/>: a new record, or the year's one corrected.</summary>
    public static (CouncilReviewDecision? Decision, Refusal? Refusal) Record(
        CouncilReviewDecision? existing, int year, DateOnly? decidedOn, string? paragraph, string? caseNumber, string? text,
        WorkflowActor actor, DateTimeOffset at, DateOnly today)
    {
        if (CouncilBoard.RefuseRecorder(actor) is { } refusal)
        {
            return (null, refusal);
        }
        if (!FollowUpYear.IsValid(year))
        {
            return (null, Refusal.Invalid(FollowUpYear.Message, "Year"));
        }
        var (decision, invalid) = CommitteeDecision.From(decidedOn, paragraph, caseNumber, today);
        if (invalid is not null)
        {
            return (null, invalid);
        }
        if (decision!.DecidedOn.Year < year)
        {
            return (null, Refusal.Invalid($"Kommunstyrelsen kan inte ha beslutat om den samlade uppföljningen {year} före år {year}.", "DecidedOn"));
        }
        if (FreeText.Required(text, "Beslutets text", "Text", TextMax) is { } problem)
        {
            return (null, problem);
        }
        var record = existing ?? new CouncilReviewDecision { Year = year };
        record.DecidedOn = decision.DecidedOn;
        record.Paragraph = decision.Paragraph;
        record.CaseNumber = decision.CaseNumber;
        record.Text = text!.Trim();
        record.RecordedById = actor.UserId;
        record.RecordedByName = actor.Name;
        record.RecordedAt = at;
        return (record, null);
    }
}
