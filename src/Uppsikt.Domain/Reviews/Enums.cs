using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Reviews;

/// <summary>The kinds of review the municipal sources use (docs/specification.md, [000] [002] [003]). Stored by number: never renumber.</summary>
public enum ReviewType
{
    [Display(Name = "Kvalitetsgranskning")] QualityReview = 1,
    [Display(Name = "Särskilt riktad uppföljning")] TargetedFollowUp = 2,
    [Display(Name = "Påkallad granskning")] CalledReview = 3,
    [Display(Name = "Uppföljning av tidigare granskning")] FollowUpReview = 4,
    [Display(Name = "Stickprov")] SpotCheck = 5,
    [Display(Name = "Tillsyn av fristående förskola")] PreschoolSupervision = 6,
    [Display(Name = "Insyn i kommunal förskola")] PreschoolInsight = 7,
    [Display(Name = "Avtalsuppföljning")] ContractFollowUp = 8,
    [Display(Name = "Kvalitetsdialog")] QualityDialogue = 9,
    [Display(Name = "Hälso- och sjukvårdsgranskning (MAS/MAR)")] HealthCareReview = 10,
    [Display(Name = "Självvärdering och kollegial observation (Våga visa)")] SelfAssessment = 11,
}

/// <summary>Where a review is on its way from plan to closure. Stored by number: never renumber.</summary>
public enum ReviewState
{
    [Display(Name = "Planerad")] Planned = 1,
    [Display(Name = "Förberedelse")] Preparing = 2,
    [Display(Name = "Besök genomfört")] VisitDone = 3,
    [Display(Name = "Utkast till rapport")] DraftReport = 4,
    [Display(Name = "Kommunicerad")] Communicated = 5,
    [Display(Name = "Slutlig")] Final = 6,
    [Display(Name = "Avslutad")] Closed = 7,
}

/// <summary>The four-step scale a finding is assessed on [000]. Ordered from best to most serious: never renumber.</summary>
public enum Assessment
{
    [Display(Name = "Tillfredsställande")] Satisfactory = 1,
    [Display(Name = "Tillfredsställande men kan utvecklas")] SatisfactoryCanImprove = 2,
    [Display(Name = "Mindre brist")] MinorDeficiency = 3,
    [Display(Name = "Allvarlig brist")] SeriousDeficiency = 4,
}

/// <summary>How the visit is made.</summary>
public enum VisitMode
{
    [Display(Name = "Inget besök")] None = 0,
    [Display(Name = "Besök på plats")] OnSite = 1,
    [Display(Name = "Digitalt besök")] Digital = 2,
}

/// <summary>Whom an interview was with, as seed 002 lists them.</summary>
public enum InterviewGroup
{
    [Display(Name = "Brukare")] ServiceUsers = 1,
    [Display(Name = "Närstående")] Relatives = 2,
    [Display(Name = "Personal")] Staff = 3,
    [Display(Name = "Ledning")] Management = 4,
    [Display(Name = "Handläggare")] CaseWorkers = 5,
}

/// <summary>Which side a participant comes from.</summary>
public enum ParticipantSide
{
    [Display(Name = "Kommunen")] Municipality = 1,
    [Display(Name = "Anordnaren")] Provider = 2,
}

/// <summary>What the provider said of the draft report.</summary>
public enum ResponseKind
{
    [Display(Name = "Faktarättelse")] FactualCorrection = 1,
    [Display(Name = "Synpunkt")] Comment = 2,
}

/// <summary>The steps on a review's timeline. Stored by number: never renumber.</summary>
public enum ReviewStepKind
{
    [Display(Name = "Granskningen planerades")] Planned = 1,
    [Display(Name = "Förberedelsen påbörjades")] PreparationStarted = 2,
    [Display(Name = "Besöket genomfördes")] VisitDone = 3,
    [Display(Name = "Utkast till rapport skrevs")] DraftWritten = 4,
    [Display(Name = "Rapporten kommunicerades med anordnaren")] Communicated = 5,
    [Display(Name = "Anordnaren svarade")] ProviderResponded = 6,
    [Display(Name = "Anordnaren begärde att en oberoende granskare ser över rapporten")] DisputeRequested = 7,
    [Display(Name = "Oberoende granskare utsågs")] IndependentReviewerAssigned = 8,
    [Display(Name = "Oberoende granskare lämnade sin bedömning")] DisputeConcluded = 9,
    [Display(Name = "Rapporten fastställdes")] Finalised = 10,
    [Display(Name = "Granskningen avslutades")] Closed = 11,
    [Display(Name = "Påminnelse om svar skickades")] ReminderSent = 12,
    [Display(Name = "Utkastet öppnades igen")] DraftReopened = 13,
}
