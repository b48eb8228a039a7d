using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Uppsikt.Web.Data;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Every operation the OpenAPI document describes, called as every demo role and anonymously with valid, boundary and invalid
/// values for each path and query parameter and each body field, answers without a server error. The operations are read from
/// the document the app serves, so a new endpoint is fuzzed without being listed here. Writes, so it has an app of its own.
/// </summary>
public sealed class ApiFuzzTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The roles that get every value; the other roles and anonymous get the valid values only, to bound the time.</summary>
    private static readonly string[] FullRoles = [Demo.QualityDeveloper, Demo.OmsorgshusetUser];

    private const string Anonymous = "anonym";

    /// <summary>Reads before writes, and deletions last, so the writes find the demo data and the reads see it as seeded.</summary>
    private static readonly string[] MethodOrder = ["get", "post", "put", "patch", "delete"];

    [Fact]
    public async Task NoValueSentToAnyApiOperationAsAnyRoleGetsAServerError()
    {
        using var anonymous = app.CreateAnonymousClient();
        var document = JsonNode.Parse(await Expect.OkAsync(await anonymous.GetAsync("/openapi/v1.json", Cancel)))!;
        var operations = Operations(document);
        Assert.True(operations.Count > 50, $"The OpenAPI document describes only {operations.Count} operations.");

        var clients = new List<(string Role, HttpClient Client)>();
        foreach (var user in DemoData.Users)
        {
            clients.Add((user.Email, await app.ApiClientAs(user.Email)));
        }
        clients.Add((Anonymous, anonymous));
        var ids = await HarvestIdsAsync(clients.Single(c => c.Role == Demo.Admin).Client, operations);
        var values = new FuzzValues(document, ids, new Random(11));

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var sent = 0;
        foreach (var method in MethodOrder)
        {
            foreach (var (role, client) in clients)
            {
                foreach (var operation in operations.Where(o => o.Method == method))
                {
                    // A role refused the operation itself is refused whatever it sends, so it sends the valid values only.
                    var refused = false;
                    foreach (var request in values.RequestsFor(operation, everyValue: FullRoles.Contains(role)).Where(r => r.Valid || !refused))
                    {
                        sent++;
                        var status = await SendAsync(client, request);
                        refused |= request.First && status is 401 or 403;
                        statuses[status] = statuses.GetValueOrDefault(status) + 1;
                        if (status is 0 or >= 500)
                        {
                            failures.Add($"{request} as {role}: {(status == 0 ? "exception" : status.ToString(CultureInfo.InvariantCulture))}");
                        }
                    }
                }
            }
        }
        foreach (var (_, client) in clients.Where(c => c.Role != Anonymous))
        {
            client.Dispose();
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{sent} requests to {operations.Count} operations as {clients.Count} roles; " +
            $"answers: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests got a server error:{Environment.NewLine}" +
            string.Join(Environment.NewLine, failures));
    }

    /// <summary>The status of the answer; 0 when the server threw past its error handling.</summary>
    private static async Task<int> SendAsync(HttpClient client, FuzzRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method.ToUpperInvariant()), request.Path + request.Query);
        if (request.Body is { } body)
        {
            message.Content = request.ContentType == "multipart/form-data"
                ? new MultipartFormDataContent { { new StringContent(body), "file", "fuzz.txt" } }
                : new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(request.ContentType ?? "application/json"));
        }
        try
        {
            using var response = await client.SendAsync(message, Cancel);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    /// <summary>Every operation of the document: method, path template and the operation's node.</summary>
    private static List<Operation> Operations(JsonNode document) =>
    [
        .. document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(item => MethodOrder.Contains(item.Key))
                .Select(item => new Operation(item.Key, path.Key, item.Value!, path.Value!["parameters"])))
            .OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal),
    ];

    /// <summary>
    /// The ids of the demo data by resource (<see cref="FuzzValues.ResourceKey"/>): from every list, then from the record of each
    /// resource found there, so that nested ids (a plan's activities, a review's findings) are found too.
    /// </summary>
    private static async Task<Dictionary<string, List<string>>> HarvestIdsAsync(HttpClient client, List<Operation> operations)
    {
        var ids = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var gets = operations.Where(o => o.Method == "get").ToList();
        foreach (var round in new[] { 0, 1 })
        {
            foreach (var operation in gets.Where(o => o.PathParameterNames.Count == round))
            {
                var path = operation.Path;
                foreach (var name in operation.PathParameterNames)
                {
                    if (FuzzValues.IdsFor(ids, operation.Path, name).FirstOrDefault() is not { } id)
                    {
                        path = null;
                        break;
                    }
                    path = path!.Replace("{" + name + "}", id, StringComparison.Ordinal);
                }
                if (path is null)
                {
                    continue;
                }
                using var response = await client.GetAsync(path, Cancel);
                if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/json")
                {
                    var literal = operation.Path.Split('/').Last(s => s.Length > 0 && !s.StartsWith('{'));
                    Collect(JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel)), FuzzValues.ResourceKey(literal), ids);
                }
            }
        }
        return ids;
    }

    private static void Collect(JsonNode? node, string key, Dictionary<string, List<string>> ids)
    {
        switch (node)
        {
            case JsonObject record:
                foreach (var (name, value) in record)
                {
                    if (value is JsonValue text && text.TryGetValue<string>(out var id) && Guid.TryParse(id, out _))
                    {
                        var owner = name == "id" ? key : name.EndsWith("Id", StringComparison.Ordinal) ? FuzzValues.ResourceKey(name[..^2]) : null;
                        if (owner is not null)
                        {
                            Add(ids, owner, id);
                        }
                    }
                    else
                    {
                        Collect(value, name == "items" ? key : FuzzValues.ResourceKey(name), ids);
                    }
                }
                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    Collect(item, key, ids);
                }
                break;
        }
    }

    private static void Add(Dictionary<string, List<string>> ids, string key, string id)
    {
        if (!ids.TryGetValue(key, out var known))
        {
            ids[key] = known = [];
        }
        if (!known.Contains(id, StringComparer.Ordinal))
        {
            known.Add(id);
        }
    }

    private sealed record Operation(string Method, string Path, JsonNode Node, JsonNode? PathLevelParameters)
    {
        public IEnumerable<JsonNode> Parameters =>
            (Node["parameters"]?.AsArray() ?? []).Concat(PathLevelParameters?.AsArray() ?? []).OfType<JsonNode>();

        public List<string> PathParameterNames =>
            [.. Parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!)];
    }

    /// <param name="Valid">Only values the operation accepts (<see cref="FuzzValues.RequestsFor"/>); <paramref name="First"/> the first of those.</param>
    private sealed record FuzzRequest(string Method, string Path, string Query, string? Body, string? ContentType, bool Valid, bool First = false)
    {
        public override string ToString() =>
            $"{Method.ToUpperInvariant()} {Shorten(Path)}{Shorten(Query)}{(Body is null ? "" : $" body {Shorten(Body)}")}";

        private static string Shorten(string text) =>
            text.Length <= 200 ? text : $"{text[..100]}…({text.Length} characters)";
    }

    /// <summary>The values sent, built from the document's schemas and the harvested ids; deterministic for one seed.</summary>
    private sealed class FuzzValues(JsonNode document, Dictionary<string, List<string>> ids, Random random)
    {
        private static readonly string LongText = new('a', 10_000);

        private static readonly string[] Texts =
            ["", LongText, "\0", "a\u202Eb", "<script>alert(1)</script>", "'; DROP TABLE Units; --"];

        private static readonly string[] Integers =
            ["0", "-1", int.MinValue.ToString(CultureInfo.InvariantCulture), int.MaxValue.ToString(CultureInfo.InvariantCulture), "abc"];

        private static readonly string[] Numbers = ["0", "-1", "1e308", "-1e308", "NaN", "abc"];

        private static readonly string[] Dates = ["2024-02-30", "0000-01-01", "0001-01-01", "9999-12-31", "abc"];

        private static readonly string[] Times = ["2024-02-30T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "abc"];

        private static readonly string[] Ids = ["00000000-0000-0000-0000-000000000000", "abc", "1", "' OR 1=1 --"];

        private static readonly string[] Bodies = ["{}", "null", "[]", "{\"a\":", "\"text\""];

        /// <summary>A resource's key from a path segment or a property name: <c>action-plans</c>, <c>actionPlan</c> and <c>actionPlans</c> alike.</summary>
        public static string ResourceKey(string name)
        {
            var key = name.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
            return key == "people" ? "person"
                : key.EndsWith("ies", StringComparison.Ordinal) ? key[..^3] + "y"
                : key.EndsWith('s') ? key[..^1]
                : key;
        }

        /// <summary>The harvested ids a path parameter takes: <c>{id}</c> by the segment before it, <c>{planId}</c> by its name.</summary>
        public static IEnumerable<string> IdsFor(Dictionary<string, List<string>> ids, string path, string parameter)
        {
            string key;
            if (parameter == "id")
            {
                var segments = path.Split('/');
                var at = Array.IndexOf(segments, "{id}");
                key = ResourceKey(segments[at - 1]);
            }
            else
            {
                key = ResourceKey(parameter.EndsWith("Id", StringComparison.Ordinal) ? parameter[..^2] : parameter);
            }
            return ids.GetValueOrDefault(key) ?? [];
        }

        public IEnumerable<FuzzRequest> RequestsFor(Operation operation, bool everyValue)
        {
            var parameters = operation.Parameters.Select(p => (Name: (string)p["name"]!, In: (string)p["in"]!, Required: (bool?)p["required"] == true,
                Schema: Resolve(p["schema"]))).Where(p => p.In is "path" or "query").ToList();
            var path = parameters.Where(p => p.In == "path").ToDictionary(p => p.Name, p => ValidParameter(operation.Path, p.Name, p.Schema).First());
            var query = parameters.Where(p => p.In == "query" && p.Required)
                .ToDictionary(p => p.Name, p => ValidParameter(operation.Path, p.Name, p.Schema).First());
            var (contentType, bodySchema) = Body(operation);
            var validBody = bodySchema is null ? null : contentType == "application/json" ? Build(bodySchema, 0).ToJsonString() : "Uppsikt";

            FuzzRequest Request(Dictionary<string, string> pathValues, Dictionary<string, string> queryValues, string? body, bool valid) =>
                new(operation.Method, Fill(operation.Path, pathValues), QueryString(queryValues), body, contentType, valid);

            yield return Request(path, query, validBody, valid: true) with { First = true };
            foreach (var parameter in parameters)
            {
                var valid = ValidParameter(operation.Path, parameter.Name, parameter.Schema);
                var sent = valid.Skip(1).Select(v => (Value: v, Valid: true))
                    .Concat(everyValue ? InvalidParameter(parameter.Schema).Select(v => (Value: v, Valid: false)) : []);
                foreach (var (value, isValid) in sent)
                {
                    var pathValues = parameter.In == "path" ? new Dictionary<string, string>(path) { [parameter.Name] = value } : path;
                    var queryValues = parameter.In == "query" ? new Dictionary<string, string>(query) { [parameter.Name] = value } : query;
                    yield return Request(pathValues, queryValues, validBody, isValid);
                }
            }
            if (bodySchema is null || !everyValue)
            {
                yield break;
            }
            foreach (var body in Bodies)
            {
                yield return Request(path, query, body, valid: false);
            }
            if (contentType != "application/json")
            {
                yield break;
            }
            foreach (var (field, schema) in Fields(bodySchema, [], 0))
            {
                foreach (var value in InvalidJson(schema))
                {
                    var changed = Build(bodySchema, 0);
                    if (Replace(changed, field, value))
                    {
                        yield return Request(path, query, changed.ToJsonString(), valid: false);
                    }
                }
            }
        }

        /// <summary>The body's fields and those of its objects and of its lists' first item, by path (<c>["bands", "0", "name"]</c>).</summary>
        private IEnumerable<(string[] Path, JsonNode Schema)> Fields(JsonNode reference, string[] prefix, int depth)
        {
            if (depth > 1 || Resolve(reference)["properties"] is not JsonObject properties)
            {
                yield break;
            }
            foreach (var (name, property) in properties)
            {
                var path = prefix.Append(name).ToArray();
                var field = Resolve(property);
                yield return (path, field);
                var inner = Kind(field) == "array" ? Fields(field["items"] ?? new JsonObject(), [.. path, "0"], depth + 1) : Fields(field, path, depth + 1);
                foreach (var nested in inner)
                {
                    yield return nested;
                }
            }
        }

        /// <summary>Sets the value at <paramref name="path"/> in <paramref name="body"/>; false when the built body has nothing there.</summary>
        private static bool Replace(JsonNode body, string[] path, JsonNode? value)
        {
            var node = body;
            foreach (var step in path[..^1])
            {
                node = node is JsonArray list ? list.FirstOrDefault() : node?[step];
                if (node is null)
                {
                    return false;
                }
            }
            if (node is JsonArray items)
            {
                items[0] = value;
            }
            else
            {
                node[path[^1]] = value;
            }
            return true;
        }

        private static string Fill(string template, Dictionary<string, string> values) =>
            values.Aggregate(template, (path, value) => path.Replace("{" + value.Key + "}", Uri.EscapeDataString(value.Value), StringComparison.Ordinal));

        private static string QueryString(Dictionary<string, string> values) =>
            values.Count == 0 ? "" : "?" + string.Join("&", values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));

        private static (string? ContentType, JsonNode? Schema) Body(Operation operation)
        {
            if (operation.Node["requestBody"]?["content"] is not JsonObject content)
            {
                return (null, null);
            }
            var (type, media) = content.OrderBy(c => c.Key == "application/json" ? 0 : 1).First();
            return (type, media?["schema"] ?? new JsonObject());
        }

        /// <summary>The schema behind a <c>$ref</c>, and for a nullable one (<c>oneOf</c>/<c>anyOf</c> with null) the one that is not null.</summary>
        private JsonNode Resolve(JsonNode? schema)
        {
            for (var depth = 0; depth < 10 && schema is not null; depth++)
            {
                if ((string?)schema["$ref"] is { } reference)
                {
                    schema = document["components"]!["schemas"]![reference.Split('/').Last()];
                }
                else if ((schema["oneOf"] ?? schema["anyOf"] ?? schema["allOf"]) is JsonArray choices)
                {
                    schema = choices.FirstOrDefault(c => Kind(c!) != "null" || c!["$ref"] is not null) ?? choices.First();
                }
                else
                {
                    return schema;
                }
            }
            return schema ?? new JsonObject();
        }

        /// <summary>The schema's type apart from null: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>array</c>, <c>object</c>.</summary>
        private static string Kind(JsonNode schema) => schema["type"] switch
        {
            JsonArray types => types.Select(t => (string)t!).OrderBy(t => t is "null" or "string" ? 1 : 0).FirstOrDefault(t => t != "null") ?? "null",
            JsonValue type => (string)type!,
            _ => schema["properties"] is not null ? "object" : "",
        };

        private static string? Format(JsonNode schema) => (string?)schema["format"];

        private string RandomId()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        }

        /// <summary>Values the parameter accepts: harvested ids for an id (up to three, else a random one), a plausible value otherwise.</summary>
        private List<string> ValidParameter(string path, string name, JsonNode schema)
        {
            if (schema["enum"] is JsonArray choices)
            {
                return [.. choices.OfType<JsonNode>().Select(c => c.ToString())];
            }
            return (Kind(schema), Format(schema)) switch
            {
                ("string", "uuid") => IdsFor(ids, path, name).Take(3).DefaultIfEmpty(RandomId()).ToList(),
                ("integer", _) => name.Contains("year", StringComparison.OrdinalIgnoreCase)
                    ? [DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture), "2000"]
                    : ["1", "2"],
                ("number", _) => ["1", "2.5"],
                ("boolean", _) => ["true", "false"],
                ("string", "date") => [DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
                ("string", "date-time") => [DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)],
                _ => ["Uppsikt"],
            };
        }

        private IEnumerable<string> InvalidParameter(JsonNode schema)
        {
            if (schema["enum"] is JsonArray)
            {
                return ["Okänd", "99", "-1", ""];
            }
            return (Kind(schema), Format(schema)) switch
            {
                ("string", "uuid") => Ids.Prepend(RandomId()),
                ("integer", _) => Integers,
                ("number", _) => Numbers,
                ("boolean", _) => ["abc", "", "2"],
                ("string", "date") => Dates,
                ("string", "date-time") => Times,
                _ => Texts,
            };
        }

        /// <summary>A body the schema describes, with plausible values and harvested ids where a field names a resource.</summary>
        private JsonNode Build(JsonNode reference, int depth, string field = "")
        {
            var schema = Resolve(reference);
            if (schema["enum"] is JsonArray choices && choices.FirstOrDefault(c => c is not null) is { } first)
            {
                return first.DeepClone();
            }
            switch (Kind(schema), Format(schema))
            {
                case ("object", _):
                    var record = new JsonObject();
                    if (depth < 4 && schema["properties"] is JsonObject properties)
                    {
                        foreach (var (name, property) in properties)
                        {
                            record[name] = Build(property!, depth + 1, name);
                        }
                    }
                    return record;
                case ("array", _):
                    return depth < 4 && schema["items"] is { } items ? new JsonArray(Build(items, depth + 1, field.TrimEnd('s'))) : new JsonArray();
                case ("string", "uuid"):
                    var key = ResourceKey(field.EndsWith("Id", StringComparison.Ordinal) ? field[..^2] : field);
                    return JsonValue.Create(ids.GetValueOrDefault(key)?.FirstOrDefault() ?? RandomId());
                case ("integer", _):
                    return JsonValue.Create(field.Contains("year", StringComparison.OrdinalIgnoreCase) ? DateTime.UtcNow.Year : 1);
                case ("number", _):
                    return JsonValue.Create(1.5);
                case ("boolean", _):
                    return JsonValue.Create(true);
                case ("string", "date"):
                    return JsonValue.Create(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                case ("string", "date-time"):
                    return JsonValue.Create(DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                default:
                    return JsonValue.Create("Uppsikt fuzz");
            }
        }

        /// <summary>Values a body field should refuse or survive: null, the wrong type, and the boundaries of its type.</summary>
        private IEnumerable<JsonNode?> InvalidJson(JsonNode schema)
        {
            yield return null;
            if (schema["enum"] is JsonArray)
            {
                yield return JsonValue.Create("Okänd");
                yield return JsonValue.Create(99);
                yield break;
            }
            switch (Kind(schema), Format(schema))
            {
                case ("object", _):
                    yield return JsonValue.Create("abc");
                    yield return new JsonArray();
                    yield return new JsonObject();
                    break;
                case ("array", _):
                    yield return JsonValue.Create("abc");
                    yield return new JsonObject();
                    yield return new JsonArray();
                    yield return new JsonArray((JsonNode?)null);
                    yield return new JsonArray(JsonValue.Create(RandomId()), JsonValue.Create(RandomId()));
                    break;
                case ("string", "uuid"):
                    yield return JsonValue.Create(RandomId());
                    yield return JsonValue.Create("abc");
                    yield return JsonValue.Create(1);
                    break;
                case ("integer", _):
                    yield return JsonValue.Create(0);
                    yield return JsonValue.Create(-1);
                    yield return JsonValue.Create(int.MinValue);
                    yield return JsonValue.Create(int.MaxValue);
                    yield return JsonValue.Create("abc");
                    break;
                case ("number", _):
                    yield return JsonValue.Create(0);
                    yield return JsonValue.Create(-1);
                    yield return JsonValue.Create(1e308);
                    yield return JsonValue.Create(-1e308);
                    yield return JsonValue.Create("abc");
                    break;
                case ("boolean", _):
                    yield return JsonValue.Create("abc");
                    yield return JsonValue.Create(1);
                    break;
                case ("string", "date"):
                case ("string", "date-time"):
                    foreach (var date in Format(schema) == "date" ? Dates : Times)
                    {
                        yield return JsonValue.Create(date);
                    }
                    yield return JsonValue.Create(1);
                    break;
                default:
                    foreach (var text in Texts)
                    {
                        yield return JsonValue.Create(text);
                    }
                    yield return JsonValue.Create(1);
                    yield return new JsonObject();
                    break;
            }
        }
    }
}
