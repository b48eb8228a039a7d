using Uppsikt.Domain.Register;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Domain.Commissions;

/// <summary>
/// A commission (uppdrag) the council board gives a committee or the municipality's administration in one of its decisions, with a
/// day it is to be reported by. It moves only forward: given → in progress → reported (with the answer) → closed. The council
/// board's staff give, edit and close it (<see cref="CouncilBoard"/>); the receiving committee's quality developers and group
/// managers, or the council board's staff, start it and report the answer. Every change of status is kept as a step.
/// </summary>
public sealed class Commission : Entity
{
    public const int TitleMax = 200;

    public const int TextMax = 4000;

    /// <summary>Who answers a commission besides the council board's staff: the receiving side's quality developers and group managers.</summary>
    public static readonly IReadOnlyList<string> Answerers = [R.QualityDeveloper, R.GroupManager];

    public required string Title { get; set; }

    public string? Description { get; private set; }

    /// <summary>The committee given the commission; null when it is given to the municipality's administration.</summary>
    public Guid? CommitteeId { get; private set; }

    public Committee? Committee { get; set; }

    public DateOnly DecidedOn { get; private set; }

    public string Paragraph { get; private set; } = "";

    public string CaseNumber { get; private set; } = "";

    /// <summary>The day the answer is to be reported to the council board by.</summary>
    public DateOnly DueOn { get; private set; }

    public CommissionState State { get; private set; } = CommissionState.Given;

    /// <summary>The answer reported: a summary of the report (a file may be attached beside it).</summary>
    public string? ReportSummary { get; private set; }

    public DateOnly? ReportedOn { get; private set; }

    public string? ReportedByName { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public List<CommissionStep> Steps { get; } = [];

    /// <summary>The council board's decision that gave the commission.</summary>
    public CommitteeDecision Decision => new(DecidedOn, Paragraph, CaseNumber);

    /// <summary>Not reported, and its day has passed.</summary>
    public bool IsOverdue(DateOnly today) => IsOverdue(State, DueOn, today);

    /// <summary>The one overdue rule, for a row as for the record: not yet reported and due before today.</summary>
    public static bool IsOverdue(CommissionState state, DateOnly dueOn, DateOnly today) =>
        state is CommissionState.Given or CommissionState.InProgress && dueOn < today;

    /// <summary>Whether the commission is the actor's to answer: the council board's staff, or a quality developer or group manager
    /// who serves the receiving committee, or who serves no particular committee.</summary>
    public bool MayAnswer(WorkflowActor actor) => MayAnswer(actor, CommitteeId);

    /// <inheritdoc cref="MayAnswer(WorkflowActor)"/>
    public static bool MayAnswer(WorkflowActor actor, Guid? committeeId) =>
        CouncilBoard.RefuseRecorder(actor) is null
        || (actor.IsIn([.. Answerers]) && (actor.CommitteeId is null || actor.CommitteeId == committeeId));

    /// <summary>The council board's staff give a commission; every problem of the input is told at once.</summary>
    public static (Commission? Commission, IReadOnlyList<Refusal> Refusals) Give(CommissionInput input, WorkflowActor actor, DateTimeOffset at, DateOnly today)
    {
        if (CouncilBoard.RefuseRecorder(actor) is { } refusal)
        {
            return (null, [refusal]);
        }
        var commission = new Commission { Title = "" };
        if (commission.Apply(input, today) is { Count: > 0 } invalid)
        {
            return (null, invalid);
        }
        commission.Record(CommissionState.Given, actor, at, null);
        return (commission, []);
    }

    /// <summary>The council board's staff correct what, to whom, the decision or the due day, until the answer is reported.</summary>
    public IReadOnlyList<Refusal> Edit(CommissionInput input, WorkflowActor actor, DateOnly today)
    {
        if (CouncilBoard.RefuseRecorder(actor) is { } refusal)
        {
            return [refusal];
        }
        if (State is CommissionState.Reported or CommissionState.Closed)
        {
            return [Refusal.WrongState($"Uppdraget är {Phrase(State)} och kan inte ändras.")];
        }
        return Apply(input, today);
    }

    /// <summary>The receiving side (or the council board's staff) starts work on a given commission.</summary>
    public Refusal? Start(WorkflowActor actor, string? comment, DateTimeOffset at)
    {
        if (!MayAnswer(actor))
        {
            return NotAnswerer;
        }
        if (State != CommissionState.Given)
        {
            return Refusal.WrongState($"Bara ett givet uppdrag kan påbörjas; uppdraget är {Phrase(State)}.");
        }
        if (FreeText.Optional(comment, "Kommentaren", "Comment", TextMax) is { } problem)
        {
            return problem;
        }
        State = CommissionState.InProgress;
        Record(State, actor, at, comment);
        return null;
    }

    /// <summary>The receiving side (or the council board's staff) reports the answer of a commission in progress.</summary>
    public IReadOnlyList<Refusal> Report(WorkflowActor actor, DateOnly? reportedOn, string? summary, DateTimeOffset at, DateOnly today)
    {
        if (!MayAnswer(actor))
        {
            return [NotAnswerer];
        }
        if (State != CommissionState.InProgress)
        {
            return [Refusal.WrongState(State == CommissionState.Given
                ? "Markera först att arbetet med uppdraget pågår; därefter kan det återrapporteras."
                : $"Uppdraget är redan {Phrase(State)}.")];
        }
        var problems = new List<Refusal>();
        if (reportedOn is not { } on)
        {
            problems.Add(Refusal.Invalid("Ange datum för återrapporteringen.", "ReportedOn"));
        }
        else if (on > today)
        {
            problems.Add(Refusal.Invalid("Återrapporteringen kan inte vara daterad i framtiden.", "ReportedOn"));
        }
        else if (on < DecidedOn)
        {
            problems.Add(Refusal.Invalid($"Återrapporteringen kan inte vara daterad före beslutet den {SwedishWording.Date(DecidedOn)}.", "ReportedOn"));
        }
        if (FreeText.Required(summary, "Sammanfattningen av återrapporteringen", "Summary", TextMax) is { } problem)
        {
            problems.Add(problem);
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        State = CommissionState.Reported;
        ReportSummary = summary!.Trim();
        ReportedOn = reportedOn;
        ReportedByName = actor.Name;
        Record(State, actor, at, null);
        return problems;
    }

    /// <summary>The council board's staff close a reported commission.</summary>
    public Refusal? Close(WorkflowActor actor, string? comment, DateTimeOffset at, DateOnly today)
    {
        if (CouncilBoard.RefuseRecorder(actor) is { } refusal)
        {
            return refusal;
        }
        if (State != CommissionState.Reported)
        {
            return Refusal.WrongState(State == CommissionState.Closed
                ? "Uppdraget är redan avslutat."
                : "Ett uppdrag avslutas först när det är återrapporterat.");
        }
        if (FreeText.Optional(comment, "Kommentaren", "Comment", TextMax) is { } problem)
        {
            return problem;
        }
        State = CommissionState.Closed;
        ClosedOn = today;
        Record(State, actor, at, comment);
        return null;
    }

    private List<Refusal> Apply(CommissionInput input, DateOnly today)
    {
        var problems = new List<Refusal>();
        problems.AddRange(new[]
        {
            FreeText.Required(input.Title, "Uppdraget", "Title", TitleMax),
            FreeText.Optional(input.Description, "Beskrivningen", "Description", TextMax),
        }.OfType<Refusal>());
        var (decision, invalid) = CommitteeDecision.From(input.DecidedOn, input.Paragraph, input.CaseNumber, today);
        if (invalid is not null)
        {
            problems.Add(invalid);
        }
        if (input.DueOn is not { } due)
        {
            problems.Add(Refusal.Invalid("Ange när uppdraget ska återrapporteras.", "DueOn"));
        }
        else if (decision is not null && due <= decision.DecidedOn)
        {
            problems.Add(Refusal.Invalid("Uppdraget ska återrapporteras efter beslutsdagen.", "DueOn"));
        }
        if (problems.Count > 0 || decision is null)
        {
            return problems;
        }
        Title = input.Title!.Trim();
        Description = FreeText.Trimmed(input.Description);
        CommitteeId = input.CommitteeId;
        DecidedOn = decision.DecidedOn;
        Paragraph = decision.Paragraph;
        CaseNumber = decision.CaseNumber;
        DueOn = input.DueOn!.Value;
        return problems;
    }

    private void Record(CommissionState state, WorkflowActor actor, DateTimeOffset at, string? comment) =>
        Steps.Add(new CommissionStep { CommissionId = Id, State = state, OccurredAt = at, ActorId = actor.UserId, ActorName = actor.Name, Comment = FreeText.Trimmed(comment) });

    private static string Phrase(CommissionState state) => DisplayNames.Of(state).ToLowerInvariant();

    private static readonly Refusal NotAnswerer = Refusal.NotAllowed(
        "Uppdraget återrapporteras av kvalitetsutvecklare eller gruppchef för den nämnd som fått det, eller av kommunstyrelsens kansli.");
}
