using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure.Checklists;
using Uppsikt.Web.Infrastructure.Conditions;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// What a seeded review is to look like: whose, how far along, and the texts it carries. Every text ends in
/// <see cref="Marker"/>, so a test can tell it from the demo's.
/// </summary>
public sealed record ReviewSpec(string ProviderName, ReviewState State, string Marker = "(testdata)")
{
    public string CaseNumber { get; init; } = "SOC-2026-00012";

    /// <summary>The provider disputes the communicated report; for a final review the independent reviewer concludes first.</summary>
    public bool Disputed { get; init; }

    /// <summary>Text added to every stored text, such as control characters a test wants the documents to survive.</summary>
    public string Extra { get; init; } = "";

    public string Title => $"Kvalitetsgranskning {Marker}";

    public string Method => $"Granskningen gjordes genom dokumentstudier, intervjuer och observation {Marker}{Extra}";

    public string Minutes => $"Verksamhetschefen presenterade verksamheten {Marker}{Extra}";

    public string Summary => $"Verksamheten har ett fungerande ledningssystem men brister i dokumentationen {Marker}{Extra}";

    public string Note => $"Brukaren berättade om sin vardag {Marker}{Extra}";

    public string StaffNote => $"Personalen beskrev introduktionen {Marker}";

    public string Observation => $"Genomförandeplaner saknades för flera brukare {Marker}{Extra}";

    public string Correction => $"Genomförandeplanerna fanns i pappersakten {Marker}{Extra}";

    public string Comment => $"Vi har redan påbörjat en översyn av rutinerna {Marker}";

    public string DisputeReason => $"Bedömningen av dokumentationen bygger på ett för litet urval {Marker}";

    public string Conclusion => $"Urvalet var tillräckligt och bedömningen står fast {Marker}{Extra}";
}

/// <summary>Reviews seeded through the domain's own steps, as the features will take them, for tests of what reads reviews.</summary>
public static class TestReviews
{
    /// <summary>
    /// Plans a quality review of the provider's first unit (by name) in the first choice system with an activated checklist, and
    /// takes it to <see cref="ReviewSpec.State"/>: participants of both sides, a visit two days ago, method, minutes, interview
    /// notes, a finding for every question (assessed in turn satisfactory, can improve, minor and serious deficiency) with the
    /// condition versions in force, the draft, communication, the provider's correction and comment, finalisation and closing.
    /// </summary>
    public static async Task<Guid> SeedAsync(UppsiktApp app, ReviewSpec seed)
    {
        Guid id = default;
        await app.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var users = await db.Users.AsNoTracking()
                .Where(u => u.Email == Demo.QualityDeveloper || u.Email == Demo.GroupManager || u.Email == Demo.Admin || u.ProviderId != null)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.ProviderId }).ToListAsync();
            WorkflowActor As(string email, string role)
            {
                var user = users.Single(u => u.Email == email);
                return new WorkflowActor(user.Id, user.DisplayName, [role]);
            }
            var developer = As(Demo.QualityDeveloper, Roles.QualityDeveloper);
            var manager = As(Demo.GroupManager, Roles.GroupManager);
            var admin = As(Demo.Admin, Roles.Administrator);

            var unit = await db.Units.Include(u => u.ChoiceSystems).Where(u => u.Provider!.Name == seed.ProviderName).OrderBy(u => u.Name).FirstAsync();
            var providerUser = users.First(u => u.ProviderId == unit.ProviderId);
            var provider = new WorkflowActor(providerUser.Id, providerUser.DisplayName, [Roles.ProviderUser], null, unit.ProviderId);
            var choiceSystemIds = unit.ChoiceSystems.Select(c => c.Id).ToList();
            var checklist = await db.QualityReportTemplates.AsNoTracking()
                .Where(t => choiceSystemIds.Contains(t.ChoiceSystemId) && t.ReviewType == ReviewType.QualityReview && t.State == TemplateState.Active)
                .OrderByDescending(t => t.Year).FirstAsync();
            var questions = await services.GetRequiredService<Checklists>().QuestionsAsync(checklist.Id, CancellationToken.None);

            var now = DateTimeOffset.UtcNow;
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var visitAt = now.AddDays(-2);
            var versions = await services.GetRequiredService<ConditionsInForce>()
                .VersionsOnAsync(questions.SelectMany(q => q.ConditionIds), DateOnly.FromDateTime(visitAt.UtcDateTime), CancellationToken.None);

            var (review, refusal) = Review.Plan(
                new Review.PlanInput(ReviewType.QualityReview, seed.Title, checklist.ChoiceSystemId, [unit], today, null, seed.CaseNumber, checklist.Id, null, VisitMode.OnSite),
                developer, now.AddDays(-10), today.AddDays(-10));
            Check(refusal);
            Check(review!.AddParticipant(developer, developer.Name, "kvalitetsutvecklare", ParticipantSide.Municipality, developer.UserId));
            Check(review.AddParticipant(developer, "Vera Verksamhetschef (fiktiv)", "verksamhetschef", ParticipantSide.Provider));
            Check(review.ScheduleVisit(developer, VisitMode.OnSite, visitAt, "Exempelvägen 1, Sickla"));
            Check(review.WriteMinutes(developer, seed.Method, seed.Minutes));
            Check(review.AddNote(developer, InterviewGroup.ServiceUsers, seed.Note, visitAt).Refusal);
            Check(review.AddNote(developer, InterviewGroup.Staff, seed.StaffNote, visitAt).Refusal);
            if (seed.State > ReviewState.Planned)
            {
                Check(review.StartPreparation(developer, now.AddDays(-9), null));
                Assessment[] scale = [Assessment.Satisfactory, Assessment.SatisfactoryCanImprove, Assessment.MinorDeficiency, Assessment.SeriousDeficiency];
                foreach (var (question, i) in questions.Select((q, i) => (q, i)))
                {
                    var versionIds = question.ConditionIds.Where(versions.ContainsKey).Select(c => versions[c].VersionId).ToList();
                    Check(review.RecordFinding(developer, unit.Id, Checklists.ForFinding(question), null,
                        i == 3 ? seed.Observation : $"Iakttagelse om {question.Code} {seed.Marker}", scale[i % 4], versionIds, visitAt).Refusal);
                }
            }
            if (seed.State > ReviewState.Preparing)
            {
                Check(review.RecordVisitDone(developer, now.AddDays(-1), null));
            }
            if (seed.State > ReviewState.VisitDone)
            {
                Check(review.WriteDraft(developer, now.AddDays(-1), seed.Summary, [.. questions.Where(q => q.Required).Select(Checklists.ForFinding)]));
            }
            if (seed.State > ReviewState.DraftReport)
            {
                Check(review.Communicate(developer, now, today, 14, null, null));
                Check(review.Respond(provider, ResponseKind.FactualCorrection, seed.Correction, now).Refusal);
                Check(review.Respond(provider, ResponseKind.Comment, seed.Comment, now).Refusal);
                if (seed.Disputed)
                {
                    Check(review.Dispute(provider, seed.DisputeReason, now));
                    if (seed.State > ReviewState.Communicated)
                    {
                        Check(review.AssignIndependentReviewer(manager, admin.UserId, admin.Name, [Roles.Administrator], now));
                        Check(review.ConcludeDispute(admin, seed.Conclusion, now));
                    }
                }
            }
            if (seed.State > ReviewState.Communicated)
            {
                Check(review.FinaliseReport(developer, now, today, null));
            }
            if (seed.State > ReviewState.Final)
            {
                Check(review.Close(developer, now, today, null));
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
