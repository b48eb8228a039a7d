using System.ComponentModel.DataAnnotations;
using Uppsikt.Domain.Retention;
using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Infrastructure.Retention;

/// <summary>
/// The <c>Retention</c> section (decision 0038): how many months each kind of record about individual service users is kept
/// after its clock starts (<see cref="RetentionKind"/>), when the daily removal runs and how many records one transaction removes.
/// </summary>
public sealed class RetentionSettings : IValidatableObject
{
    public const string Section = "Retention";

    /// <summary>Months a complaint is kept after it is closed; 24 by default.</summary>
    public int ComplaintMonths { get; set; } = 24;

    /// <summary>Months a deviation, Lex Sarah or Lex Maria is kept after it is closed; 60 by default.</summary>
    public int IncidentMonths { get; set; } = 60;

    /// <summary>Months a case worker's observation is kept after the day it was observed; 24 by default.</summary>
    public int ObservationMonths { get; set; } = 24;

    /// <summary>Months a review's interview notes are kept after the review is closed; 24 by default.</summary>
    public int InterviewNoteMonths { get; set; } = 24;

    /// <summary>When the removal runs, as a Quartz cron expression in Swedish time; by default 02:30 every day.</summary>
    public string Schedule { get; set; } = "0 30 2 * * ?";

    /// <summary>How many records of one kind one transaction removes; 200 by default.</summary>
    [Range(1, 10_000, ErrorMessage = "Retention:BatchSize måste vara ett antal poster mellan 1 och 10 000.")]
    public int BatchSize { get; set; } = 200;

    /// <summary>The period of <paramref name="kind"/> in months.</summary>
    public int MonthsFor(RetentionKind kind) => kind switch
    {
        RetentionKind.Complaints => ComplaintMonths,
        RetentionKind.Incidents => IncidentMonths,
        RetentionKind.Observations => ObservationMonths,
        RetentionKind.InterviewNotes => InterviewNoteMonths,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The setting that holds the period of <paramref name="kind"/>, as it is written in configuration.</summary>
    public static string KeyFor(RetentionKind kind) => Section + ":" + kind switch
    {
        RetentionKind.Complaints => nameof(ComplaintMonths),
        RetentionKind.Incidents => nameof(IncidentMonths),
        RetentionKind.Observations => nameof(ObservationMonths),
        RetentionKind.InterviewNotes => nameof(InterviewNoteMonths),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var kind in Enum.GetValues<RetentionKind>())
        {
            if (MonthsFor(kind) is < RetentionPeriod.MinMonths or > RetentionPeriod.MaxMonths)
            {
                yield return new ValidationResult(
                    $"{KeyFor(kind)} måste vara ett antal månader mellan {RetentionPeriod.MinMonths} och {RetentionPeriod.MaxMonths}, inte {MonthsFor(kind)}.",
                    [KeyFor(kind)[(Section.Length + 1)..]]);
            }
        }
        if (JobsRegistration.CheckSchedule(Section + ":" + nameof(Schedule), Schedule) is { } error)
        {
            yield return error;
        }
    }
}
