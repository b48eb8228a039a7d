using System.ComponentModel.DataAnnotations;
using Uppsikt.Web.Infrastructure.Jobs;

namespace Uppsikt.Web.Features.Deficiencies;

/// <summary>The "Deficiencies" settings: how long a provider has to hand in an action plan, and the reminders before and after dates.</summary>
public sealed class DeficiencySettings : IValidatableObject
{
    public const string Section = "Deficiencies";

    /// <summary>Days from the deficiencies' registration (or a return) to the day the provider's action plan is due; 30 by default.</summary>
    [Range(1, 180)]
    public int PlanDays { get; set; } = 30;

    /// <summary>How many days before a plan's or an action's date the provider is reminded, once; 7 by default. Once the date has passed it is told once more.</summary>
    [Range(0, 60)]
    public int ReminderDaysBefore { get; set; } = 7;

    /// <summary>When the reminder job runs, as a Quartz cron expression in Swedish time; by default 06:25 every day.</summary>
    public string ReminderSchedule { get; set; } = "0 25 6 * * ?";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReminderDaysBefore >= PlanDays)
        {
            yield return new ValidationResult($"{Section}:{nameof(ReminderDaysBefore)} måste vara färre dagar än {Section}:{nameof(PlanDays)}.", [nameof(ReminderDaysBefore)]);
        }
        if (JobsRegistration.CheckSchedule(Section + ":" + nameof(ReminderSchedule), ReminderSchedule) is { } error)
        {
            yield return error;
        }
    }
}
