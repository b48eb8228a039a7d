using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>Assertions on HTTP answers that print what the server said when they fail.</summary>
public static class Expect
{
    /// <summary>Asserts the status and returns the body.</summary>
    public static async Task<string> StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} {expected}, got {Describe(response, body)}");
        return body;
    }

    public static Task<string> OkAsync(HttpResponseMessage response) => StatusAsync(response, HttpStatusCode.OK);

    /// <summary>Asserts a redirect to <paramref name="path"/> (query ignored) and returns the body.</summary>
    public static async Task<string> RedirectAsync(HttpResponseMessage response, string path)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && PathOf(response.Headers.Location) == path,
            $"Expected a redirect to {path}, got {Describe(response, body)}");
        return body;
    }

    /// <summary>Asserts the refusal a signed-in user gets for what the role does not allow: 403, or on pages the redirect to the access-denied page.</summary>
    public static async Task<string> DeniedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(IsDenied(response), $"Expected 403 or a redirect to /Account/AccessDenied, got {Describe(response, body)}");
        return body;
    }

    public static bool IsDenied(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && PathOf(response.Headers.Location) == "/Account/AccessDenied");

    /// <summary>The path of a Location header, whether the server sent it absolute or relative.</summary>
    public static string? PathOf(Uri? location) =>
        location is null ? null
        : location.IsAbsoluteUri ? location.AbsolutePath
        : location.OriginalString.Split('?', 2)[0];

    public static string Describe(HttpResponseMessage response, string body) =>
        $"{(int)response.StatusCode} {response.StatusCode} for {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}"
        + (response.Headers.Location is { } location ? $" → {location}" : "")
        + $"{Environment.NewLine}--- body ---{Environment.NewLine}{body}";

    /// <summary>
    /// What a reader of the answer sees: HTML with its character references decoded, JSON with its escapes
    /// decoded (the API writes ä as \u00E4), a Word document's headers and paragraphs, so a search for a name finds it
    /// however it was encoded.
    /// </summary>
    public static string ReadableText(HttpResponseMessage response, string body)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (mediaType.Equals(WordMediaType, StringComparison.OrdinalIgnoreCase))
        {
            // The content is buffered by the read of the body, so its bytes are at hand.
            return WordText(response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult()) ?? body;
        }
        if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) && body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var text = new StringBuilder();
                Collect(document.RootElement, text);
                return text.ToString();
            }
            catch (JsonException)
            {
                return body;
            }
        }
        return WebUtility.HtmlDecode(body);
    }

    public const string WordMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The text of a Word document, its headers first, a line per paragraph; null when it is no Word document.</summary>
    public static string? WordText(byte[] content)
    {
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content), isEditable: false);
            var main = document.MainDocumentPart;
            var headers = main?.HeaderParts.SelectMany(h => h.Header?.Descendants<Paragraph>() ?? []) ?? [];
            var body = main?.Document?.Body?.Descendants<Paragraph>() ?? [];
            return string.Join('\n', headers.Concat(body).Select(p => p.InnerText));
        }
        catch (Exception exception) when (exception is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            return null;
        }
    }

    private static void Collect(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    text.Append(property.Name).Append('\n');
                    Collect(property.Value, text);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, text);
                }
                break;
            case JsonValueKind.String:
                text.Append(element.GetString()).Append('\n');
                break;
            default:
                text.Append(element.GetRawText()).Append('\n');
                break;
        }
    }
}
