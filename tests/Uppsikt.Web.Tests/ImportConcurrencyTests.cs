using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Imports;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Import;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// An import never holds the database from others (issue 11, defect 1): while it reads and stages its file, however long
/// that takes, other users' saves go through at once; its rows reach their table only in its short final step.
/// </summary>
public sealed class ImportConcurrencyTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AUsersSaveGoesThroughWhileAnImportIsStagingItsRows()
    {
        var held = new HeldImport();
        await using var variant = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IImportProcessor>(held)));
        using var browser = variant.CreateDefaultClient(new CookieContainerHandler());
        await Expect.RedirectAsync(await UppsiktApp.PostLoginAsync(browser, Demo.QualityDeveloper, Uppsikt.Web.Data.DemoData.Password), "/");
        var unitId = await app.GetUnitIdAsync("Exempelgårdens dagverksamhet (fiktiv)");
        held.UnitId = unitId;
        held.IndicatorId = await app.WithDbAsync(db => db.Indicators.Select(i => i.Id).FirstAsync(Cancel));
        var html = await Expect.OkAsync(await browser.GetAsync($"/Register/Units/Edit/{unitId}", Cancel));

        Guid importId;
        await using (var scope = variant.Services.CreateSystemScope())
        {
            var start = await scope.ServiceProvider.GetRequiredService<DataImports>()
                .StartAsync(HeldImport.ImportKind, new MemoryStream("en rad"u8.ToArray()), "hållen.csv", Cancel);
            importId = start.Record!.Id;
        }
        await held.Staged.Task.WaitAsync(TimeSpan.FromSeconds(60), Cancel);

        using var save = await Forms.PostAsync(browser, $"/Register/Units/Edit/{unitId}", Forms.AntiforgeryToken(html),
            UnitEditForm.From(html) with { Name = "Exempelgårdens dagverksamhet, under inläsning (fiktiv)" });
        await Expect.RedirectAsync(save, $"/Register/Units/Details/{unitId}");
        Assert.False(await OutcomeExistsAsync(held), "The staged row reached its table before the import's final step.");

        held.Go.SetResult();
        var finished = await WaitForAsync(importId);
        Assert.Equal(ImportStatus.Succeeded, finished.Status);
        Assert.True(await OutcomeExistsAsync(held));
        Assert.Equal("Exempelgårdens dagverksamhet, under inläsning (fiktiv)", await app.WithDbAsync(db => db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(Cancel)));
    }

    private Task<bool> OutcomeExistsAsync(HeldImport held) =>
        app.WithDbAsync(db => db.Outcomes.AnyAsync(o => o.UnitId == held.UnitId && o.IndicatorId == held.IndicatorId && o.Year == HeldImport.Year, Cancel));

    private async Task<DataImport> WaitForAsync(Guid importId)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var record = await app.WithDbAsync(db => db.DataImports.AsNoTracking().SingleAsync(i => i.Id == importId, Cancel));
            if (record.Status != ImportStatus.Running)
            {
                return record;
            }
            await Task.Delay(100, Cancel);
        }
        throw new TimeoutException("The import did not finish.");
    }

    /// <summary>An import that stages one outcome, then waits for the test before it writes.</summary>
    private sealed class HeldImport : IImportProcessor
    {
        public const string ImportKind = "HeldForTest";

        public const int Year = 2003;

        public Guid UnitId { get; set; }

        public Guid IndicatorId { get; set; }

        public TaskCompletionSource Staged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Go { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Kind => ImportKind;

        public async Task ProcessAsync(ImportRun run, CancellationToken cancellationToken)
        {
            await using var bulk = new BulkUpsert<Outcome>(run.Db,
                [nameof(Outcome.IndicatorId), nameof(Outcome.UnitId), nameof(Outcome.Year), nameof(Outcome.PeriodKind), nameof(Outcome.PeriodNumber), nameof(Outcome.Value), nameof(Outcome.ImportId)],
                [nameof(Outcome.Value)]);
            object?[] row = [bulk.ToProvider(0, IndicatorId), bulk.ToProvider(1, UnitId), Year, bulk.ToProvider(3, PeriodKind.Year), 0, 42.0, bulk.ToProvider(6, run.Record.Id)];
            await bulk.AddAsync(row, cancellationToken);
            Staged.SetResult();
            await Go.Task.WaitAsync(cancellationToken);
            await bulk.EndStagingAsync(cancellationToken);
            await run.BeginWritingAsync(cancellationToken);
            await bulk.FlushAsync(cancellationToken);
            run.Record.RowsRead = run.Record.RowsAdded = 1;
        }
    }
}
