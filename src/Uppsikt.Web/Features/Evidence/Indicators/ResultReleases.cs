using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Evidence.Indicators;

/// <summary>One year of an indicator's whole-year results: how many units have one, and whether they are released, by whom and when.</summary>
public sealed record ReleaseYear(int Year, int Units, bool Released, string? ReleasedByName, DateTimeOffset? ReleasedAt);

/// <summary>
/// Releases an indicator's results for a year for publication, and withdraws the release (decision 0044). Only a quality
/// developer or an administrator may; both are audited through the release record (added, then removed).
/// </summary>
public sealed class ResultReleases(AppDbContext db, TimeProvider clock)
{
    /// <summary>Every year the indicator has whole-year results for, newest first, with its release.</summary>
    public async Task<IReadOnlyList<ReleaseYear>> YearsAsync(Guid indicatorId, CancellationToken cancellationToken)
    {
        var counts = await db.Outcomes.AsNoTracking().Where(o => o.IndicatorId == indicatorId && o.PeriodKind == PeriodKind.Year)
            .GroupBy(o => o.Year).Select(g => new { Year = g.Key, Units = g.Count() }).ToListAsync(cancellationToken);
        var releases = await db.ResultReleases.AsNoTracking().Where(r => r.IndicatorId == indicatorId).ToDictionaryAsync(r => r.Year, cancellationToken);
        return [.. counts.Select(c => c.Year).Union(releases.Keys).OrderDescending().Select(year =>
        {
            var release = releases.GetValueOrDefault(year);
            return new ReleaseYear(year, counts.FirstOrDefault(c => c.Year == year)?.Units ?? 0, release is not null, release?.ReleasedByName, release?.ReleasedAt);
        })];
    }

    public async Task<SaveResult> ReleaseAsync(Guid indicatorId, int year, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (ResultRelease.RefuseReleaser(actor) is { } refused)
        {
            return SaveResult.Refused(refused);
        }
        if (!await db.Indicators.AnyAsync(i => i.Id == indicatorId, cancellationToken))
        {
            return SaveResult.Missing();
        }
        if (year is < OutcomePeriod.FirstYear or > OutcomePeriod.LastYear)
        {
            return SaveResult.Refused(Refusal.Invalid($"Året ska vara mellan {OutcomePeriod.FirstYear} och {OutcomePeriod.LastYear}.", "year"));
        }
        if (!await db.Outcomes.AnyAsync(o => o.IndicatorId == indicatorId && o.Year == year && o.PeriodKind == PeriodKind.Year, cancellationToken))
        {
            return SaveResult.Refused(Refusal.Invalid($"Indikatorn har inga helårsresultat för {year} att frisläppa.", "year"));
        }
        if (await db.ResultReleases.AnyAsync(r => r.IndicatorId == indicatorId && r.Year == year, cancellationToken))
        {
            return SaveResult.Refused(Refusal.WrongState($"Resultaten för {year} är redan frisläppta."));
        }
        var release = new ResultRelease
        {
            IndicatorId = indicatorId,
            Year = year,
            ReleasedByUserId = actor.UserId,
            ReleasedByName = actor.Name,
            ReleasedAt = clock.GetUtcNow(),
        };
        db.ResultReleases.Add(release);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(release.Id);
    }

    public async Task<SaveResult> WithdrawAsync(Guid indicatorId, int year, WorkflowActor actor, CancellationToken cancellationToken)
    {
        if (ResultRelease.RefuseReleaser(actor) is { } refused)
        {
            return SaveResult.Refused(refused);
        }
        if (await db.ResultReleases.FirstOrDefaultAsync(r => r.IndicatorId == indicatorId && r.Year == year, cancellationToken) is not { } release)
        {
            return SaveResult.Missing();
        }
        db.ResultReleases.Remove(release);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(release.Id);
    }
}
