namespace Uppsikt.Domain.Register;

/// <summary>
/// The council board (kommunstyrelsen) as the records it decides are kept: its decisions on the council-wide review and the
/// commissions it gives are recorded by its staff (the <c>CouncilReviewer</c> role) or by an administrator. A decision is dated,
/// numbered and filed like a committee's (<see cref="CommitteeDecision"/>).
/// </summary>
public static class CouncilBoard
{
    /// <summary>Who records the council board's decisions and keeps its commissions.</summary>
    public static readonly IReadOnlyList<string> Recorders = [Identity.Roles.CouncilReviewer, Identity.Roles.Administrator];

    /// <summary>The refusal when <paramref name="actor"/> may not record the council board's decisions; null when they may.</summary>
    public static Refusal? RefuseRecorder(WorkflowActor actor) =>
        actor.IsIn([.. Recorders]) ? null
            : Refusal.NotAllowed("Bara kommunstyrelsens kansli eller en systemförvaltare kan registrera kommunstyrelsens beslut och uppdrag.");
}
