using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Plans;

/// <summary>
/// One line of a follow-up plan: what is followed up, how, by whom, how often and when. A draft may leave parts open;
/// the completeness check names them, and a plan with open parts cannot be approved.
/// </summary>
public sealed class FollowUpActivity : Entity
{
    public Guid PlanId { get; set; }

    public int Position { get; set; }

    /// <summary>What is followed up, in words (indicators, themes); the conditions and quality areas it covers are referenced below.</summary>
    public string? What { get; set; }

    public List<Guid> ConditionIds { get; set; } = [];

    public List<Guid> QualityAreaIds { get; set; } = [];

    public FollowUpMethod? Method { get; set; }

    /// <summary>A role or a person, such as "Kvalitetsutvecklare" or "MAS".</summary>
    public string? Who { get; set; }

    public ActivityFrequency? Frequency { get; set; }

    /// <summary>When in the year, by tertial …</summary>
    public Tertial? Tertial { get; set; }

    /// <summary>… or by month (1–12).</summary>
    public int? Month { get; set; }

    public decimal? EstimatedHours { get; set; }

    /// <summary>The parts of what, how, who and how often the activity does not state yet.</summary>
    public IReadOnlyList<ActivityPart> MissingParts()
    {
        var missing = new List<ActivityPart>();
        if (string.IsNullOrWhiteSpace(What) && ConditionIds.Count == 0 && QualityAreaIds.Count == 0)
        {
            missing.Add(ActivityPart.What);
        }
        if (Method is null)
        {
            missing.Add(ActivityPart.How);
        }
        if (string.IsNullOrWhiteSpace(Who))
        {
            missing.Add(ActivityPart.Who);
        }
        if (Frequency is null)
        {
            missing.Add(ActivityPart.HowOften);
        }
        else if (!IsScheduled)
        {
            missing.Add(ActivityPart.When);
        }
        return missing;
    }

    /// <summary>
    /// The activity says when in the year it is done: by its tertial or month, or by its frequency alone when that leaves no
    /// single time to name (continuous, monthly, every tertial, on cause). A yearly or two-yearly activity needs its tertial
    /// or month. One rule for the plan's completeness and the council-wide review alike.
    /// </summary>
    public bool IsScheduled => Tertial is not null || Month is not null
        || Frequency is ActivityFrequency.Continuous or ActivityFrequency.Monthly or ActivityFrequency.EveryTertial or ActivityFrequency.OnCause;

    /// <summary>A copy for another plan, with a new id.</summary>
    public FollowUpActivity Copy() => new()
    {
        Position = Position,
        What = What,
        ConditionIds = [.. ConditionIds],
        QualityAreaIds = [.. QualityAreaIds],
        Method = Method,
        Who = Who,
        Frequency = Frequency,
        Tertial = Tertial,
        Month = Month,
        EstimatedHours = EstimatedHours,
    };
}

/// <summary>What every activity of an adopted plan states [000] (specification rule 6): what, how, who, how often, and when.</summary>
public enum ActivityPart
{
    [Display(Name = "vad")] What = 1,
    [Display(Name = "hur")] How = 2,
    [Display(Name = "vem")] Who = 3,
    [Display(Name = "hur ofta")] HowOften = 4,
    [Display(Name = "när")] When = 5,
}
