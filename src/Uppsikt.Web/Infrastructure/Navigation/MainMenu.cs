using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.QualityBonus;
using Uppsikt.Domain.Risk;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure.Auth;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Infrastructure.Navigation;

/// <summary>
/// A link of the main menu. <see cref="Policy"/> is the policy of the page it leads to (null: any signed-in user; the page's
/// convention in its feature's module must be the same or looser), so a link never leads to a refusal; <see cref="Roles"/>
/// narrows it further to the roles whose work it is.
/// </summary>
public sealed record MenuLink(string Label, string Href, string? Policy, IReadOnlyList<string>? Roles = null);

/// <summary>A group of the menu under a Swedish heading; a group with no link the user may use is not shown.</summary>
public sealed record MenuGroup(string Id, string Heading, IReadOnlyList<MenuLink> Links);

/// <summary>The main menu, grouped by what the work is about and shown by role.</summary>
public static class MainMenu
{
    public static readonly IReadOnlyList<MenuGroup> Groups =
    [
        new("register", "Register",
        [
            new("Nämnder", "/Register/Committees", Policies.Staff),
            new("Kundval", "/Register/ChoiceSystems", Policies.Staff),
            new("Anordnare", "/Register/Providers", Policies.Staff),
            new("Enheter", "/Register/Units", Policies.Staff),
            new("Auktorisationer och avtal", "/Register/Authorisations", Policies.Staff),
            new("Villkor", "/Conditions", Policies.Staff),
            new("Min organisation", "/Register/Providers", Policies.ProviderUser),
            new("Våra enheter", "/Register/Units", Policies.ProviderUser),
            new("Våra auktorisationer", "/Register/Authorisations", Policies.ProviderUser),
        ]),
        new("followup", "Uppföljning",
        [
            new("Mina uppgifter", "/Cycle/MyTasks", Policies.Staff),
            new("Lägesbild", "/Dashboards", Policies.StaffOrCommitteeMember, [R.QualityDeveloper, R.GroupManager, R.Administrator, R.CommitteeMember]),
            new("Årshjul", "/Cycle", Policies.Staff),
            new("Uppföljningsplaner", "/Plans", Policies.Municipal),
            new("Samlad uppföljning", "/Plans/CouncilReview", Policies.Municipal),
            new("Uppdrag från kommunstyrelsen", "/Commissions", Policies.Municipal,
                [R.CouncilReviewer, R.Administrator, R.QualityDeveloper, R.GroupManager, R.CommitteeMember, R.CommitteeSecretary]),
            new("Slutliga granskningsrapporter", "/Reviews/Reported", Policies.StaffOrCommitteeMember, [R.CommitteeMember]),
            new("Beslutade sanktioner", "/Sanctions/Decided", Policies.StaffOrCommitteeMember, [R.CommitteeMember]),
            new("Årsrapporter", "/AnnualReports", Policies.StaffOrCommitteeMember,
                [R.QualityDeveloper, R.GroupManager, R.Administrator, R.CommitteeSecretary, R.CommitteeMember]),
            new("Kvalitetsrapporter", "/QualityReports/Reports", Policies.Staff),
            new("Granskningar", "/Reviews", Policies.Staff),
            new("Granskningsintervall", "/Reviews/Intervals", Policies.Staff),
            new("Risker och årets urval", "/Risk", Policies.Staff, RiskRoles.Readers),
            new("Riskanalyser", "/Risk/Analyses", Policies.Staff, RiskRoles.Readers),
            new("Kvalitetsbonus (simulering)", "/QualityBonus", Policies.Staff, BonusModel.Keepers),
            new("Brister och åtgärdsplaner", "/Deficiencies", Policies.Staff, ActionPlan.FollowUpRoles),
            new("Sanktioner", "/Sanctions", Policies.Staff, [.. Sanction.Proposers, R.CommitteeSecretary]),
            new("Våra kvalitetsrapporter", "/QualityReports/Reports/Mine", Policies.ProviderUser),
            new("Våra granskningar", "/Reviews/Portal", Policies.ProviderUser),
            new("Våra brister och åtgärdsplaner", "/Deficiencies", Policies.ProviderUser),
            new("Beslut om sanktioner", "/Sanctions", Policies.ProviderUser),
        ]),
        new("evidence", "Underlag",
        [
            new("Klagomål", "/Evidence/Complaints", Policies.Staff),
            new("Avvikelser", "/Evidence/Incidents", Policies.Staff),
            new("Handläggares erfarenheter", "/Evidence/Observations", Policies.Staff),
            new("Indikatorer", "/Evidence/Indicators", Policies.Staff),
            new("Brukarundersökningar", "/Evidence/Surveys", Policies.Staff),
            new("Klagomål till oss", "/Evidence/Complaints", Policies.ProviderUser),
            new("Våra avvikelser", "/Evidence/Incidents", Policies.ProviderUser),
        ]),
        new("portal", "Portal",
        [
            new("Anordnarportalen", "/Portal/Providers", Policies.Editor),
            new("Vår portal", "/Portal", Policies.ProviderUser),
        ]),
        new("admin", "Administration",
        [
            new("Användare", "/Admin/Users", Policies.Administrator),
            new("Ändringslogg", "/Admin/Audit", Policies.Administrator),
            new("Gallring", "/Admin/Retention", Policies.Administrator),
        ]),
    ];

    /// <summary>The groups and links the user may use, in the menu's order.</summary>
    public static async Task<IReadOnlyList<MenuGroup>> ForAsync(ClaimsPrincipal user, IAuthorizationService authorization)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        var groups = new List<MenuGroup>();
        foreach (var group in Groups)
        {
            var links = new List<MenuLink>();
            foreach (var link in group.Links)
            {
                var ok = true;
                if (link.Policy is { } policy && !allowed.TryGetValue(policy, out ok))
                {
                    ok = allowed[policy] = (await authorization.AuthorizeAsync(user, policy)).Succeeded;
                }
                if (ok && (link.Roles is null || link.Roles.Any(user.IsInRole)))
                {
                    links.Add(link);
                }
            }
            if (links.Count > 0)
            {
                groups.Add(group with { Links = links });
            }
        }
        return groups;
    }

    /// <summary>The link of the current page: the one whose address is the longest start of the path, so that /Plans/CouncilReview is not also /Plans.</summary>
    public static MenuLink? Current(IEnumerable<MenuGroup> groups, PathString path) =>
        groups.SelectMany(g => g.Links).Where(l => path.StartsWithSegments(l.Href, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(l => l.Href.Length).FirstOrDefault();
}
