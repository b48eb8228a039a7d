using CsCheck;
using Uppsikt.Domain.Risk;

namespace Uppsikt.Domain.Tests.Risk;

public sealed class RiskMatrixTests
{
    private static readonly string[] Three = ["Liten", "Möjlig", "Stor"];
    private static readonly string[] Four = ["Försumbar", "Lindrig", "Allvarlig", "Mycket allvarlig"];

    private static RiskBand Band(int from, string name, string colour = "#FFE58A") => new(from, name, colour);

    private static RiskBand[] ThreeBands => [Band(1, "Låg"), Band(4, "Medel"), Band(8, "Hög")];

    private static RiskMatrix Matrix() => RiskMatrix.Default(Guid.CreateVersion7());

    /// <summary>WCAG 2.1 contrast between two <c>#RRGGBB</c> colours, computed here on its own as the check of the matrix's choice.</summary>
    private static double Contrast(string a, string b)
    {
        static double Luminance(string colour)
        {
            var rgb = Convert.FromHexString(colour[1..]).Select(x => x / 255.0).Select(c => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToArray();
            return (0.2126 * rgb[0]) + (0.7152 * rgb[1]) + (0.0722 * rgb[2]);
        }
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    // ---------------------------------------------------------------- the default

    [Fact]
    public void The_default_is_five_by_five_with_four_levels_starting_at_one()
    {
        var committee = Guid.CreateVersion7();

        var matrix = RiskMatrix.Default(committee);

        Assert.Equal(committee, matrix.CommitteeId);
        Assert.Equal(5, matrix.LikelihoodSteps);
        Assert.Equal(5, matrix.ConsequenceSteps);
        Assert.Equal(25, matrix.MaxScore);
        Assert.Equal(["Låg", "Medel", "Hög", "Mycket hög"], matrix.Bands.Select(b => b.Name));
        Assert.Equal(1, matrix.Bands[0].FromScore);
        Assert.Null(Matrix().Redefine(matrix.LikelihoodLabels, matrix.ConsequenceLabels, matrix.Bands));
    }

    [Theory]
    [InlineData(1, "Låg")]
    [InlineData(4, "Låg")]
    [InlineData(5, "Medel")]
    [InlineData(9, "Medel")]
    [InlineData(10, "Hög")]
    [InlineData(15, "Hög")]
    [InlineData(16, "Mycket hög")]
    [InlineData(25, "Mycket hög")]
    public void A_score_falls_into_the_level_with_the_highest_start_at_or_below_it(int score, string band) =>
        Assert.Equal(band, Matrix().BandOf(score).Name);

    [Fact]
    public void The_default_colours_carry_black_text_at_seven_to_one_or_more()
    {
        foreach (var band in Matrix().Bands)
        {
            Assert.Equal("#000000", band.TextColour);
            Assert.True(Contrast(band.Colour, "#000000") >= 7, $"{band.Name}: {Contrast(band.Colour, "#000000"):0.0}:1");
        }
    }

    [Theory]
    [InlineData("#FFFFFF", "#000000")]
    [InlineData("#FFE58A", "#000000")]
    [InlineData("#1F4E79", "#FFFFFF")]
    [InlineData("#000000", "#FFFFFF")]
    [InlineData("#C00000", "#FFFFFF")]
    public void Text_on_a_level_takes_black_or_white_whichever_contrasts_more(string colour, string text)
    {
        var band = Band(1, "Låg", colour);

        Assert.Equal(text, band.TextColour);
        var other = text == "#000000" ? "#FFFFFF" : "#000000";
        Assert.True(Contrast(colour, text) >= Contrast(colour, other));
    }

    // ---------------------------------------------------------------- scoring

    [Fact]
    public void A_three_by_four_matrix_scores_up_to_twelve()
    {
        var matrix = Matrix();

        Assert.Null(matrix.Redefine(Three, Four, ThreeBands));

        Assert.Equal((3, 4, 12), (matrix.LikelihoodSteps, matrix.ConsequenceSteps, matrix.MaxScore));
        Assert.Equal(12, matrix.Score(3, 4));
        Assert.Equal(2, matrix.Score(2, 1));
        Assert.Equal("Hög", matrix.BandOf(12).Name);
        Assert.Equal("Medel", matrix.BandOf(7).Name);
        Assert.Null(matrix.CheckStep(3, 4));
        Assert.Equal("Likelihood", matrix.CheckStep(4, 4)?.Field);
        Assert.Equal("Consequence", matrix.CheckStep(3, 5)?.Field);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(6, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 6)]
    [InlineData(-1, -1)]
    public void A_step_outside_the_matrix_is_refused_by_the_check_and_throws_when_scored(int likelihood, int consequence)
    {
        var matrix = Matrix();

        var refusal = matrix.CheckStep(likelihood, consequence, "Items[2].Likelihood", "Items[2].Consequence");

        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
        Assert.Equal(likelihood is < 1 or > 5 ? "Items[2].Likelihood" : "Items[2].Consequence", refusal!.Field);
        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.Score(likelihood, consequence));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(26)]
    public void Only_scores_on_the_matrix_have_a_level(int score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Matrix().BandOf(score));

    private static readonly Gen<(string[] Likelihood, string[] Consequence, RiskBand[] Bands)> GenDefinition =
        Gen.Select(Gen.Int[3, 5], Gen.Int[3, 5]).SelectMany((l, c) =>
            Gen.Int[1, (l * c) - 1].HashSet[1, 5].Select(starts => (
                Enumerable.Range(1, l).Select(i => $"S{i}").ToArray(),
                Enumerable.Range(1, c).Select(i => $"K{i}").ToArray(),
                starts.Select(s => s + 1).Prepend(1).Order().Select((s, i) => Band(s, $"Nivå {i + 1}")).ToArray())));

    [Fact]
    public void Every_score_on_any_matrix_has_exactly_the_level_of_the_last_start_at_or_below_it()
    {
        GenDefinition.Sample(definition =>
        {
            var matrix = Matrix();
            Assert.Null(matrix.Redefine(definition.Likelihood, definition.Consequence, definition.Bands));
            for (var l = 1; l <= matrix.LikelihoodSteps; l++)
            {
                for (var c = 1; c <= matrix.ConsequenceSteps; c++)
                {
                    var score = matrix.Score(l, c);
                    Assert.InRange(score, 1, matrix.MaxScore);
                    Assert.Equal(definition.Bands.Last(b => b.FromScore <= score), matrix.BandOf(score));
                }
            }
        });
    }

    // ---------------------------------------------------------------- redefining

    [Fact]
    public void Redefining_trims_the_names_and_writes_colours_in_capitals()
    {
        var matrix = Matrix();

        Assert.Null(matrix.Redefine([" Liten ", "Möjlig", "Stor "], Four, [Band(1, " Låg ", " #b7e1b0 "), Band(6, "Hög", "#fbbf84")]));

        Assert.Equal(["Liten", "Möjlig", "Stor"], matrix.LikelihoodLabels);
        Assert.Equal([Band(1, "Låg", "#B7E1B0"), Band(6, "Hög", "#FBBF84")], matrix.Bands);
    }

    private static readonly string Long = new('x', RiskMatrix.LabelMax + 1);

    /// <summary>Each bad definition, made from a valid 3 × 4 one, and the field its refusal names.</summary>
    public static TheoryData<string, string> BadDefinitions => new()
    {
        { "two likelihood steps", "LikelihoodLabels" },
        { "six likelihood steps", "LikelihoodLabels" },
        { "two consequence steps", "ConsequenceLabels" },
        { "six consequence steps", "ConsequenceLabels" },
        { "a blank likelihood label", "LikelihoodLabels[1].Label" },
        { "a missing consequence label", "ConsequenceLabels[3].Label" },
        { "a too long consequence label", "ConsequenceLabels[2].Label" },
        { "a personal identity number in a label", "LikelihoodLabels[0].Label" },
        { "a likelihood label twice, differing in case", "LikelihoodLabels[2].Label" },
        { "a consequence label twice", "ConsequenceLabels[1].Label" },
        { "one band", "Bands" },
        { "seven bands", "Bands" },
        { "a first band above 1", "Bands[0].FromScore" },
        { "a band starting at its predecessor", "Bands[2].FromScore" },
        { "a band starting below its predecessor", "Bands[1].FromScore" },
        { "a band beyond the highest score", "Bands[2].FromScore" },
        { "a blank band name", "Bands[1].Name" },
        { "a too long band name", "Bands[0].Name" },
        { "a band name twice", "Bands[2].Name" },
        { "a colour by name", "Bands[0].Colour" },
        { "a colour of five digits", "Bands[1].Colour" },
        { "a colour not in hexadecimal", "Bands[2].Colour" },
        { "a colour without #", "Bands[2].Colour" },
        { "no colour", "Bands[0].Colour" },
    };

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public void A_bad_definition_is_refused_naming_its_field_and_changes_nothing(string bad, string field)
    {
        var (likelihood, consequence, bands) = (Three.ToList(), Four.ToList(), ThreeBands.ToList());
        switch (bad)
        {
            case "two likelihood steps": likelihood.RemoveAt(2); break;
            case "six likelihood steps": likelihood.AddRange(["A", "B", "C"]); break;
            case "two consequence steps": consequence.RemoveRange(2, 2); break;
            case "six consequence steps": consequence.AddRange(["A", "B"]); break;
            case "a blank likelihood label": likelihood[1] = "  "; break;
            case "a missing consequence label": consequence[3] = null!; break;
            case "a too long consequence label": consequence[2] = Long; break;
            case "a personal identity number in a label": likelihood[0] = "Som för 19121212-1212"; break;
            case "a likelihood label twice, differing in case": likelihood[2] = "liten"; break;
            case "a consequence label twice": consequence[1] = "Försumbar "; break;
            case "one band": bands.RemoveRange(1, 2); break;
            case "seven bands": bands = [.. Enumerable.Range(1, 7).Select(i => Band(i, $"Nivå {i}"))]; break;
            case "a first band above 1": bands[0] = Band(2, "Låg"); break;
            case "a band starting at its predecessor": bands[2] = Band(4, "Hög"); break;
            case "a band starting below its predecessor": bands[1] = Band(1, "Medel"); break;
            case "a band beyond the highest score": bands[2] = Band(13, "Hög"); break;
            case "a blank band name": bands[1] = Band(4, ""); break;
            case "a too long band name": bands[0] = Band(1, Long); break;
            case "a band name twice": bands[2] = Band(8, "MEDEL"); break;
            case "a colour by name": bands[0] = Band(1, "Låg", "green"); break;
            case "a colour of five digits": bands[1] = Band(4, "Medel", "#FFE58"); break;
            case "a colour not in hexadecimal": bands[2] = Band(8, "Hög", "#FFE5GG"); break;
            case "a colour without #": bands[2] = Band(8, "Hög", "FFE58A0"); break;
            case "no colour": bands[0] = Band(1, "Låg", null!); break;
            default: throw new ArgumentOutOfRangeException(nameof(bad));
        }
        var matrix = Matrix();
        var before = (matrix.LikelihoodLabels.ToList(), matrix.ConsequenceLabels.ToList(), matrix.Bands.ToList());

        var refusal = matrix.Redefine(likelihood, consequence, bands);

        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
        Assert.Equal(field, refusal!.Field);
        Assert.Equal(before.Item1, matrix.LikelihoodLabels);
        Assert.Equal(before.Item2, matrix.ConsequenceLabels);
        Assert.Equal(before.Item3, matrix.Bands);
    }

    [Fact]
    public void Six_bands_and_a_last_band_at_the_highest_score_are_allowed()
    {
        var matrix = Matrix();

        Assert.Null(matrix.Redefine(Three, Three, [.. new[] { 1, 2, 3, 4, 6, 9 }.Select((s, i) => Band(s, $"Nivå {i + 1}"))]));

        Assert.Equal("Nivå 6", matrix.BandOf(9).Name);
        Assert.Equal("Nivå 5", matrix.BandOf(8).Name);
    }
}
