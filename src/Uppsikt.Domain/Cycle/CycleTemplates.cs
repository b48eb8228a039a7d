using Uppsikt.Domain.Identity;

namespace Uppsikt.Domain.Cycle;

/// <summary>The two yearly processes of the seed documents, as templates a municipality starts from and edits.</summary>
public static class CycleTemplates
{
    public const string SocialServicesName = "Systematisk uppföljning inom socialtjänsten";

    public const string LabourMarketName = "Årlig kvalitetsuppföljning, kundval arbete och etablering";

    /// <summary>Seed 002: analyse, plan, collect, process and act; the results feed next year's plan.</summary>
    public static AnnualCycleTemplate SocialServices()
    {
        var template = new AnnualCycleTemplate
        {
            Name = SocialServicesName,
            Description = "Uppföljningsprocessen för utförare inom socialnämndens och äldrenämndens områden i fem delar. Resultatet blir underlag för kommande års uppföljningsplan.",
        };
        Step(template, "Analysera nuläget (riskanalys)", Roles.GroupManager, 1, 31,
            "Riskanalys för varje verksamhetsområde: identifiera krav som kan få stora konsekvenser om de inte uppfylls, värdera sannolikhet och konsekvens, prioritera. Samordnas av gruppchef.");
        Step(template, "Planera och prioritera", Roles.QualityDeveloper, 2, 28,
            "Ta fram uppföljningsplan för varje verksamhetsområde utifrån riskanalysen och föregående års resultat: vad som följs upp, hur, av vem och hur ofta. Godkänns av gruppchef.");
        Step(template, "Samla in resultat", Roles.QualityDeveloper, 8, 31,
            "Brukarundersökningar, granskningar i verksamheter, handläggares erfarenheter, utförarnas egna uppgifter samt synpunkter och klagomål.");
        Step(template, "Bearbeta och analysera", Roles.QualityDeveloper, 10, 31,
            "Väg samman underlagen för varje granskad utförare och för hela verksamhetsområdet; bedöm om kraven i avtal och villkor uppfylls och identifiera utvecklingsområden.");
        Step(template, "Åtgärda", Roles.GroupManager, 12, 31,
            "Besluta om åtgärder i verksamheter och i systemet, föreslå nämnden sanktioner vid behov och följ upp att bristerna åtgärdats. Rapportera resultatet.");
        return template;
    }

    /// <summary>Seed 003 §5: the eight steps of the labour-market committee's yearly quality follow-up.</summary>
    public static AnnualCycleTemplate LabourMarket()
    {
        var template = new AnnualCycleTemplate
        {
            Name = LabourMarketName,
            Description = "Den årliga kvalitetsuppföljningen av att auktoriserade anordnare efterlever auktorisationsvillkoren, i åtta steg.",
        };
        Step(template, "Planera tema för årlig kvalitetsuppföljning", Roles.QualityDeveloper, 1, 31,
            "Besluta om ett eller ett par fokusområden utifrån föregående års resultat, kundnöjdhetsenkäten, nuläge, statistik och löpande uppföljning.");
        Step(template, "Uppdatera kvalitetsledningssystemet", Roles.QualityDeveloper, 2, 28,
            "Uppdatera indikatorer, rapportmall och checklista, aktivera rapporten för anordnarna och registrera statistik och nöjdhet per anordnare.");
        Step(template, "Planera verksamhetsbesök", Roles.QualityDeveloper, 3, 31,
            "Planera upplägg i dialog med karriärvägledare och nyckelpersoner och bestäm vilka kollegor som deltar vid varje besök.");
        Step(template, "Granska anordnarnas kvalitetsrapporter", Roles.QualityDeveloper, 4, 30,
            "Kontrollera att varje anordnare lämnat sin kvalitetsrapport, granska den och begär komplettering vid behov.");
        Step(template, "Samordna och leda verksamhetsbesök", Roles.QualityDeveloper, 6, 15,
            "Genomför och dokumentera besöken, begär kompletteringar och utfärda varning vid brister eller utebliven rapport.");
        Step(template, "Sammanställa rapport och förankra", Roles.QualityDeveloper, 9, 30,
            "Kvalitetsrapport med statistik och analys, sammanställning av uppföljningen och interna förbättringsområden; förankra med arbetsgrupp och ledning.");
        Step(template, "Redovisa och besluta i nämnd", Roles.QualityDeveloper, 11, 15,
            "Bered ärendet och redovisa kvalitetsrapporten för nämnden för arbete och försörjning.");
        Step(template, "Analysera och utveckla", Roles.QualityDeveloper, 12, 31,
            "Analysera resultatet tillsammans med verksamheten och förbättra kvalitetsuppföljningen till nästa år.");
        return template;
    }

    private static void Step(AnnualCycleTemplate template, string title, string role, int month, int day, string description) =>
        template.Add(new AnnualCycleStep { TemplateId = template.Id, Title = title, OwnerRole = role, DueMonth = month, DueDay = day, Description = description });
}
