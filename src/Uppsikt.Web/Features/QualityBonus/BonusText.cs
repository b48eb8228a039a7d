using System.Globalization;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.QualityBonus;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.QualityBonus;

/// <summary>How the quality bonus's figures read in Swedish, the same on the pages, in CSV and in Word.</summary>
public static class BonusText
{
    public static string Kronor(decimal amount) => amount.ToString("N0", SwedishText.Culture) + " kr";

    /// <summary>A number as a Swedish spreadsheet reads it: decimal comma, no thousands separator.</summary>
    public static string Number(decimal amount) => amount.ToString("0.##", SwedishText.Culture);

    public static string Number(double value) => value.ToString("0.###", SwedishText.Culture);

    /// <summary>The criterion as people read it: "Nöjdhet: minst 85 ger 100 kr per plats".</summary>
    public static string Criterion(BonusCriterionView c, BonusBasis basis) =>
        $"{c.IndicatorName}: {Rule(c.Rule, c.Limit, c.Direction)} ger {Number(c.Amount)} kr {(basis == BonusBasis.PerHour ? "per timme" : "per plats")}";

    public static string Rule(BonusRule rule, double limit, Direction direction) => rule switch
    {
        BonusRule.Threshold => $"{(direction == Direction.LowerIsBetter ? "högst" : "minst")} {Number(limit)}",
        BonusRule.BestCount => $"bland de {Number(limit)} bästa",
        _ => $"bland de {Number(limit)} % bästa",
    };

    /// <summary>Why a criterion went as it did for a unit.</summary>
    public static string Outcome(CriterionOutcome o) => o.Verdict switch
    {
        BonusVerdict.TooFewAnswers => $"För få svar ({o.Answers})",
        BonusVerdict.NoResult => "Resultat saknas",
        _ => $"{o.Verdict.Name()}: {Number(o.Value ?? 0)}{(o.Rank is { } rank ? string.Create(CultureInfo.InvariantCulture, $", plats {rank}") : "")}",
    };
}
