using System.Security.Claims;
using Uppsikt.Data;
using Uppsikt.Domain.Identity;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>Role rules several features share, each written once, for a page's signed-in user and for the injected actor alike.</summary>
public static class RoleChecks
{
    /// <summary>The municipality's handlers of complaints and incidents: quality developers and group managers.</summary>
    public static bool IsMunicipalHandler(this ClaimsPrincipal user) => MunicipalHandler(user.IsInRole);

    /// <inheritdoc cref="IsMunicipalHandler(ClaimsPrincipal)"/>
    public static bool IsMunicipalHandler(this ICurrentActor actor) => MunicipalHandler(actor.IsInRole);

    public static bool IsProviderUser(this ClaimsPrincipal user) => user.IsInRole(Roles.ProviderUser);

    public static bool IsProviderUser(this ICurrentActor actor) => actor.IsInRole(Roles.ProviderUser);

    /// <summary>Whether the actor holds a role of <see cref="Policies.StaffRoles"/>: the municipality's staff who do the follow-up work.</summary>
    public static bool IsStaff(this ICurrentActor actor) => Policies.StaffRoles.Any(actor.IsInRole);

    /// <summary>
    /// Whether the actor reads only what has been reported to the elected (decision 0036): a committee member or the council
    /// board's staff who holds no role of <see cref="Policies.StaffRoles"/>.
    /// </summary>
    public static bool ReadsOnlyWhatIsReported(this ICurrentActor actor) =>
        (actor.IsInRole(Roles.CommitteeMember) || actor.IsInRole(Roles.CouncilReviewer)) && !actor.IsStaff();

    /// <summary>
    /// The committee whose material alone the actor reads: a committee member's own, unless the actor also reads for the
    /// council board, who reads every committee's. Null: no such limit.
    /// </summary>
    public static Guid? OnlyCommittee(this ICurrentActor actor) =>
        actor.ReadsOnlyWhatIsReported() && actor.IsInRole(Roles.CommitteeMember) && !actor.IsInRole(Roles.CouncilReviewer) ? actor.CommitteeId : null;

    /// <summary>
    /// Whose final review reports and decided sanctions the actor reads (decision 0036): every committee's for the staff; for one
    /// who reads only what is reported, its own committee's, and none when it has no committee (a null committee matches no row).
    /// </summary>
    public static (bool Every, Guid? Committee) ReportedTo(this ICurrentActor actor) =>
        actor.ReadsOnlyWhatIsReported() ? (false, actor.OnlyCommittee()) : (true, null);

    private static bool MunicipalHandler(Func<string, bool> isInRole) => isInRole(Roles.QualityDeveloper) || isInRole(Roles.GroupManager);
}
