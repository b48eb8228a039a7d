using System.Net;
using System.Text.RegularExpressions;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>Reads and submits server-rendered forms the way a browser without JavaScript does.</summary>
public static partial class Forms
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string AntiforgeryToken(string html) => InputValue(html, AntiforgeryField)
        ?? throw new InvalidOperationException($"The page has no antiforgery token.{Environment.NewLine}{html}");

    /// <summary>The value of the first input named <paramref name="name"/>, decoded; null when there is none.</summary>
    public static string? InputValue(string html, string name)
    {
        foreach (Match input in Input().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(a => a.Groups["name"].Value, a => WebUtility.HtmlDecode(a.Groups["value"].Value), StringComparer.OrdinalIgnoreCase);
            if (attributes.TryGetValue("name", out var inputName) && inputName == name)
            {
                return attributes.GetValueOrDefault("value", "");
            }
        }
        return null;
    }

    /// <summary>
    /// Opens <paramref name="page"/> for its antiforgery token, then posts <paramref name="fields"/> to
    /// <paramref name="action"/> (the page itself unless given, e.g. <c>/Admin/Audit?handler=Verify</c>).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        using var form = await client.GetAsync(page);
        var html = await Expect.OkAsync(form);
        return await PostAsync(client, action ?? page, AntiforgeryToken(html), fields);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string action, string antiforgeryToken, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent([.. fields, new(AntiforgeryField, antiforgeryToken)]);
        return await client.PostAsync(action, content);
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex("(?<name>[\\w.-]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Attribute();
}
