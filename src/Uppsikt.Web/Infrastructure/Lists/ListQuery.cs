using System.Linq.Expressions;

namespace Uppsikt.Web.Infrastructure.Lists;

/// <summary>Search, sort and page for a register list; the same for pages (query string) and the API.</summary>
public sealed record ListQuery(string? Search = null, string? Sort = null, bool Descending = false, int Page = 1, int PageSize = ListQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public int SafePage => Math.Max(1, Page);

    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
}

/// <summary>One page of a list and how many there are in all.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

/// <summary>The columns a list may be sorted by, each a key for the query string and an expression.</summary>
public sealed class SortColumns<T>(string defaultKey)
{
    private readonly Dictionary<string, Func<IQueryable<T>, bool, IOrderedQueryable<T>>> _columns = new(StringComparer.OrdinalIgnoreCase);

    public SortColumns<T> Add<TKey>(string key, Expression<Func<T, TKey>> column)
    {
        _columns[key] = (query, descending) => descending ? query.OrderByDescending(column) : query.OrderBy(column);
        return this;
    }

    public bool Knows(string? key) => key is not null && _columns.ContainsKey(key);

    public IOrderedQueryable<T> Apply(IQueryable<T> query, string? key, bool descending) =>
        _columns[Knows(key) ? key! : defaultKey](query, descending);
}

public static class PagingExtensions
{
    /// <summary>Sorts by the chosen column (the id breaks ties so pages are stable), then counts and takes one page.</summary>
    public static async Task<PagedList<T>> ToPageAsync<T>(this IQueryable<T> query, ListQuery list, SortColumns<T> sort,
        Expression<Func<T, Guid>> tieBreaker, CancellationToken cancellationToken)
    {
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, cancellationToken);
        var page = Math.Min(list.SafePage, Math.Max(1, (total + list.SafePageSize - 1) / list.SafePageSize));
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            sort.Apply(query, list.Sort, list.Descending).ThenBy(tieBreaker)
                .Skip((page - 1) * list.SafePageSize).Take(list.SafePageSize),
            cancellationToken);
        return new PagedList<T>(items, total, page, list.SafePageSize);
    }
}
