using Microsoft.AspNetCore.Http.Extensions;

namespace Uppsikt.Web.Infrastructure.Lists;

/// <summary>Builds list links that keep the other query-string values (filters, search) as they are.</summary>
public static class ListLinks
{
    public static string With(HttpRequest request, params (string Key, string? Value)[] changes)
    {
        var values = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            if (string.IsNullOrEmpty(value))
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }
        var query = new QueryBuilder(values.Where(v => !string.IsNullOrEmpty(v.Value)));
        return request.Path + query.ToQueryString().Value;
    }
}

/// <summary>A column header that sorts the list; screen readers hear the current order through aria-sort.</summary>
public sealed record SortHeader(string Key, string Label, ListQuery Query, HttpRequest Request)
{
    private bool Active => string.Equals(Query.Sort, Key, StringComparison.OrdinalIgnoreCase);

    public string AriaSort => !Active ? "none" : Query.Descending ? "descending" : "ascending";

    public string Mark => !Active ? "" : Query.Descending ? " ▼" : " ▲";

    public string Link => ListLinks.With(Request, ("Sort", Key), ("Descending", Active && !Query.Descending ? "true" : null), ("Page", null));
}

public sealed record PagerModel(int Page, int PageCount, int Total, HttpRequest Request)
{
    public static PagerModel For<T>(PagedList<T> list, HttpRequest request) => new(list.Page, list.PageCount, list.Total, request);

    public string Link(int page) => ListLinks.With(Request, ("Page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
