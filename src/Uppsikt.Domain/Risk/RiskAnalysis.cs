using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Domain.Risk;

/// <summary>
/// Riskanalys for one choice system and year: which requirements are at risk, how likely and how serious on the committee's
/// matrix, and how the follow-up meets them (docs/specification.md). Prepared by those who lead reviews, sent to the group
/// manager, who approves it or returns it with a reason. An approved analysis is read-only; a risk whose picture changes
/// during the year is reassessed, with a reason, in an append-only log.
/// </summary>
public sealed class RiskAnalysis : Entity
{
    public const int TextMax = 4000;
    public const int RequirementMax = 200;

    /// <summary>Who creates the analysis, edits its risks, sends it for approval and reassesses risks once it is approved.</summary>
    public static readonly string[] Preparers = [R.QualityDeveloper, R.DistrictFollowUp, R.Administrator];

    /// <summary>Who approves a submitted analysis or returns it to draft.</summary>
    public static readonly string[] Approvers = [R.GroupManager, R.Administrator];

    private RiskAnalysis()
    {
    }

    public Guid ChoiceSystemId { get; private set; }

    public Guid CommitteeId { get; private set; }

    public int Year { get; private set; }

    public RiskAnalysisState State { get; private set; } = RiskAnalysisState.Draft;

    public DateOnly CreatedOn { get; private set; }

    /// <summary>Who created the analysis, then who last sent it for approval: the one who answers for its content.</summary>
    public string PreparedById { get; private set; } = "";

    public string PreparedByName { get; private set; } = "";

    /// <summary>The day it was last sent for approval; null while a draft.</summary>
    public DateOnly? SubmittedOn { get; private set; }

    public string? ApprovedById { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    /// <summary>The group manager's reason when the analysis was returned to draft; cleared when it is sent again.</summary>
    public string? ReturnReason { get; private set; }

    public List<RiskItem> Items { get; } = [];

    /// <summary>Append-only: every reassessment of a risk after approval.</summary>
    public List<RiskReassessment> Reassessments { get; } = [];

    /// <summary>A new, empty draft for the choice system and year.</summary>
    public static (RiskAnalysis? Analysis, Refusal? Refusal) Create(Guid choiceSystemId, Guid committeeId, int year, WorkflowActor actor, DateOnly today)
    {
        if (!actor.IsIn(Preparers))
        {
            return (null, NotPreparer);
        }
        if (!FollowUpYear.IsValid(year))
        {
            return (null, Refusal.Invalid(FollowUpYear.Message, "Year"));
        }
        return (new RiskAnalysis
        {
            ChoiceSystemId = choiceSystemId,
            CommitteeId = committeeId,
            Year = year,
            CreatedOn = today,
            PreparedById = actor.UserId ?? "",
            PreparedByName = actor.Name,
        }, null);
    }

    /// <summary>Adds a risk to a draft, assessed on <paramref name="matrix"/>; it goes last.</summary>
    public Refusal? AddItem(RiskItemInput input, RiskMatrix matrix, WorkflowActor actor)
    {
        if ((CheckEditable(actor) ?? Check(input, matrix)) is { } refusal)
        {
            return refusal;
        }
        var item = new RiskItem { Position = Items.Count + 1 };
        Apply(item, input, matrix);
        Items.Add(item);
        return null;
    }

    /// <summary>Changes a risk of a draft, assessed on <paramref name="matrix"/>.</summary>
    public Refusal? UpdateItem(Guid itemId, RiskItemInput input, RiskMatrix matrix, WorkflowActor actor)
    {
        var item = Items.FirstOrDefault(i => i.Id == itemId);
        if ((CheckEditable(actor) ?? Missing(item) ?? Check(input, matrix)) is { } refusal)
        {
            return refusal;
        }
        Apply(item!, input, matrix);
        return null;
    }

    /// <summary>Removes a risk from a draft; the risks after it move up one place.</summary>
    public Refusal? RemoveItem(Guid itemId, WorkflowActor actor)
    {
        var item = Items.FirstOrDefault(i => i.Id == itemId);
        if ((CheckEditable(actor) ?? Missing(item)) is { } refusal)
        {
            return refusal;
        }
        Items.Remove(item!);
        foreach (var later in Items.Where(i => i.Position > item!.Position))
        {
            later.Position--;
        }
        return null;
    }

    /// <summary>Whether the actor may change the risks now: a preparer, and the analysis a draft. Null when they may.</summary>
    public Refusal? CheckEditable(WorkflowActor actor) =>
        !actor.IsIn(Preparers) ? NotPreparer
        : State switch
        {
            RiskAnalysisState.Draft => null,
            RiskAnalysisState.SubmittedForApproval => Refusal.WrongState("Riskanalysen väntar på gruppchefens godkännande och kan inte ändras förrän den har returnerats."),
            _ => Refusal.WrongState("Riskanalysen är godkänd och kan inte ändras. En risk vars bedömning har ändrats omprövas i stället."),
        };

    /// <summary>The preparer sends a draft with at least one risk to the group manager; they become the one it is prepared by.</summary>
    public Refusal? Submit(WorkflowActor actor, DateOnly today)
    {
        if (!actor.IsIn(Preparers))
        {
            return NotPreparer;
        }
        if (State != RiskAnalysisState.Draft)
        {
            return Refusal.WrongState($"Bara ett utkast kan skickas för godkännande; riskanalysen är {StateText}.");
        }
        if (Items.Count == 0)
        {
            return Refusal.Invalid("Riskanalysen har inga risker. Lägg till minst en risk innan den skickas för godkännande.");
        }
        State = RiskAnalysisState.SubmittedForApproval;
        SubmittedOn = today;
        PreparedById = actor.UserId ?? "";
        PreparedByName = actor.Name;
        ReturnReason = null;
        return null;
    }

    /// <summary>The group manager approves a submitted analysis; from then on it is read-only and its risks are reassessed.</summary>
    public Refusal? Approve(WorkflowActor actor, DateOnly today)
    {
        if (CheckApprover(actor, "godkännas") is { } refusal)
        {
            return refusal;
        }
        State = RiskAnalysisState.Approved;
        ApprovedById = actor.UserId;
        ApprovedByName = actor.Name;
        ApprovedOn = today;
        return null;
    }

    /// <summary>The group manager returns a submitted analysis to draft, saying why.</summary>
    public Refusal? Return(string reason, WorkflowActor actor)
    {
        if ((CheckApprover(actor, "returneras") ?? FreeText.Required(reason, "Skälet", "Reason", TextMax)) is { } refusal)
        {
            return refusal;
        }
        State = RiskAnalysisState.Draft;
        SubmittedOn = null;
        ReturnReason = reason.Trim();
        return null;
    }

    /// <summary>
    /// A preparer reassesses a risk of the approved analysis, saying why; the change is logged with the assessment before and
    /// after. <paramref name="on"/> is the day the reassessment is made, so the caller gives today and it is never in the
    /// future. It must fall while the analysis is in force, from its approval to the last day of its year, and not before the
    /// risk's previous reassessment, so that the log reads in order.
    /// </summary>
    public Refusal? Reassess(Guid itemId, int likelihood, int consequence, string reason, DateOnly on, RiskMatrix matrix, WorkflowActor actor)
    {
        if (!actor.IsIn(Preparers))
        {
            return NotPreparer;
        }
        if (State != RiskAnalysisState.Approved)
        {
            return Refusal.WrongState($"Bara en godkänd riskanalys omprövas; den här är {StateText}. Ändra risken direkt i stället.");
        }
        var item = Items.FirstOrDefault(i => i.Id == itemId);
        if ((Missing(item) ?? matrix.CheckStep(likelihood, consequence)) is { } refusal)
        {
            return refusal;
        }
        if (item!.Likelihood == likelihood && item.Consequence == consequence)
        {
            return Refusal.Invalid("Den nya bedömningen är densamma som den gällande. Ändra sannolikheten eller konsekvensen.", "Likelihood");
        }
        if (FreeText.Required(reason, "Skälet", "Reason", TextMax) is { } problem)
        {
            return problem;
        }
        var lastDay = new DateOnly(Year, 12, 31);
        var earliest = Reassessments.Where(r => r.ItemId == itemId).Select(r => r.On).Append(ApprovedOn!.Value).Max();
        if (on < earliest || on > lastDay)
        {
            return Refusal.Invalid(
                $"Ange ett datum från {SwedishWording.Date(earliest)} till och med {SwedishWording.Date(lastDay)}: analysen gäller från godkännandet till årets slut, och en omprövning dateras inte före riskens förra.", "On");
        }
        var score = matrix.Score(likelihood, consequence);
        Reassessments.Add(new RiskReassessment
        {
            ItemId = itemId,
            On = on,
            Reason = reason.Trim(),
            FromLikelihood = item.Likelihood,
            FromConsequence = item.Consequence,
            FromScore = item.Score,
            ToLikelihood = likelihood,
            ToConsequence = consequence,
            ToScore = score,
            ActorName = actor.Name,
        });
        (item.Likelihood, item.Consequence, item.Score) = (likelihood, consequence, score);
        return null;
    }

    /// <summary>The risks most urgent first: by priority, then highest score, then requirement (Swedish order), then as added.</summary>
    public IReadOnlyList<RiskItem> ByPriority() =>
        [.. Items.OrderBy(i => i.Priority).ThenByDescending(i => i.Score)
            .ThenBy(i => i.Requirement, StringComparer.Create(SwedishWording.Culture, ignoreCase: true)).ThenBy(i => i.Position)];

    private static readonly Refusal NotPreparer =
        Refusal.NotAllowed("Bara kvalitetsutvecklare, uppföljare och systemförvaltare tar fram och ändrar riskanalyser.");

    private string StateText => State switch
    {
        RiskAnalysisState.Draft => "ett utkast",
        RiskAnalysisState.SubmittedForApproval => "skickad för godkännande",
        _ => "redan godkänd",
    };

    private Refusal? CheckApprover(WorkflowActor actor, string step) =>
        !actor.IsIn(Approvers) ? Refusal.NotAllowed("Bara en gruppchef eller systemförvaltare godkänner eller returnerar en riskanalys.")
        : State != RiskAnalysisState.SubmittedForApproval ? Refusal.WrongState($"Bara en riskanalys som är skickad för godkännande kan {step}; den här är {StateText}.")
        : null;

    private static Refusal? Missing(RiskItem? item) => item is null ? Refusal.Invalid("Risken finns inte i den här riskanalysen.") : null;

    private static Refusal? Check(RiskItemInput input, RiskMatrix matrix) =>
        FreeText.Required(input.Requirement, "Kravet", "Requirement", RequirementMax)
        ?? FreeText.Required(input.Description, "Beskrivningen", "Description", TextMax)
        ?? matrix.CheckStep(input.Likelihood, input.Consequence)
        ?? (Enum.IsDefined(input.Priority) ? null : Refusal.Invalid("Välj prioritet.", "Priority"))
        ?? FreeText.Optional(input.Mitigation, "Åtgärden", "Mitigation", TextMax);

    private static void Apply(RiskItem item, RiskItemInput input, RiskMatrix matrix)
    {
        item.ConditionId = input.ConditionId;
        item.Requirement = input.Requirement.Trim();
        item.Description = input.Description.Trim();
        item.Likelihood = input.Likelihood;
        item.Consequence = input.Consequence;
        item.Score = matrix.Score(input.Likelihood, input.Consequence);
        item.Priority = input.Priority;
        item.Mitigation = FreeText.Trimmed(input.Mitigation) ?? "";
    }
}
