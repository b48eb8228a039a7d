using System.ComponentModel.DataAnnotations;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Register;

namespace Uppsikt.Domain.Plans;

/// <summary>The three requirements of the customer-choice regulation each committee's follow-up is judged against [000] (rule 6).</summary>
public enum RegulationRequirement
{
    [Display(Name = "Säkra god kvalitet")] GoodQuality = 1,
    [Display(Name = "Enhetlig bedömning vid auktorisation och val av sanktion")] UniformAssessment = 2,
    [Display(Name = "Enhetlig, transparent och förutsägbar uppföljning")] PredictableFollowUp = 3,
}

public enum RequirementVerdict
{
    [Display(Name = "Uppfyllt")] Met = 1,
    [Display(Name = "Delvis uppfyllt")] PartlyMet = 2,
    [Display(Name = "Inte uppfyllt")] NotMet = 3,
}

/// <summary>A condition in force for a choice system, as the review needs it.</summary>
public sealed record ReviewedCondition(string Code, string Title, IReadOnlyCollection<FollowUpOccasion> Occasions, int SanctionCount);

/// <summary>One activity of a plan, as the review needs it; <see cref="Missing"/> is the plan's own completeness rule.</summary>
public sealed record ReviewedActivity(FollowUpMethod? Method, int ConditionCount, int QualityAreaCount, IReadOnlyList<ActivityPart> Missing);

/// <summary>The plan a choice system has for the year (its latest revision), as the review needs it.</summary>
public sealed record ReviewedPlan(
    Guid Id,
    PlanState State,
    int RevisionNumber,
    CommitteeDecision? Adoption,
    DateOnly? ReportedToCouncilBoardOn,
    string? FollowUpModel,
    IReadOnlyList<string> FocusThemes,
    IReadOnlyList<ReviewedActivity> Activities,
    IReadOnlyList<string> ConditionsWithoutActivity)
{
    public bool IsAdopted => State is PlanState.Adopted or PlanState.ReportedToCouncilBoard;
}

/// <summary>How one choice system's follow-up meets one requirement: what in the plan meets it, and the gaps.</summary>
public sealed record RequirementAssessment(RegulationRequirement Requirement, IReadOnlyList<string> Strengths, IReadOnlyList<string> Gaps)
{
    public RequirementVerdict Verdict =>
        Gaps.Count == 0 ? RequirementVerdict.Met
        : Strengths.Count == 0 ? RequirementVerdict.NotMet
        : RequirementVerdict.PartlyMet;
}

/// <summary>
/// One choice system in the council-wide review: its plan, if any, and the assessment against the three requirements.
/// <see cref="Frameworks"/> are the national quality frameworks its service falls under (<see cref="QualityArea.FrameworksFor"/>).
/// </summary>
public sealed record ChoiceSystemReview(
    Guid ChoiceSystemId, string Name, ReviewedPlan? Plan, IReadOnlyList<ReviewedCondition> Conditions, IReadOnlyList<QualityFramework> Frameworks)
{
    public bool HasAdoptedPlan => Plan?.IsAdopted == true;

    public bool IsReported => Plan?.State == PlanState.ReportedToCouncilBoard;

    public IReadOnlyList<RequirementAssessment> Assessments { get; } = CouncilReview.Assess(Plan, Conditions, Frameworks);
}

/// <summary>The council-wide review of one year: the committees with choice systems, those without an adopted plan first.</summary>
public sealed record CouncilReviewResult(int Year, IReadOnlyList<CommitteeReview> Committees)
{
    public IEnumerable<ChoiceSystemReview> ChoiceSystems => Committees.SelectMany(c => c.ChoiceSystems);

    public IReadOnlyList<CommitteeReview> StandingOut => [.. Committees.Where(c => c.StandsOut)];

    /// <summary>How many choice systems have each verdict on a requirement.</summary>
    public int Count(RegulationRequirement requirement, RequirementVerdict verdict) =>
        ChoiceSystems.Count(c => c.Assessments.Single(a => a.Requirement == requirement).Verdict == verdict);
}

/// <summary>One committee with choice systems in the review; it stands out when a choice system of its lacks an adopted plan.</summary>
public sealed record CommitteeReview(Guid CommitteeId, string Name, IReadOnlyList<ChoiceSystemReview> ChoiceSystems)
{
    public bool StandsOut => ChoiceSystems.Any(c => !c.HasAdoptedPlan);

    public int AdoptedCount => ChoiceSystems.Count(c => c.HasAdoptedPlan);

    public int ReportedCount => ChoiceSystems.Count(c => c.IsReported);

    /// <summary>The committee's verdict on a requirement: the weakest of its choice systems' (not met without any).</summary>
    public RequirementVerdict VerdictOn(RegulationRequirement requirement) =>
        ChoiceSystems.SelectMany(c => c.Assessments).Where(a => a.Requirement == requirement)
            .Select(a => a.Verdict).DefaultIfEmpty(RequirementVerdict.NotMet).Max();
}

/// <summary>
/// Kommunstyrelsens samlade uppföljning: for a year, each committee's plans judged against the regulation's three
/// requirements (specification rule 6, [000]). The assessment is a rule, not an opinion: each strength and gap
/// names the plan element it rests on, so the memo can be checked against the plans.
/// </summary>
public static class CouncilReview
{
    private static readonly FollowUpMethod[] QualityMethods = [FollowUpMethod.Visit, FollowUpMethod.Survey];

    public static IReadOnlyList<RequirementAssessment> Assess(ReviewedPlan? plan, IReadOnlyList<ReviewedCondition> conditions,
        IReadOnlyList<QualityFramework> frameworks) =>
    [
        GoodQuality(plan, frameworks),
        UniformAssessment(conditions),
        PredictableFollowUp(plan),
    ];

    /// <summary>
    /// Quality is followed up when activities follow up the service's national quality areas — or, for a service without
    /// such a framework in Uppsikt (its own framework, as for preschools, labour-market services or culture), its
    /// conditions — and when visits or user surveys are planned.
    /// </summary>
    private static RequirementAssessment GoodQuality(ReviewedPlan? plan, IReadOnlyList<QualityFramework> frameworks)
    {
        var strengths = new List<string>();
        var gaps = new List<string>();
        if (plan is null || plan.Activities.Count == 0)
        {
            gaps.Add("Det finns inga planerade uppföljningsaktiviteter.");
            return new RequirementAssessment(RegulationRequirement.GoodQuality, strengths, gaps);
        }
        if (frameworks.Count > 0)
        {
            var areaActivities = plan.Activities.Count(a => a.QualityAreaCount > 0);
            if (areaActivities > 0)
            {
                strengths.Add($"Kvalitetsområden följs upp av {areaActivities} av planens {SwedishWording.Count(plan.Activities.Count, "aktivitet", "aktiviteter")}.");
            }
            else
            {
                gaps.Add("Ingen aktivitet är kopplad till något kvalitetsområde.");
            }
        }
        else
        {
            var conditionActivities = plan.Activities.Count(a => a.ConditionCount > 0 || a.QualityAreaCount > 0);
            if (conditionActivities > 0)
            {
                strengths.Add($"Verksamhetens villkor följs upp av {conditionActivities} av planens {SwedishWording.Count(plan.Activities.Count, "aktivitet", "aktiviteter")}.");
            }
            else
            {
                gaps.Add("Ingen aktivitet följer upp kundvalets villkor.");
            }
        }
        var methods = plan.Activities.Where(a => a.Method is { } m && QualityMethods.Contains(m)).Select(a => a.Method!.Value).Distinct().ToList();
        if (methods.Count > 0)
        {
            strengths.Add("Kvaliteten följs upp med " + string.Join(" och ", methods.Order().Select(m => m == FollowUpMethod.Visit ? "verksamhetsbesök" : "brukarundersökning")) + ".");
        }
        else
        {
            gaps.Add("Varken verksamhetsbesök eller brukarundersökning planeras.");
        }
        if (plan.FocusThemes.Count > 0)
        {
            strengths.Add("Årets fokusområden: " + string.Join(", ", plan.FocusThemes) + ".");
        }
        return new RequirementAssessment(RegulationRequirement.GoodQuality, strengths, gaps);
    }

    private static RequirementAssessment UniformAssessment(IReadOnlyList<ReviewedCondition> conditions)
    {
        var strengths = new List<string>();
        var gaps = new List<string>();
        if (conditions.Count == 0)
        {
            gaps.Add("Inga villkor gäller för kundvalet.");
            return new RequirementAssessment(RegulationRequirement.UniformAssessment, strengths, gaps);
        }
        var atAuthorisation = conditions.Count(c => c.Occasions.Contains(FollowUpOccasion.AtAuthorisation));
        if (atAuthorisation > 0)
        {
            strengths.Add($"{atAuthorisation} av {conditions.Count} villkor prövas vid auktorisation.");
        }
        else
        {
            gaps.Add("Inget villkor anger att det prövas vid auktorisation.");
        }
        var withoutOccasion = conditions.Where(c => c.Occasions.Count == 0).Select(c => c.Code).ToList();
        if (withoutOccasion.Count == 0)
        {
            strengths.Add("Alla villkor anger när de följs upp.");
        }
        else
        {
            gaps.Add("Villkor utan uppföljningstillfälle: " + string.Join(", ", withoutOccasion) + ".");
        }
        var withoutSanction = conditions.Where(c => c.SanctionCount == 0).Select(c => c.Code).ToList();
        if (withoutSanction.Count == 0)
        {
            strengths.Add("Alla villkor anger vilka sanktioner som kan bli aktuella.");
        }
        else
        {
            gaps.Add("Villkor som inte anger möjliga sanktioner: " + string.Join(", ", withoutSanction) + ".");
        }
        return new RequirementAssessment(RegulationRequirement.UniformAssessment, strengths, gaps);
    }

    private static RequirementAssessment PredictableFollowUp(ReviewedPlan? plan)
    {
        var strengths = new List<string>();
        var gaps = new List<string>();
        if (plan is null)
        {
            gaps.Add("Det finns ingen uppföljningsplan för året.");
            return new RequirementAssessment(RegulationRequirement.PredictableFollowUp, strengths, gaps);
        }
        if (plan.Adoption is { } adoption)
        {
            strengths.Add($"Planen antogs av nämnden den {SwedishWording.Date(adoption.DecidedOn)} {adoption.Paragraph} ({adoption.CaseNumber}) och är publicerad.");
        }
        else
        {
            gaps.Add(plan.State == PlanState.Approved
                ? "Planen är godkänd av gruppchef men inte antagen av nämnden."
                : "Planen är ett utkast och inte antagen av nämnden.");
        }
        var incomplete = plan.Activities.Count(a => a.Missing.Count > 0);
        if (plan.Activities.Count > 0 && incomplete == 0)
        {
            strengths.Add("Alla aktiviteter anger vad, hur, vem, hur ofta och när.");
        }
        else if (incomplete > 0)
        {
            gaps.Add($"Planen har {SwedishWording.Count(incomplete, "aktivitet", "aktiviteter")} som saknar vad, hur, vem, hur ofta eller när.");
        }
        if (plan.ConditionsWithoutActivity.Count > 0)
        {
            gaps.Add("Villkor som ingen aktivitet följer upp: " + string.Join(", ", plan.ConditionsWithoutActivity) + ".");
        }
        if (plan.ReportedToCouncilBoardOn is { } reported)
        {
            strengths.Add($"Planen rapporterades till kommunstyrelsen den {SwedishWording.Date(reported)}.");
        }
        return new RequirementAssessment(RegulationRequirement.PredictableFollowUp, strengths, gaps);
    }
}
