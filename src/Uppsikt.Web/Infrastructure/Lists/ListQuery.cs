using System.Linq.Expressions;
using System.Reflection;

namespace Uppsikt.Web.Infrastructure.Lists;

/// <summary>Search, sort and page for a register list; the same for pages (query string) and the API.</summary>
public sealed record ListQuery(string? Search = null, string? Sort = null, bool Descending = false, int Page = 1, int PageSize = ListQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>
    /// True when a sort column the list does not know is refused (<see cref="UnknownSortException"/>) rather than replaced by the
    /// list's default: an integration asked for it by name (<see cref="ListParameters"/>), a page's link only offers known ones.
    /// </summary>
    public bool RefusesUnknownSort { get; init; }

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

    /// <summary>Orders by the list's chosen column, or its default when none is chosen (or an unknown one, where the list allows it).</summary>
    public IOrderedQueryable<T> Apply(IQueryable<T> query, ListQuery list)
    {
        if (list.RefusesUnknownSort && !string.IsNullOrWhiteSpace(list.Sort) && !Knows(list.Sort))
        {
            throw new UnknownSortException(list.Sort, [.. _columns.Keys]);
        }
        return _columns[Knows(list.Sort) ? list.Sort! : defaultKey](query, list.Descending);
    }
}

/// <summary>A list was asked to sort by a column it does not have; the API answers 400 naming <c>sort</c> and the columns there are.</summary>
public sealed class UnknownSortException(string column, IReadOnlyList<string> columns)
    : Exception($"Listan kan inte sorteras på ”{column}”. Välj en av: {string.Join(", ", columns)}.")
{
    /// <summary>The query-string parameter at fault.</summary>
    public const string Parameter = "sort";
}

public static class PagingExtensions
{
    /// <summary>Sorts by the chosen column (the id breaks ties so pages are stable), then counts and takes one page.</summary>
    public static async Task<PagedList<T>> ToPageAsync<T>(this IQueryable<T> query, ListQuery list, SortColumns<T> sort,
        Expression<Func<T, Guid>> tieBreaker, CancellationToken cancellationToken)
    {
        query = query.Provider.CreateQuery<T>(new PositionalRecordMembers().Visit(query.Expression));
        var total = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(query, cancellationToken);
        var page = Math.Min(list.SafePage, Math.Max(1, (total + list.SafePageSize - 1) / list.SafePageSize));
        var items = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            sort.Apply(query, list).ThenBy(tieBreaker)
                .Skip((page - 1) * list.SafePageSize).Take(list.SafePageSize),
            cancellationToken);
        return new PagedList<T>(items, total, page, list.SafePageSize);
    }

    /// <summary>
    /// The same for rows computed in memory (a list no single query can give): sorts by the chosen column with the id breaking
    /// ties, then counts and takes one page; a page past the end gives the last.
    /// </summary>
    public static PagedList<T> ToPage<T>(this IEnumerable<T> rows, ListQuery list, SortColumns<T> sort, Expression<Func<T, Guid>> tieBreaker)
    {
        var all = rows.ToList();
        var page = Math.Min(list.SafePage, Math.Max(1, (all.Count + list.SafePageSize - 1) / list.SafePageSize));
        var items = sort.Apply(all.AsQueryable(), list).ThenBy(tieBreaker)
            .Skip((page - 1) * list.SafePageSize).Take(list.SafePageSize).ToList();
        return new PagedList<T>(items, all.Count, page, list.SafePageSize);
    }

    /// <summary>
    /// Lets EF sort on a member of a positional record made in a projection, <c>Select(u =&gt; new UnitRow(u.Id, u.Name, …))</c>:
    /// EF resolves <c>row.Name</c> only when the <c>new</c> says which argument fills which member, which a record's
    /// constructor call does not. A record's parameters are its properties, so this names them.
    /// </summary>
    private sealed class PositionalRecordMembers : ExpressionVisitor
    {
        protected override Expression VisitNew(NewExpression node)
        {
            var visited = (NewExpression)base.VisitNew(node);
            var parameters = visited.Constructor?.GetParameters() ?? [];
            if (visited.Members is not null || parameters.Length == 0)
            {
                return visited;
            }
            var members = new List<MemberInfo>(parameters.Length);
            foreach (var parameter in parameters)
            {
                if (visited.Type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance) is not { } property
                    || property.PropertyType != parameter.ParameterType)
                {
                    return visited;
                }
                members.Add(property);
            }
            return Expression.New(visited.Constructor!, visited.Arguments, members);
        }
    }
}
