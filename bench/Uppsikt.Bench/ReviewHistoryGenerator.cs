using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Bench;

/// <summary>
/// Ten years of review history on a generated register: a checklist per choice system (the social-care starter, the
/// preschool one for preschools), and for every open unit a quality review every other year, each taken from plan to
/// closure through the review's own rules with a finding per area. The first unit (the one the timeline is measured on)
/// is reviewed every year and has a complaint a month and an incident a quarter. Seeded, so every run makes the same data.
/// </summary>
public sealed class ReviewHistoryGenerator(AppDbContext db)
{
    private const int Seed = 20261206;
    private const int Years = 10;
    private const int BatchSize = 200;

    private static readonly WorkflowActor Reviewer = new(null, "Generator (fiktiv)", [Roles.QualityDeveloper]);

    private readonly Random _random = new(Seed);

    public sealed record Counts(int Reviews, int Findings, int Complaints, int Incidents, Guid HistoryUnitId);

    public async Task<Counts> FillAsync(IReadOnlyList<Guid> unitIds, DateOnly today, CancellationToken cancellationToken)
    {
        var checklists = await AddChecklistsAsync(today, cancellationToken);
        int reviews = 0, findings = 0;
        for (var start = 0; start < unitIds.Count; start += BatchSize)
        {
            var batch = unitIds.Skip(start).Take(BatchSize).ToList();
            var units = await db.Units.Include(u => u.ChoiceSystems).Where(u => batch.Contains(u.Id)).ToListAsync(cancellationToken);
            foreach (var unit in units.OrderBy(u => batch.IndexOf(u.Id)))
            {
                if (unit.ClosedOn is not null || unit.ProviderId is null || unit.ChoiceSystems.Count == 0)
                {
                    continue;
                }
                var choice = unit.ChoiceSystems[0];
                var (checklistId, questions) = checklists[choice.Id];
                var everyYear = unit.Id == unitIds[0];
                for (var year = today.Year - Years; year < today.Year; year += everyYear ? 1 : 2)
                {
                    var review = Review(unit, choice, checklistId, questions, new DateOnly(year, 1 + _random.Next(11), 1 + _random.Next(27)));
                    db.Reviews.Add(review);
                    reviews++;
                    findings += review.Findings.Count;
                }
            }
            await SaveAsync(cancellationToken);
        }
        var (complaints, incidents) = await AddEvidenceAsync(unitIds[0], today, cancellationToken);
        return new Counts(reviews, findings, complaints, incidents, unitIds[0]);
    }

    private async Task<Dictionary<Guid, (Guid Id, List<FindingQuestion> Questions)>> AddChecklistsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, (Guid, List<FindingQuestion>)>();
        foreach (var choice in await db.ChoiceSystems.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken))
        {
            var checklist = new QualityReportTemplate
            {
                ChoiceSystemId = choice.Id,
                Year = today.Year - Years,
                ReviewType = ReviewType.QualityReview,
                Title = $"Checklista kvalitetsgranskning, {choice.Name} (genererad)",
            };
            checklist.Questions.AddRange(StarterChecklists.For(checklist.Id,
                choice.LegalBasis == LegalBasis.SchoolAct ? StarterChecklists.Kind.Preschool : StarterChecklists.Kind.SocialCare));
            Check(checklist.ActivateChecklist());
            db.QualityReportTemplates.Add(checklist);
            // One finding per area: the area's first question.
            result[choice.Id] = (checklist.Id, [.. checklist.Questions.GroupBy(q => q.Section).Select(g => g.First())
                .Select(q => new FindingQuestion(q.Id, checklist.Id, q.Code, q.Section))]);
        }
        await SaveAsync(cancellationToken);
        return result;
    }

    private Review Review(Unit unit, ChoiceSystem choice, Guid checklistId, List<FindingQuestion> questions, DateOnly on)
    {
        var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var caseNumber = string.Create(CultureInfo.InvariantCulture, $"GEN-{on.Year}-{_random.Next(1, 99_999):D5}");
        var (review, refusal) = Domain.Reviews.Review.Plan(
            new(ReviewType.QualityReview, $"Kvalitetsgranskning {on.Year}", choice.Id, [unit], on, null, caseNumber, checklistId, null, VisitMode.OnSite),
            Reviewer, at.AddDays(-30), on.AddDays(-30));
        Check(refusal);
        Check(review!.StartPreparation(Reviewer, at.AddDays(-20), null));
        Check(review.ScheduleVisit(Reviewer, VisitMode.OnSite, at, unit.StreetAddress));
        foreach (var question in questions)
        {
            var assessment = _random.Next(20) switch
            {
                < 11 => Assessment.Satisfactory,
                < 16 => Assessment.SatisfactoryCanImprove,
                < 19 => Assessment.MinorDeficiency,
                _ => Assessment.SeriousDeficiency,
            };
            Check(review.RecordFinding(Reviewer, unit.Id, question, null, $"Iakttagelse inom {question.Area.ToLowerInvariant()} (genererad).", assessment, [], at,
                "Åtgärda bristen (genererad).").Refusal);
        }
        Check(review.RecordVisitDone(Reviewer, at, null));
        Check(review.WriteDraft(Reviewer, at.AddDays(10), "Sammanfattning av granskningen (genererad).", questions));
        Check(review.Communicate(Reviewer, at.AddDays(12), on.AddDays(12), 14, null, null));
        Check(review.FinaliseReport(Reviewer, at.AddDays(30), on.AddDays(30), null));
        Check(review.Close(Reviewer, at.AddDays(60), on.AddDays(60), null));
        return review;
    }

    private async Task<(int Complaints, int Incidents)> AddEvidenceAsync(Guid unitId, DateOnly today, CancellationToken cancellationToken)
    {
        int complaints = 0, incidents = 0;
        for (var month = 0; month < Years * 12; month++)
        {
            var on = today.AddMonths(-month - 1).AddDays(-_random.Next(25));
            db.Complaints.Add(new Complaint
            {
                UnitId = unitId,
                ReceivedOn = on,
                Channel = (ComplaintChannel)(1 + _random.Next(Enum.GetValues<ComplaintChannel>().Length)),
                Category = (ComplaintCategory)(1 + _random.Next(Enum.GetValues<ComplaintCategory>().Length)),
                Severity = (Severity)(1 + _random.Next(Enum.GetValues<Severity>().Length)),
                Summary = "Klagomål på insatsen (genererat).",
            });
            complaints++;
            if (month % 3 == 0)
            {
                db.Incidents.Add(new Incident
                {
                    UnitId = unitId,
                    OccurredOn = on,
                    ReportedOn = on.AddDays(1),
                    Kind = (IncidentKind)(1 + _random.Next(Enum.GetValues<IncidentKind>().Length)),
                    Severity = Severity.Minor,
                    Summary = "Avvikelse i verksamheten (genererad).",
                    ReportedBy = IncidentReporter.Provider,
                });
                incidents++;
            }
        }
        await SaveAsync(cancellationToken);
        return (complaints, incidents);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static void Check(Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException(refusal.Message);
        }
    }
}
