using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Infrastructure.Home;

/// <summary>
/// One count on the start page: what waits for a role, linking to the feature's own list filtered to exactly those rows.
/// <see cref="One"/> and <see cref="Many"/> follow the number ("1 inskickad kvalitetsrapport", "2 inskickade kvalitetsrapporter").
/// </summary>
public sealed record WorkTile(string Role, string One, string Many, int Count, string Link);

/// <summary>
/// A feature's share of the start page. The feature counts with its own list query, the one its list page runs with the
/// same filter, so that the count and the list it links to cannot disagree. One count query per tile, never per row.
/// </summary>
public interface IWorkSource
{
    /// <summary>The tiles for the roles the actor holds (<paramref name="roles"/>); a role the source knows nothing for gets none.</summary>
    Task<IReadOnlyList<WorkTile>> TilesAsync(IReadOnlySet<string> roles, CancellationToken cancellationToken);
}

public static class WorkCounts
{
    /// <summary>The smallest page of a list: its count is what the tile shows.</summary>
    public static readonly ListQuery CountOnly = new(PageSize: 1);
}
