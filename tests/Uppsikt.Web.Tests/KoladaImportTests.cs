using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Web.Infrastructure.Import;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Importing Nacka's home-care units from Kolada's register: idempotent, all or nothing, errors in Swedish.</summary>
public sealed class KoladaImportTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string Nacka = "0182";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NackasHomeCareUnitsAreAddedOnceIntoTheHomeCareChoiceSystem()
    {
        var homeCare = await app.GetChoiceSystemIdAsync(Demo.HomeCare);
        var before = await CountUnitsAsync();

        var first = await ImportFileAsync(Nacka, "V21");

        Assert.Empty(first.Errors);
        Assert.Equal((17, 0, 0), (first.Added, first.Updated, first.Skipped));
        Assert.Equal(before + 17, await CountUnitsAsync());
        var imported = await app.WithDbAsync(db => db.Units.Where(u => u.KoladaId != null && u.KoladaId.StartsWith("V21") && !u.KoladaId.StartsWith(Demo.FictitiousKoladaIds))
            .Select(u => new { u.Name, u.ProviderId, InHomeCare = u.ChoiceSystems.Any(c => c.Id == homeCare) }).ToListAsync(Cancel));
        Assert.Equal(17, imported.Count);
        Assert.All(imported, u => Assert.True(u.InHomeCare, $"{u.Name} is not in {Demo.HomeCare}."));
        Assert.All(imported, u => Assert.Null(u.ProviderId));

        var second = await ImportFileAsync(Nacka, "V21");

        Assert.Empty(second.Errors);
        Assert.Equal((0, 0, 17), (second.Added, second.Updated, second.Skipped));
        Assert.Equal(before + 17, await CountUnitsAsync());
    }

    [Fact]
    public async Task ATypeWithoutAChoiceSystemIsReportedInSwedishAndNothingIsImported()
    {
        var before = await CountUnitsAsync();

        var report = await ImportFileAsync(Nacka, "V15");

        var error = Assert.Single(report.Errors);
        Assert.Equal("Inget kundval är kopplat till enhetstypen V15. Ange typen under kundvalets Kolada-enhetstyper först.", error);
        Assert.Equal((0, 0, 0), (report.Added, report.Updated, report.Skipped));
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task OneUnmappedTypeAmongMappedOnesStopsTheWholeImport()
    {
        var before = await CountUnitsAsync();

        var report = await ImportFileAsync(Nacka, "V23", "V15");

        Assert.Contains(report.Errors, e => e.Contains("V15", StringComparison.Ordinal));
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task AMalformedFileImportsNothingAndSaysWhy()
    {
        var before = await CountUnitsAsync();
        var truncated = """
            [
              { "id": "V21E018299901", "municipality": "0182", "title": "Giltig rad före felet" },
              { "id": "V21E018299902", "municipality": "0182", "title": "Avbruten
            """;

        var report = await ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(truncated)), Nacka, "V21");

        var error = Assert.Single(report.Errors);
        Assert.StartsWith("Filen är inte Koladas enhetsregister i JSON (rad ", error, StringComparison.Ordinal);
        Assert.Equal(0, report.Added);
        Assert.Equal(before, await CountUnitsAsync());
    }

    [Fact]
    public async Task ABadMunicipalityCodeIsReportedInSwedish()
    {
        var report = await ImportAsync(new MemoryStream("[]"u8.ToArray()), "Nacka", "V21");

        Assert.Equal(["Kommunkoden ”Nacka” ska vara fyra siffror, till exempel 0182 för Nacka."], report.Errors);
    }

    private async Task<KoladaImportReport> ImportFileAsync(string municipality, params string[] types)
    {
        await using var file = File.OpenRead(RepositoryFiles.KoladaUnits);
        return await ImportAsync(file, municipality, types);
    }

    private async Task<KoladaImportReport> ImportAsync(Stream json, string municipality, params string[] types)
    {
        KoladaImportReport? report = null;
        await app.WithServicesAsync(async services =>
            report = await services.GetRequiredService<KoladaUnitImport>().ImportAsync(json, municipality, types, Cancel));
        return report!;
    }

    private Task<int> CountUnitsAsync() => app.WithDbAsync(db => db.Units.CountAsync(Cancel));
}
