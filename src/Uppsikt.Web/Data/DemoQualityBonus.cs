using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.QualityBonus;
using Uppsikt.Web.Features.QualityBonus;
using Uppsikt.Web.Infrastructure.Comparisons;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Data;

/// <summary>
/// Two fictitious bonus models (decision 0043), one for home care per hour and one for nursing homes per place, over the demo's
/// indicators, and one saved scenario, so the simulation shows over the demo's three years of results.
/// </summary>
public static class DemoQualityBonus
{
    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Id, cancellationToken);
        var choices = await db.ChoiceSystems.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, cancellationToken);
        static BonusModel Valid((BonusModel? Model, IReadOnlyList<Refusal> Refusals) result) =>
            result.Refusals.Count == 0 ? result.Model! : throw new InvalidOperationException("Demo data broke a rule: " + result.Refusals[0].Message);

        var homeCare = Valid(BonusModel.Create(new BonusModelInput(
            "Hemtjänstbonus 2 kr per timme (fiktiv)", choices["Hemtjänst, ledsagning och avlösning"], BonusBasis.PerHour, 1600, 60_000,
            [
                new(indicators[DemoIndicators.HomeCareSatisfaction], BonusRule.Threshold, 90, 1.5m),
                new(indicators["HT-KONT"], BonusRule.BestShare, 50, 1m),
            ])));
        var nursingHome = Valid(BonusModel.Create(new BonusModelInput(
            "Boendebonus för de bästa (fiktiv)", choices["Särskilt boende för äldre"], BonusBasis.PerPlace, null, 150_000,
            [
                new(indicators["SABO-NOJD"], BonusRule.BestCount, 2, 2_000m),
                new(indicators["SABO-VANT"], BonusRule.Threshold, 30, 1_500m),
            ])));
        db.BonusModels.AddRange(homeCare, nursingHome);
        await db.SaveChangesAsync(cancellationToken);

        var developer = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "kvalitet@uppsikt.example", cancellationToken);
        var saved = await new QualityBonusHandler(db, clock, new ResultSettings()).SaveScenarioAsync(
            homeCare.Id, "Underlag till äldrenämnden: hemtjänstbonus (fiktivt)", new WorkflowActor(developer.Id, developer.DisplayName, [R.QualityDeveloper]),
            cancellationToken);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException("Demo data broke a rule: " + string.Join(" ", saved.Messages));
        }
    }
}
