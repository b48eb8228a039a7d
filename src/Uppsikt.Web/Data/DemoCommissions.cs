using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Commissions;
using Uppsikt.Domain.Plans;
using Uppsikt.Web.Infrastructure;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Data;

/// <summary>
/// The council board's decision on last year's council-wide review and three of its commissions, told through the domain's steps:
/// <list type="bullet">
/// <item>crisis preparedness among the elderly committee's providers: in progress and overdue;</item>
/// <item>welfare crime in the choice systems, to the municipality's administration: given, due in a few months;</item>
/// <item>a study of a quality bonus in the choice systems, to the elderly committee: reported with an answer, waiting to be closed.</item>
/// </list>
/// Every decision, paragraph and case number is fictitious.
/// </summary>
public static class DemoCommissions
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, cancellationToken);
        WorkflowActor Actor(string email, string role) => new(users[email].Id, users[email].DisplayName, [role], users[email].CommitteeId, users[email].ProviderId);
        var council = Actor("ks@uppsikt.example", R.CouncilReviewer);
        var developer = Actor("kvalitet@uppsikt.example", R.QualityDeveloper);
        var elderly = await db.Committees.Where(c => c.Name == "Äldrenämnden").Select(c => c.Id).SingleAsync(cancellationToken);
        DateTimeOffset At(DateOnly day) => SwedishCalendar.StartOf(day).AddHours(9);
        static T Done<T>((T? Value, Refusal? Refusal) result) where T : class =>
            result.Refusal is null ? result.Value! : throw new InvalidOperationException("Demo data broke a rule: " + result.Refusal.Message);
        static Commission Given((Commission? Value, IReadOnlyList<Refusal> Refusals) result) =>
            result.Refusals.Count == 0 ? result.Value! : throw new InvalidOperationException("Demo data broke a rule: " + result.Refusals[0].Message);
        static void All(IReadOnlyList<Refusal> refusals) => Ok(refusals.FirstOrDefault());
        static void Ok(Refusal? refusal)
        {
            if (refusal is not null)
            {
                throw new InvalidOperationException("Demo data broke a rule: " + refusal.Message);
            }
        }

        var lastYear = today.Year - 1;
        var reviewDecidedOn = new DateOnly(lastYear, 11, 23);
        db.CouncilReviewDecisions.Add(Done(CouncilReviewDecision.Record(null, lastYear, reviewDecidedOn, "§ 212", $"KFKS-{lastYear}-00871",
            "Kommunstyrelsen godkänner den samlade uppföljningen av nämndernas uppföljningsplaner inom kundval. Kulturnämnden uppmanas att anta "
            + "uppföljningsplaner för samtliga kundval och rapportera dem till kommunstyrelsen. (Fiktivt beslut i demodata.)",
            council, At(reviewDecidedOn).AddDays(2), today)));

        var crisisOn = today.AddDays(-200);
        var crisis = Given(Commission.Give(new CommissionInput(
            "Redovisa utförarnas planering för krisberedskap (fiktiv)",
            "Äldrenämnden får i uppdrag att redovisa hur utförarna inom hemtjänst och särskilt boende planerar för att upprätthålla verksamheten vid "
            + "kris och höjd beredskap, och hur kraven följs upp i auktorisationsvillkoren.",
            elderly, crisisOn, "§ 88", $"KFKS-{crisisOn.Year}-00412", today.AddDays(-30)), council, At(crisisOn).AddDays(1), today));
        Ok(crisis.Start(developer, "Enkät till utförarna skickad; svaren sammanställs.", At(crisisOn.AddDays(20))));

        var crimeOn = today.AddDays(-60);
        var crime = Given(Commission.Give(new CommissionInput(
            "Förstärk arbetet mot välfärdsbrottslighet i kundvalen (fiktiv)",
            "Förvaltningen får i uppdrag att föreslå hur kontrollen av anordnare vid auktorisation och uppföljning kan förstärkas för att förebygga "
            + "välfärdsbrottslighet, i samverkan med berörda myndigheter.",
            null, crimeOn, "§ 141", $"KFKS-{crimeOn.Year}-00655", today.AddDays(120)), council, At(crimeOn).AddDays(1), today));

        var bonusOn = today.AddDays(-300);
        var bonus = Given(Commission.Give(new CommissionInput(
            "Utred en kvalitetspremie i kundvalssystemen (fiktiv)",
            "Äldrenämnden får i uppdrag att utreda förutsättningarna för en kvalitetspremie till utförare i kundvalssystemen, med förslag på "
            + "mått, nivåer och hur premien följs upp.",
            elderly, bonusOn, "§ 34", $"KFKS-{bonusOn.Year}-00198", today.AddDays(-40)), council, At(bonusOn).AddDays(1), today));
        Ok(bonus.Start(developer, null, At(bonusOn.AddDays(14))));
        All(bonus.Report(developer, today.AddDays(-45),
            "Utredningen föreslår en kvalitetspremie knuten till brukarundersökningens helhetsbetyg och personalkontinuitet, prövad i hemtjänsten "
            + "under ett år innan den införs i fler kundval. Äldrenämnden beslutade om utredningen och överlämnade den till kommunstyrelsen. (Fiktiv återrapportering.)",
            At(today.AddDays(-45)), today));

        db.Commissions.AddRange(crisis, crime, bonus);
        await db.SaveChangesAsync(cancellationToken);
    }
}
