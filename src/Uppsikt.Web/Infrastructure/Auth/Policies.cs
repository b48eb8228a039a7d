using Uppsikt.Domain.Identity;

namespace Uppsikt.Web.Infrastructure.Auth;

/// <summary>
/// The policies more than one feature uses, defined once (<see cref="AuthRegistration"/>). A feature's own policies are
/// named and registered in its module; pages are authorised by conventions there and API groups by
/// <c>.RequireAuthorization(policy)</c>.
/// </summary>
public static class Policies
{
    /// <summary>
    /// The municipality's own staff and elected members: only for what the elected members and the council board's staff
    /// read too (the plans reported to them and the council-wide review, decision 0036). Everything else is <see cref="Staff"/>.
    /// </summary>
    public const string Municipal = nameof(Municipal);

    /// <summary>
    /// The municipal roles that do the follow-up work: every municipal role but the committee member and the council
    /// reviewer, who read only what has been reported to them (decision 0036).
    /// </summary>
    public const string Staff = nameof(Staff);

    /// <summary>The roles of <see cref="Staff"/>, for feature policies and menu links built from role lists.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [.. Roles.Municipal.Where(r => r is not (Roles.CommitteeMember or Roles.CouncilReviewer))];

    /// <summary>
    /// The staff and the providers' users: for what a provider sees its own share of (the register, complaints, incidents,
    /// quality reports, reviews' reports, attached files), the query filters keeping a provider user to its own.
    /// </summary>
    public const string StaffOrProvider = nameof(StaffOrProvider);

    /// <summary>
    /// The staff and the committee members: for what is reported to the committee besides its plans, its final review reports
    /// and the sanctions it decided (decision 0036), the handlers keeping a member to its own committee's.
    /// </summary>
    public const string StaffOrCommitteeMember = nameof(StaffOrCommitteeMember);

    /// <summary>
    /// Quality developers and administrators: keep the register, conditions, annual cycle templates and quality report
    /// templates, and are the municipality's side of the provider portal.
    /// </summary>
    public const string Editor = nameof(Editor);

    /// <summary>The roles of <see cref="Editor"/>, for the few checks that have a user but no authorisation service.</summary>
    public static readonly IReadOnlyList<string> EditorRoles = [Roles.QualityDeveloper, Roles.Administrator];

    /// <summary>System administrators: users, API tokens, the audit trail and register history.</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>A provider's own users.</summary>
    public const string ProviderUser = nameof(ProviderUser);

    /// <summary>The API: a signed-in user by cookie or API token.</summary>
    public const string Api = nameof(Api);
}
