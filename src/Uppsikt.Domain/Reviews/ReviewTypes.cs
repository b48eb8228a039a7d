using Uppsikt.Domain.Register;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Domain.Reviews;

/// <summary>What each review type requires, and who decides and leads it (docs/specification.md, decision 0020).</summary>
public static class ReviewTypes
{
    /// <summary>The roles that lead reviews in general: plan, prepare, record findings, write and communicate the report.</summary>
    public static readonly string[] Reviewers = [R.QualityDeveloper, R.DistrictFollowUp, R.Administrator];

    /// <summary>Who may decide (and so register) a review of this type.</summary>
    public static IReadOnlyList<string> DecidedBy(ReviewType type) => type switch
    {
        // Seed 002: a targeted follow-up is decided by the management group, a called review by the group manager.
        ReviewType.TargetedFollowUp or ReviewType.CalledReview => [R.GroupManager],
        // Seed 002: the medically responsible nurse reviews each provider's health care yearly.
        ReviewType.HealthCareReview => [R.MedicalResponsible],
        _ => Reviewers,
    };

    /// <summary>Who leads the review once decided: takes it through preparation, visit, findings and report.</summary>
    public static IReadOnlyList<string> LedBy(ReviewType type) => type switch
    {
        ReviewType.HealthCareReview => [R.MedicalResponsible],
        _ => Reviewers,
    };

    /// <summary>
    /// The regular reviews the interval rule counts from (<see cref="ReviewInterval"/>): those a unit is given in turn, as the
    /// year's proposal plans them. Reviews on a signal (targeted, called), follow-ups of a review, spot checks, dialogues,
    /// health care reviews and self-assessments neither restart nor end the interval: a follow-up closes deficiencies, whose
    /// verification dates the rule reads from the deficiencies themselves.
    /// </summary>
    public static readonly ReviewType[] Regular =
        [ReviewType.QualityReview, ReviewType.PreschoolSupervision, ReviewType.PreschoolInsight, ReviewType.ContractFollowUp];

    /// <summary>
    /// The regular review a unit is given in turn, by its choice system's law and form and the unit's ownership: supervision of an
    /// independent preschool and insight into the municipality's own [000], a contract follow-up of a procured contractor, and
    /// otherwise a quality review.
    /// </summary>
    public static ReviewType RegularFor(LegalBasis basis, OperatingForm form, Ownership ownership) =>
        basis == LegalBasis.SchoolAct ? ownership == Ownership.InHouse ? ReviewType.PreschoolInsight : ReviewType.PreschoolSupervision
        : form == OperatingForm.ProcuredContract && ownership != Ownership.InHouse ? ReviewType.ContractFollowUp
        : ReviewType.QualityReview;

    /// <summary>Whether the type is one of the <see cref="Regular"/> reviews.</summary>
    public static bool IsRegular(ReviewType type) => Regular.Contains(type);

    /// <summary>A quality review and a called review always include a visit [002].</summary>
    public static bool RequiresVisit(ReviewType type) => type is ReviewType.QualityReview or ReviewType.CalledReview;

    /// <summary>Only a targeted follow-up covers several units at once [002].</summary>
    public static bool AllowsSeveralUnits(ReviewType type) => type == ReviewType.TargetedFollowUp;

    /// <summary>The decision's reason must be written down for reviews decided on a signal or by management.</summary>
    public static bool RequiresReason(ReviewType type) => type is ReviewType.TargetedFollowUp or ReviewType.CalledReview or ReviewType.FollowUpReview;

    /// <summary>A follow-up review names the earlier review it follows up.</summary>
    public static bool RequiresEarlierReview(ReviewType type) => type == ReviewType.FollowUpReview;

    /// <summary>
    /// Equal terms (rule 1): in-house units are reviewed with the same checklists and scale, but their deficiencies are pointed
    /// out, never sanctioned; preschool supervision is for independent preschools and insight for the municipality's own [000].
    /// </summary>
    public static string? OwnershipProblem(ReviewType type, Ownership ownership) => type switch
    {
        ReviewType.PreschoolSupervision when ownership == Ownership.InHouse =>
            "Tillsyn gäller fristående förskolor. Kommunens egna förskolor följs upp genom insyn.",
        ReviewType.PreschoolInsight when ownership != Ownership.InHouse =>
            "Insyn gäller kommunens egna förskolor. Fristående förskolor följs upp genom tillsyn.",
        ReviewType.ContractFollowUp when ownership == Ownership.InHouse =>
            "Avtalsuppföljning gäller upphandlade utförare, inte verksamhet i egen regi.",
        _ => null,
    };
}
