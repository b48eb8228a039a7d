using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Plans;

/// <summary>Where a follow-up plan is on its way from draft to the council board [000][002].</summary>
public enum PlanState
{
    [Display(Name = "Utkast")] Draft = 1,
    [Display(Name = "Godkänd av gruppchef")] Approved = 2,
    [Display(Name = "Antagen av nämnden")] Adopted = 3,
    [Display(Name = "Rapporterad till kommunstyrelsen")] ReportedToCouncilBoard = 4,
}

/// <summary>How an activity follows up: the methods of sources [000], [002] and [003] (docs/specification.md).</summary>
public enum FollowUpMethod
{
    [Display(Name = "Anordnarens egenrapportering")] SelfReport = 1,
    [Display(Name = "Enkät / brukarundersökning")] Survey = 2,
    [Display(Name = "Verksamhetsbesök")] Visit = 3,
    [Display(Name = "Dokumentgranskning")] DocumentReview = 4,
    [Display(Name = "Statistik")] Statistics = 5,
    [Display(Name = "Dialog")] Dialogue = 6,
    [Display(Name = "Stickprov")] SpotCheck = 7,
}

/// <summary>How often an activity is done.</summary>
public enum ActivityFrequency
{
    [Display(Name = "Löpande")] Continuous = 1,
    [Display(Name = "Varje månad")] Monthly = 2,
    [Display(Name = "Varje tertial")] EveryTertial = 3,
    [Display(Name = "En gång per år")] Annual = 4,
    [Display(Name = "Vartannat år")] EveryOtherYear = 5,
    [Display(Name = "På förekommen anledning")] OnCause = 6,
}

/// <summary>Tertial: a third of the year, four months.</summary>
public enum Tertial
{
    [Display(Name = "Tertial 1 (jan–apr)")] First = 1,
    [Display(Name = "Tertial 2 (maj–aug)")] Second = 2,
    [Display(Name = "Tertial 3 (sep–dec)")] Third = 3,
}

/// <summary>A step on a plan's timeline.</summary>
public enum PlanStepKind
{
    [Display(Name = "Utkast skapat")] Created = 1,
    [Display(Name = "Utkast skapat från fjolårets plan")] CopiedFromLastYear = 2,
    [Display(Name = "Revision påbörjad")] RevisionStarted = 3,
    [Display(Name = "Godkänd av gruppchef")] Approved = 4,
    [Display(Name = "Antagen av nämnden")] Adopted = 5,
    [Display(Name = "Rapporterad till kommunstyrelsen")] ReportedToCouncilBoard = 6,
    [Display(Name = "Skickad till gruppchef för godkännande")] SubmittedForApproval = 7,
}
