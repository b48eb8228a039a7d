using System.ComponentModel.DataAnnotations;
using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Features.Reviews;

/// <summary>The "Reviews" settings: how long a provider has to answer a communicated report, and its reminder.</summary>
public sealed class ReviewSettings : IValidatableObject
{
    public const string Section = "Reviews";

    /// <summary>Days from communication to the last day for the provider's answer (rule 5); 14 by default.</summary>
    [Range(1, 90)]
    public int ResponseDays { get; set; } = 14;

    /// <summary>How many days before the last day for answering the provider is reminded, once; 3 by default.</summary>
    [Range(0, 30)]
    public int ReminderDaysBefore { get; set; } = 3;

    /// <summary>When the reminder job runs, as a Quartz cron expression in Swedish time; by default 06:20 every day.</summary>
    public string ReminderSchedule { get; set; } = "0 20 6 * * ?";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReminderDaysBefore >= ResponseDays)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(ReminderDaysBefore)} måste vara färre dagar än {Section}:{nameof(ResponseDays)}.", [nameof(ReminderDaysBefore)]);
        }
        if (JobsRegistration.CheckSchedule(Section + ":" + nameof(ReminderSchedule), ReminderSchedule) is { } error)
        {
            yield return error;
        }
    }
}
