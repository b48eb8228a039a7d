using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Uppsikt.Domain;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// The one check of the characters in what people and integrations type (<see cref="TextCharacters"/>, decision 0033), before
/// any page handler or endpoint runs: every posted page form (<see cref="TextInputPageFilter"/>) and every API body
/// (<see cref="RefusingForbiddenText"/>). A field is single-line unless its property or parameter says
/// <c>[DataType(DataType.MultilineText)]</c>; a posted field the page does not bind (read from the form by the page itself)
/// counts as multi-line.
/// </summary>
public static class TextInput
{
    private const int MaxDepth = 8;

    // Every API body and posted form passes through here: what reflection says of a member or a type is read once per process.
    private static readonly ConcurrentDictionary<ICustomAttributeProvider, (bool Multiline, string? Label)> Descriptions = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Readable = new();

    /// <summary>Refuses an API body with a forbidden character: 400 ValidationProblem by field, and the endpoint does not run.</summary>
    public static RouteGroupBuilder RefusingForbiddenText(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter(async (invocation, next) =>
        {
            var bodyType = invocation.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var errors = new Validation();
            foreach (var (name, problem) in QueryProblems(invocation.HttpContext.Request.Query))
            {
                errors.Add(name, problem);
            }
            if (bodyType is not null)
            {
                foreach (var body in invocation.Arguments.Where(bodyType.IsInstanceOfType))
                {
                    Check(body, "", multiline: false, label: null, errors, 0);
                }
            }
            return errors.IsValid ? await next(invocation) : errors.Fail().ToProblem();
        });
        return api;
    }

    /// <summary>Each query-string parameter with a forbidden character, with the message naming it: a query value is one line.</summary>
    internal static IEnumerable<(string Name, string Problem)> QueryProblems(IQueryCollection query)
    {
        foreach (var (name, values) in query)
        {
            if (values.Select(value => TextCharacters.Problem(value, multiline: false, name)).FirstOrDefault(p => p is not null) is { } problem)
            {
                yield return (name, problem);
            }
        }
    }

    /// <summary>
    /// Checks one posted form field against the property or parameter it binds to (see <see cref="Field"/>); a field the page
    /// reads from the form itself (<paramref name="member"/> null) counts as multi-line. The message, or null when it is fine.
    /// </summary>
    internal static string? Problem(string key, string? value, ICustomAttributeProvider? member)
    {
        var (multiline, label) = member is null ? (true, null) : Describe(member);
        return TextCharacters.Problem(value, multiline, label ?? key);
    }

    /// <summary>
    /// The property or parameter a posted form key binds to: a bound property (<c>Input.Name</c>) or a handler parameter
    /// (<c>comment</c>, <c>Answers[2].Explanation</c>) by the key's first part, or a property of a handler's record bound
    /// without a prefix (<c>Motivation</c>). Null when nothing binds it, as when the page reads the form itself.
    /// </summary>
    internal static ICustomAttributeProvider? Field(PageHandlerSelectedContext context, string key)
    {
        var segments = key.Split('.');
        var first = segments[0].Split('[')[0];
        bool Named(string? bound, string name) => string.Equals(bound, first, StringComparison.OrdinalIgnoreCase) || (bound is null && string.Equals(name, first, StringComparison.OrdinalIgnoreCase));
        var parameters = context.HandlerMethod?.Parameters ?? [];
        (ICustomAttributeProvider Member, Type Type)? bound =
            context.ActionDescriptor.BoundProperties.OfType<PageBoundPropertyDescriptor>().FirstOrDefault(p => Named(p.BindingInfo?.BinderModelName, p.Name)) is { } property
                ? (property.Property, property.ParameterType)
            : parameters.FirstOrDefault(p => Named(p.BindingInfo?.BinderModelName, p.Name)) is { } parameter ? (parameter.ParameterInfo, parameter.ParameterType)
            : null;
        if (bound is { } target)
        {
            return segments.Length == 1 ? target.Member
                : Resolve(segments[0].Contains('[', StringComparison.Ordinal) ? ElementType(target.Type) : target.Type, segments[1..]);
        }
        return parameters.Select(p => p.ParameterType).Where(t => t != typeof(string) && IsRecordOfTexts(t))
            .Select(t => Resolve(t, segments)).FirstOrDefault(m => m is not null);
    }

    /// <summary>Walks a bound value: its texts, and the texts of its lists, dictionaries and records, each by its path.</summary>
    private static void Check(object? value, string path, bool multiline, string? label, Validation errors, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return;
        }
        if (value is string text)
        {
            if (TextCharacters.Problem(text, multiline, label ?? (path.Length == 0 ? "text" : path)) is { } message)
            {
                errors.Add(path, message);
            }
            return;
        }
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                Check(entry.Value, $"{path}[{entry.Key}]", multiline, label, errors, depth + 1);
            }
            return;
        }
        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Check(item, $"{path}[{index++}]", multiline, label, errors, depth + 1);
            }
            return;
        }
        if (!IsRecordOfTexts(value.GetType()))
        {
            return;
        }
        foreach (var property in Readable.GetOrAdd(value.GetType(),
            type => [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0)]))
        {
            var (isMultiline, display) = Describe(property);
            Check(property.GetValue(value), path.Length == 0 ? property.Name : $"{path}.{property.Name}", isMultiline, display, errors, depth + 1);
        }
    }

    /// <summary>The property a form key below a bound model names (<c>Answers[2].Explanation</c> → Explanation); null when none does.</summary>
    private static MemberInfo? Resolve(Type type, string[] segments)
    {
        MemberInfo? member = null;
        foreach (var segment in segments)
        {
            var name = segment.Split('[')[0];
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }
            member = property;
            type = segment.Contains('[', StringComparison.Ordinal) ? ElementType(property.PropertyType) : property.PropertyType;
        }
        return member;
    }

    /// <summary>Whether a field is multi-line, and its Swedish name when it has one (<c>[Display(Name = …)]</c>).</summary>
    internal static (bool Multiline, string? Label) Describe(ICustomAttributeProvider member) => Descriptions.GetOrAdd(member, Read);

    private static (bool Multiline, string? Label) Read(ICustomAttributeProvider member)
    {
        var attributes = member.GetCustomAttributes(true).ToList();
        // A record's attributes sit on its constructor's parameters, where model binding reads them.
        if (member is PropertyInfo property && property.DeclaringType is { } declaring)
        {
            attributes.AddRange(declaring.GetConstructors().SelectMany(c => c.GetParameters())
                .Where(p => p.Name == property.Name).SelectMany(p => p.GetCustomAttributes(true)));
        }
        var multiline = attributes.OfType<DataTypeAttribute>().Any(a => a.DataType == DataType.MultilineText);
        return (multiline, attributes.OfType<DisplayAttribute>().Select(a => a.GetName()).FirstOrDefault(n => n is not null));
    }

    /// <summary>What a list or dictionary holds, as the part of a form key after its index names it.</summary>
    private static Type ElementType(Type type)
    {
        var generic = type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>))
            ? type.GetGenericArguments()[1]
            : null;
        return generic ?? type.GetElementType()
            ?? type.GetInterfaces().Append(type).Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                .Select(i => i.GetGenericArguments()[0]).FirstOrDefault() ?? typeof(object);
    }

    /// <summary>An input record of the app's own, whose properties hold what was sent; not a value such as a date or an id.</summary>
    private static bool IsRecordOfTexts(Type type) =>
        !type.IsPrimitive && !type.IsEnum && type.Namespace?.StartsWith(nameof(Uppsikt), StringComparison.Ordinal) == true;
}

/// <summary>
/// Refuses a posted page form with a forbidden character before the page's handler runs: the errors go on the form by field, and
/// the page is shown again as its GET handler shows it, with what was typed, so nothing is saved. A query string with a forbidden
/// character (a search, a filter) is answered 400, since no link of the app makes one.
/// </summary>
public sealed class TextInputPageFilter : IAsyncPageFilter
{
    private static readonly object Refused = new();

    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        var request = context.HttpContext.Request;
        if (TextInput.QueryProblems(request.Query).Any())
        {
            context.HttpContext.Items[Refused] = true;
            context.HandlerMethod = null;
            return;
        }
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || !request.HasFormContentType)
        {
            return;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // The form reader refuses a URL-encoded NUL before any field is known; model binding then answers 400 and nothing runs.
            return;
        }
        foreach (var (key, values) in form)
        {
            var field = TextInput.Field(context, key);
            var problem = values.Select(value => TextInput.Problem(key, value, field)).FirstOrDefault(p => p is not null);
            if (problem is not null)
            {
                context.ModelState.AddModelError(key, problem);
                context.HttpContext.Items[Refused] = true;
            }
        }
        if (context.HttpContext.Items.ContainsKey(Refused))
        {
            context.HandlerMethod = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => HttpMethods.IsGet(h.HttpMethod) && h.Name is null);
        }
    }

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.Items.ContainsKey(Refused) && context.HandlerMethod is null)
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }
}
