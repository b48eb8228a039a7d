using Uppsikt.Domain;

namespace Uppsikt.Web.Infrastructure;

/// <summary>How a save ended.</summary>
public enum SaveOutcome
{
    Saved = 1,

    /// <summary>No such record, or none the caller may see.</summary>
    NotFound,

    /// <summary>The caller's role may not do this (<see cref="RefusalKind.NotAllowed"/>).</summary>
    NotAllowed,

    /// <summary>The record's state forbids it (<see cref="RefusalKind.WrongState"/>).</summary>
    WrongState,

    /// <summary>Someone else changed the record first.</summary>
    Stale,

    /// <summary>Bad input (<see cref="RefusalKind.Invalid"/>), by field.</summary>
    Invalid,
}

/// <summary>
/// What a save handler answers: the saved id, or why it changed nothing — not found, the domain's refusals (not allowed, wrong
/// state, bad input by field) or a conflict with someone else's change. The API answers it once (<see cref="ToProblem"/>), the
/// pages once (<see cref="FormErrors.Refused(Microsoft.AspNetCore.Mvc.RazorPages.PageModel, SaveResult, string)"/>).
/// </summary>
public sealed record SaveResult
{
    public const string ConflictMessage = "Någon annan har ändrat uppgifterna medan du arbetade. Ladda om sidan och gör om din ändring.";

    private SaveResult(SaveOutcome outcome, Guid? id, IReadOnlyList<Refusal> refusals) => (Outcome, Id, Refusals) = (outcome, id, refusals);

    public SaveOutcome Outcome { get; }

    /// <summary>The saved record's id.</summary>
    public Guid? Id { get; }

    /// <summary>The refusals of the outcome's kind; none when saved, not found or stale.</summary>
    public IReadOnlyList<Refusal> Refusals { get; }

    public bool Succeeded => Outcome == SaveOutcome.Saved;

    public bool NotFound => Outcome == SaveOutcome.NotFound;

    /// <summary>A 409: the record's state forbids the change, or someone else changed it first.</summary>
    public bool Conflict => Outcome is SaveOutcome.WrongState or SaveOutcome.Stale;

    /// <summary>What is shown above the form: the refusals of no field in particular, or the conflict message.</summary>
    public IReadOnlyList<string> Messages =>
        Outcome == SaveOutcome.Stale ? [ConflictMessage] : [.. Refusals.Where(r => r.Field is null).Select(r => r.Message)];

    /// <summary>The refusals of bad input by field (<c>""</c> for no field in particular), as forms and ValidationProblem key them.</summary>
    public IReadOnlyDictionary<string, string[]> Errors =>
        Outcome != SaveOutcome.Invalid ? new Dictionary<string, string[]>()
        : Refusals.GroupBy(r => r.Field ?? "", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray(), StringComparer.Ordinal);

    public static SaveResult Saved(Guid id) => new(SaveOutcome.Saved, id, []);

    public static SaveResult Missing() => new(SaveOutcome.NotFound, null, []);

    public static SaveResult Stale() => new(SaveOutcome.Stale, null, []);

    /// <summary>Bad input: field → Swedish messages, <c>""</c> for no field in particular.</summary>
    public static SaveResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(SaveOutcome.Invalid, null, [.. errors.SelectMany(e => e.Value.Select(m => Refusal.Invalid(m, e.Key.Length == 0 ? null : e.Key)))]);

    /// <summary>The domain's refusal.</summary>
    public static SaveResult Refused(Refusal refusal) => Refused([refusal]);

    /// <summary>The domain's refusals; the weightiest kind decides (not allowed before wrong state before bad input), and only its refusals are kept.</summary>
    public static SaveResult Refused(IReadOnlyCollection<Refusal> refusals)
    {
        if (refusals.Count == 0)
        {
            throw new ArgumentException("A refused save has at least one refusal.", nameof(refusals));
        }
        var kind = refusals.Min(r => r.Kind);
        var outcome = kind switch
        {
            RefusalKind.NotAllowed => SaveOutcome.NotAllowed,
            RefusalKind.WrongState => SaveOutcome.WrongState,
            _ => SaveOutcome.Invalid,
        };
        return new(outcome, null, [.. refusals.Where(r => r.Kind == kind)]);
    }

    /// <summary>
    /// The API's answer for a failed save: 404 not found, 403 not allowed, 409 wrong state or stale, 400 ValidationProblem for bad
    /// input. The title is the Swedish message (the first of no field in particular for bad input).
    /// </summary>
    /// <summary>The title of bad input with no message of its own: it fits a refused search as well as a refused save.</summary>
    private const string InvalidTitle = "Några uppgifter är felaktiga; se felen för varje fält.";

    public IResult ToProblem() => Outcome switch
    {
        SaveOutcome.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Hittades inte."),
        SaveOutcome.NotAllowed => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Messages[0]),
        SaveOutcome.WrongState => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Messages[0]),
        SaveOutcome.Stale => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: ConflictMessage),
        SaveOutcome.Invalid => Results.ValidationProblem(Errors, title: Messages.FirstOrDefault() ?? InvalidTitle),
        _ => throw new InvalidOperationException("A saved result is no problem."),
    };

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
