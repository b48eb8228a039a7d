using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// What the API answers when a request cannot even be bound to an endpoint's parameters: a JSON body with a value of the wrong
/// type, malformed JSON, a query value that is no number or date, a required parameter missing. Minimal APIs throw
/// <see cref="BadHttpRequestException"/> for these (<c>RouteHandlerOptions.ThrowOnBadRequest</c>, set for every environment);
/// this turns it into a Swedish ValidationProblem that names the field as the request named it, so every endpoint answers alike.
/// </summary>
public static partial class RequestBindingProblems
{
    public const string UnreadableTitle = "Förfrågan kunde inte tolkas.";

    private const string InvalidTitle = "Förfrågan har värden av fel slag.";

    /// <summary>The answer for a request the endpoint could not bind; <paramref name="query"/> names a query value as the request did.</summary>
    public static IResult For(BadHttpRequestException exception, Endpoint? endpoint, IQueryCollection query)
    {
        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return Results.Problem(statusCode: exception.StatusCode, title: "Skicka uppgifterna som JSON (Content-Type: application/json).");
        }
        if (exception.InnerException is JsonException json)
        {
            return ForJson(json, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType);
        }
        if (FailedToBind().Match(exception.Message) is { Success: true } failed)
        {
            var name = AsSent(failed.Groups["name"].Value, query);
            return Invalid(name, MessageFor(TypeNamed(failed.Groups["type"].Value), failed.Groups["value"].Value));
        }
        if (NotProvided().Match(exception.Message) is { Success: true } missing)
        {
            var name = AsSent(missing.Groups["name"].Value, query);
            return missing.Groups["source"].Value == "body"
                ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Förfrågan saknar innehåll: skicka uppgifterna som ett JSON-objekt.")
                : Invalid(name, $"Ange {name}.");
        }
        return Results.Problem(statusCode: exception.StatusCode, title: UnreadableTitle);
    }

    private static IResult ForJson(JsonException json, Type? body)
    {
        // The reader's own exception inside means the text is no JSON at all; without it, a value did not fit its field.
        if (json.InnerException is JsonException || json.Path is null)
        {
            var where = json.LineNumber is { } line && json.BytePositionInLine is { } position ? $" (rad {line + 1}, tecken {position + 1})" : "";
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: $"Förfrågans JSON kunde inte läsas{where}. Kontrollera citattecken, kommatecken och klamrar.");
        }
        var field = json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path.TrimStart('$');
        if (field.Length == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Skicka uppgifterna som ett JSON-objekt.");
        }
        return Invalid(field, MessageFor(TypeAt(body, json.Path), value: null));
    }

    /// <summary>A parameter's name as the query string spelled it, else in the API's camel case (a property bound with [AsParameters] is named in Pascal case).</summary>
    private static string AsSent(string name, IQueryCollection query) =>
        query.Keys.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase)) ?? JsonNamingPolicy.CamelCase.ConvertName(name);

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: InvalidTitle);

    /// <summary>The type a JSON path such as <c>$.activity.conditionIds[0]</c> leads to in <paramref name="body"/>; null when it cannot be followed.</summary>
    private static Type? TypeAt(Type? body, string path)
    {
        var type = body;
        foreach (Match step in PathStep().Matches(path))
        {
            if (type is null)
            {
                return null;
            }
            type = step.Groups["index"].Success
                ? ElementType(type)
                : type.GetProperty(step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal),
                    BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
        }
        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>What to write instead, by the type the field has; <paramref name="value"/> is the refused text where it is known.</summary>
    private static string MessageFor(Type? type, string? value)
    {
        var plain = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        var message = plain switch
        {
            null => null,
            _ when plain == typeof(int) || plain == typeof(long) || plain == typeof(short) || plain == typeof(byte) => "Ange ett heltal.",
            _ when plain == typeof(decimal) || plain == typeof(double) || plain == typeof(float) => "Ange ett tal, med punkt före decimalerna.",
            _ when plain == typeof(Guid) => "Ange ett giltigt id.",
            _ when plain == typeof(DateOnly) => "Ange ett datum som ÅÅÅÅ-MM-DD.",
            _ when plain == typeof(DateTimeOffset) || plain == typeof(DateTime) => "Ange en tidpunkt som ÅÅÅÅ-MM-DDTtt:mm:ssZ.",
            _ when plain == typeof(TimeOnly) => "Ange en tid som tt:mm.",
            _ when plain == typeof(bool) => "Ange true eller false.",
            _ when plain.IsEnum => $"Välj ett av värdena {string.Join(", ", Enum.GetNames(plain))}.",
            _ when plain == typeof(string) => "Ange en text.",
            _ when typeof(IEnumerable).IsAssignableFrom(plain) => "Ange en lista.",
            _ => "Ange ett JSON-objekt.",
        };
        return message ?? (value is null ? "Värdet är ogiltigt." : $"”{value}” är inte ett giltigt värde.");
    }

    /// <summary>The type minimal APIs name in a value they could not bind (<c>int?</c>, <c>Nullable&lt;int&gt;</c>, <c>Guid</c>); null for one not known here.</summary>
    private static Type? TypeNamed(string name) =>
        KnownTypes.GetValueOrDefault(name.StartsWith("Nullable<", StringComparison.Ordinal) && name.EndsWith('>') ? name["Nullable<".Length..^1] : name.TrimEnd('?'));

    /// <summary>The types minimal APIs name in a query or route value they could not bind, as they name them.</summary>
    private static readonly Dictionary<string, Type> KnownTypes = new(StringComparer.Ordinal)
    {
        ["int"] = typeof(int),
        ["long"] = typeof(long),
        ["short"] = typeof(short),
        ["decimal"] = typeof(decimal),
        ["double"] = typeof(double),
        ["bool"] = typeof(bool),
        ["Guid"] = typeof(Guid),
        ["DateOnly"] = typeof(DateOnly),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["DateTime"] = typeof(DateTime),
        ["TimeOnly"] = typeof(TimeOnly),
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>\S+) (?<name>[^"]+)" was not provided from (?<source>[a-z ]+)\.$""")]
    private static partial Regex NotProvided();

    [GeneratedRegex("""\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>(?:[^']|'')*)'\]""")]
    private static partial Regex PathStep();
}
