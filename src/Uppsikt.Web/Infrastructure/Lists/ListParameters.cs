using Microsoft.AspNetCore.Mvc;

namespace Uppsikt.Web.Infrastructure.Lists;

/// <summary>
/// The query string every API list takes, bound with <c>[AsParameters]</c>: <c>search</c>, <c>sort</c>, <c>descending</c>,
/// <c>page</c> and <c>pageSize</c>, with the defaults and bounds of <see cref="ListQuery"/>. A list without free-text search
/// ignores <c>search</c>; an endpoint's own filters stay parameters of their own.
/// </summary>
public sealed class ListParameters
{
    /// <summary>Free text to search for, where the list searches.</summary>
    [FromQuery(Name = "search")]
    public string? Search { get; set; }

    /// <summary>The column to sort by, one the list names; without it the list's default. A column the list does not have gives 400.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "descending")]
    public bool? Descending { get; set; }

    /// <summary>The page, from 1.</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    /// <summary>Rows per page, at most <see cref="ListQuery.MaxPageSize"/>.</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }

    public ListQuery ToQuery() => new(Search, Sort, Descending ?? false, Page ?? 1, PageSize ?? ListQuery.DefaultPageSize) { RefusesUnknownSort = true };
}
