namespace Uppsikt.Domain.Register;

/// <summary>Utförare, enhet or verksamhet: where a service is delivered.</summary>
public sealed class Unit : Entity
{
    public required string Name { get; set; }

    /// <summary>Null for a unit imported from Kolada until someone links it to its provider.</summary>
    public Guid? ProviderId { get; set; }

    public Provider? Provider { get; set; }

    public Ownership Ownership { get; set; }

    public string? StreetAddress { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    /// <summary>Number of places or clients the unit takes.</summary>
    public int? Capacity { get; set; }

    /// <summary>
    /// The languages the staff speak with service users besides Swedish, as a short comma-separated list ("finska, arabiska"), so
    /// that citizens can choose by language (decision 0044). Null when none is recorded.
    /// </summary>
    public string? Languages { get; set; }

    /// <summary>The languages one by one, trimmed, in the order recorded.</summary>
    public static IReadOnlyList<string> LanguagesOf(string? languages) =>
        [.. (languages ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Kolada's id for the unit (organisational unit), e.g. V21E0010.</summary>
    public string? KoladaId { get; set; }

    /// <summary>The district administration that follows the unit up, where there is one.</summary>
    public Guid? AdministrationId { get; set; }

    public Administration? Administration { get; set; }

    /// <summary>
    /// The quality developer (or district follow-up officer) responsible for the unit (the Identity user id): the one who gets
    /// the task when a signal calls for a review. Null when nobody is named; the group manager gets such tasks then.
    /// </summary>
    public string? ResponsibleUserId { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public List<ChoiceSystem> ChoiceSystems { get; } = [];
}
