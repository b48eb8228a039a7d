namespace Uppsikt.Domain.Register;

/// <summary>
/// A committee's decision as its secretary records it: the date, the paragraph in the minutes and the case number
/// (diarienummer). Plans are adopted and sanctions decided this way; only a secretary records one, and a secretary who serves
/// one committee only that committee's.
/// </summary>
public sealed record CommitteeDecision(DateOnly DecidedOn, string Paragraph, string CaseNumber)
{
    /// <summary>The refusal when <paramref name="actor"/> may not record a decision of the committee <paramref name="committeeId"/>; null when they may.</summary>
    /// <param name="otherCommittee">What the committee is to the decision, for the message: "den som ansvarar för kundvalet".</param>
    public static Refusal? RefuseRecorder(WorkflowActor actor, Guid? committeeId, string otherCommittee)
    {
        if (!actor.IsIn(Identity.Roles.CommitteeSecretary))
        {
            return Refusal.NotAllowed("Bara en nämndsekreterare kan registrera nämndens beslut.");
        }
        return actor.CommitteeId is { } serves && committeeId is { } committee && serves != committee
            ? Refusal.NotAllowed($"Du är sekreterare i en annan nämnd än {otherCommittee}.")
            : null;
    }

    /// <summary>
    /// The decision as entered, checked: a date not in the future, a paragraph ("45" becomes "§ 45") and a valid case number.
    /// The refusal names the field at fault.
    /// </summary>
    public static (CommitteeDecision? Decision, Refusal? Refusal) From(DateOnly? decidedOn, string? paragraph, string? caseNumber, DateOnly today)
    {
        if (decidedOn is not { } date)
        {
            return (null, Refusal.Invalid("Ange datum för nämndens beslut.", "DecidedOn"));
        }
        if (date > today)
        {
            return (null, Refusal.Invalid("Beslutsdatumet kan inte ligga i framtiden.", "DecidedOn"));
        }
        var section = (paragraph ?? "").Trim();
        if (section.Length == 0)
        {
            return (null, Refusal.Invalid("Ange paragrafen i nämndens protokoll, till exempel § 45.", "Paragraph"));
        }
        if (section.Length > 20)
        {
            return (null, Refusal.Invalid("Paragrafen får vara högst 20 tecken.", "Paragraph"));
        }
        if (!Register.CaseNumber.TryParse(caseNumber, out var number, out var error))
        {
            return (null, Refusal.Invalid(string.IsNullOrWhiteSpace(caseNumber) ? "Ange ärendets diarienummer." : error, "CaseNumber"));
        }
        return (new CommitteeDecision(date, section.StartsWith('§') ? section : "§ " + section, number.Value), null);
    }
}
