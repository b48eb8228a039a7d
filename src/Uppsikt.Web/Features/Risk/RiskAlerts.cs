using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Cycle;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Web.Features.Risk;

/// <summary>
/// Raises a task to consider a called review when something serious arrives about a unit (<see cref="IRiskAlerts"/>): for the unit's
/// responsible quality developer, or the group manager when nobody is named; due in <see cref="DaysToAct"/> days; with the unit's
/// score as re-computed now and a link to its explanation. One task per key.
/// </summary>
public sealed class RiskAlerts(AppDbContext db, RiskScoring scoring, TimeProvider clock) : IRiskAlerts
{
    public const int DaysToAct = 14;

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public async Task RaiseAsync(Guid unitId, string reason, Guid key, CancellationToken cancellationToken)
    {
        var signalKey = $"risk-alert:{key:N}";
        if (await db.CycleTasks.AnyAsync(t => t.SignalKey == signalKey, cancellationToken))
        {
            return;
        }
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.ResponsibleUserId }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return;
        }
        var owner = unit.ResponsibleUserId ?? await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == Roles.GroupManager
            orderby user.DisplayName, user.Id
            select user.Id).FirstOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return;
        }
        var risk = await scoring.UnitAsync(unitId, cancellationToken);
        var scores = risk is null || risk.Scores.Count == 0 ? "" : " Enhetens riskpoäng nu: "
            + string.Join(", ", risk.Scores.Select(s => $"{s.Total.ToString("0.#", Swedish)} ({s.CommitteeName})")) + ".";
        db.CycleTasks.Add(new CycleTask
        {
            Title = $"Överväg påkallad granskning av {unit.Name}",
            Description = $"{reason}.{scores} Bedöm om gruppchefen ska besluta om en påkallad granskning.",
            OwnerUserId = owner,
            DueOn = clock.SwedishToday().AddDays(DaysToAct),
            UnitId = unitId,
            Link = $"/Risk/Units/{unitId}",
            SignalKey = signalKey,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
