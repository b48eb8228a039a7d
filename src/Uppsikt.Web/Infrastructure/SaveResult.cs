namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// What a save handler answers: the saved id, or the reasons (field → Swedish message) it changed nothing, or a conflict:
/// someone else changed the record first, or the record's state forbids the change (<see cref="ConflictReason"/>). Pages show
/// the messages by the fields; the API returns them as ProblemDetails.
/// </summary>
public sealed record SaveResult(Guid? Id, IReadOnlyDictionary<string, string[]> Errors, bool Conflict = false, bool NotFound = false,
    string? ConflictReason = null)
{
    public const string ConflictMessage = "Någon annan har ändrat uppgifterna medan du arbetade. Ladda om sidan och gör om din ändring.";

    public bool Succeeded => Id is not null && Errors.Count == 0 && !Conflict && !NotFound;

    public static SaveResult Saved(Guid id) => new(id, new Dictionary<string, string[]>());

    public static SaveResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);

    public static SaveResult Stale() => new(null, new Dictionary<string, string[]>(), Conflict: true);

    /// <summary>The record's state forbids the change (such as an activated template): a conflict with its own reason.</summary>
    public static SaveResult Refused(string reason) => new(null, new Dictionary<string, string[]>(), Conflict: true, ConflictReason: reason);

    /// <summary>What a conflict is shown as: its own reason, or that someone else changed the record first.</summary>
    public string ConflictText => ConflictReason ?? ConflictMessage;

    public static SaveResult Missing() => new(null, new Dictionary<string, string[]>(), NotFound: true);

    /// <summary>The API's answer for a failed save.</summary>
    public IResult ToProblem() =>
        NotFound ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Hittades inte.")
        : Conflict ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: ConflictText)
        : Results.ValidationProblem(Errors, title: "Uppgifterna kunde inte sparas.");

    /// <summary>The API's answer for a create: 201 with the new record and where it is, or the failure.</summary>
    public async Task<IResult> CreatedAsync<T>(Func<Guid, string> location, Func<Guid, Task<T>> read) =>
        Id is { } id && Succeeded ? Results.Created(location(id), await read(id)) : ToProblem();

    /// <summary>The API's answer for a change: 200 with the record as it now is, or the failure.</summary>
    public async Task<IResult> UpdatedAsync<T>(Func<Task<T>> read) => Succeeded ? Results.Ok(await read()) : ToProblem();

    /// <summary>The API's answer for a removal: 204, or the failure.</summary>
    public IResult Removed() => Succeeded ? Results.NoContent() : ToProblem();
}

/// <summary>Collects field errors while a handler validates input.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    /// <summary>A required text: present and at most <paramref name="max"/> characters.</summary>
    public string Required(string field, string label, string? value, int max = 200)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            Add(field, $"Ange {label}.");
        }
        else if (text.Length > max)
        {
            Add(field, $"{Capitalise(label)} får vara högst {max} tecken.");
        }
        return text;
    }

    /// <summary>An optional text: trimmed, empty becomes null, at most <paramref name="max"/> characters.</summary>
    public string? Optional(string field, string label, string? value, int max = 200)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length > max)
        {
            Add(field, $"{Capitalise(label)} får vara högst {max} tecken.");
        }
        return text;
    }

    public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public SaveResult Fail() => SaveResult.Invalid(Errors);

    private static string Capitalise(string label) => label.Length == 0 ? label : char.ToUpperInvariant(label[0]) + label[1..];
}
