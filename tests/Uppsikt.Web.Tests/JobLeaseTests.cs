using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Web.Infrastructure.Jobs;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Two instances on one database run each scheduled run of a job once (issue 11, deliverable 7; decision 0040): both
/// schedule it, and the one that moves the job's lease on to the run's time does the work.
/// </summary>
public sealed class JobLeaseTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoInstancesStartingTheSameScheduledRunsTogetherDoEachRunOnce()
    {
        var work = new RaceWork();
        await using var first = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(work)));
        await using var second = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(work)));
        var one = new ScheduledJob<RaceWork>(first.Services.GetRequiredService<IServiceScopeFactory>());
        var other = new ScheduledJob<RaceWork>(second.Services.GetRequiredService<IServiceScopeFactory>());
        var start = new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero);

        var winners = new List<int>();
        for (var run = 0; run < 10; run++)
        {
            var at = start.AddDays(run);
            var started = await Task.WhenAll(one.RunAsync(at, Cancel), other.RunAsync(at, Cancel));
            winners.Add(started.Count(s => s));
        }

        Assert.All(winners, w => Assert.Equal(1, w));
        Assert.Equal(10, work.Runs);
        var lease = await app.WithDbAsync(db => db.JobLeases.AsNoTracking().SingleAsync(l => l.JobName == nameof(RaceWork), Cancel));
        Assert.Equal(start.AddDays(9), lease.ScheduledAt);
        Assert.Equal(JobLeases.ThisInstance, lease.Instance);
    }

    [Fact]
    public async Task ARunStartedAgainOrOneOlderThanTheLastIsNotDoneTwice()
    {
        var work = new RepeatWork();
        await using var instance = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(work)));
        var job = new ScheduledJob<RepeatWork>(instance.Services.GetRequiredService<IServiceScopeFactory>());
        var at = new DateTimeOffset(2027, 1, 4, 5, 0, 0, TimeSpan.Zero);

        Assert.True(await job.RunAsync(at, Cancel));
        Assert.False(await job.RunAsync(at, Cancel));
        Assert.False(await job.RunAsync(at.AddDays(-1), Cancel));
        Assert.True(await job.RunAsync(at.AddDays(1), Cancel));
        // Without a scheduled time (work on every instance, such as the mail outbox) no lease is needed.
        Assert.True(await job.RunAsync(null, Cancel));

        Assert.Equal(3, work.Runs);
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "JobLease", Cancel));
        Assert.True(audited >= 2, "Moving a lease is a change like any other and is audited.");
    }

    /// <summary>
    /// Work that counts its runs, shared by a test's instances. Each test has its own kind, so its job has a lease of its
    /// own and the tests do not depend on the order they run in.
    /// </summary>
    public abstract class CountingWork : IScheduledWork
    {
        private int _runs;

        public int Runs => _runs;

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return Task.CompletedTask;
        }
    }

    public sealed class RaceWork : CountingWork;

    public sealed class RepeatWork : CountingWork;
}
