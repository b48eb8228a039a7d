using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Domain.QualityReports;

/// <summary>
/// The questions a new review checklist starts from (decision 0020). Social care follows the nine areas of seed 002's
/// quality review; health care follows the medically responsible nurse's yearly review in seed 002; preschool follows the areas of the supervision of independent preschools and the insight into the
/// municipality's own [000], which are reviewed alike. Every question is required: each is assessed on the four-step scale.
/// </summary>
public static class StarterChecklists
{
    /// <summary>Which starter suits a checklist: preschool for the School Act's preschool systems, health care for MAS/MAR's yearly review, social care otherwise.</summary>
    public enum Kind
    {
        SocialCare,
        Preschool,
        HealthCare,
    }

    /// <summary>
    /// The starter that suits a checklist: preschool for a choice system under the School Act, health care for MAS/MAR's
    /// health-care review, social care for every other.
    /// </summary>
    public static Kind KindFor(LegalBasis legalBasis, ReviewType type) =>
        legalBasis == LegalBasis.SchoolAct ? Kind.Preschool
        : type == ReviewType.HealthCareReview ? Kind.HealthCare
        : Kind.SocialCare;

    public static IEnumerable<TemplateQuestion> For(Guid templateId, Kind kind) =>
        (kind switch { Kind.Preschool => Preschool, Kind.HealthCare => HealthCare, _ => SocialCare }).Select((r, i) => new TemplateQuestion
        {
            TemplateId = templateId,
            Position = i + 1,
            Section = r.Area,
            Code = r.Code,
            Text = r.Text,
            HelpText = r.Help,
            Kind = QuestionKind.Text,
            Required = true,
        });

    private static readonly (string Area, string Code, string Text, string? Help)[] SocialCare =
    [
        ("Ledningssystem för kvalitet", "1.1", "Finns ett ledningssystem för systematiskt kvalitetsarbete som är känt av personalen?", "Be att få se processer och rutiner; fråga personal hur de används."),
        ("Ledningssystem för kvalitet", "1.2", "Hur tas avvikelser, klagomål och synpunkter om hand, och hur används de för att förbättra verksamheten?", "Begär sammanställning av avvikelser och klagomål det senaste året."),
        ("Ledningssystem för kvalitet", "1.3", "Görs egenkontroller och riskanalyser, och följs de upp?", null),
        ("Dokumentation", "2.1", "Har varje brukare en aktuell genomförandeplan som brukaren har varit delaktig i?", "Granska ett urval av akter i verksamhetssystemet."),
        ("Dokumentation", "2.2", "Dokumenteras händelser av betydelse löpande, sakligt och med respekt för brukaren?", null),
        ("Bemanning", "3.1", "Motsvarar bemanningen och kompetensen brukarnas behov under dygnets alla timmar?", "Jämför schema, bemanning och brukarnas behov."),
        ("Bemanning", "3.2", "Har personalen den utbildning och introduktion som villkoren kräver?", null),
        ("Verksamhetsinnehåll", "4.1", "Utförs insatserna i enlighet med biståndsbeslut och genomförandeplaner?", null),
        ("Verksamhetsinnehåll", "4.2", "Erbjuds brukarna meningsfull aktivitet och social samvaro?", null),
        ("Trygghet och säkerhet", "5.1", "Finns rutiner för hot och våld, brand, nyckelhantering och larm, och känner personalen till dem?", null),
        ("Trygghet och säkerhet", "5.2", "Känner personalen till skyldigheten att rapportera missförhållanden (lex Sarah) och hur det görs?", null),
        ("Bemötande", "6.1", "Bemöts brukarna med respekt för självbestämmande, integritet och värdighet?", "Intervjua brukare och närstående; observera den dagliga verksamheten."),
        ("Brukarinflytande", "7.1", "Hur får brukarna inflytande över hur och när insatserna utförs?", null),
        ("Brukarinflytande", "7.2", "Hur tas brukarnas och närståendes synpunkter tillvara?", null),
        ("Samverkan och informationsöverföring", "8.1", "Fungerar samverkan med handläggare, hälso- och sjukvård och närstående?", "Fråga handläggare om deras erfarenheter av utföraren."),
        ("Samverkan och informationsöverföring", "8.2", "Finns rutiner för informationsöverföring vid in- och utskrivning och vid byte av utförare?", null),
        ("Hälso- och sjukvård och rehabilitering", "9.1", "Följs rutinerna för läkemedelshantering och delegering?", null),
        ("Hälso- och sjukvård och rehabilitering", "9.2", "Får brukarna rehabilitering och hjälpmedel efter behov?", null),
    ];

    private static readonly (string Area, string Code, string Text, string? Help)[] Preschool =
    [
        ("Huvudman och ledning", "1.1", "Har huvudmannen och rektorn förutsättningar att leda verksamheten, och är ansvarsfördelningen tydlig?", null),
        ("Systematiskt kvalitetsarbete", "2.1", "Planeras, följs upp och utvecklas utbildningen systematiskt, och dokumenteras arbetet?", "Be att få se senaste kvalitetsrapport eller motsvarande."),
        ("Personal och kompetens", "3.1", "Finns legitimerade förskollärare och personal med utbildning för arbete med barn i den omfattning som krävs?", null),
        ("Barngrupper och lokaler", "4.1", "Är barngruppernas storlek och sammansättning lämplig, och är lokalerna ändamålsenliga och säkra?", null),
        ("Omsorg, utveckling och lärande", "5.1", "Bedrivs utbildningen enligt läroplanen, så att omsorg, utveckling och lärande bildar en helhet?", "Observera verksamheten och samtala med förskollärare."),
        ("Barn i behov av särskilt stöd", "6.1", "Får barn i behov av särskilt stöd det stöd deras speciella behov kräver?", null),
        ("Trygghet och kränkande behandling", "7.1", "Finns en aktuell plan mot kränkande behandling, och utreds och åtgärdas kränkningar?", null),
        ("Klagomålshantering", "8.1", "Finns rutiner för att ta emot och utreda klagomål, och är de kända av vårdnadshavarna?", null),
        ("Registerkontroll och försäkring", "9.1", "Har utdrag ur belastningsregistret visats för personalen, och är verksamheten ansvarsförsäkrad?", null),
        ("Avgifter och ekonomi", "10.1", "Tas avgifter ut enligt kommunens regler, och har huvudmannen ekonomiska förutsättningar att bedriva verksamheten?", null),
    ];

    private static readonly (string Area, string Code, string Text, string? Help)[] HealthCare =
    [
        ("Riskanalys", "1.1", "Görs riskanalyser för hälso- och sjukvården, till exempel vid förändringar i verksamheten?", null),
        ("Egenkontroll", "2.1", "Görs egenkontroller av läkemedelshantering, hygien och delegeringar, och åtgärdas det som upptäcks?", null),
        ("Avvikelsehantering", "3.1", "Rapporteras, utreds och åtgärdas avvikelser i hälso- och sjukvården, och sammanställs de?", "Begär avvikelsesammanställning för året."),
        ("Förbättringsarbete", "4.1", "Leder avvikelser, klagomål och egenkontroller till förbättringar som följs upp?", null),
        ("Dokumentation", "5.1", "Förs patientjournal enligt patientdatalagen, och är den aktuell?", null),
        ("Följsamhet till rutiner", "6.1", "Följer personalen rutinerna för delegering, läkemedel, basala hygienrutiner och kontakt med sjuksköterska?", null),
    ];
}
