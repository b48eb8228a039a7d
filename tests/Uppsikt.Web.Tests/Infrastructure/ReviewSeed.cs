using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Checklists;
using Uppsikt.Web.Infrastructure.Conditions;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// Reviews for tests, taken through the domain's own steps by the demo's quality developer (the demo has no reviews): a quality
/// review of a provider's home-care unit against the demo's checklist, every question assessed, with an interview note that must
/// never reach the provider.
/// </summary>
public static class ReviewSeed
{
    /// <summary>The interview note every seeded review carries; no provider page or answer may show it.</summary>
    public const string NoteMarker = "Intervjuanteckning som anordnaren aldrig får se (testdata)";

    /// <summary>How far a seeded review goes.</summary>
    public enum Stage
    {
        Draft,
        Communicated,
        Finalised,
    }

    /// <summary>
    /// A review of <paramref name="providerName"/>'s first home-care unit, taken to <paramref name="stage"/>. It is communicated
    /// on <paramref name="communicatedOn"/> (today unless given) with the last day for answers <paramref name="dueOn"/> (14 days
    /// later unless given); a finalised review is communicated 20 days ago so that its deadline has passed.
    /// </summary>
    public static async Task<Guid> AddAsync(UppsiktApp app, string providerName, string title, Stage stage = Stage.Communicated,
        DateOnly? communicatedOn = null, DateOnly? dueOn = null)
    {
        var id = Guid.Empty;
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var today = TimeProvider.System.SwedishToday();
            var on = communicatedOn ?? (stage == Stage.Finalised ? today.AddDays(-20) : today);
            var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var unit = await db.Units.Include(u => u.ChoiceSystems)
                .Where(u => u.Provider!.Name == providerName && u.ChoiceSystems.Any(c => c.Name == Demo.HomeCare))
                .OrderBy(u => u.Name).FirstAsync();
            var choiceSystemId = unit.ChoiceSystems.Single(c => c.Name == Demo.HomeCare).Id;
            var checklist = await services.GetRequiredService<Checklists>().InForceAsync(choiceSystemId, ReviewType.QualityReview, on, default)
                ?? throw new InvalidOperationException("The demo has no quality review checklist for home care.");
            var questions = await services.GetRequiredService<Checklists>().QuestionsAsync(checklist.Id, default);
            var versions = await services.GetRequiredService<ConditionsInForce>().VersionsOnAsync(questions.SelectMany(q => q.ConditionIds), on, default);
            var leadId = await db.Users.Where(u => u.Email == Demo.QualityDeveloper).Select(u => u.Id).SingleAsync();
            var lead = new WorkflowActor(leadId, Demo.QualityDeveloperName, [Roles.QualityDeveloper]);

            var (review, refused) = Review.Plan(new Review.PlanInput(ReviewType.QualityReview, title, choiceSystemId, [unit], on, null, "KFKS-2026-00012",
                checklist.Id, null, VisitMode.OnSite), lead, at.AddDays(-10), on.AddDays(-10));
            Check(refused);
            Check(review!.StartPreparation(lead, at.AddDays(-9), null));
            Check(review.ScheduleVisit(lead, VisitMode.OnSite, at.AddDays(-5), "Exempelvägen 1, Sickla (fiktiv)"));
            Check(review.AddParticipant(lead, "Verksamhetschef Exempel (fiktiv)", "Verksamhetschef", ParticipantSide.Provider));
            Check(review.AddNote(lead, InterviewGroup.Staff, NoteMarker, at.AddDays(-5)).Refusal);
            foreach (var (question, i) in questions.Select((q, i) => (q, i)))
            {
                var assessment = i == 0 ? Assessment.MinorDeficiency : Assessment.Satisfactory;
                Check(review.RecordFinding(lead, unit.Id, Checklists.ForFinding(question), null, $"Iakttagelse för fråga {question.Code} (testdata).", assessment,
                    [.. question.ConditionIds.Where(versions.ContainsKey).Select(c => versions[c].VersionId)], at.AddDays(-5)).Refusal);
            }
            Check(review.RecordVisitDone(lead, at.AddDays(-4), null));
            Check(review.WriteDraft(lead, at.AddDays(-3), "Verksamheten har rutiner men brister i en del (testdata).",
                [.. questions.Where(q => q.Required).Select(Checklists.ForFinding)]));
            if (stage != Stage.Draft)
            {
                Check(review.Communicate(lead, at, on, 14, dueOn, "Rapporten skickas för kommunicering."));
            }
            if (stage == Stage.Finalised)
            {
                Check(review.FinaliseReport(lead, DateTimeOffset.UtcNow, today, null));
            }
            db.Reviews.Add(review);
            await db.SaveChangesAsync();
            id = review.Id;
        });
        return id;
    }

    private static void Check(Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"The review could not be seeded: {refusal.Message}");
        }
    }
}
