using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Comparisons;

namespace Uppsikt.Web.Features.Public;

/// <summary>A unit as the public reads it: register facts only, never people.</summary>
public sealed record PublicUnitFacts(
    Guid Id, string Name, string ProviderName, string OrganisationNumber, Ownership Ownership, string? StreetAddress, string? PostalCode,
    string? City, string? District, int? Capacity, string? KoladaId, IReadOnlyList<string> Languages, IReadOnlyList<string> ChoiceSystems)
{
    /// <summary>In-house units are Egen regi; private and non-profit providers' units alike are Privat, as the comparison pools them.</summary>
    public string OwnershipGroup => Ownership == Ownership.InHouse ? "Egen regi" : "Privat";
}

/// <summary>
/// One released whole-year result. A suppressed one (fewer answers than the minimum) carries neither its value nor its number of
/// answers, so nothing that publishes it can show them.
/// </summary>
public sealed record PublicResult(
    Guid IndicatorId, string IndicatorCode, string IndicatorName, string UnitOfMeasure, Guid UnitId, int Year, double? Value, int? Answers,
    ConfidenceInterval? Interval, bool Suppressed);

/// <summary>The municipality's value of an indicator and year: the published results pooled by their answers (decision 0041).</summary>
public sealed record MunicipalityResult(double? Value, int Answers, ConfidenceInterval? Interval);

/// <summary>A unit's latest final or closed review: its date, type and overall result, nothing else.</summary>
public sealed record PublicReview(DateOnly On, ReviewType Type, Assessment? Result);

/// <summary>A sanction the committee decided: its kind and date only.</summary>
public sealed record PublicSanction(DateOnly On, SanctionType Type);

/// <summary>
/// What the public pages and the open data publish (decision 0044), read with explicit rules whoever is signed in: open units of
/// providers with an active authorisation, results of released indicators and years only, never one from fewer answers than
/// <see cref="ResultSettings.MinimumAnswers"/>, and of reviews and sanctions only what is final and decided.
/// </summary>
public sealed class PublishedData(AppDbContext db, ResultSettings settings)
{
    public int MinimumAnswers => settings.MinimumAnswers;

    /// <summary>The published units, of one choice system when given, sorted by name.</summary>
    public async Task<IReadOnlyList<PublicUnitFacts>> UnitsAsync(Guid? choiceSystemId, CancellationToken cancellationToken)
    {
        var rows = await PublicUnits()
            .Where(u => choiceSystemId == null || u.ChoiceSystems.Any(c => c.Id == choiceSystemId))
            .Select(u => new
            {
                u.Id,
                u.Name,
                Provider = u.Provider!.Name,
                u.Provider.OrganisationNumber,
                u.Ownership,
                u.StreetAddress,
                u.PostalCode,
                u.City,
                District = u.Administration != null && u.Administration.IsDistrict ? u.Administration.Name : null,
                u.Capacity,
                u.KoladaId,
                u.Languages,
                ChoiceSystems = u.ChoiceSystems.Select(c => c.Name).ToList(),
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        var swedish = StringComparer.Create(SwedishText.Culture, false);
        return [.. rows.OrderBy(r => r.Name, swedish).ThenBy(r => r.Id).Select(r => new PublicUnitFacts(r.Id, r.Name, r.Provider, r.OrganisationNumber,
            r.Ownership, r.StreetAddress, r.PostalCode, r.City, r.District, r.Capacity, r.KoladaId, Unit.LanguagesOf(r.Languages),
            [.. r.ChoiceSystems.Order(swedish)]))];
    }

    /// <summary>Every released whole-year result of the published units (of the given units when named), by indicator code and year.</summary>
    public async Task<IReadOnlyList<PublicResult>> ResultsAsync(IReadOnlyCollection<Guid>? unitIds, CancellationToken cancellationToken)
    {
        var units = PublicUnits();
        if (unitIds is not null)
        {
            units = units.Where(u => unitIds.Contains(u.Id));
        }
        var rows = await (
                from o in Released()
                join u in units on o.UnitId equals u.Id
                select new { o.IndicatorId, o.Indicator!.Code, o.Indicator.Name, o.Indicator.UnitOfMeasure, o.Indicator.ValueKind, o.UnitId, o.Year, o.Value, o.Answers })
            .AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenByDescending(r => r.Year).ThenBy(r => r.UnitId).Select(r =>
        {
            var suppressed = ResultStatistics.IsSuppressed(r.Answers, settings.MinimumAnswers);
            var interval = suppressed || r.ValueKind != IndicatorValueKind.Share ? null : ResultStatistics.IntervalOf(ResultScale.Share, new ResultWithBase(r.Value, r.Answers));
            return new PublicResult(r.IndicatorId, r.Code, r.Name, r.UnitOfMeasure, r.UnitId, r.Year, suppressed ? null : r.Value, suppressed ? null : r.Answers,
                interval, suppressed);
        })];
    }

    /// <summary>The municipality's value per released indicator and year: every published unit's unsuppressed result pooled.</summary>
    public async Task<IReadOnlyDictionary<(Guid IndicatorId, int Year), MunicipalityResult>> MunicipalityAsync(CancellationToken cancellationToken)
    {
        var results = await ResultsAsync(null, cancellationToken);
        var kinds = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.ValueKind, cancellationToken);
        return results.Where(r => !r.Suppressed).GroupBy(r => (r.IndicatorId, r.Year)).ToDictionary(g => g.Key, g =>
        {
            var pool = ResultStatistics.Pool(g.Select(r => new ResultWithBase(r.Value!.Value, r.Answers)));
            var interval = pool is not null && kinds[g.Key.IndicatorId] == IndicatorValueKind.Share ? ResultStatistics.IntervalOf(ResultScale.Share, pool) : null;
            // Results without answers (a cost, Kolada's values) cannot be weighted: their plain mean stands for the municipality.
            return new MunicipalityResult(pool?.Value ?? g.Average(r => r.Value!.Value), pool?.Answers ?? 0, interval);
        });
    }

    /// <summary>Each unit's latest final or closed review.</summary>
    public async Task<IReadOnlyDictionary<Guid, PublicReview>> LatestReviewsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken)
    {
        var rows = await (
                from r in db.Reviews
                where r.State == ReviewState.Final || r.State == ReviewState.Closed
                join u in db.Set<ReviewUnit>() on r.Id equals u.ReviewId
                where unitIds.Contains(u.UnitId)
                select new { u.UnitId, On = r.FinalisedOn ?? r.ClosedOn ?? r.PlannedFor, r.Type, r.Result })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.On).Select(r => new PublicReview(r.On, r.Type, r.Result)).First());
    }

    /// <summary>Each unit's decided sanctions, newest first.</summary>
    public async Task<ILookup<Guid, PublicSanction>> DecidedSanctionsAsync(IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken)
    {
        var rows = await db.Sanctions.AsNoTracking()
            .Where(s => s.State == SanctionState.Decided && s.DecidedType != null && s.DecidedOn != null && unitIds.Contains(s.UnitId))
            .Select(s => new { s.UnitId, On = s.DecidedOn!.Value, Type = s.DecidedType!.Value })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.On).ToLookup(r => r.UnitId, r => new PublicSanction(r.On, r.Type));
    }

    /// <summary>Open units of providers with an active authorisation in one of the unit's choice systems, as the public start page lists them.</summary>
    private IQueryable<Unit> PublicUnits() =>
        db.Units.Where(u => u.ClosedOn == null && u.Provider != null
            && u.ChoiceSystems.Any(c => db.Authorisations.Any(a => a.ProviderId == u.ProviderId && a.ChoiceSystemId == c.Id && a.Status == AuthorisationStatus.Active)));

    /// <summary>Whole-year results of released indicators and years.</summary>
    private IQueryable<Outcome> Released() =>
        db.Outcomes.Where(o => o.PeriodKind == PeriodKind.Year && db.ResultReleases.Any(r => r.IndicatorId == o.IndicatorId && r.Year == o.Year));
}
