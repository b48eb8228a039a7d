using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Reports;
using Uppsikt.Web.Features.AnnualReports;
using Uppsikt.Web.Infrastructure;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Data;

/// <summary>
/// Last year's annual report for every committee with choice systems, told through the domain's steps: the elderly committee's decided
/// (submitted in February, decided in March), the education committee's submitted and waiting for its decision, the others drafts at
/// different stages; and this year's draft for home care. Every text, paragraph and case number is fictitious.
/// </summary>
public static class DemoAnnualReports
{
    public static async Task SeedAsync(AppDbContext db, AnnualReportFigureSource figures, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var lastYear = today.Year - 1;
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, cancellationToken);
        var developer = new WorkflowActor(users["kvalitet@uppsikt.example"].Id, users["kvalitet@uppsikt.example"].DisplayName, [R.QualityDeveloper]);
        var secretaryUser = users["sekreterare@uppsikt.example"];
        var committees = await db.Committees.AsNoTracking().Where(c => c.ChoiceSystems.Any()).ToDictionaryAsync(c => c.Name, c => c.Id, cancellationToken);
        var homeCare = await db.ChoiceSystems.AsNoTracking().Where(c => c.Name == "Hemtjänst, ledsagning och avlösning").Select(c => new { c.Id, c.CommitteeId }).SingleAsync(cancellationToken);
        static DateOnly NoLaterThan(DateOnly day, DateOnly today) => day < today ? day : today;
        static void Ok(IReadOnlyList<Refusal> refusals)
        {
            if (refusals.Count > 0)
            {
                throw new InvalidOperationException("Demo data broke a rule: " + refusals[0].Message);
            }
        }

        AnnualReport Start(int year, Guid committeeId, Guid? choiceSystemId, AnnualReportText text)
        {
            var (report, refusal) = AnnualReport.Start(year, committeeId, choiceSystemId, developer, today);
            Ok(refusal is null ? [] : [refusal]);
            Ok(report!.Write(text, developer));
            db.AnnualReports.Add(report);
            return report;
        }

        async Task SubmitAsync(AnnualReport report, DateOnly on)
        {
            var computed = await figures.ComputeAsync(report.Year, report.CommitteeId, report.ChoiceSystemId, cancellationToken);
            Ok(report.Submit((computed with { ComputedOn = on }).Serialize(), developer, on));
        }

        foreach (var (name, id) in committees)
        {
            var report = Start(lastYear, id, null, Text(name, lastYear));
            if (name == "Äldrenämnden")
            {
                var submittedOn = NoLaterThan(new DateOnly(today.Year, 2, 14), today);
                await SubmitAsync(report, submittedOn);
                var secretary = new WorkflowActor(secretaryUser.Id, secretaryUser.DisplayName, [R.CommitteeSecretary], secretaryUser.CommitteeId);
                var decidedOn = NoLaterThan(new DateOnly(today.Year, 3, 18), today);
                Ok(report.RecordDecision(decidedOn, "§ 31", $"ÄLN-{lastYear}-00214", secretary, today) is { } refusal ? [refusal] : []);
            }
            else if (name == "Utbildningsnämnden")
            {
                await SubmitAsync(report, NoLaterThan(new DateOnly(today.Year, 3, 2), today));
            }
        }
        Start(today.Year, homeCare.CommitteeId, homeCare.Id, new AnnualReportText(
            "Utkast under året: siffrorna räknas om tills rapporten lämnas till nämnden i februari. (Fiktiv text i demodata.)",
            null, null, null));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AnnualReportText Text(string committee, int year) => committee switch
    {
        "Äldrenämnden" => new(
            $"Uppföljningen under {year} byggde på brukarundersökningen, nyckeltalen, klagomål och avvikelser. De kvalitetsgranskningar som "
            + "uppföljningsplanen angav fick skjutas till året därpå när två tjänster som kvalitetsutvecklare stod vakanta. (Fiktiv text i demodata.)",
            "Brukarnas helhetsbedömning ligger i nivå med kommunens snitt. Egen regi och privata anordnare visar inga säkra skillnader när "
            + "osäkerheten i resultaten räknas in, och resultat från enheter med färre än fem svar redovisas inte.",
            "Genomförandeplaner och social dokumentation.\nLäkemedelshantering i hemtjänst.\nKontinuitet: antal personal per brukare.",
            "1. Äldrenämnden godkänner årsrapporten.\n2. Nämnden ger förvaltningen i uppdrag att genomföra de uppskjutna kvalitetsgranskningarna "
            + "och att särskilt granska dokumentation och läkemedelshantering."),
        "Utbildningsnämnden" => new(
            $"Tillsynen av fristående förskolor och insynen i kommunens förskolor genomfördes enligt plan under {year}. (Fiktiv text i demodata.)",
            "Resultaten är jämförbara mellan regiformerna; enstaka brister gällde rutiner för barn i behov av särskilt stöd.",
            "Rutiner för barn i behov av särskilt stöd.",
            "1. Utbildningsnämnden godkänner årsrapporten."),
        _ => new($"Utkast till årsrapport för {year}. (Fiktiv text i demodata.)", null, null, null),
    };
}
