using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Uppsikt.Data;
using Uppsikt.Domain.Cycle;
using Uppsikt.Web.Features.Cycle;
using Uppsikt.Web.Infrastructure.Mail;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The daily reminder job's logic, called directly with a fixed clock (the scheduler is off in tests). A cycle for
/// 2032 is applied to Kulturnämnden, so its tasks' due dates are known: step 3 of the labour-market template on 31 March.
/// </summary>
public sealed class CycleReminderTests(UppsiktApp app) : IClassFixture<UppsiktApp>, IAsyncLifetime
{
    private static readonly DateOnly Today = new(2032, 3, 28);

    private List<CycleTask> _tasks = [];

    public async ValueTask InitializeAsync()
    {
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            if (!await db.AnnualCycles.AnyAsync(c => c.Year == 2032))
            {
                var committee = await db.Committees.Where(c => c.Name == "Kulturnämnden").Select(c => c.Id).SingleAsync();
                var template = await db.AnnualCycleTemplates.Where(t => t.Name == CycleTemplates.LabourMarketName).Select(t => t.Id).SingleAsync();
                var result = await new CycleTasksHandler(db, new SystemActor(), FixedClock.On(Today)).ApplyAsync(new ApplyInput(committee, template, 2032, null), default);
                Assert.True(result.Succeeded);
                // Step 1 (31 January) is done; step 2 (28 February) is left overdue.
                var first = await db.CycleTasks.SingleAsync(t => t.Cycle!.Year == 2032 && t.Position == 1);
                first.Complete("Klart (fiktiv)", FixedClock.On(Today).GetUtcNow());
                await db.SaveChangesAsync();
            }
        });
        _tasks = await app.WithDbAsync(db => db.CycleTasks.Where(t => t.Cycle!.Year == 2032).OrderBy(t => t.Position).ToListAsync());
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private CycleTask Step(int position) => _tasks.Single(t => t.Position == position);

    [Fact]
    public async Task ATaskDueInThreeDaysGetsOneReminderAndASecondRunTheSameDayAddsNone()
    {
        await RunAsync(Today);
        await RunAsync(Today);

        var reminders = await RemindersForAsync(Step(3));
        var reminder = Assert.Single(reminders);
        Assert.Equal(Demo.QualityDeveloper, reminder.To);
        Assert.StartsWith("Påminnelse: Planera verksamhetsbesök ska vara klar 31 mars 2032", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("Kulturnämnden, 2032", reminder.Body, StringComparison.Ordinal);
        Assert.Contains($"\n{UppsiktApp.AppUrl}/Cycle/MyTasks\n", reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOverdueTaskGetsAForsenadReminderOnceADay()
    {
        await RunAsync(Today);
        await RunAsync(Today);

        var reminder = Assert.Single(await RemindersForAsync(Step(2)));
        Assert.StartsWith("Försenad uppgift: Uppdatera kvalitetsledningssystemet", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("är försenad", reminder.Body, StringComparison.Ordinal);

        await RunAsync(Today.AddDays(1));

        Assert.Equal(2, (await RemindersForAsync(Step(2))).Count(r => r.Subject.StartsWith("Försenad", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ADoneTaskAndATaskFarAheadGetNone()
    {
        await RunAsync(Today);

        Assert.Empty(await RemindersForAsync(Step(1)));
        Assert.Empty(await RemindersForAsync(Step(4)));
    }

    [Fact]
    public async Task TheOutboxSenderWritesEachDueMessageOnceAsAnEmlFile()
    {
        await RunAsync(Today);
        var folder = Path.Combine(app.Database.DataFolder, "sent-" + Guid.NewGuid().ToString("N"));

        // A day on, so that a message another test left waiting after a failure is due again too.
        var tomorrow = new FixedClock(DateTimeOffset.UtcNow.AddDays(1));
        var first = await SendAsync(new PickupFolderTransport(folder), tomorrow);
        var second = await SendAsync(new PickupFolderTransport(folder), tomorrow);

        Assert.True(first > 0);
        Assert.Equal(0, second);
        var files = Directory.GetFiles(folder, "*.eml");
        Assert.Equal(first, files.Length);
        var reminder = Assert.Single(await RemindersForAsync(Step(3)));
        Assert.NotNull(reminder.SentAt);
        Assert.Null(reminder.LastError);
        var eml = await File.ReadAllTextAsync(Path.Combine(folder, $"{reminder.Id:N}.eml"), TestContext.Current.CancellationToken);
        Assert.Contains($"To: {Demo.QualityDeveloper}", eml, StringComparison.Ordinal);
        Assert.Contains("Subject:", eml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedDeliveryIsRecordedAndTriedAgainLater()
    {
        var key = "test:failing:" + Guid.NewGuid().ToString("N");
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            Assert.True(await services.GetRequiredService<Outbox>().EnqueueAsync("nagon@uppsikt.example", "Prov (fiktiv)", "Text", key, default));
            Assert.False(await services.GetRequiredService<Outbox>().EnqueueAsync("nagon@uppsikt.example", "Prov (fiktiv)", "Text", key, default));
            await db.SaveChangesAsync();
        });

        await SendAsync(new FailingTransport(), TimeProvider.System);

        var message = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.DeduplicationKey == key));
        Assert.Null(message.SentAt);
        Assert.Equal(1, message.Attempts);
        Assert.Contains("Servern svarar inte", message.LastError, StringComparison.Ordinal);
        Assert.True(message.NextAttemptAt > DateTimeOffset.UtcNow);
    }

    private Task RunAsync(DateOnly day) => app.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = FixedClock.On(day);
        await new CycleReminders(db, new Outbox(db, clock), services.GetRequiredService<AppLinks>(), clock, new ReminderSettings(), NullLogger<CycleReminders>.Instance).EnqueueAsync(default);
    });

    private async Task<int> SendAsync(IMailTransport transport, TimeProvider clock)
    {
        var sent = 0;
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            sent = await new OutboxSender(db, transport, new MailSettings(), clock, NullLogger<OutboxSender>.Instance).SendPendingAsync(default);
        });
        return sent;
    }

    private Task<List<OutboxMessage>> RemindersForAsync(CycleTask task) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.DeduplicationKey.StartsWith($"cycle-task:{task.Id:N}:")).ToListAsync());

    private sealed class FailingTransport : IMailTransport
    {
        public Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken) =>
            throw new IOException("Servern svarar inte (test).");
    }
}
