namespace Uppsikt.Domain.Risk;

/// <summary>
/// A level of risk on the matrix: every score from <paramref name="FromScore"/> up to the next level's start.
/// </summary>
/// <param name="FromScore">The lowest score of the level.</param>
/// <param name="Name">Swedish, e.g. "Hög".</param>
/// <param name="Colour">The cells' background as <c>#RRGGBB</c>; the level's name is always shown too, so colour is never the only cue.</param>
public sealed record RiskBand(int FromScore, string Name, string Colour)
{
    /// <summary>
    /// Black or white, whichever contrasts more with <see cref="Colour"/> (WCAG 2.1 relative luminance), so that text on a
    /// committee's own colours stays readable.
    /// </summary>
    public string TextColour => RiskMatrix.Luminance(Colour) > 0.179 ? "#000000" : "#FFFFFF";
}

/// <summary>
/// A committee's risk matrix: likelihood (sannolikhet) times consequence (konsekvens), each on three to five named steps, and
/// the levels of risk the product falls into. A risk's score is likelihood × consequence, from 1 up to <see cref="MaxScore"/>.
/// </summary>
public sealed class RiskMatrix : Entity
{
    public const int MinSteps = 3, MaxSteps = 5, LabelMax = 60;
    public const int MinBands = 2, MaxBands = 6;

    private RiskMatrix()
    {
    }

    public Guid CommitteeId { get; private set; }

    /// <summary>The likelihood steps' names, step 1 first.</summary>
    public List<string> LikelihoodLabels { get; private set; } = [];

    /// <summary>The consequence steps' names, step 1 first.</summary>
    public List<string> ConsequenceLabels { get; private set; } = [];

    /// <summary>The levels of risk by ascending <see cref="RiskBand.FromScore"/>; the first starts at 1.</summary>
    public List<RiskBand> Bands { get; private set; } = [];

    public int LikelihoodSteps => LikelihoodLabels.Count;

    public int ConsequenceSteps => ConsequenceLabels.Count;

    /// <summary>The highest score: the most likely step times the most serious.</summary>
    public int MaxScore => LikelihoodSteps * ConsequenceSteps;

    /// <summary>
    /// The matrix a committee starts from: 5 × 5 with four levels (Låg 1–4, Medel 5–9, Hög 10–15, Mycket hög 16–25), in light
    /// colours on which black text has a contrast of at least 7:1.
    /// </summary>
    public static RiskMatrix Default(Guid committeeId) => new()
    {
        CommitteeId = committeeId,
        LikelihoodLabels = ["Mycket liten", "Liten", "Måttlig", "Stor", "Mycket stor"],
        ConsequenceLabels = ["Försumbar", "Lindrig", "Kännbar", "Allvarlig", "Mycket allvarlig"],
        Bands =
        [
            new(1, "Låg", "#B7E1B0"),
            new(5, "Medel", "#FFE58A"),
            new(10, "Hög", "#FBBF84"),
            new(16, "Mycket hög", "#F4A6A6"),
        ],
    };

    /// <summary>
    /// The committee changes its matrix: 3–5 named steps in each dimension (they may differ, 3 × 4 is a matrix), names given,
    /// at most <see cref="LabelMax"/> characters and distinct within a dimension; 2–6 levels starting at 1, strictly increasing,
    /// none beyond <see cref="MaxScore"/>, with distinct names and a <c>#RRGGBB</c> colour. On a refusal nothing changes.
    /// </summary>
    public Refusal? Redefine(IReadOnlyList<string> likelihood, IReadOnlyList<string> consequence, IReadOnlyList<RiskBand> bands)
    {
        likelihood ??= [];
        consequence ??= [];
        bands ??= [];
        var problem = CheckLabels(likelihood, "LikelihoodLabels", "sannolikhet", "sannolikhetssteg")
            ?? CheckLabels(consequence, "ConsequenceLabels", "konsekvens", "konsekvenssteg")
            ?? CheckBands(bands, likelihood.Count * consequence.Count);
        if (problem is not null)
        {
            return problem;
        }
        LikelihoodLabels = [.. likelihood.Select(l => l.Trim())];
        ConsequenceLabels = [.. consequence.Select(c => c.Trim())];
        Bands = [.. bands.Select(b => new RiskBand(b.FromScore, b.Name.Trim(), b.Colour.Trim().ToUpperInvariant()))];
        return null;
    }

    /// <summary>The score of a risk: likelihood × consequence.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A step outside the matrix; check it first with <see cref="CheckStep"/>.</exception>
    public int Score(int likelihood, int consequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(likelihood, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(likelihood, LikelihoodSteps);
        ArgumentOutOfRangeException.ThrowIfLessThan(consequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(consequence, ConsequenceSteps);
        return likelihood * consequence;
    }

    /// <summary>The level a score falls into: the one with the highest start at or below it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score outside 1..<see cref="MaxScore"/>.</exception>
    public RiskBand BandOf(int score)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, MaxScore);
        return Bands.Last(b => b.FromScore <= score);
    }

    /// <summary>The refusal of a likelihood or consequence outside the matrix's steps, naming the input at fault; null when both fit.</summary>
    public Refusal? CheckStep(int likelihood, int consequence, string likelihoodField = "Likelihood", string consequenceField = "Consequence") =>
        likelihood < 1 || likelihood > LikelihoodSteps ? Refusal.Invalid($"Välj en sannolikhet från 1 till {LikelihoodSteps}.", likelihoodField)
        : consequence < 1 || consequence > ConsequenceSteps ? Refusal.Invalid($"Välj en konsekvens från 1 till {ConsequenceSteps}.", consequenceField)
        : null;

    private static Refusal? CheckLabels(IReadOnlyList<string> labels, string list, string dimension, string step)
    {
        if (labels.Count is < MinSteps or > MaxSteps)
        {
            return Refusal.Invalid($"Ange {MinSteps}–{MaxSteps} steg för {dimension}.", list);
        }
        for (var i = 0; i < labels.Count; i++)
        {
            var field = Refusal.ItemField(list, i, "Label");
            if (FreeText.Required(labels[i], $"Benämningen på {step} {i + 1}", field, LabelMax) is { } problem)
            {
                return problem;
            }
            if (labels.Take(i).Any(l => string.Equals(l.Trim(), labels[i].Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                return Refusal.Invalid($"Stegen för {dimension} ska ha olika benämningar; ”{labels[i].Trim()}” finns redan.", field);
            }
        }
        return null;
    }

    private static Refusal? CheckBands(IReadOnlyList<RiskBand> bands, int maxScore)
    {
        if (bands.Count is < MinBands or > MaxBands)
        {
            return Refusal.Invalid($"Ange {MinBands}–{MaxBands} risknivåer.", "Bands");
        }
        for (var i = 0; i < bands.Count; i++)
        {
            var (from, name, colour) = (bands[i].FromScore, bands[i].Name, bands[i].Colour?.Trim() ?? "");
            var fromField = Refusal.ItemField("Bands", i, "FromScore");
            if (i == 0 && from != 1)
            {
                return Refusal.Invalid("Den lägsta risknivån ska börja på 1.", fromField);
            }
            if (i > 0 && from <= bands[i - 1].FromScore)
            {
                return Refusal.Invalid($"Risknivå {i + 1} ska börja på en högre poäng än risknivå {i}, som börjar på {bands[i - 1].FromScore}.", fromField);
            }
            if (from > maxScore)
            {
                return Refusal.Invalid($"Risknivå {i + 1} börjar på {from}, men matrisens högsta poäng är {maxScore}.", fromField);
            }
            var nameField = Refusal.ItemField("Bands", i, "Name");
            if (FreeText.Required(name, $"Namnet på risknivå {i + 1}", nameField, LabelMax) is { } problem)
            {
                return problem;
            }
            if (bands.Take(i).Any(b => string.Equals(b.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                return Refusal.Invalid($"Risknivåerna ska ha olika namn; ”{name.Trim()}” finns redan.", nameField);
            }
            if (!IsColour(colour))
            {
                return Refusal.Invalid($"Ange färgen för risknivå {i + 1} som # och sex hexadecimala tecken, till exempel #FFE58A.", Refusal.ItemField("Bands", i, "Colour"));
            }
        }
        return null;
    }

    private static bool IsColour(string colour) => colour.Length == 7 && colour[0] == '#' && colour.Skip(1).All(char.IsAsciiHexDigit);

    /// <summary>The WCAG 2.1 relative luminance of a <c>#RRGGBB</c> colour, from 0 (black) to 1 (white).</summary>
    internal static double Luminance(string colour)
    {
        double Channel(int at)
        {
            var c = Convert.ToInt32(colour.Substring(at, 2), 16) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return IsColour(colour) ? (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5)) : 1;
    }
}
