using Microsoft.EntityFrameworkCore;
using Uppsikt.Web.Features.Admin;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Changing a stored audit row behind the application's back is detected. A class of its own: it breaks its database's chain.</summary>
public sealed class AuditTamperingTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AlteringOneStoredRowIsReportedAtThatRowAndOnTheAdminPage()
    {
        var id = await app.GetUnitIdAsync("Exempelgårdens dagverksamhet (fiktiv)");
        using var client = await app.ApiClientAs(Demo.QualityDeveloper);
        var unit = await Api.GetUnitAsync(client, id);
        using (var response = await Api.PutUnitAsync(client, id, unit.ToChange() with { Capacity = 30 }))
        {
            await Expect.OkAsync(response);
        }
        // The latest change of the unit is this edit (the demo data may have changed the unit before).
        var edit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Unit" && a.EntityId == id.ToString() && a.Action == "Modified")
            .OrderByDescending(a => a.Id).Select(a => new { a.Id, a.After }).FirstAsync(Cancel));
        using var admin = await app.CreateClientAs(Demo.Admin);
        Assert.True((await VerifyAsync()).Intact);
        Assert.Contains("Kedjan är obruten", await VerifyOnAdminPageAsync(admin), StringComparison.Ordinal);
        var rowsBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Id < edit.Id, Cancel));

        var tampered = edit.After!.Replace("\"Capacity\":30", "\"Capacity\":3", StringComparison.Ordinal);
        Assert.NotEqual(edit.After, tampered);
        var changed = await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"After\" = {tampered} WHERE \"Id\" = {edit.Id}", Cancel));
        Assert.Equal(1, changed);

        var verdict = await VerifyAsync();
        Assert.False(verdict.Intact);
        Assert.Equal(edit.Id, verdict.FirstBrokenId);
        Assert.Equal(rowsBefore, verdict.RowsChecked);
        Assert.Contains($"Kedjan är bruten vid rad {edit.Id}:", await VerifyOnAdminPageAsync(admin), StringComparison.Ordinal);
    }

    private Task<ChainVerdict> VerifyAsync() =>
        app.VerifyAuditAsync();

    private static async Task<string> VerifyOnAdminPageAsync(HttpClient admin)
    {
        using var response = await Forms.SubmitAsync(admin, "/Admin/Audit", [], "/Admin/Audit?handler=Verify");
        return await Expect.OkAsync(response);
    }
}
