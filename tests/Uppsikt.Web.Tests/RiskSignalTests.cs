using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Risk;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Data;
using Uppsikt.Web.Features.Deficiencies;
using Uppsikt.Web.Features.Evidence;
using Uppsikt.Web.Features.Portal.Attestations;
using Uppsikt.Web.Features.Portal.Changes;
using Uppsikt.Web.Features.QualityReports.Reports;
using Uppsikt.Web.Features.Register;
using Uppsikt.Web.Features.Reviews;
using Uppsikt.Web.Features.Risk;
using Uppsikt.Web.Features.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Risk;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// The features' risk signal sources: each read on units of providers made for the test, so that the exact signals of a unit are
/// known (kind, magnitude, description, source), including what must not count (a review not final, a sanction only proposed, a
/// complaint twelve months old, an in-house provider); and each sends as many commands for every unit as for two.
/// </summary>
public sealed class RiskSignalTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.SwedishToday();

    private static int _providers;

    private static readonly Type[] SourceTypes =
    [
        typeof(ReviewRiskSignals), typeof(DeficiencyRiskSignals), typeof(SanctionRiskSignals), typeof(EvidenceRiskSignals),
        typeof(ReportRiskSignals), typeof(AttestationRiskSignals), typeof(ChangeRiskSignals), typeof(RegisterRiskSignals),
    ];

    /// <summary>
    /// A new provider with one unit in the given choice systems (home care unless told) and an active authorisation in the first,
    /// valid from <paramref name="validFrom"/> (five years ago unless it or <paramref name="decidedOn"/> is given).
    /// </summary>
    private Task<(Guid ProviderId, Guid UnitId)> NewUnitAsync(string provider, DateOnly? validFrom = null, DateOnly? decidedOn = null,
        Ownership ownership = Ownership.Private, int? capacity = null, params string[] choiceSystems) => app.WithDbAsync(async db =>
    {
        string[] names = choiceSystems.Length == 0 ? [Demo.HomeCare] : choiceSystems;
        var organisation = new Provider
        {
            Name = $"{provider} AB (fiktiv)",
            OrganisationNumber = DemoData.Fictitious(900 + Interlocked.Increment(ref _providers)),
            Ownership = ownership,
        };
        var unit = new Unit { Name = $"{provider} enhet (fiktiv)", ProviderId = organisation.Id, Ownership = ownership, Capacity = capacity };
        var systems = await db.ChoiceSystems.Where(c => names.Contains(c.Name)).ToListAsync(Cancel);
        unit.ChoiceSystems.AddRange(systems);
        db.Providers.Add(organisation);
        db.Units.Add(unit);
        db.Authorisations.Add(new Authorisation
        {
            ProviderId = organisation.Id,
            ChoiceSystemId = systems.Single(c => c.Name == names[0]).Id,
            Kind = AgreementKind.Authorisation,
            Status = AuthorisationStatus.Active,
            ValidFrom = validFrom ?? (decidedOn is null ? Today.AddYears(-5) : null),
            DecidedOn = decidedOn,
        });
        await db.SaveChangesAsync(Cancel);
        return (organisation.Id, unit.Id);
    });

    /// <summary>Every source's signals for one unit, read as the system reads them for the municipality.</summary>
    private async Task<List<RiskSignal>> SignalsAsync(Guid unitId, DateOnly? today = null)
    {
        await using var scope = app.Services.CreateSystemScope();
        var units = await scope.ServiceProvider.GetRequiredService<RiskSignalReader>()
            .RiskUnitsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>().Units.Where(u => u.Id == unitId), Cancel);
        var signals = new List<RiskSignal>();
        foreach (var source in scope.ServiceProvider.GetServices<IRiskSignalSource>())
        {
            signals.AddRange(await source.SignalsAsync(units, today ?? Today, Cancel));
        }
        Assert.All(signals, s => Assert.Equal(unitId, s.UnitId));
        return signals;
    }

    private static RiskSignal Find(IEnumerable<RiskSignal> signals, RiskSignalKind kind) => Assert.Single(signals, s => s.Kind == kind);

    private static void Absent(IEnumerable<RiskSignal> signals, params RiskSignalKind[] kinds) =>
        Assert.DoesNotContain(signals, s => kinds.Contains(s.Kind));

    [Fact]
    public async Task EveryFeatureRegistersItsSourceOnce()
    {
        await using var scope = app.Services.CreateSystemScope();
        var registered = scope.ServiceProvider.GetServices<IRiskSignalSource>().Select(s => s.GetType()).ToList();
        foreach (var type in SourceTypes)
        {
            Assert.Single(registered, type);
        }
    }

    [Fact]
    public async Task TheLatestFinalRegularReviewGivesItsResultAndAgeAndAUnitWithoutOneIsNeverReviewed()
    {
        var (_, serious) = await NewUnitAsync("Risk Allvarlig");
        var reviewId = await TestReviews.SeedAsync(app, new ReviewSpec("Risk Allvarlig AB (fiktiv)", ReviewState.Final, "(risk)") { Worst = Assessment.SeriousDeficiency });
        var (_, satisfactory) = await NewUnitAsync("Risk Nöjd");
        await TestReviews.SeedAsync(app, new ReviewSpec("Risk Nöjd AB (fiktiv)", ReviewState.Closed, "(risk nöjd)") { Worst = Assessment.Satisfactory });
        var (_, communicated) = await NewUnitAsync("Risk Kommunicerad");
        await TestReviews.SeedAsync(app, new ReviewSpec("Risk Kommunicerad AB (fiktiv)", ReviewState.Communicated, "(risk kommunicerad)"));
        var (_, never) = await NewUnitAsync("Risk Aldrig");

        var signals = await SignalsAsync(serious);
        var result = Find(signals, RiskSignalKind.LastReviewResult);
        Assert.Equal(3m, result.Magnitude);
        Assert.Equal("Kvalitetsgranskning (risk)", result.SourceTitle);
        Assert.Equal($"/Reviews/Details?id={reviewId}", result.SourceLink);
        Assert.Equal($"Den senaste granskningens samlade bedömning: allvarlig brist (slutlig {SwedishText.Date(Today)}).", result.Description);
        Absent(signals, RiskSignalKind.ReviewAge, RiskSignalKind.NeverReviewed);

        // Its age counts from two whole years: a day short of them it is no signal.
        Absent(await SignalsAsync(serious, Today.AddYears(2).AddDays(-1)), RiskSignalKind.ReviewAge);
        var age = Find(await SignalsAsync(serious, Today.AddYears(3)), RiskSignalKind.ReviewAge);
        Assert.Equal(2m, age.Magnitude);
        Assert.Equal($"Den senaste granskningen blev slutlig {SwedishText.Date(Today)}, för 3 år sedan.", age.Description);
        Assert.Equal($"/Reviews/Details?id={reviewId}", age.SourceLink);

        // A satisfactory closed review is no signal; a review only communicated is no review yet.
        Absent(await SignalsAsync(satisfactory), RiskSignalKind.LastReviewResult, RiskSignalKind.ReviewAge, RiskSignalKind.NeverReviewed);
        foreach (var unit in new[] { communicated, never })
        {
            var neverReviewed = await SignalsAsync(unit);
            Assert.Equal(1m, Find(neverReviewed, RiskSignalKind.NeverReviewed).Magnitude);
            Absent(neverReviewed, RiskSignalKind.LastReviewResult, RiskSignalKind.ReviewAge);
        }
    }

    [Fact]
    public async Task OpenDeficienciesAndOverdueActionsLinkTheirPlanOrTheUnitsDeficiencies()
    {
        var (_, unitId) = await NewUnitAsync("Risk Brist");
        var first = await TestReviews.SeedAsync(app, new ReviewSpec("Risk Brist AB (fiktiv)", ReviewState.Final, "(risk brist)"));
        var (planId, planTitle, deficiencies) = await app.WithDbAsync(async db =>
        {
            var plan = await db.ActionPlans.Include(p => p.Deficiencies).SingleAsync(p => p.OriginId == first, Cancel);
            var deficiency = plan.Deficiencies.OrderBy(d => d.Number).First();
            // One action late and not done, one late but done, one not yet due; and one deficiency fixed.
            db.PlannedActions.AddRange(
                Action(plan.Id, deficiency.Id, Today.AddDays(-3), null),
                Action(plan.Id, deficiency.Id, Today.AddDays(-10), Today.AddDays(-11)),
                Action(plan.Id, deficiency.Id, Today.AddDays(10), null));
            plan.Deficiencies.OrderBy(d => d.Number).Last().State = DeficiencyState.Fixed;
            await db.SaveChangesAsync(Cancel);
            return (plan.Id, plan.Title, plan.Deficiencies.Count);
        });
        Assert.True(deficiencies >= 2);

        var signals = await SignalsAsync(unitId);
        var open = Find(signals, RiskSignalKind.OpenDeficiencies);
        Assert.Equal(deficiencies - 1, open.Magnitude);
        Assert.Equal($"{deficiencies - 1} öppna brister i åtgärdsplanen ”{planTitle}”.", open.Description);
        Assert.Equal(planTitle, open.SourceTitle);
        Assert.Equal(ActionPlansHandler.PlanUrl(planId), open.SourceLink);
        var overdue = Find(signals, RiskSignalKind.OverdueActions);
        Assert.Equal(1m, overdue.Magnitude);
        Assert.Equal($"1 åtgärd i åtgärdsplanen ”{planTitle}” har passerat sin sista dag utan att rapporteras genomförd ({SwedishText.Date(Today.AddDays(-3))}).",
            overdue.Description);
        Assert.Equal(ActionPlansHandler.PlanUrl(planId), overdue.SourceLink);

        // A second review's plan: the deficiencies of both count, and the link is the unit's open deficiencies.
        var second = await TestReviews.SeedAsync(app, new ReviewSpec("Risk Brist AB (fiktiv)", ReviewState.Final, "(risk brist 2)"));
        var more = await app.WithDbAsync(db => db.Deficiencies.CountAsync(d => d.ActionPlan!.OriginId == second, Cancel));
        open = Find(await SignalsAsync(unitId), RiskSignalKind.OpenDeficiencies);
        Assert.Equal(deficiencies - 1 + more, open.Magnitude);
        Assert.Equal($"{deficiencies - 1 + more} öppna brister i 2 åtgärdsplaner.", open.Description);
        Assert.Null(open.SourceTitle);
        Assert.Equal($"/Deficiencies?UnitId={unitId}&State=Open", open.SourceLink);

        static PlannedAction Action(Guid planId, Guid deficiencyId, DateOnly dueOn, DateOnly? doneOn) => new()
        {
            ActionPlanId = planId,
            DeficiencyId = deficiencyId,
            Description = "Åtgärd (risktest)",
            ResponsibleName = "Ansvarig (fiktiv)",
            DueOn = dueOn,
            DoneOn = doneOn,
            DoneReport = doneOn is null ? null : "Genomförd (risktest)",
        };
    }

    [Fact]
    public async Task OnlySanctionsDecidedInTheLastTwelveMonthsCount()
    {
        var (_, unitId) = await NewUnitAsync("Risk Sanktion");
        var reviewId = await TestReviews.SeedAsync(app, new ReviewSpec("Risk Sanktion AB (fiktiv)", ReviewState.Final, "(risk sanktion)"));
        var planId = await app.WithDbAsync(db => db.ActionPlans.Where(p => p.OriginId == reviewId).Select(p => p.Id).SingleAsync(Cancel));
        await TestSanctions.SeedAsync(app, planId, SanctionState.Proposed);
        Absent(await SignalsAsync(unitId), RiskSignalKind.SanctionsInForce);

        var decided = await TestSanctions.SeedAsync(app, planId, SanctionState.Decided);
        var title = await app.WithDbAsync(db => db.Sanctions.Where(s => s.Id == decided).Select(s => s.Title).SingleAsync(Cancel));
        var signal = Find(await SignalsAsync(unitId), RiskSignalKind.SanctionsInForce);
        Assert.Equal(1m, signal.Magnitude);
        Assert.Equal($"Nämnden beslutade {SwedishText.Date(Today)} om anmärkning.", signal.Description);
        Assert.Equal(title, signal.SourceTitle);
        Assert.Equal(SanctionsHandler.Url(decided), signal.SourceLink);
        // Decided twelve months before the day read, it no longer counts.
        _ = Find(await SignalsAsync(unitId, Today.AddMonths(12).AddDays(-1)), RiskSignalKind.SanctionsInForce);
        Absent(await SignalsAsync(unitId, Today.AddMonths(12)), RiskSignalKind.SanctionsInForce);

        await TestSanctions.SeedAsync(app, planId, SanctionState.Decided);
        signal = Find(await SignalsAsync(unitId), RiskSignalKind.SanctionsInForce);
        Assert.Equal(2m, signal.Magnitude);
        Assert.Null(signal.SourceTitle);
        Assert.Equal($"/Sanctions?UnitId={unitId}&State=Decided", signal.SourceLink);
    }

    [Fact]
    public async Task ComplaintsAndIncidentsOfTheLastTwelveMonthsCountPerTenPlacesAndResultsBelowTargetCount()
    {
        var (_, unitId) = await NewUnitAsync("Risk Underlag", capacity: 20);
        var (_, uncounted) = await NewUnitAsync("Risk Underlag Utan Platser");
        await app.WithDbAsync(async db =>
        {
            db.Complaints.AddRange(
                NewComplaint(unitId, Severity.Serious, Today.AddDays(-10)), NewComplaint(unitId, Severity.Serious, Today.AddDays(-100)),
                NewComplaint(unitId, Severity.Serious, Today.AddMonths(-12).AddDays(1)), NewComplaint(unitId, Severity.Moderate, Today.AddDays(-5)),
                // Twelve and thirteen months old: no longer counted.
                NewComplaint(unitId, Severity.Serious, Today.AddMonths(-12)), NewComplaint(unitId, Severity.Minor, Today.AddMonths(-13)),
                NewComplaint(uncounted, Severity.Serious, Today.AddDays(-1)));
            db.Incidents.AddRange(
                NewIncident(unitId, IncidentKind.LexSarah, Severity.Minor, Today.AddDays(-20)), NewIncident(unitId, IncidentKind.Deviation, Severity.Serious, Today.AddDays(-40)),
                NewIncident(unitId, IncidentKind.Deviation, Severity.Moderate, Today.AddDays(-1)), NewIncident(unitId, IncidentKind.Deviation, Severity.Minor, Today.AddDays(-2)),
                NewIncident(unitId, IncidentKind.Deviation, Severity.Minor, Today.AddDays(-3)), NewIncident(unitId, IncidentKind.LexMaria, Severity.Serious, Today.AddMonths(-13)));
            // Below target in its latest year; the other was below the year before but meets it now.
            var homeCare = await db.ChoiceSystems.Where(c => c.Name == Demo.HomeCare).Select(c => c.Id).SingleAsync(Cancel);
            var satisfaction = new Indicator { Code = "RISK-NOJD", Name = "Nöjdhet (risktest)", UnitOfMeasure = "%", Direction = Direction.HigherIsBetter, Source = EvidenceSource.UserSurvey };
            satisfaction.Targets.Add(new Target { IndicatorId = satisfaction.Id, ChoiceSystemId = homeCare, Value = 80 });
            var staff = new Indicator { Code = "RISK-PERS", Name = "Personalkontinuitet (risktest)", UnitOfMeasure = "antal personal", Direction = Direction.LowerIsBetter, Source = EvidenceSource.ProviderReported };
            staff.Targets.Add(new Target { IndicatorId = staff.Id, ChoiceSystemId = homeCare, Value = 10 });
            db.Indicators.AddRange(satisfaction, staff);
            db.Outcomes.AddRange(
                NewOutcome(satisfaction.Id, unitId, Today.Year - 2, 90), NewOutcome(satisfaction.Id, unitId, Today.Year - 1, 70),
                NewOutcome(staff.Id, unitId, Today.Year - 2, 14), NewOutcome(staff.Id, unitId, Today.Year - 1, 8));
            await db.SaveChangesAsync(Cancel);
            return 0;
        });

        var signals = await SignalsAsync(unitId);
        void Check(RiskSignalKind kind, decimal magnitude, string description, string list)
        {
            var signal = Find(signals, kind);
            Assert.Equal(magnitude, signal.Magnitude);
            Assert.Equal(description, signal.Description);
            Assert.Equal($"/Evidence/{list}?UnitId={unitId}", signal.SourceLink);
        }
        Check(RiskSignalKind.SeriousComplaints, 1.5m, "3 allvarliga klagomål senaste 12 månaderna (1,5 per 10 platser).", "Complaints");
        Check(RiskSignalKind.OtherComplaints, 0.5m, "1 övrigt klagomål senaste 12 månaderna (0,5 per 10 platser).", "Complaints");
        Check(RiskSignalKind.SeriousIncidents, 1m, "2 allvarliga händelser senaste 12 månaderna (1 per 10 platser).", "Incidents");
        Check(RiskSignalKind.OtherIncidents, 1.5m, "3 övriga händelser senaste 12 månaderna (1,5 per 10 platser).", "Incidents");
        var below = Find(signals, RiskSignalKind.ResultsBelowTarget);
        Assert.Equal(1m, below.Magnitude);
        Assert.Equal("1 indikator under målvärdet i den senaste mätperioden.", below.Description);
        Assert.Equal($"/Register/Units/Details/{unitId}#evidence-heading", below.SourceLink);

        // Without a capacity the magnitude is the count.
        var plain = await SignalsAsync(uncounted);
        var serious = Find(plain, RiskSignalKind.SeriousComplaints);
        Assert.Equal(1m, serious.Magnitude);
        Assert.Equal("1 allvarligt klagomål senaste 12 månaderna.", serious.Description);
        Absent(plain, RiskSignalKind.OtherComplaints, RiskSignalKind.SeriousIncidents, RiskSignalKind.OtherIncidents, RiskSignalKind.ResultsBelowTarget);

        static Complaint NewComplaint(Guid unitId, Severity severity, DateOnly receivedOn) => new()
        {
            UnitId = unitId,
            Severity = severity,
            ReceivedOn = receivedOn,
            Channel = ComplaintChannel.Phone,
            Category = ComplaintCategory.Continuity,
            Summary = "Klagomål (risktest)",
        };
        static Incident NewIncident(Guid unitId, IncidentKind kind, Severity severity, DateOnly occurredOn) => new()
        {
            UnitId = unitId,
            Kind = kind,
            Severity = severity,
            OccurredOn = occurredOn,
            ReportedOn = occurredOn,
            ReportedBy = IncidentReporter.Provider,
            Summary = "Händelse (risktest)",
        };
        static Outcome NewOutcome(Guid indicatorId, Guid unitId, int year, double value) => new()
        {
            IndicatorId = indicatorId,
            UnitId = unitId,
            Year = year,
            PeriodKind = PeriodKind.Year,
            PeriodNumber = 0,
            Value = value,
        };
    }

    [Fact]
    public async Task AReportOpenAfterItsLastDayOrSubmittedLateInTheLastTwelveMonthsCountsForTheProvidersUnitsInItsChoiceSystem()
    {
        var (draftProvider, draftUnit) = await NewUnitAsync("Risk Rapport Utkast", choiceSystems: [Demo.ElderlyDayCare]);
        var (lateProvider, lateUnit) = await NewUnitAsync("Risk Rapport Sen", choiceSystems: [Demo.ElderlyDayCare]);
        var (onTimeProvider, onTimeUnit) = await NewUnitAsync("Risk Rapport I Tid", choiceSystems: [Demo.ElderlyDayCare]);
        var dueOn = Today.AddDays(-30);
        var (draft, late, otherUnit) = await app.WithDbAsync(async db =>
        {
            // Day care, where the demo has no quality report template.
            var dayCare = await db.ChoiceSystems.Where(c => c.Name == Demo.ElderlyDayCare).Select(c => c.Id).SingleAsync(Cancel);
            var template = new QualityReportTemplate { ChoiceSystemId = dayCare, Year = Today.Year, Title = "Kvalitetsrapport (risktest)", State = TemplateState.Active, DueOn = dueOn };
            db.QualityReportTemplates.Add(template);
            var draft = new QualityReport { TemplateId = template.Id, ProviderId = draftProvider, State = ReportState.Draft };
            var late = new QualityReport
            {
                TemplateId = template.Id,
                ProviderId = lateProvider,
                State = ReportState.Submitted,
                SubmittedAt = SwedishCalendar.StartOf(dueOn.AddDays(5)).AddHours(10),
            };
            var onTime = new QualityReport
            {
                TemplateId = template.Id,
                ProviderId = onTimeProvider,
                State = ReportState.Approved,
                SubmittedAt = SwedishCalendar.StartOf(dueOn).AddHours(10),
            };
            db.QualityReports.AddRange(draft, late, onTime);
            // The draft's provider also has a unit outside day care, which the report does not concern.
            var other = new Unit { Name = "Risk Rapport Hemtjänst (fiktiv)", ProviderId = draftProvider, Ownership = Ownership.Private };
            other.ChoiceSystems.Add(await db.ChoiceSystems.SingleAsync(c => c.Name == Demo.HomeCare, Cancel));
            db.Units.Add(other);
            await db.SaveChangesAsync(Cancel);
            return (draft.Id, late.Id, other.Id);
        });

        var open = Find(await SignalsAsync(draftUnit), RiskSignalKind.LateQualityReport);
        Assert.Equal(1m, open.Magnitude);
        Assert.Equal($"Kvalitetsrapporten ”Kvalitetsrapport (risktest)” är inte inskickad; sista dagen var {SwedishText.Date(dueOn)}.", open.Description);
        Assert.Equal("Kvalitetsrapport (risktest)", open.SourceTitle);
        Assert.Equal($"/QualityReports/Reports/Details/{draft}", open.SourceLink);
        var submitted = Find(await SignalsAsync(lateUnit), RiskSignalKind.LateQualityReport);
        Assert.Equal($"Kvalitetsrapporten ”Kvalitetsrapport (risktest)” skickades in {SwedishText.Date(dueOn.AddDays(5))}, efter sista dagen {SwedishText.Date(dueOn)}.",
            submitted.Description);
        Assert.Equal($"/QualityReports/Reports/Details/{late}", submitted.SourceLink);
        Absent(await SignalsAsync(onTimeUnit), RiskSignalKind.LateQualityReport);
        Absent(await SignalsAsync(otherUnit), RiskSignalKind.LateQualityReport);
        // Submitted late more than twelve months before the day read: no longer counted; still open: still counted.
        Absent(await SignalsAsync(lateUnit, dueOn.AddDays(5).AddMonths(12)), RiskSignalKind.LateQualityReport);
        _ = Find(await SignalsAsync(draftUnit, dueOn.AddYears(2)), RiskSignalKind.LateQualityReport);
    }

    [Fact]
    public async Task AnAttestationMissingAfterTheLatestRoundsLastDayCountsForTheUnitsInThatChoiceSystem()
    {
        var (_, missingUnit) = await NewUnitAsync("Risk Intyg Saknas");
        var (attestedProvider, attestedUnit) = await NewUnitAsync("Risk Intyg Lämnat", choiceSystems: [Demo.HomeCare, Demo.ElderlyDayCare]);
        var round = await app.WithDbAsync(db => db.AttestationRounds.Where(r => r.DueOn < Today).OrderByDescending(r => r.DueOn)
            .Select(r => new { r.Id, r.Year, r.DueOn }).FirstAsync(Cancel));
        var (roundId, year, dueOn) = (round.Id, round.Year, round.DueOn);
        await app.WithServicesAsync(async services =>
        {
            var attestations = services.GetRequiredService<AttestationsHandler>();
            var homeCare = await services.GetRequiredService<AppDbContext>().ChoiceSystems.Where(c => c.Name == Demo.HomeCare).Select(c => c.Id).SingleAsync(Cancel);
            var form = await attestations.FormAsync(attestedProvider, roundId, homeCare, Cancel);
            Assert.NotNull(form);
            var signed = await attestations.AttestAsync(attestedProvider, new AttestationInput(roundId, homeCare,
                [.. form.Answers.Select(a => new ConditionAnswerInput(a.ConditionId, true, null))], "Vera Verksamhetschef (fiktiv)", "Verksamhetschef"), Cancel);
            Assert.True(signed.Succeeded);
        });

        var missing = Find(await SignalsAsync(missingUnit), RiskSignalKind.MissingAttestation);
        Assert.Equal(1m, missing.Magnitude);
        Assert.Equal($"Egenintygandet {year} saknas för ”{Demo.HomeCare}”; sista dagen var {SwedishText.Date(dueOn)}.", missing.Description);
        Assert.Equal($"Egenintygande {year}", missing.SourceTitle);
        Assert.Equal($"/Portal/Attestations/Round/{roundId}", missing.SourceLink);
        // Attested in home care, and not authorised (so not asked) in day care.
        Absent(await SignalsAsync(attestedUnit), RiskSignalKind.MissingAttestation);
        // Before the round's last day, no round has passed it yet (as far as the demo's rounds go).
        Absent(await SignalsAsync(missingUnit, dueOn), RiskSignalKind.MissingAttestation);
    }

    [Fact]
    public async Task ChangesOfOwnershipManagementAndSubcontractorsInTheLastTwelveMonthsCountForEveryUnitOfTheProvider()
    {
        var (providerId, unitId) = await NewUnitAsync("Risk Förändring");
        var (_, quiet) = await NewUnitAsync("Risk Oförändrad");
        var second = await app.WithDbAsync(async db =>
        {
            var unit = new Unit { Name = "Risk Förändring andra enheten (fiktiv)", ProviderId = providerId, Ownership = Ownership.Private };
            db.Units.Add(unit);
            var now = DateTimeOffset.UtcNow;
            db.DutyToInformReports.AddRange(
                Report(DutyToInformCategory.Subcontractors, now.AddDays(-30)), Report(DutyToInformCategory.Ownership, now.AddDays(-60)),
                Report(DutyToInformCategory.Ownership, now.AddDays(-90)),
                // Not counted: another kind of change, and one reported thirteen months ago.
                Report(DutyToInformCategory.FinancialSituation, now.AddDays(-10)), Report(DutyToInformCategory.BoardOrManagement, now.AddMonths(-13)));
            await db.SaveChangesAsync(Cancel);
            return unit.Id;
        });

        foreach (var unit in new[] { unitId, second })
        {
            var changes = Find(await SignalsAsync(unit), RiskSignalKind.ReportedChanges);
            Assert.Equal(3m, changes.Magnitude);
            Assert.Equal("3 anmälda förändringar senaste 12 månaderna: ägarförhållanden, underleverantörer.", changes.Description);
            Assert.Equal($"/Portal/Providers/Details/{providerId}", changes.SourceLink);
        }
        Absent(await SignalsAsync(quiet), RiskSignalKind.ReportedChanges);

        DutyToInformReport Report(DutyToInformCategory category, DateTimeOffset at) => new()
        {
            ProviderId = providerId,
            Category = category,
            Text = "Förändring (risktest)",
            ReportedAt = at,
            ReportedBy = "Anordnaren (fiktiv)",
        };
    }

    [Fact]
    public async Task AProviderFirstAuthorisedWithinTwoYearsIsNewButNeverAnInHouseProvider()
    {
        var (recentProvider, recent) = await NewUnitAsync("Risk Ny", validFrom: Today.AddYears(-1));
        var (_, decided) = await NewUnitAsync("Risk Ny Beslutad", decidedOn: Today.AddMonths(-6));
        var (_, established) = await NewUnitAsync("Risk Etablerad", validFrom: Today.AddYears(-2));
        var (_, inHouse) = await NewUnitAsync("Risk Egen Regi", validFrom: Today.AddMonths(-3), ownership: Ownership.InHouse);

        var signal = Find(await SignalsAsync(recent), RiskSignalKind.NewProvider);
        Assert.Equal(1m, signal.Magnitude);
        Assert.Equal($"Anordnaren är ny: den första auktorisationen eller det första avtalet är från {SwedishText.Date(Today.AddYears(-1))}.", signal.Description);
        Assert.Equal("Risk Ny AB (fiktiv)", signal.SourceTitle);
        Assert.Equal($"/Register/Providers/Details/{recentProvider}", signal.SourceLink);
        _ = Find(await SignalsAsync(decided), RiskSignalKind.NewProvider);
        Absent(await SignalsAsync(established), RiskSignalKind.NewProvider);
        Absent(await SignalsAsync(inHouse), RiskSignalKind.NewProvider);
        // An older authorisation makes the provider established, whatever it was authorised for later.
        await app.WithDbAsync(async db =>
        {
            var choiceSystem = await db.ChoiceSystems.Where(c => c.Name == Demo.ElderlyDayCare).Select(c => c.Id).SingleAsync(Cancel);
            db.Authorisations.Add(new Authorisation
            {
                ProviderId = recentProvider,
                ChoiceSystemId = choiceSystem,
                Kind = AgreementKind.Contract,
                Status = AuthorisationStatus.Terminated,
                ValidFrom = Today.AddYears(-4),
                ValidTo = Today.AddYears(-3),
            });
            return await db.SaveChangesAsync(Cancel);
        });
        Absent(await SignalsAsync(recent), RiskSignalKind.NewProvider);
    }

    [Fact]
    public async Task EachSourceSendsAsManyCommandsForEveryUnitAsForTwo()
    {
        var two = new[] { await app.GetUnitIdAsync(Demo.OmsorgshusetSickla), await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden) };
        var unitCount = await app.WithDbAsync(db => db.Units.CountAsync(Cancel));
        Assert.True(unitCount > 10);
        foreach (var type in SourceTypes)
        {
            var (few, fewSignals) = await CountAsync(type, units => units.Where(u => two.Contains(u.Id)));
            var (all, allSignals) = await CountAsync(type, units => units);
            Assert.True(few > 0, type.Name);
            Assert.True(all == few, $"{type.Name}: {few} commands for two units, {all} for all {unitCount}.");
            Assert.True(allSignals >= fewSignals, type.Name);
        }
    }

    /// <summary>How many commands one source sends for the units <paramref name="select"/> picks, and how many signals it gives.</summary>
    private async Task<(int Commands, int Signals)> CountAsync(Type type, Func<IQueryable<Unit>, IQueryable<Unit>> select)
    {
        await using var scope = app.Services.CreateSystemScope();
        var source = scope.ServiceProvider.GetServices<IRiskSignalSource>().Single(s => s.GetType() == type);
        var units = await scope.ServiceProvider.GetRequiredService<RiskSignalReader>()
            .RiskUnitsAsync(select(scope.ServiceProvider.GetRequiredService<AppDbContext>().Units), Cancel);
        var signals = 0;
        var commands = await QueryCounter.CountAsync(async () => signals = (await source.SignalsAsync(units, Today, Cancel)).Count);
        return (commands, signals);
    }
}
