using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>Seeds a sanction on an action plan through the domain's steps, as far as <paramref name="state"/> asks.</summary>
public static class TestSanctions
{
    /// <summary>
    /// A sanction for the plan's first deficiency, proposed, assessed and (for <see cref="SanctionState.Decided"/>) decided as a
    /// remark. The conditions' sanctions are taken as remark and warning whatever the plan's conditions say.
    /// </summary>
    public static Task<Guid> SeedAsync(UppsiktApp app, Guid actionPlanId, SanctionState state, string motivation = "Motivering (testdata)") =>
        app.WithDbAsync(async db =>
        {
            var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Deficiencies).SingleAsync(p => p.Id == actionPlanId);
            var committee = await db.ChoiceSystems.AsNoTracking().Where(c => c.Id == plan.ChoiceSystemId).Select(c => c.CommitteeId).SingleAsync();
            var today = TimeProvider.System.SwedishToday();
            var basis = new SanctionBasis(plan.Id, plan.ProviderId, plan.UnitId, committee, plan.Title, plan.InHouse,
                [.. plan.Deficiencies.Select(d => new SanctionDeficiency(d.Id, d.Number, [SanctionType.Remark, SanctionType.Warning], d.PersistCount, false))],
                today.AddDays(-30), today.AddDays(-16), false);
            var developer = new WorkflowActor(null, "Testare (kvalitet)", [Roles.QualityDeveloper]);
            var (sanction, refused) = Sanction.Propose(basis, [plan.Deficiencies.OrderBy(d => d.Number).First().Id], SanctionType.Remark, motivation,
                developer, DateTimeOffset.UtcNow, today);
            Assert.Null(refused);
            if (state is SanctionState.AwaitingCommittee or SanctionState.Decided)
            {
                Assert.Null(sanction!.Assess(new WorkflowActor(null, "Testare (gruppchef)", [Roles.GroupManager]), SanctionAssessmentOutcome.ToCommittee, null,
                    DateTimeOffset.UtcNow, today));
            }
            if (state == SanctionState.Decided)
            {
                Assert.Null(sanction!.RecordDecision(new WorkflowActor(null, "Testare (sekreterare)", [Roles.CommitteeSecretary]),
                    new SanctionDecisionInput(true, SanctionType.Remark, today, "§ 1", "SOC-2026-00099", null, null), DateTimeOffset.UtcNow, today));
            }
            db.Sanctions.Add(sanction!);
            await db.SaveChangesAsync();
            return sanction!.Id;
        });
}
