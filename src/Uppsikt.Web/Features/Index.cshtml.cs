using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure.Home;

namespace Uppsikt.Web.Features;

/// <summary>What waits for the signed-in user, one section per municipal role it holds; each count links to the list of exactly those rows.</summary>
public sealed class IndexModel(IEnumerable<IWorkSource> sources, ICurrentActor actor) : PageModel
{
    public sealed record RoleSection(string Role, IReadOnlyList<WorkTile> Tiles)
    {
        public string Heading => Roles.SwedishName(Role);

        /// <summary>Only the counts above zero are shown; a section with none says so.</summary>
        public IReadOnlyList<WorkTile> Waiting => [.. Tiles.Where(t => t.Count > 0)];
    }

    public IReadOnlyList<RoleSection> Sections { get; private set; } = [];

    /// <summary>The public pages are the start for anyone not signed in.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Redirect("/Public");
        }
        // A provider user's start is its own portal, whose to-do list (Att göra) is what waits for it.
        if (User.IsInRole(Roles.ProviderUser))
        {
            return Redirect("/Portal");
        }
        var roles = actor.Roles;
        var tiles = new List<WorkTile>();
        foreach (var source in sources)
        {
            tiles.AddRange(await source.TilesAsync(roles, cancellationToken));
        }
        Sections = [.. Roles.Municipal.Where(roles.Contains).Select(role => new RoleSection(role, [.. tiles.Where(t => t.Role == role)]))];
        return Page();
    }
}
