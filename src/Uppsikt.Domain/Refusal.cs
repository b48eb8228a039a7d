using System.Globalization;

namespace Uppsikt.Domain;

/// <summary>Why a rule said no, which decides how the refusal is shown and answered.</summary>
public enum RefusalKind
{
    /// <summary>The actor's role may not do this.</summary>
    NotAllowed = 1,

    /// <summary>The record's state forbids it (an adopted plan, an activated template, a submitted report).</summary>
    WrongState = 2,

    /// <summary>The input, or the record's content, does not allow it yet; <see cref="Refusal.Field"/> names the input at fault, if one is.</summary>
    Invalid = 3,
}

/// <summary>
/// A rule's refusal: its kind, a Swedish message and, for bad input, the field at fault. A field is named as the input names
/// it (<c>DecidedOn</c>), or as an item's field in a list (<c>Questions[3].Text</c>, see <see cref="ItemField"/>). Only bad
/// input names a field: a role or a state is about the whole record.
/// </summary>
public sealed record Refusal
{
    public Refusal(RefusalKind kind, string message, string? field = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of refusal.");
        }
        if (string.IsNullOrWhiteSpace(message))
        {
            throw new ArgumentException("A refusal says why.", nameof(message));
        }
        if (field is not null && (kind != RefusalKind.Invalid || field.Length == 0))
        {
            throw new ArgumentException("Only a refusal of bad input names a field, and then a non-empty one.", nameof(field));
        }
        (Kind, Message, Field) = (kind, message, field);
    }

    public RefusalKind Kind { get; }

    /// <summary>Swedish, for the person who tried.</summary>
    public string Message { get; }

    /// <summary>The input at fault; null when the refusal is about no field in particular.</summary>
    public string? Field { get; }

    public static Refusal NotAllowed(string message) => new(RefusalKind.NotAllowed, message);

    public static Refusal WrongState(string message) => new(RefusalKind.WrongState, message);

    public static Refusal Invalid(string message, string? field = null) => new(RefusalKind.Invalid, message, field);

    /// <summary>The key of one item's field in a list: <c>Questions[3].Text</c>.</summary>
    public static string ItemField(string list, int index, string field)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{field}");
    }

    /// <summary>Reads a key made by <see cref="ItemField"/> for <paramref name="list"/> back into the item's index and field.</summary>
    public static bool TryItemField(string? key, string list, out int index, out string field)
    {
        (index, field) = (-1, "");
        if (key is null || !key.StartsWith(list + "[", StringComparison.Ordinal))
        {
            return false;
        }
        var rest = key.AsSpan(list.Length + 1);
        var close = rest.IndexOf("].", StringComparison.Ordinal);
        if (close <= 0 || rest[..close].ContainsAnyExcept("0123456789")
            || !int.TryParse(rest[..close], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || rest.Length == close + 2)
        {
            return false;
        }
        (index, field) = (parsed, rest[(close + 2)..].ToString());
        return true;
    }
}
