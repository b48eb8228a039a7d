using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Cycle;

/// <summary>A committee's annual cycle for one year: a template applied once, which became one task per step.</summary>
public sealed class AnnualCycle : Entity
{
    public Guid CommitteeId { get; set; }

    public Guid TemplateId { get; set; }

    /// <summary>The template's name when it was applied; the template may change later.</summary>
    public required string Name { get; set; }

    public int Year { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<CycleTask> Tasks { get; } = [];

    /// <summary>One task per step of <paramref name="template"/>, due on the step's day in <see cref="Year"/>, owned as <paramref name="ownerOf"/> says.</summary>
    public static AnnualCycle Apply(AnnualCycleTemplate template, Guid committeeId, int year, Func<AnnualCycleStep, string> ownerOf, DateTimeOffset now)
    {
        var cycle = new AnnualCycle { CommitteeId = committeeId, TemplateId = template.Id, Name = template.Name, Year = year, CreatedAt = now };
        foreach (var step in template.OrderedSteps)
        {
            cycle.Tasks.Add(new CycleTask
            {
                CycleId = cycle.Id,
                StepId = step.Id,
                Position = step.Position,
                Title = step.Title,
                Description = step.Description,
                OwnerUserId = ownerOf(step),
                DueOn = step.Due.In(year),
            });
        }
        return cycle;
    }
}

public enum CycleTaskStatus
{
    [Display(Name = "Öppen")] Open = 0,
    [Display(Name = "Klar")] Done = 1,
}

/// <summary>
/// Uppgift, with an owner and a due date: a step of a committee's annual cycle for a year (<see cref="CycleId"/>), or work a
/// signal about a unit calls for during the year (<see cref="UnitId"/>), such as proposing a called review after a serious
/// complaint (decision 0031). Both are listed, reminded and marked done the same way.
/// </summary>
public sealed class CycleTask : Entity
{
    /// <summary>The cycle the task is a step of; null for a task a signal raised.</summary>
    public Guid? CycleId { get; set; }

    public AnnualCycle? Cycle { get; set; }

    /// <summary>The template step it came from; null once the step is removed from the template.</summary>
    public Guid? StepId { get; set; }

    public int Position { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The user who owns the task (the Identity user id).</summary>
    public required string OwnerUserId { get; set; }

    public DateOnly DueOn { get; set; }

    public CycleTaskStatus Status { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletionNote { get; set; }

    /// <summary>The unit a signal raised the task about; null for a cycle step.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>A local link to what the task is about (the signal's explanation); null when there is none.</summary>
    public string? Link { get; set; }

    /// <summary>What raised a signal's task (e.g. <c>risk-alert:{complaint id}</c>), so that one signal raises one task.</summary>
    public string? SignalKey { get; set; }

    /// <summary>Försenad: still open after its due date.</summary>
    public bool IsOverdue(DateOnly today) => Status == CycleTaskStatus.Open && DueOn < today;

    /// <summary>Open and due from today up to <paramref name="days"/> days ahead.</summary>
    public bool IsDueWithin(DateOnly today, int days) => Status == CycleTaskStatus.Open && DueOn >= today && DueOn <= today.AddDays(days);

    public void Complete(string? note, DateTimeOffset now)
    {
        Status = CycleTaskStatus.Done;
        CompletedAt = now;
        CompletionNote = note;
    }
}
