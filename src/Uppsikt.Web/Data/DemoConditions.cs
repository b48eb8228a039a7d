using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Sanctions;

namespace Uppsikt.Web.Data;

/// <summary>
/// Demo conditions paraphrased from the sources in docs/specification.md: the council's general conditions, the labour-market committee's A–D
/// structure for AMI, ISA and FAI [003], the education committee's preschool conditions with when each is followed
/// up [000], and a few for culture school and care. Texts are shortened paraphrases, not the municipality's wording.
/// </summary>
public static class DemoConditions
{
    private const FollowUpOccasion Auth = FollowUpOccasion.AtAuthorisation;
    private const FollowUpOccasion Ongoing = FollowUpOccasion.Ongoing;
    private const FollowUpOccasion Annual = FollowUpOccasion.Annual;
    private const FollowUpOccasion Inspection = FollowUpOccasion.Inspection;
    private const FollowUpOccasion Spot = FollowUpOccasion.SpotCheck;
    private const FollowUpOccasion Cause = FollowUpOccasion.OnCause;

    private sealed record Spec(string Code, string? Part, string Title, string Text, FollowUpOccasion[] Occasions, SanctionType[] Sanctions,
        string[] ControlPoints, int[]? Areas = null);

    private static readonly DateOnly Regulation = new(2021, 4, 12);
    private const string RegulationDecision = "KF 2021-04-12, KFKS 2020/864 (fiktiv hänvisning)";

    private static readonly Spec[] General =
    [
        new("G1", null, "Registrering och skatter", "Anordnaren ska vara registrerad för F-skatt och moms och ha betalt skatter och socialavgifter.",
            [Auth, Annual, Spot], [SanctionType.Warning, SanctionType.Revocation], ["Registreringsbevis och F-skattsedel", "Kontroll av skatter och avgifter hos Skatteverket"]),
        new("G2", null, "Ekonomisk kapacitet", "Anordnaren ska ha ekonomisk kapacitet att bedriva verksamheten under hela auktorisationstiden.",
            [Auth, Annual, Cause], [SanctionType.Warning, SanctionType.Revocation], ["Kreditupplysning", "Senaste årsredovisning med revisionsberättelse"]),
        new("G3", null, "Lämplighet hos företrädare", "Anordnarens företrädare, styrelse och ägare ska vara lämpliga och får inte ha gjort sig skyldiga till allvarligt fel i yrkesutövningen.",
            [Auth, Annual, Cause], [SanctionType.Revocation], ["Prövning av företrädare och styrelse", "Kontroll av moderbolag och underleverantörer i alla led"]),
        new("G4", null, "Informationsplikt", "Anordnaren ska utan dröjsmål informera kommunen om förändringar som kan påverka möjligheten att uppfylla villkoren.",
            [Ongoing, Annual], [SanctionType.Remark, SanctionType.Warning], ["Anmälda förändringar under året", "Årligt intygande om att villkoren uppfylls"]),
        new("G5", null, "Medverkan vid uppföljning", "Anordnaren ska delta i kommunens uppföljning och lämna de uppgifter som efterfrågas.",
            [Annual, Spot, Cause], [SanctionType.Remark, SanctionType.Warning, SanctionType.Revocation], ["Inlämnad kvalitetsrapport", "Deltagande vid verksamhetsbesök"]),
    ];

    private static readonly Spec[] LabourMarket =
    [
        new("A.1", "Del A. Tillsyn av anordnare", "Driftform och kontaktuppgifter", "Anordnaren ska ange driftform, organisationsnummer och aktuella kontaktuppgifter, även för moderbolag och underleverantörer.",
            [Auth, Annual], [SanctionType.Warning], ["Registreringsbevis", "Kontaktuppgifter i kvalitetsledningssystemet"]),
        new("A.2", "Del A. Tillsyn av anordnare", "Granskning och riskbedömning av företrädare", "Anordnaren och dess företrädare granskas och riskbedöms enligt Ekobrottsmyndighetens rekommendationer.",
            [Auth, Annual, Spot], [SanctionType.Warning, SanctionType.Revocation], ["Kontroll av företrädare och styrelse", "Kontroll av underleverantörer i alla led"]),
        new("A.3", "Del A. Tillsyn av anordnare", "Styrelse, årsredovisning och revisor", "Anordnaren ska ha en behörig styrelse, lämna årsredovisning och ha en revisor.",
            [Auth, Annual], [SanctionType.Warning], ["Årsredovisning", "Revisionsberättelse"]),
        new("A.4", "Del A. Tillsyn av anordnare", "Beredskap", "Anordnaren ska ha en plan för att kunna leverera insatserna vid kris och höjd beredskap.",
            [Auth, Annual], [SanctionType.Remark, SanctionType.Warning], ["Beredskapsplan", "Kontaktperson för krisberedskap"]),
        new("B.1", "Del B. Ledning, styrning och kapacitet", "Systematiskt kvalitetsarbete", "Anordnaren ska ha ett ledningssystem för systematiskt kvalitetsarbete.",
            [Auth, Annual], [SanctionType.Warning, SanctionType.WarningWithActionPlan], ["Beskrivning av ledningssystemet", "Egenkontroller under året"]),
        new("B.2", "Del B. Ledning, styrning och kapacitet", "Kapacitet och kontinuitet", "Anordnaren ska ha kapacitet att ta emot kunder och säkerställa kontinuitet i bemanningen.",
            [Annual, Ongoing], [SanctionType.WarningWithActionPlan], ["Antal kunder och handledare", "Personalomsättning"]),
        new("B.3", "Del B. Ledning, styrning och kapacitet", "Sekretess, dataskydd och dokumentation", "Anordnaren ska ha rutiner för sekretess, dataskydd, dokumentation och hantering av synpunkter och avvikelser.",
            [Auth, Annual, Cause], [SanctionType.Warning], ["Rutiner", "Dokumentation i stickprov av kundakter"]),
        new("C.1", "Del C. Kompetens, rapportering och kvalitetsarbete", "Kompetens och erfarenhet", "Personal som utför insatserna ska ha relevant utbildning och erfarenhet.",
            [Auth, Annual], [SanctionType.WarningWithActionPlan], ["Förteckning över personal och kompetens"]),
        new("C.2", "Del C. Kompetens, rapportering och kvalitetsarbete", "Uppdragsrapportering", "Anordnaren ska rapportera genomförande och resultat i kommunens system inom angiven tid.",
            [Ongoing, Annual, Spot], [SanctionType.Remark, SanctionType.Warning], ["Rapporter i rätt tid", "Stickprov av rapporter"]),
        new("C.3", "Del C. Kompetens, rapportering och kvalitetsarbete", "Årlig kvalitetsredovisning", "Anordnaren ska årligen lämna en kvalitetsredovisning med analys av mål och resultat.",
            [Annual], [SanctionType.Warning], ["Inlämnad kvalitetsrapport", "Komplettering vid behov"]),
        new("D.1", "Del D. Insatskrav, resultat och måluppfyllelse", "Insatsens innehåll", "Insatsen ska genomföras enligt kundens handlingsplan och insatsbeskrivningen för nivån.",
            [Annual, Spot], [SanctionType.WarningWithActionPlan, SanctionType.Revocation], ["Genomförandeplaner", "Närvaro och aktivitet"]),
        new("D.2", "Del D. Insatskrav, resultat och måluppfyllelse", "Resultat och måluppfyllelse", "Anordnaren ska bidra till nämndens mål för insatsen, mätt med indikatorer och målvärden.",
            [Annual], [SanctionType.WarningWithActionPlan], ["Andel kunder avslutade till arbete eller studier", "Kundnöjdhet"]),
    ];

    private static readonly Spec[] Preschool =
    [
        new("F1", "Huvudman", "Ägar- och ledningsprövning", "Huvudmannen, dess ledning och ägare ska ha insikt i regelverket och vara lämpliga.",
            [Auth, Inspection], [SanctionType.Injunction, SanctionType.Revocation], ["Prövning av ägare och ledning"]),
        new("F2", "Huvudman", "Ekonomiska förutsättningar", "Huvudmannen ska ha ekonomiska förutsättningar att bedriva verksamheten långsiktigt.",
            [Auth, Inspection], [SanctionType.Injunction, SanctionType.Revocation], ["Budget och årsredovisning"]),
        new("F3", "Huvudman", "Ansvarsförsäkring", "Verksamheten ska ha tecknat en ansvarsförsäkring.",
            [Auth, Inspection], [SanctionType.Remark, SanctionType.Injunction], ["Försäkringsbrev"]),
        new("F4", "Personal", "Registerutdrag", "Registerutdrag ur belastningsregistret ska ha visats upp för all personal.",
            [Auth, Inspection], [SanctionType.Remark, SanctionType.Injunction], ["Förteckning över uppvisade registerutdrag"]),
        new("F5", "Personal", "Förskollärare och barngrupper", "Undervisningen ska ledas av förskollärare och barngrupperna ha en lämplig storlek.",
            [Inspection], [SanctionType.Remark, SanctionType.Injunction, SanctionType.Warning], ["Bemanning och barngruppernas storlek"]),
        new("F6", "Verksamhet", "Systematiskt kvalitetsarbete", "Huvudmannen ska planera, följa upp och utveckla utbildningen systematiskt.",
            [Inspection], [SanctionType.Remark, SanctionType.Injunction], ["Dokumenterat kvalitetsarbete"]),
        new("F7", "Verksamhet", "Klagomålshantering", "Huvudmannen ska ha rutiner för att ta emot och utreda klagomål.",
            [Inspection, Cause], [SanctionType.Remark], ["Rutin och förteckning över klagomål"]),
        new("F8", "Verksamhet", "Öppettider och avgifter", "Förskolan ska hålla öppet enligt villkoren och ta ut avgift enligt maxtaxan.",
            [Auth, Inspection], [SanctionType.Remark, SanctionType.Injunction], ["Öppettider", "Avgiftsuppgifter"]),
    ];

    private static readonly Spec[] FamilyDaycare =
    [
        new("P1", "Huvudman", "Ansvarsförsäkring", "Verksamheten ska ha tecknat en ansvarsförsäkring.",
            [Auth, Inspection], [SanctionType.Remark, SanctionType.Injunction], ["Försäkringsbrev"]),
        new("P2", "Personal", "Registerutdrag för alla på adressen", "Registerutdrag ur belastningsregistret ska visas upp för alla som är folkbokförda där verksamheten bedrivs.",
            [Auth, Inspection], [SanctionType.Injunction, SanctionType.Revocation], ["Uppvisade registerutdrag"]),
    ];

    private static readonly Spec[] CultureSchool =
    [
        new("K1", "Undervisning", "Kvalificerade pedagoger", "Undervisningen ska ges av pedagoger med relevant utbildning.", [Auth, Annual], [SanctionType.Remark, SanctionType.Warning], ["Förteckning över pedagoger"]),
        new("K2", "Undervisning", "Elevernas nöjdhet", "Anordnaren ska delta i kundundersökningen och arbeta med resultatet.", [Annual], [SanctionType.Remark], ["Resultat av kundundersökningen"]),
        new("K3", "Verksamhet", "Lokaler och tillgänglighet", "Lokalerna ska vara säkra och tillgängliga för elever med funktionsnedsättning.", [], [SanctionType.Remark], []),
    ];

    private static readonly Spec[] Care =
    [
        new("S1", "Kvalitet", "Ledningssystem", "Utföraren ska ha ett ledningssystem för systematiskt kvalitetsarbete enligt SOSFS 2011:9.",
            [Auth, Annual, Inspection], [SanctionType.Remark, SanctionType.Warning, SanctionType.WarningWithActionPlan], ["Ledningssystem", "Egenkontroller"], [3, 4]),
        new("S2", "Kvalitet", "Genomförandeplan och brukarinflytande", "Varje brukare ska ha en aktuell genomförandeplan som upprättats tillsammans med brukaren.",
            [Annual, Inspection], [SanctionType.Remark, SanctionType.Warning], ["Stickprov av genomförandeplaner"], [1, 2]),
        new("S3", "Personal", "Bemanning och kontinuitet", "Utföraren ska ha tillräcklig bemanning och hög personalkontinuitet.",
            [Annual, Inspection], [SanctionType.WarningWithActionPlan, SanctionType.Termination], ["Bemanningsschema", "Kontinuitetsmått"], [3]),
        new("S4", "Avvikelser", "Avvikelser och Lex Sarah", "Utföraren ska rapportera, utreda och åtgärda avvikelser och missförhållanden.",
            [Ongoing, Inspection, Cause], [SanctionType.Warning, SanctionType.Revocation], ["Avvikelserapporter", "Lex Sarah-utredningar"], [3, 12]),
    ];

    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var choices = await db.ChoiceSystems.ToDictionaryAsync(c => c.Name, cancellationToken);
        Add(db, null, General, Regulation, RegulationDecision);

        // The general preparedness condition was strengthened after the council board's review of 2024 [000].
        var preparedness = Add(db, null,
            [new("G6", null, "Krisberedskap", "Anordnaren ska ha en plan för verksamhetens krisberedskap.", [Auth, Annual], [SanctionType.Remark], ["Beredskapsplan"])],
            Regulation, RegulationDecision)[0];
        preparedness.AddVersion(Version(new Spec("G6", null, "Krisberedskap och höjd beredskap",
            "Anordnaren ska ha en aktuell plan för krisberedskap och höjd beredskap, utse en kontaktperson och delta i kommunens övningar.",
            [Auth, Annual, Spot], [SanctionType.Remark, SanctionType.Warning], ["Beredskapsplan, reviderad senast i år", "Kontaktperson för krisberedskap", "Deltagande i övning"]),
            new DateOnly(2024, 7, 1), "KF 2024-06-17, KFKS 2024-00352 (fiktiv hänvisning)"));

        const string labourDecision = "Nämnden för arbete och försörjning 2023-09-27 (fiktiv hänvisning)";
        foreach (var name in new[] { "Kundval arbetsmarknadsinsatser, AMI", "Kundval introduktionsinsatser sfi och arbetsintroduktion, ISA", "Kundval förberedande arbetsinriktade insatser, FAI" })
        {
            var added = Add(db, choices[name], LabourMarket, new DateOnly(2024, 1, 1), labourDecision);
            if (name.EndsWith("AMI", StringComparison.Ordinal))
            {
                // The goal attainment condition got target values per level from 2025.
                added.Single(c => c.Code == "D.2").AddVersion(Version(new Spec("D.2", null, "Resultat och måluppfyllelse per nivå",
                    "Anordnaren ska bidra till nämndens mål för insatsen. Målvärden anges per nivå (AMI 1 och AMI 2) och följs upp per anordnare.",
                    [Annual, Spot], [SanctionType.WarningWithActionPlan, SanctionType.Revocation], ["Andel kunder avslutade till arbete eller studier per nivå", "Kundnöjdhet"]),
                    new DateOnly(2025, 1, 1), "Nämnden för arbete och försörjning 2024-11-20 (fiktiv hänvisning)"));
            }
        }
        Add(db, choices["Förskola"], Preschool, new DateOnly(2022, 1, 1), "Utbildningsnämnden 2021-11-25 (fiktiv hänvisning)");
        Add(db, choices["Pedagogisk omsorg"], FamilyDaycare, new DateOnly(2022, 1, 1), "Utbildningsnämnden 2021-11-25 (fiktiv hänvisning)");
        Add(db, choices["Kulturskola"], CultureSchool, new DateOnly(2022, 1, 1), "Kulturnämnden 2021-10-12 (fiktiv hänvisning)");
        foreach (var name in new[] { "Hemtjänst, ledsagning och avlösning", "Särskilt boende för äldre", "Dagverksamhet för äldre", "Boendestöd", "Bostad med särskild service enligt LSS" })
        {
            Add(db, choices[name], Care, new DateOnly(2021, 7, 1), "Nämndens beslut 2021-06-16 (fiktiv hänvisning)");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<Condition> Add(AppDbContext db, ChoiceSystem? choice, Spec[] specs, DateOnly validFrom, string decision)
    {
        var added = new List<Condition>();
        foreach (var spec in specs)
        {
            var condition = new Condition
            {
                Code = spec.Code,
                Part = spec.Part,
                ChoiceSystem = choice,
                Scope = choice is null ? ConditionScope.General : ConditionScope.Specific,
            };
            condition.AddVersion(Version(spec, validFrom, decision));
            db.Conditions.Add(condition);
            added.Add(condition);
        }
        return added;
    }

    private static ConditionVersion Version(Spec spec, DateOnly validFrom, string decision)
    {
        var version = new ConditionVersion
        {
            ValidFrom = validFrom,
            DecisionReference = decision,
            Title = spec.Title,
            Text = spec.Text,
            FollowUpOccasions = [.. spec.Occasions],
            Sanctions = [.. spec.Sanctions],
            QualityAreaIds = [.. (spec.Areas ?? []).Select(n => QualityArea.All[n - 1].Id)],
        };
        version.ControlPoints.AddRange(spec.ControlPoints.Select((text, i) => new ControlPoint { Position = i + 1, Text = text }));
        return version;
    }
}
