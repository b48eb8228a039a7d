using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
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

    public string Title { get; init; } = $"Kvalitetsgranskning {Marker}";

    /// <summary>The day the report is communicated: today unless given, 20 days ago for a final review so that its deadline has passed.</summary>
    public DateOnly? CommunicatedOn { get; init; }

    /// <summary>The last day for the provider's answer; 14 days after communication unless given.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>The provider has answered the communicated report with a factual correction and a comment.</summary>
    public bool Answered { get; init; }

    /// <summary>The most serious assessment: the findings cycle through the scale from satisfactory up to it, so it is the overall result.</summary>
    public Assessment Worst { get; init; } = Assessment.SeriousDeficiency;

    /// <summary>The provider's participant in the visit.</summary>
    public const string ProviderParticipant = "Vera Verksamhetschef (fiktiv)";

    public string Method => $"Granskningen gjordes genom dokumentstudier, intervjuer och observation {Marker}{Extra}";

    public string MeetingNotes => $"Verksamhetschefen presenterade verksamheten {Marker}{Extra}";

    public string Summary => $"Verksamheten har ett fungerande ledningssystem men brister i dokumentationen {Marker}{Extra}";

    public string Note => $"Brukaren berättade om sin vardag {Marker}{Extra}";

    public string StaffNote => $"Personalen beskrev introduktionen {Marker}";

    public string Observation => $"Genomförandeplaner saknades för flera brukare {Marker}{Extra}";

    public string Correction => $"Genomförandeplanerna fanns i pappersakten {Marker}{Extra}";

    public string Comment => $"Vi har redan påbörjat en översyn av rutinerna {Marker}";

    public string DisputeReason => $"Bedömningen av dokumentationen bygger på ett för litet urval {Marker}";

    public string Conclusion => $"Urvalet var tillräckligt och bedömningen står fast {Marker}{Extra}";
}

/// <summary>Reviews seeded through the domain's own steps, as the features take them, for tests of what reads reviews.</summary>
public static class TestReviews
{
    /// <summary>
    /// Plans a quality review of the provider's first home-care unit (by name) against the quality review checklist in force, and
    /// takes it to <see cref="ReviewSpec.State"/>: participants of both sides, a visit five days before communication, method,
    /// meeting notes, interview notes, a finding for every question (assessed in turn from satisfactory up to
    /// <see cref="ReviewSpec.Worst"/>) with the condition versions in force, the draft, communication, the provider's correction
    /// and comment when <see cref="ReviewSpec.Answered"/>, a dispute when <see cref="ReviewSpec.Disputed"/>, finalisation and
    /// closing.
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

            var unit = await db.Units.Include(u => u.ChoiceSystems)
                .Where(u => u.Provider!.Name == seed.ProviderName && u.ChoiceSystems.Any(c => c.Name == Demo.HomeCare))
                .OrderBy(u => u.Name).FirstAsync();
            // Only an answer or a dispute needs the provider's user: a provider added by a test may have none.
            var providerUser = users.FirstOrDefault(u => u.ProviderId == unit.ProviderId);
            var provider = new WorkflowActor(providerUser?.Id, providerUser?.DisplayName ?? "Anordnarens användare (test)", [Roles.ProviderUser], null, unit.ProviderId);
            var choiceSystemId = unit.ChoiceSystems.Single(c => c.Name == Demo.HomeCare).Id;

            var today = TimeProvider.System.SwedishToday();
            var on = seed.CommunicatedOn ?? (seed.State >= ReviewState.Final ? today.AddDays(-20) : today);
            var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var visitAt = at.AddDays(-5);
            var checklists = services.GetRequiredService<Checklists>();
            var checklist = await checklists.InForceAsync(choiceSystemId, ReviewType.QualityReview, on, CancellationToken.None)
                ?? throw new InvalidOperationException("The demo has no quality review checklist for home care.");
            var questions = await checklists.QuestionsAsync(checklist.Id, CancellationToken.None);
            var versions = await services.GetRequiredService<ConditionsInForce>()
                .VersionsOnAsync(questions.SelectMany(q => q.ConditionIds), DateOnly.FromDateTime(visitAt.UtcDateTime), CancellationToken.None);

            var (review, refusal) = Review.Plan(
                new Review.PlanInput(ReviewType.QualityReview, seed.Title, choiceSystemId, [unit], on, null, seed.CaseNumber, checklist.Id, null, VisitMode.OnSite),
                developer, at.AddDays(-10), on.AddDays(-10));
            Check(refusal);
            Check(review!.AddParticipant(developer, developer.Name, "kvalitetsutvecklare", ParticipantSide.Municipality, developer.UserId));
            Check(review.AddParticipant(developer, ReviewSpec.ProviderParticipant, "verksamhetschef", ParticipantSide.Provider));
            Check(review.ScheduleVisit(developer, VisitMode.OnSite, visitAt, "Exempelvägen 1, Sickla"));
            Check(review.WriteMeetingNotes(developer, seed.Method, seed.MeetingNotes));
            Check(review.AddNote(developer, InterviewGroup.ServiceUsers, seed.Note, visitAt).Refusal);
            Check(review.AddNote(developer, InterviewGroup.Staff, seed.StaffNote, visitAt).Refusal);
            if (seed.State > ReviewState.Planned)
            {
                Check(review.StartPreparation(developer, at.AddDays(-9), null));
                Assessment[] scale = [.. Enum.GetValues<Assessment>().Where(a => a <= seed.Worst)];
                foreach (var (question, i) in questions.Select((q, i) => (q, i)))
                {
                    var versionIds = question.ConditionIds.Where(versions.ContainsKey).Select(c => versions[c].VersionId).ToList();
                    Check(review.RecordFinding(developer, unit.Id, Checklists.ForFinding(question), null,
                        i == 3 ? seed.Observation : $"Iakttagelse om {question.Code} {seed.Marker}", scale[i % scale.Length], versionIds, visitAt,
                        "Åtgärda bristen (test).").Refusal);
                }
            }
            if (seed.State > ReviewState.Preparing)
            {
                Check(review.RecordVisitDone(developer, at.AddDays(-4), null));
            }
            if (seed.State > ReviewState.VisitDone)
            {
                Check(review.WriteDraft(developer, at.AddDays(-3), seed.Summary, [.. questions.Where(q => q.Required).Select(Checklists.ForFinding)]));
            }
            if (seed.State > ReviewState.DraftReport)
            {
                Check(review.Communicate(developer, at, on, 14, seed.DueOn, null));
                if (seed.Answered)
                {
                    Check(review.Respond(provider, ResponseKind.FactualCorrection, seed.Correction, at.AddHours(1)).Refusal);
                    Check(review.Respond(provider, ResponseKind.Comment, seed.Comment, at.AddHours(1)).Refusal);
                }
                if (seed.Disputed)
                {
                    Check(review.Dispute(provider, seed.DisputeReason, at.AddHours(2)));
                    if (seed.State > ReviewState.Communicated)
                    {
                        Check(review.AssignIndependentReviewer(manager, admin.UserId, admin.Name, [Roles.Administrator], at.AddDays(1)));
                        Check(review.ConcludeDispute(admin, seed.Conclusion, at.AddDays(2)));
                    }
                }
            }
            if (seed.State > ReviewState.Communicated)
            {
                Check(review.FinaliseReport(developer, DateTimeOffset.UtcNow, today, null));
                // As the reviews feature does on finalising: the findings' deficiencies go to the provider in an action plan.
                var providerInHouse = await db.Providers.Where(p => p.Id == unit.ProviderId).Select(p => p.Ownership == Ownership.InHouse).SingleAsync();
                var (plans, refused) = ActionPlan.FromFinalReview(review, providerInHouse, new Dictionary<Guid, Ownership> { [unit.Id] = unit.Ownership },
                    developer, DateTimeOffset.UtcNow, 30);
                Check(refused);
                db.ActionPlans.AddRange(plans);
            }
            if (seed.State > ReviewState.Final)
            {
                Check(review.Close(developer, DateTimeOffset.UtcNow, today, null));
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
