namespace Uppsikt.Domain.Register;

/// <summary>Nämnd: owns choice systems and adopts their follow-up plans.</summary>
public sealed class Committee : Entity
{
    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The administration (förvaltning) that prepares the committee's matters.</summary>
    public Guid? AdministrationId { get; set; }

    public Administration? Administration { get; set; }

    public List<ChoiceSystem> ChoiceSystems { get; } = [];
}

/// <summary>Förvaltning or stadsdelsförvaltning.</summary>
public sealed class Administration : Entity
{
    public required string Name { get; set; }

    /// <summary>A district administration follows up its own in-house units and its share of private ones.</summary>
    public bool IsDistrict { get; set; }
}
