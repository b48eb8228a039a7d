using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Infrastructure.Mail;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The actor fails closed (decision 0016): outside a request the data context refuses unless the system actor was
/// declared; jobs and verbs declare it; a request still acts as its signed-in user.
/// </summary>
public sealed class ActorTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AContextOutsideARequestWithoutTheSystemActorRefusesToQuery()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // Filtered and unfiltered sets alike: the refusal is the context's, not the query filters'.
        var filtered = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Units.CountAsync(Cancel));
        var unfiltered = await Assert.ThrowsAsync<InvalidOperationException>(() => db.AuditEntries.CountAsync(Cancel));
        var raw = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.ExecuteSqlRawAsync("SELECT 1", Cancel));

        Assert.All(new[] { filtered, unfiltered, raw }, e => Assert.Contains("no system actor was declared", e.Message, StringComparison.Ordinal));
        Assert.False(scope.ServiceProvider.GetRequiredService<ICurrentActor>().IsKnown);
    }

    [Fact]
    public async Task AContextOutsideARequestWithoutTheSystemActorRefusesToSave()
    {
        var lastBefore = await app.LastAuditIdAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Administrations.Add(new Administration { Name = "Ska inte sparas (fiktiv)" });

        var async = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Cancel));
        var sync = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        Assert.Contains("CreateSystemScope", async.Message, StringComparison.Ordinal);
        Assert.Contains("CreateSystemScope", sync.Message, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(d => d.Administrations.AnyAsync(a => a.Name == "Ska inte sparas (fiktiv)", Cancel)));
        Assert.Equal(lastBefore, await app.LastAuditIdAsync());
    }

    [Fact]
    public async Task TheMembersOfAnUnknownActorThrowInsteadOfGrantingEverything()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<ICurrentActor>();

        Assert.Throws<InvalidOperationException>(() => actor.Scope);
        Assert.Throws<InvalidOperationException>(() => actor.DisplayName);
    }

    [Fact]
    public async Task AScheduledJobRunsAsTheSystem()
    {
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        await using (var plain = scopes.CreateAsyncScope())
        {
            // The same work in a scope that declared no actor is refused.
            await Assert.ThrowsAsync<InvalidOperationException>(() => plain.ServiceProvider.GetRequiredService<OutboxSender>().SendPendingAsync(Cancel));
        }

        Assert.True(await new ScheduledJob<OutboxSender>(scopes).RunAsync(DateTimeOffset.UtcNow, Cancel));

        await using var system = scopes.CreateSystemScope();
        var actor = system.ServiceProvider.GetRequiredService<ICurrentActor>();
        Assert.Equal((true, AccessScope.Unrestricted, SystemActor.DefaultName, null), (actor.IsKnown, actor.Scope, actor.DisplayName, actor.UserId));
        Assert.Empty(actor.Roles);
    }

    [Fact]
    public async Task AnActorNamedForTheSystemScopeIsWhatTheAuditTrailRecords()
    {
        var lastBefore = await app.LastAuditIdAsync();
        await using (var scope = app.Services.CreateSystemScope(new SystemActor("kommandorad")))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Administrations.Add(new Administration { Name = "Systemets förvaltning (fiktiv)" });
            await db.SaveChangesAsync(Cancel);
        }

        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id > lastBefore, Cancel));
        Assert.Equal(("kommandorad", null), (entry.ActorName, entry.ActorId));
    }

    [Fact]
    public async Task ARequestStillActsAsItsSignedInUser()
    {
        using var client = await app.ApiClientAs(Demo.OmsorgshusetUser);
        var providerId = await app.GetProviderIdAsync(Demo.Omsorgshuset);
        var own = await app.WithDbAsync(db => db.Units.CountAsync(u => u.ProviderId == providerId, Cancel));
        var theirs = await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden);

        var page = await Api.ListUnitsAsync(client);
        using var other = await client.GetAsync($"/api/v1/units/{theirs}", Cancel);

        Assert.Equal(own, page.Total);
        Assert.All(page.Items, u => Assert.Equal(Demo.Omsorgshuset, u.ProviderName));
        await Expect.StatusAsync(other, HttpStatusCode.NotFound);
    }
}
