using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Risk;

/// <summary>Where a risk analysis is on its way to approval. Stored by number: never renumber.</summary>
public enum RiskAnalysisState
{
    [Display(Name = "Utkast")] Draft = 1,
    [Display(Name = "Skickad för godkännande")] SubmittedForApproval = 2,
    [Display(Name = "Godkänd")] Approved = 3,
}

/// <summary>How urgently a risk is to be acted on, most urgent first. Stored by number: never renumber.</summary>
public enum RiskPriority
{
    [Display(Name = "Hög")] High = 1,
    [Display(Name = "Medel")] Medium = 2,
    [Display(Name = "Låg")] Low = 3,
}

/// <summary>A risk as the form gives it: the requirement at risk, what could go wrong, its assessment and what is done about it.</summary>
/// <param name="ConditionId">The condition (villkor) the requirement comes from, when it comes from one.</param>
public sealed record RiskItemInput(
    Guid? ConditionId, string Requirement, string Description, int Likelihood, int Consequence, RiskPriority Priority, string Mitigation);

/// <summary>
/// One risk of an analysis: a requirement that may not be met, how likely and how serious that would be on the committee's
/// matrix, and how the follow-up meets it. Changed only through its <see cref="RiskAnalysis"/>.
/// </summary>
public sealed class RiskItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid? ConditionId { get; internal set; }

    /// <summary>The requirement at risk, e.g. "Genomförandeplan inom 14 dagar".</summary>
    public string Requirement { get; internal set; } = "";

    /// <summary>What could go wrong, and why it is thought to.</summary>
    public string Description { get; internal set; } = "";

    public int Likelihood { get; internal set; }

    public int Consequence { get; internal set; }

    /// <summary>Likelihood × consequence on the matrix the risk was assessed on.</summary>
    public int Score { get; internal set; }

    public RiskPriority Priority { get; internal set; }

    /// <summary>How the follow-up meets the risk; empty when nothing is said.</summary>
    public string Mitigation { get; internal set; } = "";

    /// <summary>1, 2, 3 … in the order the risks were added.</summary>
    public int Position { get; internal set; }
}

/// <summary>
/// A risk assessed anew after the analysis was approved: when, why, by whom, and the assessment before and after. The log is
/// append-only.
/// </summary>
public sealed class RiskReassessment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ItemId { get; internal set; }

    public DateOnly On { get; internal set; }

    public string Reason { get; internal set; } = "";

    public int FromLikelihood { get; internal set; }

    public int FromConsequence { get; internal set; }

    public int FromScore { get; internal set; }

    public int ToLikelihood { get; internal set; }

    public int ToConsequence { get; internal set; }

    public int ToScore { get; internal set; }

    public string ActorName { get; internal set; } = "";
}
