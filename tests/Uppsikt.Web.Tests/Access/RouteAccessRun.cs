using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests.Access;

/// <summary>
/// Calls every route that has a rule as provider user A, aimed at provider B's data, and collects every way the
/// answer breaks its rule. Lists and records are also fetched as a municipal user, to prove B's data is really there.
/// </summary>
public sealed partial class RouteAccessRun(UppsiktApp app, IReadOnlyDictionary<string, RouteRule> rules, string attacker)
{
    private const int ExcerptLength = 600;

    public async Task<IReadOnlyList<string>> AgainstAsync(string victimProvider, string victimUser)
    {
        var routes = await AppRoutes.DiscoverAsync(app.Services);
        var victim = await Victim.LoadAsync(app, victimProvider, victimUser);
        var fingerprint = await victim.FingerprintAsync(app);
        var lastAudit = await app.LastAuditIdAsync();
        using var browser = await app.CreateClientAs(attacker);
        using var integration = await app.ApiClientAs(attacker);
        using var municipalBrowser = await app.CreateClientAs(Demo.QualityDeveloper);
        using var municipalIntegration = await app.ApiClientAs(Demo.QualityDeveloper);
        var antiforgery = await AntiforgeryTokenAsync(browser);

        var failures = new List<string>();
        foreach (var route in routes.Where(r => rules.ContainsKey(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var rule = rules[route.Key];
            foreach (var query in rule.Queries.Prepend(null))
            {
                IEnumerable<(string How, HttpClient Client)> callers = route.IsApi ? [("API token", integration), ("cookie", browser)] : [("cookie", browser)];
                foreach (var (how, client) in callers)
                {
                    failures.AddRange(rule.OwnSession
                        ? await ProbeInOwnSessionAsync(route, rule, victim, query, how)
                        : await ProbeAsync(route, rule, victim, query, client, how, antiforgery));
                }
                if (rule.Expect is Expectation.List or Expectation.Hidden && route.Method == "GET")
                {
                    failures.AddRange(await ControlAsync(route, rule, victim, query, route.IsApi ? municipalIntegration : municipalBrowser));
                }
            }
        }

        failures.AddRange((await victim.AuditedChangesSinceAsync(app, lastAudit)).Select(change => $"B's data was changed during the run: {change}"));
        if (await victim.FingerprintAsync(app) is var after && after != fingerprint)
        {
            failures.Add($"B's data changed during the run.{Environment.NewLine}Before:{Environment.NewLine}{fingerprint}{Environment.NewLine}After:{Environment.NewLine}{after}");
        }
        return failures;
    }

    private async Task<IEnumerable<string>> ProbeInOwnSessionAsync(AppRoute route, RouteRule rule, Victim victim, Func<Victim, string>? query, string how)
    {
        using var session = await app.CreateClientAs(attacker);
        return await ProbeAsync(route, rule, victim, query, session, how + " (own session)", await AntiforgeryTokenAsync(session));
    }

    private static async Task<IEnumerable<string>> ProbeAsync(AppRoute route, RouteRule rule, Victim victim, Func<Victim, string>? query,
        HttpClient client, string how, string antiforgery)
    {
        HttpRequestMessage request;
        try
        {
            request = Build(route, rule, victim, query, route.IsPage ? antiforgery : null);
        }
        catch (InvalidOperationException exception)
        {
            return [$"{route}: {exception.Message}"];
        }
        using (request)
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var problems = new List<string>();
            var statusFits = rule.Expect switch
            {
                Expectation.NoProviderData => status < 500,
                Expectation.PublicData or Expectation.List => response.StatusCode == HttpStatusCode.OK,
                Expectation.Hidden => response.StatusCode == HttpStatusCode.NotFound || Expect.IsDenied(response),
                Expectation.Denied => Expect.IsDenied(response),
                _ => false,
            };
            if (!statusFits)
            {
                problems.Add($"expected {rule.Expect}, got {status} {response.StatusCode}");
            }
            if (rule.Expect != Expectation.PublicData && victim.NamesIn(Expect.ReadableText(response, body)) is { Count: > 0 } leaked)
            {
                problems.Add($"shows B's data: {string.Join(" | ", leaked)}");
            }
            return problems.Select(problem =>
                $"{route} — {request.Method} {request.RequestUri} as A by {how}: {problem}{Environment.NewLine}{Excerpt(body)}");
        }
    }

    /// <summary>A municipal user must see B's data at the same address; otherwise "A does not see it" proves nothing.</summary>
    private static async Task<IEnumerable<string>> ControlAsync(AppRoute route, RouteRule rule, Victim victim, Func<Victim, string>? query, HttpClient municipal)
    {
        using var request = Build(route, rule, victim, query, antiforgery: null);
        using var response = await municipal.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK && victim.NamesIn(Expect.ReadableText(response, body)).Count > 0
            ? []
            : [$"{route} — control: a municipal user gets {(int)response.StatusCode} without B's names at {request.RequestUri}, so the check of A proves nothing{Environment.NewLine}{Excerpt(body)}"];
    }

    private static HttpRequestMessage Build(AppRoute route, RouteRule rule, Victim victim, Func<Victim, string>? query, string? antiforgery)
    {
        // Route values that are not ids: the OpenAPI document's name, and a year for yearly reports.
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["documentName"] = "v1",
            ["year"] = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var target = rule.Target?.Invoke(victim).ToString();
        if (target is not null)
        {
            values[rule.TargetField] = target;
        }
        foreach (var (field, value) in rule.Also)
        {
            values[field] = value(victim).ToString();
        }
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var path = RouteParameter().Replace(route.Template, match =>
        {
            var name = match.Groups["name"].Value;
            if (values.TryGetValue(name, out var value))
            {
                used.Add(name);
                return Uri.EscapeDataString(value);
            }
            return match.Groups["rest"].Value.EndsWith('?')
                ? ""
                : throw new InvalidOperationException($"the rule gives no value for the route parameter {{{name}}}");
        });
        path = path.Length > 1 ? path.TrimEnd('/') : path;

        var isRead = route.Method is "GET" or "HEAD";
        var parameters = new List<string>();
        if (route.Handler is not null)
        {
            parameters.Add("handler=" + route.Handler);
        }
        if (query is not null)
        {
            parameters.Add(query(victim));
        }
        var fields = rule.Form?.Invoke(victim).ToList() ?? [];
        if (target is not null && !used.Contains(rule.TargetField))
        {
            if (isRead)
            {
                parameters.Add($"{rule.TargetField}={Uri.EscapeDataString(target)}");
            }
            else
            {
                fields.Add(new(rule.TargetField, target));
            }
        }

        var request = new HttpRequestMessage(new HttpMethod(route.Method), parameters.Count == 0 ? path : $"{path}?{string.Join('&', parameters)}");
        if (rule.Json is not null)
        {
            request.Content = JsonContent.Create(rule.Json(victim), options: Api.Json);
        }
        else if (!isRead)
        {
            if (antiforgery is not null)
            {
                fields.Add(new(Forms.AntiforgeryField, antiforgery));
            }
            request.Content = new FormUrlEncodedContent(fields);
        }
        return request;
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient session)
    {
        using var page = await session.GetAsync("/Account/Tokens");
        return Forms.AntiforgeryToken(await Expect.OkAsync(page));
    }

    private static string Excerpt(string body) =>
        body.Length <= ExcerptLength ? body : body[..ExcerptLength] + " …";

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<rest>[^}]*)\}")]
    private static partial Regex RouteParameter();
}
