namespace Uppsikt.Domain.Cycle;

/// <summary>Mall för årshjul: a yearly follow-up process (the specification's "The year") a committee applies to a year.</summary>
public sealed class AnnualCycleTemplate : Entity
{
    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The steps in the order they are worked through; <see cref="AnnualCycleStep.Position"/> follows this order.</summary>
    public List<AnnualCycleStep> Steps { get; } = [];

    public IEnumerable<AnnualCycleStep> OrderedSteps => Steps.OrderBy(s => s.Position);

    /// <summary>Adds a step last.</summary>
    public AnnualCycleStep Add(AnnualCycleStep step)
    {
        step.Position = Steps.Count == 0 ? 1 : Steps.Max(s => s.Position) + 1;
        Steps.Add(step);
        return step;
    }

    /// <summary>Removes a step and closes the gap, so positions stay 1, 2, 3 …</summary>
    public bool Remove(Guid stepId)
    {
        var step = Steps.Find(s => s.Id == stepId);
        if (step is null)
        {
            return false;
        }
        Steps.Remove(step);
        Renumber(OrderedSteps.ToList());
        return true;
    }

    /// <summary>Moves a step one place earlier (<paramref name="offset"/> −1) or later (+1); false at either end or for an unknown step.</summary>
    public bool Move(Guid stepId, int offset)
    {
        var ordered = OrderedSteps.ToList();
        var from = ordered.FindIndex(s => s.Id == stepId);
        var to = from + Math.Sign(offset);
        if (from < 0 || offset == 0 || to < 0 || to >= ordered.Count)
        {
            return false;
        }
        (ordered[from], ordered[to]) = (ordered[to], ordered[from]);
        Renumber(ordered);
        return true;
    }

    private static void Renumber(List<AnnualCycleStep> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }
    }
}

/// <summary>Steg i årshjulet: what is done, by which role, and by when in the year.</summary>
public sealed class AnnualCycleStep : Entity
{
    public Guid TemplateId { get; set; }

    /// <summary>1 for the first step.</summary>
    public int Position { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The role (see <c>Roles</c>) whose holder owns the step's task unless someone else is chosen.</summary>
    public required string OwnerRole { get; set; }

    public int DueMonth { get; set; }

    public int DueDay { get; set; }

    public YearlyDate Due => new(DueMonth, DueDay);
}
