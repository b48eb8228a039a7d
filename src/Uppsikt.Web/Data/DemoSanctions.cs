using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Features.Deficiencies;
using Uppsikt.Web.Features.Reviews;
using Uppsikt.Web.Features.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Checklists;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Reviews;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Data;

/// <summary>
/// The demo's sanctions (rule 3), told through the domain's steps on the demo's reviews and action plans:
/// <list type="bullet">
/// <item>Trygga Händer Saltsjöbaden: a warning with an action plan for the serious deficiency, decided by the elderly committee,
/// its deadline ahead; the verification visit and the following year's check are planned, and the letter is in the portal.</item>
/// <item>Exempelträdets förskola Orminge: a remark the education committee decided, whose deficiency persisted at the follow-up:
/// the next step of the ladder is proposed and waits for the group manager.</item>
/// </list>
/// Omsorgshuset Älta's plan is left without a sanction, for a newcomer to propose one.
/// </summary>
public static class DemoSanctions
{
    public static async Task SeedAsync(AppDbContext db, FileStore files, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, cancellationToken);
        WorkflowActor Actor(string email, string role) => new(users[email].Id, users[email].DisplayName, [role], users[email].CommitteeId, users[email].ProviderId);
        var developer = Actor("kvalitet@uppsikt.example", R.QualityDeveloper);
        var manager = Actor("gruppchef@uppsikt.example", R.GroupManager);
        var secretary = Actor("sekreterare@uppsikt.example", R.CommitteeSecretary);
        var allowed = await db.ConditionVersions.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Sanctions, cancellationToken);
        var visits = new DecidedReviews(db, new Checklists(db), clock);

        async Task<(ActionPlan Plan, SanctionBasis Basis)> LoadAsync(string reviewTitle)
        {
            var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Title == reviewTitle, cancellationToken);
            var plan = await db.ActionPlans.Include(p => p.Deficiencies).ThenInclude(d => d.Verifications).Include(p => p.Actions).Include(p => p.Steps)
                .SingleAsync(p => p.OriginId == review.Id, cancellationToken);
            var committee = await db.ChoiceSystems.Where(c => c.Id == review.ChoiceSystemId).Select(c => c.CommitteeId).SingleAsync(cancellationToken);
            return (plan, Basis(plan, committee, review.CommunicatedOn, review.ResponseDueOn, review.RespondedAt is not null));
        }

        SanctionBasis Basis(ActionPlan plan, Guid committee, DateOnly? communicatedOn, DateOnly? dueOn, bool responded) => new(
            plan.Id, plan.ProviderId, plan.UnitId, committee, plan.Title, plan.InHouse,
            [.. plan.Deficiencies.Select(d => new SanctionDeficiency(d.Id, d.Number,
                [.. d.ConditionVersionIds.SelectMany(v => allowed.GetValueOrDefault(v) ?? []).Distinct().Order()], d.PersistCount, false))],
            communicatedOn, dueOn, responded);

        Sanction Decide(SanctionBasis basis, Deficiency deficiency, SanctionType type, string motivation, DateOnly proposedOn, WorkflowActor recorder,
            string paragraph, string caseNumber, DateOnly? fixBy)
        {
            var (sanction, refused) = Sanction.Propose(basis, [deficiency.Id], type, motivation, developer, Moment(proposedOn), proposedOn);
            Check(refused);
            Check(sanction!.Assess(manager, SanctionAssessmentOutcome.ToCommittee, "Underlaget är tillräckligt. Bristen har funnits sedan granskningen och är allvarlig för brukarnas säkerhet.",
                Moment(proposedOn.AddDays(3)), proposedOn.AddDays(3)));
            var decidedOn = proposedOn.AddDays(10);
            Check(sanction.RecordDecision(recorder, new SanctionDecisionInput(true, type, decidedOn, paragraph, caseNumber, fixBy, null), Moment(decidedOn, 15), decidedOn));
            db.Sanctions.Add(sanction);
            return sanction;
        }

        // A warning with an action plan at Trygga Händer Saltsjöbaden: the routine against threats and violence was missing.
        var (saltsjobaden, saltsjobadenBasis) = await LoadAsync("Kvalitetsgranskning Trygga Händer Hemtjänst Saltsjöbaden");
        var serious = saltsjobaden.Deficiencies.First(d => d.IsSerious);
        var warningType = saltsjobadenBasis.Deficiencies.First(d => d.Id == serious.Id).Allowed
            .Where(t => t is SanctionType.WarningWithActionPlan or SanctionType.Warning).DefaultIfEmpty(SanctionType.WarningWithActionPlan).Max();
        var proposedOn = today.AddDays(-40);
        var warning = Decide(saltsjobadenBasis, serious, warningType,
            "Granskningen fann att en rutin för hot och våld saknas. Personalen går ensam till brukare med känd hotbild utan stöd av en rutin, och anordnarens svar "
            + "anger ingen tidpunkt för när rutinen ska vara införd. Bristen är allvarlig och villkoren medger varning med åtgärdsplan.",
            proposedOn, secretary, "§ 87", saltsjobaden.CaseNumber ?? $"KFKS-{today.Year}-01102", today.AddDays(30));
        var planned = new List<Guid>();
        foreach (var visit in SanctionsHandler.WarningChecks(warning, saltsjobaden.ChoiceSystemId, saltsjobaden.OriginId))
        {
            var (id, refused) = await visits.PlanAsync(visit, warning.Decision!, secretary, cancellationToken);
            Check(refused);
            planned.Add(id!.Value);
        }
        warning.ScheduledChecks(planned[0], planned[1]);
        db.PortalDocuments.Add(SanctionsHandler.LetterInPortal(warning, secretary.Name, Moment(warning.DecidedOn!.Value, 16)));

        // Exempelträdets förskola: a remark for the first deficiency the conditions allow one for; the deficiency persisted at the
        // follow-up by phone, so the next step of the ladder is proposed.
        var (orminge, ormingeBasis) = await LoadAsync("Tillsyn av Exempelträdets förskola Orminge");
        var education = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == ormingeBasis.CommitteeId, cancellationToken);
        var educationSecretary = new WorkflowActor(null, "Nämndsekreterare, utbildningsnämnden (fiktiv)", [R.CommitteeSecretary], education.Id);
        var persisting = orminge.Deficiencies.Where(d => !d.IsSerious).First(d => ormingeBasis.Deficiencies.First(x => x.Id == d.Id).Allowed.Count > 0);
        var ladder = ormingeBasis.Deficiencies.First(d => d.Id == persisting.Id).Allowed;
        var remark = Decide(ormingeBasis, persisting, ladder.Min(),
            "Barngrupperna är större än riktmärket och huvudmannen har inte kunnat visa en analys av hur undervisningen påverkas. Huvudmannen har inte svarat på rapporten.",
            today.AddDays(-45), educationSecretary, "§ 52", orminge.CaseNumber ?? $"KFKS-{today.Year}-01108", null);
        var school = new WorkflowActor(null, "Rektor Exempelträdet (fiktiv)", [R.ProviderUser], null, orminge.ProviderId);
        var finalised = orminge.CreatedOn;
        foreach (var deficiency in orminge.Deficiencies)
        {
            Check(orminge.AddAction(school, deficiency.Id, deficiency.Id == persisting.Id ? "Minska barngrupperna genom att öppna en ny avdelning."
                : "Ta fram en rutin för barn i behov av särskilt stöd.", "Rektor Exempelträdet (fiktiv)", finalised.AddDays(40), finalised).Refusal);
        }
        Check(orminge.Submit(school, Moment(finalised.AddDays(12)), null));
        Check(orminge.Approve(developer, Moment(finalised.AddDays(14)), null));
        using var summary = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("Barngruppernas storlek hösten (fiktiv)\n\nAvdelning Eken: 19 barn\nAvdelning Linden: 18 barn\n"));
        var stored = await files.StoreAsync(ActionPlansHandler.FileOwnerType, orminge.Id, orminge.ProviderId, "Barngrupper (fiktiv).txt",
            FileContentCheck.ForExtension(".txt")!, summary, "Demodata", cancellationToken);
        foreach (var action in orminge.Actions)
        {
            Check(orminge.ReportDone(school, action.Id, "Genomfört; se bifogad sammanställning.", [stored.Id!.Value], Moment(finalised.AddDays(30)), finalised.AddDays(30)));
        }
        var followedUp = today.AddDays(-3);
        Check(orminge.Verify(developer, persisting.Id, new VerificationInput(VerificationMethod.PhoneCall,
            "Telefonsamtal med rektorn och barnlistor för hösten: den nya avdelningen har inte öppnat och barngrupperna är lika stora som vid tillsynen.", false,
            followedUp, today.AddDays(60), null), null, Moment(followedUp), followedUp, 30));
        var escalation = Sanction.Escalate(ormingeBasis with
        {
            Deficiencies = [.. ormingeBasis.Deficiencies.Select(d => d.Id == persisting.Id ? d with { PersistCount = persisting.PersistCount } : d)],
        }, persisting.Id, [remark.DecidedType!.Value], developer, Moment(followedUp, 11), followedUp);
        db.Sanctions.Add(escalation ?? throw new InvalidOperationException("The demo's persisting deficiency proposed no next step."));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTimeOffset Moment(DateOnly day, int hour = 10) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static void Check(Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"Demo sanction step refused: {refusal.Message}");
        }
    }
}
