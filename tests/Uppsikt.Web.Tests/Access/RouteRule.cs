namespace Uppsikt.Web.Tests.Access;

public enum Expectation
{
    /// <summary>The route has no provider data: it answers (below 500) and shows none of B's names.</summary>
    NoProviderData,

    /// <summary>The route shows published data, which by law includes other providers' units; it must answer 200.</summary>
    PublicData,

    /// <summary>A list: 200 with none of B's names, while a municipal user sees B's names at the same address.</summary>
    List,

    /// <summary>B's record by id: 404 or 403, none of B's names; a municipal user gets it (GET).</summary>
    Hidden,

    /// <summary>Not for provider users at all: 403 (or the access-denied page) whatever the data.</summary>
    Denied,
}

/// <summary>How provider user A calls one route against provider B's data, and what must happen.</summary>
public sealed record RouteRule(Expectation Expect, string Why)
{
    /// <summary>B's id to aim at: put into the route parameter named <see cref="TargetField"/>, or sent as that field.</summary>
    public Func<Victim, Guid>? Target { get; init; }

    public string TargetField { get; init; } = "id";

    /// <summary>Further route values a route needs besides the target, such as a person within B's provider.</summary>
    public IReadOnlyList<KeyValuePair<string, Func<Victim, Guid>>> Also { get; init; } = [];

    /// <summary>This rule with one more route value.</summary>
    public RouteRule With(string field, Func<Victim, Guid> value) => this with { Also = [.. Also, new(field, value)] };

    /// <summary>A JSON body, for API writes: what B's data would become if the call were allowed.</summary>
    public Func<Victim, object>? Json { get; init; }

    /// <summary>Form fields, for page posts (the antiforgery token is added).</summary>
    public Func<Victim, IEnumerable<KeyValuePair<string, string>>>? Form { get; init; }

    /// <summary>Extra query strings to try a list with as well, such as a filter on B's id.</summary>
    public IReadOnlyList<Func<Victim, string>> Queries { get; init; } = [];

    /// <summary>Run with a session of its own (the route ends the session it runs in).</summary>
    public bool OwnSession { get; init; }

    public static RouteRule NoProviderData(string why) => new(Expectation.NoProviderData, why);

    public static RouteRule PublicData(string why) => new(Expectation.PublicData, why);

    public static RouteRule List(params Func<Victim, string>[] queries) => new(Expectation.List, "a list scoped to the caller") { Queries = queries };

    public static RouteRule Hidden(Func<Victim, Guid> target, string field = "id") =>
        new(Expectation.Hidden, "B's record by id") { Target = target, TargetField = field };

    public static RouteRule Denied(Func<Victim, Guid>? target = null) => new(Expectation.Denied, "not for provider users") { Target = target };
}
