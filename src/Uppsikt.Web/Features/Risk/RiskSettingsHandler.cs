using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Risk;

/// <summary>A band of the matrix as entered: an empty row is no band.</summary>
public sealed record BandInput(int? FromScore, string? Name, string? Colour);

/// <summary>The matrix as entered: the labels of each step (trailing empty labels are no steps) and the bands.</summary>
public sealed record MatrixInput(IReadOnlyList<string?>? LikelihoodLabels, IReadOnlyList<string?>? ConsequenceLabels, IReadOnlyList<BandInput?>? Bands, int Version = 0);

/// <summary>A committee's risk matrix; <paramref name="IsDefault"/> until the committee saves its own.</summary>
public sealed record MatrixView(
    Guid CommitteeId, string CommitteeName, IReadOnlyList<string> LikelihoodLabels, IReadOnlyList<string> ConsequenceLabels,
    IReadOnlyList<RiskBand> Bands, bool IsDefault, int Version)
{
    public int Score(int likelihood, int consequence) => likelihood * consequence;

    public RiskBand BandOf(int score) => Bands.Where(b => b.FromScore <= score).MaxBy(b => b.FromScore) ?? Bands[0];
}

/// <summary>One signal's weight in a committee: its own or the default, with what the signal measures.</summary>
public sealed record WeightView(RiskSignalKind Kind, decimal Weight, decimal DefaultWeight);

/// <summary>The weights as entered, by signal; a signal left out keeps its weight.</summary>
public sealed record WeightsInput(IReadOnlyDictionary<RiskSignalKind, decimal?>? Weights);

/// <summary>
/// A committee's risk matrix and signal weights (decision 0031). A committee without its own has the default ones; saving makes
/// them its own. Every change is audited like any write.
/// </summary>
public sealed class RiskSettingsHandler(AppDbContext db, RiskScoring scoring)
{
    public async Task<MatrixView?> MatrixAsync(Guid committeeId, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        if (committee is null)
        {
            return null;
        }
        var own = await db.RiskMatrices.AsNoTracking().FirstOrDefaultAsync(m => m.CommitteeId == committeeId, cancellationToken);
        var matrix = own ?? RiskMatrix.Default(committeeId);
        return new MatrixView(committeeId, committee, matrix.LikelihoodLabels, matrix.ConsequenceLabels, matrix.Bands, own is null, own?.Version ?? 0);
    }

    /// <summary>The committee's matrix, tracked for a change: its own, or a new default one.</summary>
    public async Task<RiskMatrix> MatrixForChangeAsync(Guid committeeId, CancellationToken cancellationToken) =>
        await db.RiskMatrices.FirstOrDefaultAsync(m => m.CommitteeId == committeeId, cancellationToken) ?? RiskMatrix.Default(committeeId);

    public async Task<SaveResult> SaveMatrixAsync(Guid committeeId, MatrixInput input, CancellationToken cancellationToken)
    {
        if (!await db.Committees.AnyAsync(c => c.Id == committeeId, cancellationToken))
        {
            return SaveResult.Missing();
        }
        var matrix = await MatrixForChangeAsync(committeeId, cancellationToken);
        var likelihood = Steps(input.LikelihoodLabels);
        var consequence = Steps(input.ConsequenceLabels);
        // A band sent as null is a blank row, skipped as the form's empty rows are.
        var bands = (input.Bands ?? []).OfType<BandInput>().Where(b => b.FromScore is not null || !string.IsNullOrWhiteSpace(b.Name))
            .Select(b => new RiskBand(b.FromScore ?? 0, b.Name ?? "", b.Colour ?? "")).ToList();
        // The committee's analyses keep their steps: a smaller matrix may not leave an item outside it.
        var used = await db.RiskAnalyses.AsNoTracking().Where(a => a.CommitteeId == committeeId).SelectMany(a => a.Items)
            .GroupBy(_ => 1).Select(g => new { Likelihood = g.Max(i => i.Likelihood), Consequence = g.Max(i => i.Consequence) })
            .FirstOrDefaultAsync(cancellationToken);
        if (used is not null && likelihood.Count < used.Likelihood)
        {
            return SaveResult.Refused(Refusal.Invalid($"Nämndens riskanalyser använder sannolikhet upp till steg {used.Likelihood}. Behåll minst {used.Likelihood} steg.", "LikelihoodLabels"));
        }
        if (used is not null && consequence.Count < used.Consequence)
        {
            return SaveResult.Refused(Refusal.Invalid($"Nämndens riskanalyser använder konsekvens upp till steg {used.Consequence}. Behåll minst {used.Consequence} steg.", "ConsequenceLabels"));
        }
        if (matrix.Redefine(likelihood, consequence, bands) is { } refusal)
        {
            return SaveResult.Refused(refusal);
        }
        if (db.Entry(matrix).State == EntityState.Detached)
        {
            db.RiskMatrices.Add(matrix);
        }
        else
        {
            db.ExpectVersion(matrix, input.Version);
        }
        return await db.SaveOrConflictAsync(matrix.Id, cancellationToken);

        // Trailing empty labels are steps not used; an empty label between two given ones stays, for the domain to refuse.
        static List<string> Steps(IReadOnlyList<string?>? labels)
        {
            var given = (labels ?? []).Select(l => l?.Trim() ?? "").ToList();
            while (given.Count > 0 && given[^1].Length == 0)
            {
                given.RemoveAt(given.Count - 1);
            }
            return given;
        }
    }

    public async Task<IReadOnlyList<WeightView>?> WeightsAsync(Guid committeeId, CancellationToken cancellationToken)
    {
        if (!await db.Committees.AnyAsync(c => c.Id == committeeId, cancellationToken))
        {
            return null;
        }
        var weights = await scoring.WeightsAsync(committeeId, cancellationToken);
        return [.. RiskSignals.All.Select(k => new WeightView(k, weights[k], RiskSignals.DefaultWeight(k)))];
    }

    /// <summary>Saves the weights given; a weight equal to the default is still the committee's own, so a later change of default does not move it.</summary>
    public async Task<SaveResult> SaveWeightsAsync(Guid committeeId, WeightsInput input, CancellationToken cancellationToken)
    {
        if (!await db.Committees.AnyAsync(c => c.Id == committeeId, cancellationToken))
        {
            return SaveResult.Missing();
        }
        var given = input.Weights ?? new Dictionary<RiskSignalKind, decimal?>();
        var refusals = new List<Refusal>();
        foreach (var (kind, weight) in given)
        {
            var field = WeightField(kind);
            if (!Enum.IsDefined(kind))
            {
                refusals.Add(Refusal.Invalid("Signalen finns inte.", "Weights"));
            }
            else if (weight is not { } value)
            {
                refusals.Add(Refusal.Invalid($"Ange en vikt för {DisplayNames.Of(kind).ToLower(SwedishText.Culture)}.", field));
            }
            else if (RiskWeight.Check(value, field) is { } refusal)
            {
                refusals.Add(Refusal.Invalid($"{DisplayNames.Of(kind)}: {refusal.Message}", field));
            }
        }
        if (refusals.Count > 0)
        {
            return SaveResult.Refused(refusals);
        }
        var own = await db.RiskWeights.Where(w => w.CommitteeId == committeeId).ToDictionaryAsync(w => w.Kind, cancellationToken);
        foreach (var (kind, weight) in given)
        {
            if (own.TryGetValue(kind, out var row))
            {
                row.Weight = weight!.Value;
            }
            else
            {
                db.RiskWeights.Add(new RiskWeight { CommitteeId = committeeId, Kind = kind, Weight = weight!.Value });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(committeeId);
    }

    /// <summary>The field of one signal's weight, as the form and the API's errors name it.</summary>
    public static string WeightField(RiskSignalKind kind) => $"Weights[{kind}]";
}
