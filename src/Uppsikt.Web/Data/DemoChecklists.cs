using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Data;

/// <summary>
/// Demo review checklists (decision 0020): for home care and nursing homes the quality review's nine areas (last year's
/// version and this year's activated, next year's a draft to edit) and MAS/MAR's health-care review; for preschools the
/// supervision and the insight, alike. Questions link to the choice system's conditions, so findings name them.
/// </summary>
public static class DemoChecklists
{
    public static async Task SeedAsync(AppDbContext db, ChoiceSystem homeCare, ChoiceSystem nursingHome, ChoiceSystem preschool, TimeProvider clock, CancellationToken cancellationToken)
    {
        var year = clock.SwedishToday().Year;
        foreach (var (system, name) in new[] { (homeCare, "hemtjänst"), (nursingHome, "särskilt boende") })
        {
            await AddAsync(db, system.Id, name, ReviewType.QualityReview, year - 1, StarterChecklists.Kind.SocialCare, active: true, cancellationToken);
            await AddAsync(db, system.Id, name, ReviewType.QualityReview, year, StarterChecklists.Kind.SocialCare, active: true, cancellationToken);
            await AddAsync(db, system.Id, name, ReviewType.HealthCareReview, year, StarterChecklists.Kind.HealthCare, active: true, cancellationToken);
        }
        await AddAsync(db, homeCare.Id, "hemtjänst", ReviewType.QualityReview, year + 1, StarterChecklists.Kind.SocialCare, active: false, cancellationToken);
        await AddAsync(db, preschool.Id, "förskola", ReviewType.PreschoolSupervision, year, StarterChecklists.Kind.Preschool, active: true, cancellationToken);
        await AddAsync(db, preschool.Id, "förskola", ReviewType.PreschoolInsight, year, StarterChecklists.Kind.Preschool, active: true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task AddAsync(
        AppDbContext db, Guid choiceSystemId, string systemName, ReviewType type, int year, StarterChecklists.Kind kind, bool active, CancellationToken cancellationToken)
    {
        var conditionIds = await db.Conditions.Where(c => c.ChoiceSystemId == choiceSystemId || c.ChoiceSystemId == null)
            .OrderBy(c => c.Code).Select(c => c.Id).ToListAsync(cancellationToken);
        var checklist = new QualityReportTemplate
        {
            ChoiceSystemId = choiceSystemId,
            Year = year,
            ReviewType = type,
            Title = $"Checklista {type.Name().ToLowerInvariant()}, {systemName} {year}",
        };
        checklist.Questions.AddRange(StarterChecklists.For(checklist.Id, kind));
        if (conditionIds.Count > 0)
        {
            foreach (var question in checklist.Questions)
            {
                question.ConditionIds = [conditionIds[question.Position % conditionIds.Count]];
            }
        }
        if (active && checklist.ActivateChecklist() is { } refusal)
        {
            throw new InvalidOperationException(refusal.Message);
        }
        db.QualityReportTemplates.Add(checklist);
    }
}
