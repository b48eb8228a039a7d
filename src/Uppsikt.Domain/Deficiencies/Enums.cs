using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Deficiencies;

/// <summary>Where a deficiency was found. Stored by number: never renumber.</summary>
public enum DeficiencyOrigin
{
    [Display(Name = "Granskning")] Review = 1,
    [Display(Name = "Klagomål")] Complaint = 2,
    [Display(Name = "Avvikelse eller händelse")] Incident = 3,
}

/// <summary>Whether a deficiency is still to be fixed. Stored by number: never renumber.</summary>
public enum DeficiencyState
{
    [Display(Name = "Öppen")] Open = 1,
    [Display(Name = "Åtgärdad och verifierad")] Fixed = 2,
}

/// <summary>Where an action plan is between the provider and the municipality. Stored by number: never renumber.</summary>
public enum ActionPlanState
{
    [Display(Name = "Väntar på åtgärdsplan")] AwaitingPlan = 1,
    [Display(Name = "Inlämnad för godkännande")] Submitted = 2,
    [Display(Name = "Återsänd för komplettering")] Returned = 3,
    [Display(Name = "Godkänd, åtgärder pågår")] Approved = 4,
    [Display(Name = "Avslutad")] Closed = 5,
}

/// <summary>How the municipality checked that a deficiency was fixed [002] §7.1. Stored by number: never renumber.</summary>
public enum VerificationMethod
{
    [Display(Name = "Telefonsamtal med verksamhetsansvarig")] PhoneCall = 1,
    [Display(Name = "Granskning av underlag")] Documents = 2,
    [Display(Name = "Uppföljningsbesök")] Visit = 3,
}

/// <summary>The steps on an action plan's timeline. Stored by number: never renumber.</summary>
public enum ActionPlanStepKind
{
    [Display(Name = "Brister registrerades")] Created = 1,
    [Display(Name = "Åtgärdsplanen lämnades in")] Submitted = 2,
    [Display(Name = "Åtgärdsplanen godkändes")] Approved = 3,
    [Display(Name = "Åtgärdsplanen återsändes för komplettering")] Returned = 4,
    [Display(Name = "En åtgärd rapporterades genomförd")] ActionDone = 5,
    [Display(Name = "En brist verifierades som åtgärdad")] Verified = 6,
    [Display(Name = "En brist kvarstod vid uppföljningen")] Persisting = 7,
    [Display(Name = "Alla brister är åtgärdade; ärendet avslutades")] Closed = 8,
    [Display(Name = "Påminnelse skickades")] ReminderSent = 9,
}

/// <summary>What a reminder is about: a plan or an action, before its date or after it.</summary>
public enum ReminderKind
{
    PlanDueSoon = 1,
    PlanOverdue = 2,
    ActionDueSoon = 3,
    ActionOverdue = 4,
}
