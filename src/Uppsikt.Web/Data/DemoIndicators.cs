using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Features.Evidence.Indicators;

namespace Uppsikt.Web.Data;

/// <summary>
/// Indicators for elderly care and home care with targets per choice system, and three years of fictitious results for
/// the demo units; some fall below target so that the unit pages and the flags have something to show. Last year's user
/// surveys of home care and nursing homes ask their questions as the user-survey indicators.
/// </summary>
public static class DemoIndicators
{
    public const string HomeCareSatisfaction = "HT-NOJD";

    public static async Task SeedAsync(AppDbContext db, ChoiceSystem homeCare, ChoiceSystem nursingHome, int lastYear, CancellationToken cancellationToken)
    {
        var homeSatisfaction = Indicator(HomeCareSatisfaction, "Brukarbedömning hemtjänst – helhetssyn", "%", Direction.HigherIsBetter, EvidenceSource.UserSurvey, "U21468",
            "Andel brukare som är nöjda med hemtjänsten som helhet (brukarundersökningen).", (homeCare, 90));
        var continuity = Indicator("HT-KONT", "Personalkontinuitet – antal personal under 14 dagar", "personer", Direction.LowerIsBetter, EvidenceSource.ProviderReported, "U21401",
            "Antal olika personal som en brukare med minst två besök om dagen möter under 14 dagar, medelvärde.", (homeCare, 12), IndicatorValueKind.Mean);
        var nursingSatisfaction = Indicator("SABO-NOJD", "Brukarbedömning särskilt boende – helhetssyn", "%", Direction.HigherIsBetter, EvidenceSource.UserSurvey, "U23471",
            "Andel boende som är nöjda med sitt särskilda boende som helhet (brukarundersökningen).", (nursingHome, 85));
        // Two more questions of the home-care survey, without targets: read as indicators of their own (decision 0049).
        var safety = Indicator("HT-TRYGG", "Brukarbedömning hemtjänst – trygghet", "%", Direction.HigherIsBetter, EvidenceSource.UserSurvey, null,
            "Andel brukare som känner sig trygga hemma med stöd från hemtjänsten (brukarundersökningen).", null);
        var respect = Indicator("HT-RESP", "Brukarbedömning hemtjänst – bemötande", "%", Direction.HigherIsBetter, EvidenceSource.UserSurvey, null,
            "Andel brukare som tycker att personalen alltid eller oftast bemöter dem på ett bra sätt (brukarundersökningen).", null);
        var waiting = Indicator("SABO-VANT", "Väntetid till inflyttning", "dagar", Direction.LowerIsBetter, EvidenceSource.ProviderReported, null,
            "Dagar från erbjudande till inflyttning, medelvärde, enligt anordnarens egen redovisning.", (nursingHome, 30), IndicatorValueKind.Mean);
        await db.SaveChangesAsync(cancellationToken);

        var homeUnits = await db.Units.Where(u => u.ChoiceSystems.Any(c => c.Id == homeCare.Id)).OrderBy(u => u.Name).Select(u => u.Id).ToListAsync(cancellationToken);
        var nursingUnits = await db.Units.Where(u => u.ChoiceSystems.Any(c => c.Id == nursingHome.Id)).OrderBy(u => u.Name).Select(u => u.Id).ToListAsync(cancellationToken);
        for (var year = lastYear - 2; year <= lastYear; year++)
        {
            var step = year - lastYear + 2;
            for (var i = 0; i < homeUnits.Count; i++)
            {
                // Every other unit improves, the rest slip: the second of them falls below target in the last year.
                Result(homeSatisfaction, homeUnits[i], year, i % 2 == 0 ? 86 + 2.5 * step + i : 93 - 2.5 * step - i,
                    SurveyAnswers(i, step, smallInLastYear: i == homeUnits.Count - 1));
                Result(continuity, homeUnits[i], year, i % 2 == 0 ? 13 - step + i * 0.5 : 9 + 2 * step + i * 0.5);
                // Fewer answer the later questions of the questionnaire than its first.
                var answers = SurveyAnswers(i, step, smallInLastYear: i == homeUnits.Count - 1);
                Result(safety, homeUnits[i], year, 84 + 1.5 * step + (i * 7) % 9, answers - answers / 10);
                Result(respect, homeUnits[i], year, 92 - step + (i * 5) % 6, answers - answers / 8);
            }
            for (var i = 0; i < nursingUnits.Count; i++)
            {
                Result(nursingSatisfaction, nursingUnits[i], year, i % 2 == 0 ? 84 + 2 * step + i : 90 - 3 * step - i,
                    SurveyAnswers(i, step, smallInLastYear: i == nursingUnits.Count - 1));
                Result(waiting, nursingUnits[i], year, 20 + 6 * step * (i % 2) + i * 3);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await OutcomeAverages.RebuildAsync(db, [homeSatisfaction.Id, continuity.Id, nursingSatisfaction.Id, waiting.Id, safety.Id, respect.Id], cancellationToken);

        // Last year's user surveys: home care asked three questions, nursing homes one (decision 0049).
        var homeSurvey = Survey($"Brukarundersökning hemtjänst {lastYear}", homeCare,
            "Enkät med svarskuvert och webbsvar till alla brukare med hemtjänst i oktober, med en påminnelse efter två veckor. Svarsfrekvens 61 procent (fiktiv).");
        AddQuestion(homeSurvey, homeSatisfaction, "Hur nöjd eller missnöjd är du sammantaget med din hemtjänst?");
        AddQuestion(homeSurvey, safety, "Hur trygg eller otrygg känner du dig hemma med stöd från hemtjänsten?");
        AddQuestion(homeSurvey, respect, "Hur brukar personalen bemöta dig?");
        var nursingSurvey = Survey($"Brukarundersökning särskilt boende {lastYear}", nursingHome,
            "Enkät till alla boende i oktober; anhöriga fick hjälpa till att svara. Svarsfrekvens 54 procent (fiktiv).");
        AddQuestion(nursingSurvey, nursingSatisfaction, "Hur nöjd eller missnöjd är du sammantaget med ditt äldreboende?");
        await db.SaveChangesAsync(cancellationToken);

        // Last year's results of three indicators released for the public comparison and the open data (decision 0044); the waiting
        // times are left unreleased, so the demo shows both. The units say which languages their staff speak besides Swedish.
        foreach (var released in new[] { homeSatisfaction, continuity, nursingSatisfaction })
        {
            db.ResultReleases.Add(new ResultRelease
            {
                IndicatorId = released.Id,
                Year = lastYear,
                ReleasedByName = "Klara Kvalitet (fiktiv)",
                ReleasedAt = new DateTimeOffset(lastYear + 1, 2, 20, 9, 0, 0, TimeSpan.Zero),
            });
        }
        string[][] languages = [["engelska", "finska"], ["arabiska", "engelska"], ["persiska"], ["finska", "somaliska"], ["engelska", "spanska", "tigrinja"]];
        var units = await db.Units.Where(u => homeUnits.Contains(u.Id) || nursingUnits.Contains(u.Id)).OrderBy(u => u.Name).ToListAsync(cancellationToken);
        for (var i = 0; i < units.Count; i++)
        {
            units[i].Languages = string.Join(", ", languages[i % languages.Length]);
        }
        await db.SaveChangesAsync(cancellationToken);

        Indicator Indicator(string code, string name, string unitOfMeasure, Direction direction, EvidenceSource source, string? kpi, string description,
            (ChoiceSystem Choice, double Value)? target, IndicatorValueKind? kind = null)
        {
            var indicator = new Indicator
            {
                Code = code,
                Name = name,
                UnitOfMeasure = unitOfMeasure,
                ValueKind = kind ?? Domain.Evidence.Indicator.DefaultValueKind(unitOfMeasure),
                Direction = direction,
                Source = source,
                KoladaKpiId = kpi,
                Description = description + " (fiktiva värden)",
            };
            if (target is { } t)
            {
                indicator.Targets.Add(new Target { ChoiceSystemId = t.Choice.Id, Value = t.Value });
            }
            db.Indicators.Add(indicator);
            return indicator;
        }

        Survey Survey(string name, ChoiceSystem choiceSystem, string method)
        {
            var survey = new Survey
            {
                Name = name,
                Year = lastYear,
                CommitteeId = choiceSystem.CommitteeId,
                ChoiceSystemId = choiceSystem.Id,
                Conductor = "Kvalitetsenheten, Välfärdsförvaltningen (fiktiv)",
                Method = method,
                OpensOn = new DateOnly(lastYear, 10, 1),
                ClosesOn = new DateOnly(lastYear, 10, 31),
            };
            db.Surveys.Add(survey);
            return survey;
        }

        static void AddQuestion(Survey survey, Indicator indicator, string text)
        {
            if (survey.AddQuestion(indicator, text) is { } refusal)
            {
                throw new InvalidOperationException(refusal.Message);
            }
        }

        // The survey's number of answers: 12–180 by unit and year, and under 5 for one unit of each kind in the last year, so the
        // equal-terms page shows intervals of different widths and suppressed results.
        static int SurveyAnswers(int unit, int step, bool smallInLastYear) => smallInLastYear && step == 2 ? 3 + unit % 2 : 12 + (unit * 53 + step * 29) % 169;

        void Result(Indicator indicator, Guid unitId, int year, double value, int? answers = null) =>
            db.Outcomes.Add(new Outcome { IndicatorId = indicator.Id, UnitId = unitId, Year = year, PeriodKind = PeriodKind.Year, Value = Math.Round(value, 1), Answers = answers });
    }
}
