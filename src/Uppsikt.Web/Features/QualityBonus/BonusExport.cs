using Uppsikt.Domain.QualityBonus;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Features.QualityBonus;

/// <summary>A saved scenario for the committee: as CSV (one row per unit and year) and as a Word memo, from the figures as saved.</summary>
public static class BonusExport
{
    public static byte[] Csv(BonusScenarioDetails scenario)
    {
        var model = scenario.Figures.Model;
        var csv = new CsvFile().Row(["År", "Enhet", "Anordnare", "Regi", "Platser",
            .. model.Criteria.Select(c => CsvFile.Quote(c.IndicatorName)), "Före tak (kr)", "Bonus (kr)"]);
        foreach (var run in scenario.Figures.Runs)
        {
            foreach (var unit in run.Units)
            {
                csv.Row([run.Year.ToString(SwedishText.Culture), CsvFile.Quote(unit.Unit.Name), CsvFile.Quote(unit.Unit.ProviderName),
                    CsvFile.Quote(unit.Unit.Ownership.Name()), unit.Unit.Capacity?.ToString(SwedishText.Culture) ?? "",
                    .. unit.Criteria.Select(o => CsvFile.Quote(BonusText.Outcome(o) + " – " + BonusText.Number(o.Amount) + " kr")),
                    BonusText.Number(unit.Uncapped), BonusText.Number(unit.Total)]);
            }
        }
        return csv.ToBytes();
    }

    public static byte[] Word(BonusScenarioDetails scenario)
    {
        var model = scenario.Figures.Model;
        var document = new WordDocument()
            .Header("Kvalitetsbonus – simulering")
            .Title($"Scenario: {scenario.Name}")
            .Paragraph("Simulering av en kvalitetsbonus med tidigare års helårsresultat. Beloppen har inte betalats; de visar vad modellen skulle ha betalat.")
            .Labelled("Bonusmodell", model.Name)
            .Labelled("Kundval", model.ChoiceSystem)
            .Labelled("Räknas", model.Basis == BonusBasis.PerHour
                ? $"Per timme, med {model.HoursPerPlace} timmar per plats och år (Uppsikt har ännu inga uppgifter om utförda timmar)"
                : "Per plats")
            .Labelled("Tak per enhet och år", BonusText.Kronor(model.CeilingPerUnit))
            .Labelled("Minsta antal svar", scenario.Figures.MinimumAnswers.ToString(SwedishText.Culture))
            .Labelled("Sparat", $"{SwedishText.Instant(scenario.SavedAt)} av {scenario.SavedByName}")
            .Heading(1, "Kriterier")
            .Bullets(model.Criteria.Select(c => BonusText.Criterion(c, model.Basis)))
            .Heading(1, "År för år")
            .Table(["År", "Bonus totalt", "Enheter som får bonus", "Egen regi", "Övriga anordnare"],
                scenario.Figures.Runs.Select(r => (IReadOnlyList<string>)[r.Year.ToString(SwedishText.Culture), BonusText.Kronor(r.All.Total),
                    $"{r.All.UnitsPaid} av {r.All.Units}", BonusText.Kronor(r.InHouse.Total), BonusText.Kronor(r.Others.Total)]));
        foreach (var run in scenario.Figures.Runs)
        {
            document.Heading(2, $"Per anordnare {run.Year}")
                .Table(["Anordnare", "Enheter", "Får bonus", "Platser", "Bonus"],
                    run.Providers.Select(p => (IReadOnlyList<string>)[p.Name, p.Units.ToString(SwedishText.Culture), p.UnitsPaid.ToString(SwedishText.Culture),
                        p.Places.ToString(SwedishText.Culture), BonusText.Kronor(p.Total)]));
        }
        return document.ToBytes($"Kvalitetsbonus – {scenario.Name}");
    }
}
