using System.Globalization;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Features.Public;

/// <summary>One released, unsuppressed result in the open data (decision 0044); the columns are described at /Public/Oppna-data.</summary>
public sealed record OpenResult(
    string IndicatorKey, string IndicatorName, string UnitOfMeasure, Guid UnitId, string UnitName, string? KoladaId, string ProviderOrganisationNumber,
    string Ownership, IReadOnlyList<string> ChoiceSystems, int Year, double Value, int? Answers, double? IntervalLow, double? IntervalHigh);

/// <summary>A column of an open data file as the page describing the files lists it.</summary>
public sealed record OpenDataColumn(string Name, string Type, string Meaning);

/// <summary>One published unit in the open data.</summary>
public sealed record OpenUnit(
    Guid UnitId, string UnitName, string ProviderName, string ProviderOrganisationNumber, string Ownership, string? StreetAddress, string? PostalCode,
    string? City, string? District, int? Places, string? KoladaId, IReadOnlyList<string> Languages, IReadOnlyList<string> ChoiceSystems);

/// <summary>
/// The open data at stable addresses, <c>/open-data/v1/results.csv|json</c> and <c>/open-data/v1/units.csv|json</c>: anonymous,
/// what the public pages publish and nothing more, cached for an hour.
/// </summary>
public static class OpenData
{
    public const string Prefix = "/open-data/v1";

    private const string CacheControl = "public, max-age=3600";

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/results.json", async (HttpContext context, PublishedData data, CancellationToken cancellationToken) =>
            Cached(context, Results.Json(await ResultsAsync(data, cancellationToken))));
        group.MapGet("/results.csv", async (HttpContext context, PublishedData data, CancellationToken cancellationToken) =>
            Cached(context, Results.File(ResultsCsv(await ResultsAsync(data, cancellationToken)), CsvFile.ContentType, "resultat.csv")));
        group.MapGet("/units.json", async (HttpContext context, PublishedData data, CancellationToken cancellationToken) =>
            Cached(context, Results.Json(await UnitsAsync(data, cancellationToken))));
        group.MapGet("/units.csv", async (HttpContext context, PublishedData data, CancellationToken cancellationToken) =>
            Cached(context, Results.File(UnitsCsv(await UnitsAsync(data, cancellationToken)), CsvFile.ContentType, "enheter.csv")));
        return app;
    }

    public static async Task<IReadOnlyList<OpenResult>> ResultsAsync(PublishedData data, CancellationToken cancellationToken)
    {
        var units = (await data.UnitsAsync(null, cancellationToken)).ToDictionary(u => u.Id);
        return [.. (await data.ResultsAsync(null, cancellationToken)).Where(r => !r.Suppressed && units.ContainsKey(r.UnitId)).Select(r =>
        {
            var unit = units[r.UnitId];
            return new OpenResult(r.IndicatorCode, r.IndicatorName, r.UnitOfMeasure, unit.Id, unit.Name, unit.KoladaId, unit.OrganisationNumber,
                unit.OwnershipGroup, unit.ChoiceSystems, r.Year, r.Value!.Value, r.Answers, Round(r.Interval?.Low), Round(r.Interval?.High));
        })];
    }

    public static async Task<IReadOnlyList<OpenUnit>> UnitsAsync(PublishedData data, CancellationToken cancellationToken) =>
        [.. (await data.UnitsAsync(null, cancellationToken)).Select(u => new OpenUnit(u.Id, u.Name, u.ProviderName, u.OrganisationNumber, u.OwnershipGroup,
            u.StreetAddress, u.PostalCode, u.City, u.District, u.Capacity, u.KoladaId, u.Languages, u.ChoiceSystems))];

    private static byte[] ResultsCsv(IReadOnlyList<OpenResult> results) => results.Aggregate(new CsvFile().Row(
        ["indicator_key", "indicator_name", "unit_of_measure", "unit_id", "unit_name", "kolada_id", "provider_organisation_number", "ownership",
            "choice_systems", "year", "value", "answers", "interval_low", "interval_high"]),
        (csv, r) => csv.Row([CsvFile.Quote(r.IndicatorKey), CsvFile.Quote(r.IndicatorName), CsvFile.Quote(r.UnitOfMeasure),
            r.UnitId.ToString(), CsvFile.Quote(r.UnitName), CsvFile.Quote(r.KoladaId), CsvFile.Quote(r.ProviderOrganisationNumber), CsvFile.Quote(r.Ownership),
            CsvFile.Quote(string.Join(" | ", r.ChoiceSystems)), Number(r.Year), Number(r.Value), Number(r.Answers), Number(r.IntervalLow), Number(r.IntervalHigh)])).ToBytes();

    private static byte[] UnitsCsv(IReadOnlyList<OpenUnit> units) => units.Aggregate(new CsvFile().Row(
        ["unit_id", "unit_name", "provider_name", "provider_organisation_number", "ownership", "street_address", "postal_code", "city", "district",
            "places", "kolada_id", "languages", "choice_systems"]),
        (csv, u) => csv.Row([u.UnitId.ToString(), CsvFile.Quote(u.UnitName), CsvFile.Quote(u.ProviderName),
            CsvFile.Quote(u.ProviderOrganisationNumber), CsvFile.Quote(u.Ownership), CsvFile.Quote(u.StreetAddress), CsvFile.Quote(u.PostalCode),
            CsvFile.Quote(u.City), CsvFile.Quote(u.District), Number(u.Places), CsvFile.Quote(u.KoladaId), CsvFile.Quote(string.Join(" | ", u.Languages)),
            CsvFile.Quote(string.Join(" | ", u.ChoiceSystems))])).ToBytes();

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;

    private static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static IResult Cached(HttpContext context, IResult result)
    {
        context.Response.Headers.CacheControl = CacheControl;
        return result;
    }
}
