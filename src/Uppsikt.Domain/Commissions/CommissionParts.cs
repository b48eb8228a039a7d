using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Commissions;

/// <summary>Where a commission stands, in the only order it moves. Stored by name: never rename one.</summary>
public enum CommissionState
{
    [Display(Name = "Givet")] Given = 1,
    [Display(Name = "Pågår")] InProgress = 2,
    [Display(Name = "Återrapporterat")] Reported = 3,
    [Display(Name = "Avslutat")] Closed = 4,
}

/// <summary>One change of a commission's status: the status it went to, who moved it, when and what they said.</summary>
public sealed class CommissionStep : Entity
{
    public Guid CommissionId { get; set; }

    public CommissionState State { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public string? Comment { get; set; }
}

/// <summary>A commission as the council board's staff enter it: what, to whom, in which decision, and by when.</summary>
/// <param name="CommitteeId">The committee it is given to; null for the municipality's administration.</param>
public sealed record CommissionInput(
    string? Title, string? Description, Guid? CommitteeId, DateOnly? DecidedOn, string? Paragraph, string? CaseNumber, DateOnly? DueOn);
