using System.ComponentModel.DataAnnotations;
using Uppsikt.Domain.Identity;

namespace Uppsikt.Domain.QualityBonus;

/// <summary>What a bonus is paid per: the unit's places, or its hours in a year. Stored by name: never rename one.</summary>
public enum BonusBasis
{
    [Display(Name = "Per plats")] PerPlace = 1,
    [Display(Name = "Per timme")] PerHour = 2,
}

/// <summary>How a criterion is met. Stored by name: never rename one.</summary>
public enum BonusRule
{
    /// <summary>The result reaches a threshold value in the indicator's direction.</summary>
    [Display(Name = "Tröskel")] Threshold = 1,

    /// <summary>The unit is among the best N units of the choice system that year.</summary>
    [Display(Name = "Rang: de N bästa")] BestCount = 2,

    /// <summary>The unit is among the best share (per cent) of the choice system's units that year.</summary>
    [Display(Name = "Rang: bästa andelen (%)")] BestShare = 3,
}

/// <summary>
/// Bonusmodell (decision 0043): a way a choice system could pay a quality bonus, for a quality developer to simulate against past
/// results. It pays nothing itself. Per place (the unit's places) or per hour (the unit's places times a stated number of hours
/// per place and year, since the product holds no volumes), capped per unit and year, with 1–10 criteria.
/// </summary>
public sealed class BonusModel : Entity
{
    public const int NameMax = 200;
    public const int MaxCriteria = 10;
    public const int MaxHoursPerPlace = 8760;
    public const decimal MaxCeiling = 100_000_000m;
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>Who keeps bonus models and runs simulations: the staff who plan follow-up.</summary>
    public static readonly IReadOnlyList<string> Keepers = [Roles.QualityDeveloper, Roles.GroupManager, Roles.Administrator];

    public required string Name { get; set; }

    public Guid ChoiceSystemId { get; private set; }

    public Register.ChoiceSystem? ChoiceSystem { get; set; }

    public BonusBasis Basis { get; private set; }

    /// <summary>Per hour only: the hours a place is assumed to give in a year (1–8 760), the stand-in for real volumes.</summary>
    public int? HoursPerPlace { get; private set; }

    /// <summary>The most a unit gets in a year, in kronor.</summary>
    public decimal CeilingPerUnit { get; private set; }

    public List<BonusCriterion> Criteria { get; } = [];

    /// <summary>A new model; every problem of the input is told at once.</summary>
    public static (BonusModel? Model, IReadOnlyList<Refusal> Refusals) Create(BonusModelInput input)
    {
        var model = new BonusModel { Name = "" };
        var problems = model.Apply(input);
        return problems.Count > 0 ? (null, problems) : (model, problems);
    }

    /// <summary>Changes the model; nothing is changed when any problem is found, and every problem is told at once.</summary>
    public IReadOnlyList<Refusal> Edit(BonusModelInput input) => Apply(input);

    /// <summary>The model's parameters as the simulation reads them, with each criterion's indicator as the caller knows it.</summary>
    public BonusParameters Parameters(Func<Guid, BonusIndicator> indicator) => new(
        Basis, HoursPerPlace, CeilingPerUnit,
        [.. Criteria.OrderBy(c => c.Position).Select(c => new BonusCriterionParameters(indicator(c.IndicatorId), c.Rule, c.Limit, c.Amount))]);

    /// <summary>Every problem of an input, each naming its field; empty when it can be saved.</summary>
    public static List<Refusal> Check(BonusModelInput input)
    {
        var problems = new List<Refusal>();
        if (FreeText.Required(input.Name, "Namnet", "Name", NameMax) is { } name)
        {
            problems.Add(name);
        }
        if (input.ChoiceSystemId is null)
        {
            problems.Add(Refusal.Invalid("Välj det kundval modellen gäller.", "ChoiceSystemId"));
        }
        if (input.Basis is not { } basis || !Enum.IsDefined(basis))
        {
            problems.Add(Refusal.Invalid("Välj om bonusen räknas per plats eller per timme.", "Basis"));
        }
        else if (basis == BonusBasis.PerHour && input.HoursPerPlace is not (>= 1 and <= MaxHoursPerPlace))
        {
            problems.Add(Refusal.Invalid("Ange antal timmar per plats och år, mellan 1 och 8 760.", "HoursPerPlace"));
        }
        if (input.CeilingPerUnit is not { } ceiling || ceiling <= 0 || ceiling > MaxCeiling)
        {
            problems.Add(Refusal.Invalid("Ange taket per enhet och år i kronor, mer än 0 och högst 100 miljoner.", "CeilingPerUnit"));
        }
        var criteria = input.Criteria ?? [];
        if (criteria.Count is 0 or > MaxCriteria)
        {
            problems.Add(Refusal.Invalid($"En bonusmodell har mellan 1 och {MaxCriteria} kriterier.", "Criteria"));
        }
        for (var i = 0; i < criteria.Count; i++)
        {
            problems.AddRange(CheckCriterion(criteria, i));
        }
        return problems;
    }

    private static IEnumerable<Refusal> CheckCriterion(IReadOnlyList<BonusCriterionInput> criteria, int i)
    {
        var c = criteria[i];
        var n = i + 1;
        string Field(string field) => Refusal.ItemField("Criteria", i, field);
        if (c.IndicatorId is not { } indicator)
        {
            yield return Refusal.Invalid($"Välj indikator för kriterium {n}.", Field("IndicatorId"));
        }
        else if (criteria.Take(i).Any(other => other.IndicatorId == indicator))
        {
            yield return Refusal.Invalid($"Kriterium {n} har samma indikator som ett tidigare kriterium; ange varje indikator en gång.", Field("IndicatorId"));
        }
        if (c.Rule is not { } rule || !Enum.IsDefined(rule))
        {
            yield return Refusal.Invalid($"Välj regel för kriterium {n}: tröskel eller rang.", Field("Rule"));
        }
        else if (c.Limit is not { } limit || !double.IsFinite(limit))
        {
            yield return Refusal.Invalid(rule switch
            {
                BonusRule.Threshold => $"Ange tröskelvärdet för kriterium {n}.",
                BonusRule.BestCount => $"Ange hur många av de bästa enheterna som får bonus för kriterium {n}.",
                _ => $"Ange hur stor andel (%) av de bästa enheterna som får bonus för kriterium {n}.",
            }, Field("Limit"));
        }
        else if (rule == BonusRule.BestCount && (limit < 1 || limit > 10_000 || limit != Math.Floor(limit)))
        {
            yield return Refusal.Invalid($"Antalet bästa enheter för kriterium {n} ska vara ett heltal, minst 1.", Field("Limit"));
        }
        else if (rule == BonusRule.BestShare && limit is <= 0 or > 100)
        {
            yield return Refusal.Invalid($"Andelen bästa enheter för kriterium {n} ska vara mer än 0 och högst 100 %.", Field("Limit"));
        }
        if (c.Amount is not { } amount || amount <= 0 || amount > MaxAmount)
        {
            yield return Refusal.Invalid($"Ange beloppet för kriterium {n} i kronor per plats eller timme, mer än 0 och högst 1 miljon.", Field("Amount"));
        }
    }

    private List<Refusal> Apply(BonusModelInput input)
    {
        var problems = Check(input);
        if (problems.Count > 0)
        {
            return problems;
        }
        Name = input.Name!.Trim();
        ChoiceSystemId = input.ChoiceSystemId!.Value;
        Basis = input.Basis!.Value;
        HoursPerPlace = Basis == BonusBasis.PerHour ? input.HoursPerPlace : null;
        CeilingPerUnit = input.CeilingPerUnit!.Value;
        Criteria.Clear();
        Criteria.AddRange(input.Criteria!.Select((c, i) => new BonusCriterion
        {
            BonusModelId = Id,
            Position = i + 1,
            IndicatorId = c.IndicatorId!.Value,
            Rule = c.Rule!.Value,
            Limit = c.Limit!.Value,
            Amount = c.Amount!.Value,
        }));
        return problems;
    }
}

/// <summary>One criterion of a bonus model: an indicator, how it is met, and the kronor per place or hour it pays.</summary>
public sealed class BonusCriterion : Entity
{
    public Guid BonusModelId { get; set; }

    /// <summary>Its order in the model, from 1.</summary>
    public int Position { get; set; }

    public Guid IndicatorId { get; set; }

    public BonusRule Rule { get; set; }

    /// <summary>The threshold value, the number of best units, or the best share in per cent, as <see cref="Rule"/> reads it.</summary>
    public double Limit { get; set; }

    /// <summary>Kronor per place or per hour when the criterion is met.</summary>
    public decimal Amount { get; set; }
}

/// <summary>A bonus model as a quality developer enters it.</summary>
public sealed record BonusModelInput(
    string? Name, Guid? ChoiceSystemId, BonusBasis? Basis, int? HoursPerPlace, decimal? CeilingPerUnit, IReadOnlyList<BonusCriterionInput>? Criteria);

/// <summary>One criterion as entered; <paramref name="Limit"/> is the threshold, the number of best units or the best share in per cent.</summary>
public sealed record BonusCriterionInput(Guid? IndicatorId, BonusRule? Rule, double? Limit, decimal? Amount);
