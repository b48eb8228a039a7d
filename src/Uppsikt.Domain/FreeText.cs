using Uppsikt.Domain.Evidence;

namespace Uppsikt.Domain;

/// <summary>The checks on a free text a user writes into a record: present when required, not too long, no personal identity number (rule 9).</summary>
public static class FreeText
{
    /// <summary>The refusal of a required text, naming <paramref name="field"/>; null when it is given, fits and names no one.</summary>
    public static Refusal? Required(string? text, string label, string field, int max)
    {
        var value = text?.Trim() ?? "";
        return value.Length == 0 ? Refusal.Invalid($"{label} måste anges.", field) : Optional(value, label, field, max);
    }

    /// <summary>The refusal of an optional text, naming <paramref name="field"/>; null when it is empty, or fits and names no one.</summary>
    public static Refusal? Optional(string? text, string label, string field, int max)
    {
        var value = text?.Trim() ?? "";
        return value.Length > max ? Refusal.Invalid($"{label} får vara högst {max} tecken.", field)
            : PersonalIdentityNumberDetector.Contains(value) ? Refusal.Invalid(PersonalIdentityNumberDetector.Message(label), field)
            : null;
    }

    /// <summary>The text trimmed; null when nothing is left.</summary>
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
