namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>Names from the demo data (src/Uppsikt.Web/Data/DemoData.cs) that the tests rely on.</summary>
public static class Demo
{
    public const string Admin = "admin@uppsikt.example";
    public const string QualityDeveloper = "kvalitet@uppsikt.example";
    public const string QualityDeveloperName = "Klara Kvalitet (fiktiv)";
    public const string DistrictUser = "stadsdel@uppsikt.example";
    public const string GroupManager = "gruppchef@uppsikt.example";
    /// <summary>Secretary of Äldrenämnden.</summary>
    public const string CommitteeSecretary = "sekreterare@uppsikt.example";
    public const string CaseWorker = "handlaggare@uppsikt.example";
    public const string CouncilReviewer = "ks@uppsikt.example";
    public const string OmsorgshusetUser = "anordnare.omsorgshuset@uppsikt.example";
    public const string TryggaHanderUser = "anordnare.tryggahander@uppsikt.example";

    public const string Omsorgshuset = "Omsorgshuset Exempel AB (fiktiv)";
    public const string TryggaHander = "Trygga Händer Exempel AB (fiktiv)";

    public const string OmsorgshusetSickla = "Omsorgshuset Hemtjänst Sickla (fiktiv)";

    /// <summary>The demo's home-care units carry Kolada-style ids of this series, which Kolada does not use.</summary>
    public const string FictitiousKoladaIds = "V21E91";
    public const string TryggaSaltsjobaden = "Trygga Händer Hemtjänst Saltsjöbaden (fiktiv)";
    /// <summary>A sole trader's unit whose authorisation is only applied for: never published.</summary>
    public const string AnnasDaycare = "Annas dagbarnvård (fiktiv)";
    /// <summary>A unit whose provider's authorisation is suspended: never published.</summary>
    public const string SuspendedPreschool = "Lilla Exempelförskolan (fiktiv)";

    public const string NorthDistrict = "Stadsdelsförvaltning Norr (fiktiv)";
    public const string HomeCare = "Hemtjänst, ledsagning och avlösning";

    // Follow-up plans of the demo (src/Uppsikt.Web/Data/DemoPlans.cs), this year by the clock.
    /// <summary>Äldrenämnden's choice system with last year's plan but none this year.</summary>
    public const string ElderlyDayCare = "Dagverksamhet för äldre";
    /// <summary>Adopted this year.</summary>
    public const string NursingHome = "Särskilt boende för äldre";
    /// <summary>Approved by the group manager this year, awaiting the labour committee.</summary>
    public const string Fai = "Kundval förberedande arbetsinriktade insatser, FAI";
    /// <summary>Kulturnämnden's plan: a draft this year, deliberately not adopted.</summary>
    public const string CultureSchool = "Kulturskola";
}
