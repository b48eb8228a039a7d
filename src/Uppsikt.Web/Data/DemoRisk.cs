using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Cycle;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Risk;
using Uppsikt.Web.Infrastructure;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Data;

/// <summary>
/// The demo's risk work (decision 0031), on top of the reviews, deficiencies, sanctions and evidence already seeded:
/// <list type="bullet">
/// <item>each unit has a responsible quality developer: the district's officer for the district's units, else the central one;</item>
/// <item>the elderly committee has its own matrix (4×4) and weighs serious incidents higher than the default;</item>
/// <item>home care has this year's approved risk analysis, with a re-assessment after a serious complaint, linked from this year's
/// plan, and next year's analysis in draft;</item>
/// <item>the serious complaint has raised a task for the responsible quality developer to consider a called review.</item>
/// </list>
/// The ranking and the explained scores follow from the seeded records; next year's selection is left for a newcomer to make.
/// </summary>
public static class DemoRisk
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, cancellationToken);
        WorkflowActor Actor(string email, string role) => new(users[email].Id, users[email].DisplayName, [role], users[email].CommitteeId, users[email].ProviderId);
        var developer = Actor("kvalitet@uppsikt.example", R.QualityDeveloper);
        var manager = Actor("gruppchef@uppsikt.example", R.GroupManager);
        var district = users["stadsdel@uppsikt.example"];

        foreach (var unit in await db.Units.ToListAsync(cancellationToken))
        {
            unit.ResponsibleUserId = unit.AdministrationId is { } a && a == district.AdministrationId ? district.Id : developer.UserId;
        }

        var elderly = await db.Committees.FirstAsync(c => c.Name == "Äldrenämnden", cancellationToken);
        var matrix = RiskMatrix.Default(elderly.Id);
        Check(matrix.Redefine(
            ["Osannolik", "Möjlig", "Sannolik", "Mycket sannolik"],
            ["Lindrig", "Måttlig", "Allvarlig", "Mycket allvarlig"],
            [new RiskBand(1, "Låg", "#C8E6C9"), new RiskBand(4, "Medel", "#FFF59D"), new RiskBand(8, "Hög", "#FFCC80"), new RiskBand(12, "Mycket hög", "#EF9A9A")]));
        db.RiskMatrices.Add(matrix);
        db.RiskWeights.Add(new RiskWeight { CommitteeId = elderly.Id, Kind = RiskSignalKind.SeriousIncidents, Weight = 15m });

        var homeCare = await db.ChoiceSystems.FirstAsync(c => c.Name == "Hemtjänst, ledsagning och avlösning", cancellationToken);
        var conditions = await db.Conditions.AsNoTracking().Where(c => c.ChoiceSystemId == null || c.ChoiceSystemId == homeCare.Id)
            .OrderBy(c => c.Code).Select(c => c.Id).Take(3).ToListAsync(cancellationToken);
        var (analysis, refusal) = RiskAnalysis.Create(homeCare.Id, elderly.Id, today.Year, developer, new DateOnly(today.Year - 1, 10, 15));
        Check(refusal);
        Add(analysis!, Condition(0), "Kontinuitet i hemtjänsten", "Många olika medarbetare hos samma kund ger sämre trygghet och risk för missade insatser.", 3, 3, RiskPriority.High,
            "Följs upp genom kontinuitetsmätning varje tertial och vid kvalitetsgranskning.");
        Add(analysis!, Condition(1), "Dokumentation av genomförda insatser", "Brister i social dokumentation gör det svårt att visa att beslutade insatser ges.", 2, 3, RiskPriority.Medium,
            "Stickprov i dokumentationen vid granskningsbesök.");
        Add(analysis!, Condition(2), "Kompetens hos nyanställda", "Hög personalomsättning ger medarbetare utan introduktion i läkemedelshantering.", 2, 4, RiskPriority.High,
            "Begär introduktionsplaner i kvalitetsrapporten.");
        Add(analysis!, null, "Bemanning kvällar och helger", "Sen bemanning kan ge uteblivna besök.", 2, 2, RiskPriority.Low, "Följs i klagomål och avvikelser.");
        Check(analysis!.Submit(developer, new DateOnly(today.Year - 1, 11, 1)));
        Check(analysis.Approve(manager, new DateOnly(today.Year - 1, 11, 10)));
        var reassessOn = today.AddDays(-20) > new DateOnly(today.Year, 1, 1) ? today.AddDays(-20) : new DateOnly(today.Year, 1, 1);
        Check(analysis.Reassess(analysis.Items[0].Id, 4, 3, "Allvarligt klagomål om uteblivna besök och många olika medarbetare hos samma kund (fiktivt).",
            reassessOn, matrix, developer));
        db.RiskAnalyses.Add(analysis);

        var (next, nextRefusal) = RiskAnalysis.Create(homeCare.Id, elderly.Id, today.Year + 1, developer, today);
        Check(nextRefusal);
        Add(next!, Condition(0), "Kontinuitet i hemtjänsten", "Kvarstår som största risk enligt årets uppföljning.", 3, 3, RiskPriority.High,
            "Kontinuitetsmätning varje tertial.");
        db.RiskAnalyses.Add(next!);

        var plan = await db.FollowUpPlans.Where(p => p.ChoiceSystemId == homeCare.Id && p.Year == today.Year).OrderByDescending(p => p.RevisionNumber).FirstOrDefaultAsync(cancellationToken);
        if (plan is not null)
        {
            plan.RiskAnalysisId = analysis.Id;
        }

        var complaint = await db.Complaints.AsNoTracking().Where(c => c.Severity == Severity.Serious).OrderByDescending(c => c.ReceivedOn)
            .Select(c => new { c.Id, c.UnitId, c.ReceivedOn, UnitName = c.Unit!.Name }).FirstOrDefaultAsync(cancellationToken);
        if (complaint is not null)
        {
            db.CycleTasks.Add(new CycleTask
            {
                Title = $"Överväg påkallad granskning av {complaint.UnitName}",
                Description = $"Allvarligt klagomål mottaget {SwedishWording.Date(complaint.ReceivedOn)}. Bedöm om gruppchefen ska besluta om en påkallad granskning.",
                OwnerUserId = developer.UserId!,
                DueOn = today.AddDays(10),
                UnitId = complaint.UnitId,
                Link = $"/Risk/Units/{complaint.UnitId}",
                SignalKey = $"risk-alert:{complaint.Id:N}",
            });
        }
        await db.SaveChangesAsync(cancellationToken);

        Guid? Condition(int index) => index < conditions.Count ? conditions[index] : null;

        void Add(RiskAnalysis target, Guid? conditionId, string requirement, string description, int likelihood, int consequence, RiskPriority priority, string mitigation) =>
            Check(target.AddItem(new RiskItemInput(conditionId, requirement, description, likelihood, consequence, priority, mitigation), matrix, developer));
    }

    private static void Check(Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"The demo's risk data was refused: {refusal.Message}");
        }
    }
}
