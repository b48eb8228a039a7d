using Uppsikt.Domain.Register;
using Uppsikt.Domain.Sanctions;

namespace Uppsikt.Domain.Conditions;

/// <summary>
/// Auktorisationsvillkor or avtalskrav. Its code, scope and grouping stay; what it says lives in its versions, so a
/// finding is always judged against the version in force on its date.
/// </summary>
public sealed class Condition : Entity
{
    public ConditionScope Scope { get; set; }

    /// <summary>The choice system of a specific condition; null for a general one, which applies to every choice system.</summary>
    public Guid? ChoiceSystemId { get; set; }

    public ChoiceSystem? ChoiceSystem { get; set; }

    /// <summary>The condition's code within its set, such as "A.3" or "G4".</summary>
    public required string Code { get; set; }

    /// <summary>The group it belongs to, such as "Del A. Tillsyn av anordnare" for the labour-market committee; free elsewhere.</summary>
    public string? Part { get; set; }

    public List<ConditionVersion> Versions { get; } = [];

    /// <summary>The version in force on <paramref name="date"/>, or null before the first one.</summary>
    public ConditionVersion? VersionOn(DateOnly date) => ConditionVersions.InForce(Versions, date);

    /// <summary>
    /// Adds a new version after the existing ones: an adopted condition is never changed in place, so earlier findings
    /// keep the text they were judged against. Refused, naming its <c>ValidFrom</c>, when the version does not start after the latest.
    /// </summary>
    public Refusal? AddVersion(ConditionVersion version)
    {
        if (Versions.Count > 0 && Versions.Max(v => v.ValidFrom) is var latest && version.ValidFrom <= latest)
        {
            return Refusal.Invalid($"En ny version måste gälla från ett senare datum än den senaste versionen ({SwedishWording.Date(latest)}).", nameof(ConditionVersion.ValidFrom));
        }
        version.Number = Versions.Count == 0 ? 1 : Versions.Max(v => v.Number) + 1;
        Versions.Add(version);
        return null;
    }
}

/// <summary>One adopted wording of a condition, in force from its date until the next version's.</summary>
public sealed class ConditionVersion : Entity
{
    public Guid ConditionId { get; set; }

    /// <summary>1 for the first version, then 2, 3 …</summary>
    public int Number { get; set; }

    public DateOnly ValidFrom { get; set; }

    /// <summary>The decision that adopted this wording, such as "KF 2021-04-12 § 87, KFKS 2020/864".</summary>
    public string? DecisionReference { get; set; }

    public required string Title { get; set; }

    public required string Text { get; set; }

    public List<ControlPoint> ControlPoints { get; } = [];

    public List<FollowUpOccasion> FollowUpOccasions { get; set; } = [];

    public List<SanctionType> Sanctions { get; set; } = [];

    public List<Guid> QualityAreaIds { get; set; } = [];
}

/// <summary>Kontrollpunkt: one thing checked to see whether a condition is met.</summary>
public sealed class ControlPoint : Entity
{
    public Guid ConditionVersionId { get; set; }

    public int Position { get; set; }

    public required string Text { get; set; }
}

/// <summary>Which version of something versioned by date is in force on a given day.</summary>
public static class ConditionVersions
{
    /// <summary>The latest version with <c>ValidFrom</c> on or before <paramref name="date"/> (the higher number on a tie); null before the first.</summary>
    public static ConditionVersion? InForce(IEnumerable<ConditionVersion> versions, DateOnly date) =>
        versions.Where(v => v.ValidFrom <= date).OrderByDescending(v => v.ValidFrom).ThenByDescending(v => v.Number).FirstOrDefault();
}
