using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Conditions;

/// <summary>Who decided a condition: the council for every choice system, or a committee for one of its choice systems [003].</summary>
public enum ConditionScope
{
    [Display(Name = "Generellt villkor (kommunfullmäktige)")] General = 1,
    [Display(Name = "Specifikt villkor (nämnden)")] Specific = 2,
}

/// <summary>Uppföljningstillfälle: when a condition is followed up [003][000].</summary>
public enum FollowUpOccasion
{
    [Display(Name = "Vid auktorisation")] AtAuthorisation = 1,
    [Display(Name = "Löpande")] Ongoing = 2,
    [Display(Name = "Årlig uppföljning")] Annual = 3,
    [Display(Name = "Vid tillsyn")] Inspection = 4,
    [Display(Name = "Stickprov")] SpotCheck = 5,
    [Display(Name = "På förekommen anledning")] OnCause = 6,
}

/// <summary>The framework a quality area comes from [002] §2.1.</summary>
public enum QualityFramework
{
    [Display(Name = "Socialtjänsten (Socialstyrelsen)")] SocialServices = 1,
    [Display(Name = "LSS")] Lss = 2,
    [Display(Name = "Hälso- och sjukvård (HSL)")] HealthCare = 3,
}
