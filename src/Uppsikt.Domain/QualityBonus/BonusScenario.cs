namespace Uppsikt.Domain.QualityBonus;

/// <summary>
/// Sparat scenario (decision 0043): a named snapshot of a bonus model's parameters and the years run, with the figures as they
/// were when it was saved, who saved it and when, so what was shown to the committee can be shown again after the model or the
/// results change. Never changed once saved.
/// </summary>
public sealed class BonusScenario : Entity
{
    public const int NameMax = 200;

    public required string Name { get; init; }

    public Guid BonusModelId { get; init; }

    /// <summary>The years run, oldest first, as people read them: "2024, 2025".</summary>
    public required string Years { get; init; }

    /// <summary>The parameters and figures as saved, serialised by the caller; never read back into a model.</summary>
    public required string Figures { get; init; }

    public DateTimeOffset SavedAt { get; init; }

    public string? SavedById { get; init; }

    public required string SavedByName { get; init; }

    /// <summary>A scenario of a model's run; refused without a name, or without a year.</summary>
    public static (BonusScenario? Scenario, IReadOnlyList<Refusal> Refusals) Save(
        string? name, Guid modelId, IReadOnlyList<int> years, string figures, WorkflowActor actor, DateTimeOffset at)
    {
        var problems = new List<Refusal>();
        if (FreeText.Required(name, "Scenariots namn", "Name", NameMax) is { } invalid)
        {
            problems.Add(invalid);
        }
        if (years.Count == 0)
        {
            problems.Add(Refusal.Invalid("Det finns inga resultat att spara ett scenario av.", "Year"));
        }
        return problems.Count > 0 ? (null, problems) : (new BonusScenario
        {
            Name = name!.Trim(),
            BonusModelId = modelId,
            Years = string.Join(", ", years.Order()),
            Figures = figures,
            SavedAt = at,
            SavedById = actor.UserId,
            SavedByName = actor.Name,
        }, problems);
    }
}
