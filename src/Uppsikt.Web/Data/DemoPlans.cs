using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Data;

/// <summary>
/// Demo conditions and follow-up plans for last year and this year (by the clock): last year's adopted and reported,
/// this year's in every state, Kulturnämnden's deliberately not adopted, and Dagverksamhet för äldre without a plan
/// yet, so that "Starta från fjolårets plan" can be tried. Every step goes through the plan's own rules.
/// </summary>
public static class DemoPlans
{
    private static readonly WorkflowActor Developer = new(null, "Klara Kvalitet (fiktiv)", [Roles.QualityDeveloper]);
    private static readonly WorkflowActor Manager = new(null, "Gustav Gruppchef (fiktiv)", [Roles.GroupManager]);
    private static readonly WorkflowActor Secretary = new(null, "Nämndsekreterare (fiktiv)", [Roles.CommitteeSecretary]);

    /// <summary>An activity template: what, how, who, how often, when, hours, and which conditions it covers.</summary>
    private sealed record Line(string What, FollowUpMethod Method, string Who, ActivityFrequency Frequency, Tertial? Tertial, int? Month, decimal Hours,
        Func<Condition, bool> Covers, int[]? Areas = null);

    private static bool All(Condition c) => true;

    private static bool None(Condition c) => false;

    private static Func<Condition, bool> Part(string letter) => c => c.Part?.StartsWith("Del " + letter, StringComparison.Ordinal) == true;

    private static readonly Line[] LabourMarket =
    [
        new("Planering av årets tema utifrån fjolårets resultat, kundnöjdhet och statistik", FollowUpMethod.Statistics, "Kvalitetsutvecklare",
            ActivityFrequency.Annual, Tertial.First, null, 24, None),
        new("Anordnarnas kvalitetsrapport enligt Del B–D och årets fokusfrågor", FollowUpMethod.SelfReport, "Anordnare; granskas av kvalitetsutvecklare",
            ActivityFrequency.Annual, Tertial.First, null, 60, c => !Part("A")(c)),
        new("Särskild granskning enligt Del A och de generella villkoren: företrädare, ekonomi, skatter och beredskap", FollowUpMethod.DocumentReview, "Kvalitetsutvecklare",
            ActivityFrequency.Annual, Tertial.First, null, 40, c => Part("A")(c) || c.ChoiceSystemId is null),
        new("Verksamhetsbesök hos samtliga anordnare", FollowUpMethod.Visit, "Kvalitetsutvecklare, karriärvägledare och nyckelpersoner",
            ActivityFrequency.Annual, Tertial.Second, null, 80, c => Part("B")(c) || Part("C")(c) || Part("D")(c)),
        new("Kundnöjdhetsenkät", FollowUpMethod.Survey, "Kvalitetsutvecklare", ActivityFrequency.Annual, Tertial.Third, null, 16, c => c.Code == "D.2"),
        new("Stickprov av rapportering och genomförandeplaner", FollowUpMethod.SpotCheck, "Gruppchef", ActivityFrequency.OnCause, null, null, 12,
            c => c.Code is "C.2" or "D.1" or "G1"),
        new("Kvalitetsrapport till nämnden", FollowUpMethod.Dialogue, "Kvalitetsutvecklare", ActivityFrequency.Annual, null, 11, 30, None),
    ];

    private static readonly Line[] Care =
    [
        new("Riskanalys för verksamhetsområdet", FollowUpMethod.Statistics, "Gruppchef med planerare/utvecklare", ActivityFrequency.Annual, Tertial.First, null, 20, None),
        new("Utförarnas årliga enkät om kvalitet (volym, dokumentation, personal, ledningssystem)", FollowUpMethod.SelfReport, "Planerare/utvecklare",
            ActivityFrequency.Annual, Tertial.First, null, 40, All, [3, 4]),
        new("Kvalitetsgranskning med besök enligt årsplanen", FollowUpMethod.Visit, "Planerare/utvecklare, sociala kvalitetsenheten",
            ActivityFrequency.EveryOtherYear, Tertial.Second, null, 120, c => c.ChoiceSystemId is not null, [1, 2, 3]),
        new("Brukarundersökning", FollowUpMethod.Survey, "Planerare/utvecklare", ActivityFrequency.Annual, Tertial.Third, null, 16, c => c.Code == "S2", [1]),
        new("Avstämning av fakturerad mot beslutad tid", FollowUpMethod.Statistics, "Handläggare", ActivityFrequency.Monthly, null, null, 48, None, [6]),
        new("Synpunkter, klagomål och avvikelser", FollowUpMethod.DocumentReview, "Planerare/utvecklare och MAS", ActivityFrequency.Continuous, null, null, 30,
            c => c.Code is "S4" or "G4"),
    ];

    private static readonly Line[] Education =
    [
        new("Tillsyn av fristående förskolor och insyn i kommunala, intervall två år", FollowUpMethod.Visit, "Utbildningsenheten",
            ActivityFrequency.EveryOtherYear, Tertial.First, null, 150, c => c.ChoiceSystemId is not null),
        new("Uppföljning av brister inom en till sex månader", FollowUpMethod.Visit, "Utbildningsenheten", ActivityFrequency.OnCause, null, null, 40,
            c => c.Code is "F5" or "F6"),
        new("Kontroll av generella villkor vid auktorisation och årligt intygande", FollowUpMethod.DocumentReview, "Utbildningsenheten",
            ActivityFrequency.Annual, Tertial.Third, null, 24, c => c.ChoiceSystemId is null || c.Code is "F1" or "F2" or "P1"),
    ];

    private static readonly Line[] Culture =
    [
        new("Kundundersökning enligt Våga Visa kulturskola", FollowUpMethod.Survey, "Kulturenheten", ActivityFrequency.Annual, Tertial.First, null, 20, c => c.Code == "K2"),
        new("Självvärdering och kollegial observation", FollowUpMethod.Visit, "Kulturenheten och kollegor i länet", ActivityFrequency.EveryOtherYear, Tertial.Second, null, 40,
            c => c.Code == "K1"),
        new("Statistik, redovisningar och dialog med anordnarna", FollowUpMethod.Dialogue, "Kulturenheten", ActivityFrequency.Annual, Tertial.Third, null, 16,
            c => c.ChoiceSystemId is null),
    ];

    private const string LabourModel = "Kundvalen följs upp kontinuerligt och årligen i nämndens kvalitetsuppföljning enligt de åtta stegen: tema, "
        + "kvalitetsrapportering, planering av besök, granskning av rapporter, verksamhetsbesök, sammanställning, beslut i nämnd, analys och utveckling. "
        + "Villkoren granskas enligt Del A–D.";

    private const string CareModel = "Riktlinjen för uppföljning av anordnare och utförare inom sociala omsorgsprocessen: analysera nuläget, planera och prioritera, "
        + "samla in resultat, bearbeta och analysera, åtgärda. Egen regi följs upp på samma sätt som privata utförare.";

    private const string EducationModel = "Tillsyn av fristående förskolor och insyn i kommunala förskolor med samma bedömningsskala. "
        + "Villkoren följs upp vid auktorisation eller vid tillsyn enligt villkorstabellen; brister följs upp inom en till sex månader.";

    private const string CultureModel = "Våga Visa kulturskola: kundundersökningar, självvärderingar och kollegiala observationer, "
        + "kompletterat med statistik, redovisningar och dialog.";

    /// <summary>Loads the demo conditions, then the plans that cover them.</summary>
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await DemoConditions.SeedAsync(db, cancellationToken);
        var today = clock.SwedishToday();
        var thisYear = today.Year;
        var lastYear = thisYear - 1;
        var choices = await db.ChoiceSystems.ToDictionaryAsync(c => c.Name, cancellationToken);
        var conditions = await db.Conditions.ToListAsync(cancellationToken);

        void Plans(string choiceName, Line[] lines, string model, string[] themes, PlanState? current, bool reviseCurrent = false)
        {
            var choice = choices[choiceName];
            var set = conditions.Where(c => c.ChoiceSystemId is null || c.ChoiceSystemId == choice.Id).ToList();
            var last = Plan(choice, lastYear, lines, set, model, themes, PlanState.ReportedToCouncilBoard, today);
            if (current is not { } state)
            {
                return;
            }
            var (plan, _) = last.CopyForYear(thisYear, Developer, Moment(new DateOnly(lastYear, 10, 2), today));
            plan!.ChoiceSystem = choice;
            plan.FocusThemes = [.. themes.Skip(1), "Krisberedskap och välfärdsbrottslighet"];
            Advance(plan, thisYear, state, today);
            db.FollowUpPlans.Add(plan);
            if (reviseCurrent)
            {
                var (revision, _) = plan.StartRevision(Developer, Moment(today.AddDays(-3), today), "Nytt fokus på kontinuitet efter synpunkter under våren.");
                revision!.FocusThemes.Add("Personalkontinuitet");
                // Sent to the group manager and approved: it waits for the committee's decision, which the secretary records.
                var completeness = PlanCompleteness.Check(revision.Activities, []);
                Check(revision.SubmitForApproval(Developer, Moment(today.AddDays(-2), today), "Klar för godkännande.", completeness));
                Check(revision.Approve(Manager, Moment(today.AddDays(-1), today), "Godkänd. Nämnden behandlar revisionen på nästa sammanträde.", completeness));
                db.FollowUpPlans.Add(revision);
            }
        }

        FollowUpPlan Plan(ChoiceSystem choice, int year, Line[] lines, List<Condition> set, string model, string[] themes, PlanState state, DateOnly today)
        {
            var (plan, _) = FollowUpPlan.Create(choice.Id, year, Developer, Moment(new DateOnly(year - 1, 10, 1), today));
            plan!.ChoiceSystem = choice;
            plan.FollowUpModel = model;
            plan.FocusThemes = [.. themes];
            plan.RiskAnalysisReference = $"Riskanalys {year - 1} för {choice.Name} (fiktiv), dnr KFKS-{year - 1}-00{choice.Name.Length + 100}";
            plan.Activities.AddRange(lines.Select((line, i) => new FollowUpActivity
            {
                Position = i + 1,
                What = line.What,
                Method = line.Method,
                Who = line.Who,
                Frequency = line.Frequency,
                Tertial = line.Tertial,
                Month = line.Month,
                EstimatedHours = line.Hours,
                ConditionIds = [.. set.Where(line.Covers).Select(c => c.Id)],
                QualityAreaIds = [.. (line.Areas ?? []).Select(n => QualityArea.All[n - 1].Id)],
            }));
            Advance(plan, year, state, today);
            db.FollowUpPlans.Add(plan);
            return plan;
        }

        Plans("Kundval arbetsmarknadsinsatser, AMI", LabourMarket, LabourModel, ["Matchning mot arbetsgivarnas behov", "Kundnöjdhet"], PlanState.ReportedToCouncilBoard);
        Plans("Kundval introduktionsinsatser sfi och arbetsintroduktion, ISA", LabourMarket, LabourModel, ["Språkträning på arbetsplats", "Kundnöjdhet"], PlanState.Adopted);
        Plans("Kundval förberedande arbetsinriktade insatser, FAI", LabourMarket, LabourModel, ["Bedömning av arbetsförmåga", "Samverkan"], PlanState.Approved);
        Plans("Kulturskola", Culture, CultureModel, ["Elevernas inflytande"], PlanState.Draft);
        Plans("Hemtjänst, ledsagning och avlösning", Care, CareModel, ["Kontinuitet", "Genomförandeplaner"], PlanState.ReportedToCouncilBoard, reviseCurrent: true);
        Plans("Särskilt boende för äldre", Care, CareModel, ["Nattbemanning", "Läkemedelshantering"], PlanState.Adopted);
        Plans("Dagverksamhet för äldre", Care, CareModel, ["Aktiviteter och social samvaro"], current: null);
        // The labour-market committee follows up adult education with the same model as its other choice systems [000].
        Plans("Kommunal vuxenutbildning", LabourMarket, LabourModel, ["Genomströmning och avbrott"], PlanState.ReportedToCouncilBoard);
        Plans("Boendestöd", Care, CareModel, ["Brukarinflytande"], PlanState.Approved);
        Plans("Bostad med särskild service enligt LSS", Care, CareModel, ["Goda levnadsvillkor"], PlanState.Adopted);
        Plans("Avlösarservice och ledsagarservice enligt LSS", Care, CareModel, ["Möjlighet att leva som andra"], PlanState.ReportedToCouncilBoard);
        Plans("Dagverksamhet enligt LSS", Care, CareModel, ["Delaktighet"], PlanState.ReportedToCouncilBoard);
        Plans("Familjebehandling", Care, CareModel, ["Barnets bästa"], PlanState.Adopted);
        Plans("Familjerådgivning", Care, CareModel, ["Tillgänglighet och väntetider"], PlanState.Adopted);
        Plans("Korttidsvistelse enligt LSS", Care, CareModel, ["Trygghet och säkerhet"], PlanState.ReportedToCouncilBoard);
        Plans("Sysselsättning för personer med psykisk funktionsnedsättning", Care, CareModel, ["Individuell planering"], PlanState.Adopted);
        Plans("Öppenvård för personer med missbruksproblematik", Care, CareModel, ["Kunskapsbaserad verksamhet"], PlanState.ReportedToCouncilBoard);
        Plans("Förskola", Education, EducationModel, ["Undervisning i förskolan"], PlanState.ReportedToCouncilBoard);
        Plans("Pedagogisk omsorg", Education, EducationModel, ["Registerutdrag och ansvarsförsäkring"], PlanState.Adopted);

        // Kulturnämnden's draft this year still lacks who does the observation: the completeness check shows it.
        var cultureDraft = db.ChangeTracker.Entries<FollowUpPlan>().Select(e => e.Entity)
            .Single(p => p.ChoiceSystemId == choices["Kulturskola"].Id && p.Year == thisYear);
        cultureDraft.Activities.Add(new FollowUpActivity
        {
            Position = cultureDraft.Activities.Count + 1,
            What = "Uppföljning av lokalernas tillgänglighet",
            Method = FollowUpMethod.Visit,
            Tertial = Tertial.Third,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Takes the plan through its steps up to <paramref name="state"/>: approved in November, adopted in December, reported in March.</summary>
    private static void Advance(FollowUpPlan plan, int year, PlanState state, DateOnly today)
    {
        var completeness = PlanCompleteness.Check(plan.Activities, []);
        if (state >= PlanState.Approved)
        {
            Check(plan.Approve(Manager, Moment(new DateOnly(year - 1, 11, 14), today), "Godkänd efter samråd med enhetscheferna.", completeness));
        }
        if (state >= PlanState.Adopted)
        {
            var decided = Day(new DateOnly(year - 1, 12, 12), today);
            Check(plan.Adopt(Secretary, Moment(decided, today), today, decided, $"§ {100 + plan.Activities.Count}",
                $"KFKS-{decided.Year}-{plan.ChoiceSystem!.Name.Length + 400:D5}", null));
        }
        if (state >= PlanState.ReportedToCouncilBoard)
        {
            var reported = Day(new DateOnly(year, 3, 8), today);
            Check(plan.ReportToCouncilBoard(Secretary, Moment(reported, today), today, reported, "Ingår i kommunstyrelsens samlade uppföljning."));
        }
    }

    private static DateOnly Day(DateOnly planned, DateOnly today) => planned > today ? today : planned;

    private static DateTimeOffset Moment(DateOnly day, DateOnly today) =>
        new(Day(day, today).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private static void Check(Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"Demo plan step refused: {refusal.Message}");
        }
    }
}
