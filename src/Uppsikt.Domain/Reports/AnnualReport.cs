using System.ComponentModel.DataAnnotations;
using Uppsikt.Domain.Register;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Domain.Reports;

public enum AnnualReportState
{
    /// <summary>Being written: the figures are computed afresh on every reading, the narrative can be edited.</summary>
    [Display(Name = "Utkast")] Draft = 1,

    /// <summary>Submitted to the committee: figures frozen as they were on submission, the narrative locked.</summary>
    [Display(Name = "Lämnad till nämnden")] Submitted = 2,

    /// <summary>The committee has decided on it (date, paragraph, case number).</summary>
    [Display(Name = "Beslutad")] Decided = 3,
}

/// <summary>The narrative of an annual report as its writer enters it; every section optional until submission.</summary>
public sealed record AnnualReportText(string? Summary, string? Analysis, string? ImprovementAreas, string? Proposals);

/// <summary>
/// The annual quality report (årsrapport, verksamhetsrapport) on a year's follow-up, for a committee or for one of its choice systems:
/// generated figures beside a narrative its quality developers write. It moves draft → submitted to the committee (the figures
/// frozen as they stood that day, the text locked) → decided, when the committee's secretary records the decision; a submitted
/// report can be taken back to draft before the decision.
/// </summary>
public sealed class AnnualReport : Entity
{
    public const int TextMax = 8000;

    /// <summary>Who writes and submits reports: quality developers and administrators.</summary>
    public static readonly IReadOnlyList<string> Writers = [R.QualityDeveloper, R.Administrator];

    public int Year { get; private set; }

    public Guid CommitteeId { get; private set; }

    public Committee? Committee { get; set; }

    /// <summary>The choice system the report is about; null when it covers all the committee's follow-up.</summary>
    public Guid? ChoiceSystemId { get; private set; }

    public ChoiceSystem? ChoiceSystem { get; set; }

    public AnnualReportState State { get; private set; } = AnnualReportState.Draft;

    public string? Summary { get; private set; }

    public string? Analysis { get; private set; }

    public string? ImprovementAreas { get; private set; }

    public string? Proposals { get; private set; }

    /// <summary>The generated figures as they stood on submission (JSON written by the web layer); null while a draft.</summary>
    public string? Figures { get; private set; }

    public DateOnly? SubmittedOn { get; private set; }

    public string? SubmittedByName { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecisionParagraph { get; private set; }

    public string? DecisionCaseNumber { get; private set; }

    public string? DecisionRecordedByName { get; private set; }

    /// <summary>The committee's decision on the report, once recorded.</summary>
    public CommitteeDecision? Decision => DecidedOn is { } on ? new(on, DecisionParagraph!, DecisionCaseNumber!) : null;

    public string CreatedByName { get; private set; } = "";

    public static Refusal? RefuseWriter(WorkflowActor actor) =>
        actor.IsIn([.. Writers]) ? null : Refusal.NotAllowed("Bara en kvalitetsutvecklare kan skriva och lämna årsrapporter.");

    /// <summary>A new draft for a year and a committee, or one of the committee's choice systems (which the caller has checked).</summary>
    public static (AnnualReport? Report, Refusal? Refusal) Start(int? year, Guid committeeId, Guid? choiceSystemId, WorkflowActor actor, DateOnly today)
    {
        if (RefuseWriter(actor) is { } refusal)
        {
            return (null, refusal);
        }
        if (year is not { } y || !FollowUpYear.IsValid(y))
        {
            return (null, Refusal.Invalid(FollowUpYear.Message, "Year"));
        }
        if (y > today.Year)
        {
            return (null, Refusal.Invalid("En årsrapport kan inte skrivas för ett år som inte har börjat.", "Year"));
        }
        return (new AnnualReport { Year = y, CommitteeId = committeeId, ChoiceSystemId = choiceSystemId, CreatedByName = actor.Name }, null);
    }

    /// <summary>The writer edits the narrative of a draft; every problem is told at once.</summary>
    public IReadOnlyList<Refusal> Write(AnnualReportText text, WorkflowActor actor)
    {
        if (RefuseWriter(actor) is { } refusal)
        {
            return [refusal];
        }
        if (State != AnnualReportState.Draft)
        {
            return [Refusal.WrongState("Rapporten är lämnad till nämnden och kan inte ändras. Ta tillbaka den till utkast först.")];
        }
        List<Refusal> problems =
        [
            .. new[]
            {
                FreeText.Optional(text.Summary, "Sammanfattningen", "Summary", TextMax),
                FreeText.Optional(text.Analysis, "Analysen", "Analysis", TextMax),
                FreeText.Optional(text.ImprovementAreas, "Förbättringsområdena", "ImprovementAreas", TextMax),
                FreeText.Optional(text.Proposals, "Förslagen", "Proposals", TextMax),
            }.OfType<Refusal>(),
        ];
        if (problems.Count > 0)
        {
            return problems;
        }
        Summary = FreeText.Trimmed(text.Summary);
        Analysis = FreeText.Trimmed(text.Analysis);
        ImprovementAreas = FreeText.Trimmed(text.ImprovementAreas);
        Proposals = FreeText.Trimmed(text.Proposals);
        return [];
    }

    /// <summary>
    /// The writer submits a draft to the committee, freezing <paramref name="figures"/> as they stand. A report without a summary
    /// or proposals is not ready: the committee decides on what the report proposes.
    /// </summary>
    public IReadOnlyList<Refusal> Submit(string figures, WorkflowActor actor, DateOnly today)
    {
        if (RefuseWriter(actor) is { } refusal)
        {
            return [refusal];
        }
        if (State != AnnualReportState.Draft)
        {
            return [Refusal.WrongState(State == AnnualReportState.Submitted ? "Rapporten är redan lämnad till nämnden." : "Nämnden har redan beslutat om rapporten.")];
        }
        List<Refusal> missing = [];
        if (Summary is null)
        {
            missing.Add(Refusal.Invalid("Skriv en sammanfattning innan rapporten lämnas till nämnden.", "Summary"));
        }
        if (Proposals is null)
        {
            missing.Add(Refusal.Invalid("Skriv förslagen till nämnden innan rapporten lämnas.", "Proposals"));
        }
        if (today.Year <= Year)
        {
            missing.Add(Refusal.WrongState($"Året {Year} är inte slut; rapporten kan lämnas till nämnden från och med den 1 januari {Year + 1}."));
        }
        if (missing.Count > 0)
        {
            return missing;
        }
        State = AnnualReportState.Submitted;
        Figures = figures;
        SubmittedOn = today;
        SubmittedByName = actor.Name;
        return [];
    }

    /// <summary>The writer takes a submitted report back to draft, before the committee has decided; the figures thaw.</summary>
    public Refusal? Withdraw(WorkflowActor actor)
    {
        if (RefuseWriter(actor) is { } refusal)
        {
            return refusal;
        }
        if (State != AnnualReportState.Submitted)
        {
            return Refusal.WrongState(State == AnnualReportState.Draft ? "Rapporten är redan ett utkast." : "Nämnden har beslutat om rapporten; den kan inte tas tillbaka.");
        }
        State = AnnualReportState.Draft;
        Figures = null;
        SubmittedOn = null;
        SubmittedByName = null;
        return null;
    }

    /// <summary>The committee's secretary records the committee's decision on a submitted report.</summary>
    public Refusal? RecordDecision(DateOnly? decidedOn, string? paragraph, string? caseNumber, WorkflowActor actor, DateOnly today)
    {
        if (CommitteeDecision.RefuseRecorder(actor, CommitteeId, "den som rapporten gäller") is { } refusal)
        {
            return refusal;
        }
        if (State != AnnualReportState.Submitted)
        {
            return Refusal.WrongState(State == AnnualReportState.Draft
                ? "Rapporten är inte lämnad till nämnden ännu."
                : "Nämndens beslut om rapporten är redan registrerat.");
        }
        var (decision, invalid) = CommitteeDecision.From(decidedOn, paragraph, caseNumber, today);
        if (invalid is not null)
        {
            return invalid;
        }
        if (decision!.DecidedOn < SubmittedOn)
        {
            return Refusal.Invalid($"Nämnden kan inte ha beslutat före den {SwedishWording.Date(SubmittedOn!.Value)}, då rapporten lämnades.", "DecidedOn");
        }
        State = AnnualReportState.Decided;
        DecidedOn = decision.DecidedOn;
        DecisionParagraph = decision.Paragraph;
        DecisionCaseNumber = decision.CaseNumber;
        DecisionRecordedByName = actor.Name;
        return null;
    }
}
