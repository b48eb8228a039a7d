using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Cycle;
using Uppsikt.Web.Features.Cycle;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Data;

/// <summary>
/// The two annual cycle templates, applied for this year (by the clock) to Äldrenämnden (social services) and to
/// Nämnden för arbete och försörjning (labour market) the way a user would. Steps already past are done, except one
/// of the quality developer's, which is overdue, so "Mina uppgifter" has something to show.
/// </summary>
public static class DemoCycle
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var social = CycleTemplates.SocialServices();
        var labour = CycleTemplates.LabourMarket();
        db.AnnualCycleTemplates.AddRange(social, labour);
        await db.SaveChangesAsync(cancellationToken);

        var year = clock.SwedishToday().Year;
        var handler = new CycleTasksHandler(db, new SystemActor(), clock);
        foreach (var (committee, template) in new[] { ("Äldrenämnden", social), ("Nämnden för arbete och försörjning", labour) })
        {
            var committeeId = await db.Committees.Where(c => c.Name == committee).Select(c => c.Id).SingleAsync(cancellationToken);
            var result = await handler.ApplyAsync(new ApplyInput(committeeId, template.Id, year, null), cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo cycle for {committee}: {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
            }
        }

        var today = clock.SwedishToday();
        var qualityDeveloper = await db.Users.Where(u => u.Email == "kvalitet@uppsikt.example").Select(u => u.Id).SingleAsync(cancellationToken);
        var tasks = await db.CycleTasks.Include(t => t.Cycle).OrderBy(t => t.DueOn).ThenBy(t => t.Position).ToListAsync(cancellationToken);
        // One of the quality developer's tasks stays overdue: the last one already due, or in early January the first, moved a few days back.
        var overdue = tasks.LastOrDefault(t => t.OwnerUserId == qualityDeveloper && t.DueOn < today)
            ?? tasks.First(t => t.OwnerUserId == qualityDeveloper);
        if (overdue.DueOn >= today)
        {
            overdue.DueOn = today.AddDays(-5);
        }
        foreach (var task in tasks.Where(t => t.DueOn < today && t != overdue))
        {
            task.Complete("Klart. Underlaget finns i ärendehanteringssystemet (fiktiv anteckning).",
                new DateTimeOffset(task.DueOn.AddDays(-2).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
