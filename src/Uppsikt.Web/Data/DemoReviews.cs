using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Referrals;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Features.Deficiencies;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Checklists;
using Uppsikt.Web.Infrastructure.Files;
using R = Uppsikt.Domain.Identity.Roles;

namespace Uppsikt.Web.Data;

/// <summary>
/// Demo reviews (decision 0020) in every state, dated back from today by the clock: a closed and a final quality review with
/// findings on all four steps of the scale, Omsorgshuset's quality review communicated and awaiting its answer, a called review
/// the group manager decided after a complaint that Trygga Händer has answered and disputed, a targeted follow-up over two
/// of Omsorgshuset's units, MAS/MAR's health-care review under preparation, an in-house unit's review led by the district,
/// a preschool supervision, last term's insight into the municipality's own preschool with its deficiencies pointed out and this
/// term's planned, and a follow-up of the closed review. Final reports' deficiencies are registered in action plans as finalising does.
/// Every step goes through the review's own rules.
/// </summary>
public static class DemoReviews
{
    /// <summary>How far a demo review is taken, from what day, by whom, and what is recorded on the way.</summary>
    private sealed record Course(ReviewState Target, WorkflowActor Lead, DateOnly Start, string Place, Func<int, Assessment> Assess, string Summary)
    {
        public (string Name, string? Title, ParticipantSide Side, string? UserId)[] Participants { get; init; } = [];

        public (InterviewGroup Group, string Text)[] Notes { get; init; } = [];

        public (WorkflowActor Provider, ResponseKind Kind, string Text)? Response { get; init; }

        public (WorkflowActor Provider, string Reason)? Dispute { get; init; }
    }

    private static readonly Dictionary<Assessment, (string Answer, string Observation)> Observations = new()
    {
        [Assessment.Satisfactory] = ("Ja", "Rutinerna är kända och följs, enligt intervjuer med personal och ledning och granskade dokument."),
        [Assessment.SatisfactoryCanImprove] = ("Delvis", "Arbetssättet fungerar, men rutinen är inte dokumenterad på samma sätt i alla arbetsgrupper."),
        [Assessment.MinorDeficiency] = ("Delvis", "Flera av de granskade genomförandeplanerna var inte uppdaterade det senaste halvåret."),
        [Assessment.SeriousDeficiency] = ("Nej", "Rutinen saknas och personalen kunde inte beskriva hur den ska följas, vilket innebär en risk för brukarna."),
    };

    /// <summary>What the provider must do about a deficiency of each kind, as the reviewer writes it on the finding.</summary>
    private static readonly Dictionary<Assessment, string> RequiredActions = new()
    {
        [Assessment.MinorDeficiency] = "Gå igenom och uppdatera samtliga genomförandeplaner och inför en rutin för att följa upp dem varje halvår.",
        [Assessment.SeriousDeficiency] = "Ta fram en skriftlig rutin, gå igenom den med all personal och följ upp att den används.",
    };

    /// <summary>Mostly satisfactory, with one step of each kind below it: the overall result is a serious deficiency.</summary>
    private static Assessment AllFour(int i) => i switch
    {
        3 => Assessment.MinorDeficiency,
        7 => Assessment.SeriousDeficiency,
        _ when i % 4 == 1 => Assessment.SatisfactoryCanImprove,
        _ => Assessment.Satisfactory,
    };

    private static Assessment MostlyGood(int i) => i == 4 ? Assessment.MinorDeficiency : i % 5 == 2 ? Assessment.SatisfactoryCanImprove : Assessment.Satisfactory;

    private static Assessment Good(int i) => i % 6 == 5 ? Assessment.SatisfactoryCanImprove : Assessment.Satisfactory;

    public static async Task SeedAsync(AppDbContext db, FileStore files, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!, cancellationToken);
        WorkflowActor Actor(string email, string role) => new(users[email].Id, users[email].DisplayName, [role], null, users[email].ProviderId);
        var developer = Actor("kvalitet@uppsikt.example", R.QualityDeveloper);
        var manager = Actor("gruppchef@uppsikt.example", R.GroupManager);
        var mas = Actor("mas@uppsikt.example", R.MedicalResponsible);
        var district = Actor("stadsdel@uppsikt.example", R.DistrictFollowUp);
        var omsorgshuset = Actor("anordnare.omsorgshuset@uppsikt.example", R.ProviderUser);
        var trygga = Actor("anordnare.tryggahander@uppsikt.example", R.ProviderUser);

        var units = await db.Units.Include(u => u.ChoiceSystems).ToDictionaryAsync(u => u.Name, cancellationToken);
        var systems = await db.ChoiceSystems.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, cancellationToken);
        var checklists = await db.QualityReportTemplates.AsNoTracking().Include(t => t.Questions)
            .Where(t => t.ReviewType != null && t.State == TemplateState.Active).ToListAsync(cancellationToken);
        var conditions = await db.Conditions.AsNoTracking().Include(c => c.Versions).ToListAsync(cancellationToken);
        var providerInHouse = await db.Providers.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Ownership == Ownership.InHouse, cancellationToken);
        var actionPlans = new Dictionary<Guid, IReadOnlyList<ActionPlan>>();
        var homeCare = systems["Hemtjänst, ledsagning och avlösning"];
        var nursingHome = systems["Särskilt boende för äldre"];
        var preschool = systems["Förskola"];
        var year = today.Year;

        QualityReportTemplate ChecklistFor(Guid choiceSystemId, ReviewType type, DateOnly on)
        {
            var own = checklists.Where(t => t.ChoiceSystemId == choiceSystemId && t.ReviewType == type).ToList();
            var candidates = own.Count > 0 ? own : [.. checklists.Where(t => t.ChoiceSystemId == choiceSystemId && t.ReviewType == ReviewType.QualityReview)];
            return candidates.Where(t => t.Year <= on.Year).MaxBy(t => t.Year) ?? candidates.MinBy(t => t.Year)
                ?? throw new InvalidOperationException($"The demo has no checklist for {type} in the choice system.");
        }

        Review Plan(WorkflowActor decider, ReviewType type, string title, Guid choiceSystemId, string[] unitNames, DateOnly decidedOn, DateOnly plannedFor,
            string? reason, string? caseNumber, VisitMode visit, Guid? followsUp = null)
        {
            var checklist = ChecklistFor(choiceSystemId, type, plannedFor);
            var (review, refusal) = Review.Plan(
                new Review.PlanInput(type, title, choiceSystemId, [.. unitNames.Select(n => units[n])], plannedFor, reason, caseNumber, checklist.Id, followsUp, visit),
                decider, Moment(decidedOn, 9), decidedOn);
            Check(refusal);
            db.Reviews.Add(review!);
            return review!;
        }

        void Take(Review review, Course course)
        {
            var (lead, s) = (course.Lead, course.Start);
            var checklist = checklists.Single(t => t.Id == review.ChecklistId);
            var questions = checklist.Questions.OrderBy(q => q.Position).ToList();
            if (course.Target == ReviewState.Planned)
            {
                return;
            }
            Check(review.StartPreparation(lead, Moment(s.AddDays(7)), "Underlag om enheten begärt: klagomål, avvikelser och senaste kvalitetsrapporten."));
            foreach (var (name, title, side, userId) in course.Participants)
            {
                Check(review.AddParticipant(lead, name, title, side, userId));
            }
            var visitDay = s.AddDays(21);
            Check(review.ScheduleVisit(lead, review.VisitMode, review.VisitMode == VisitMode.None ? null : Moment(visitDay, 9), review.VisitMode == VisitMode.None ? null : course.Place));
            if (course.Target == ReviewState.Preparing)
            {
                return;
            }
            foreach (var unit in review.Units)
            {
                foreach (var (question, i) in questions.Select((q, i) => (q, i)))
                {
                    var assessment = course.Assess(i);
                    var versions = conditions.Where(c => question.ConditionIds.Contains(c.Id)).Select(c => c.VersionOn(visitDay)?.Id).OfType<Guid>().ToList();
                    Check(review.RecordFinding(lead, unit.UnitId, Checklists.ForFinding(question), Observations[assessment].Answer, Observations[assessment].Observation,
                        assessment, versions, Moment(visitDay, 14), RequiredActions.GetValueOrDefault(assessment),
                        assessment == Assessment.SeriousDeficiency ? 2 : Review.DefaultFixMonths).Refusal);
                }
            }
            foreach (var (group, text) in course.Notes)
            {
                Check(review.AddNote(lead, group, text, Moment(visitDay, 15)).Refusal);
            }
            Check(review.WriteMeetingNotes(lead, "Dokumentgranskning av rutiner och ett urval genomförandeplaner, intervjuer med ledning och personal, observation av verksamheten.",
                "Besöket inleddes med en genomgång av granskningens syfte. Ledningen presenterade verksamheten, därefter intervjuer och rundvandring. Avslutande återkoppling gavs muntligt."));
            Check(review.RecordVisitDone(lead, Moment(s.AddDays(22)), null));
            if (course.Target == ReviewState.VisitDone)
            {
                return;
            }
            Check(review.WriteDraft(lead, Moment(s.AddDays(28)), course.Summary, [.. questions.Where(q => q.Required).Select(Checklists.ForFinding)]));
            if (course.Target == ReviewState.DraftReport)
            {
                return;
            }
            var communicated = s.AddDays(30);
            Check(review.Communicate(lead, Moment(communicated), communicated, 14, null, "Utkastet skickat till anordnaren för faktagranskning och synpunkter."));
            if (course.Response is { } response)
            {
                Check(review.Respond(response.Provider, response.Kind, response.Text, Moment(s.AddDays(35), 13)).Refusal);
            }
            if (course.Dispute is { } dispute)
            {
                Check(review.Dispute(dispute.Provider, dispute.Reason, Moment(s.AddDays(36), 11)));
            }
            if (course.Target == ReviewState.Communicated)
            {
                return;
            }
            var finalised = review.RespondedAt is null ? review.ResponseDueOn!.Value.AddDays(2) : s.AddDays(40);
            Check(review.FinaliseReport(lead, Moment(finalised), finalised, review.RespondedAt is null ? "Inget svar kom inom svarstiden." : "Anordnarens svar är bifogat rapporten."));
            var (plans, refused) = ActionPlan.FromFinalReview(review, providerInHouse[review.ProviderId],
                review.Units.ToDictionary(u => u.UnitId, u => units.Values.Single(x => x.Id == u.UnitId).Ownership), lead, Moment(finalised), 30);
            Check(refused);
            db.ActionPlans.AddRange(plans);
            actionPlans[review.Id] = plans;
            if (course.Target == ReviewState.Final)
            {
                return;
            }
            var closed = s.AddDays(60);
            Check(review.Close(lead, Moment(closed), closed, "Bristerna följs upp i en uppföljande granskning."));
        }

        string Number(int serial) => $"KFKS-{year}-{serial:D5}";
        (string, string?, ParticipantSide, string?) Municipal(WorkflowActor actor, string title) => (actor.Name, title, ParticipantSide.Municipality, actor.UserId);
        (InterviewGroup, string)[] notes =
        [
            (InterviewGroup.Staff, "Personalen beskriver god sammanhållning men att introduktionen av nya medarbetare ofta blir kort under semesterperioden."),
            (InterviewGroup.ServiceUsers, "Tre brukare intervjuades. De är nöjda med bemötandet men upplever att det ofta kommer ny personal."),
            (InterviewGroup.Management, "Verksamhetschefen beskriver ett pågående arbete med att uppdatera rutinen för genomförandeplaner."),
        ];

        // Closed: last spring's quality review of Omsorgshuset Älta, with a finding on every step of the scale.
        var altaStart = today.AddDays(-220);
        var alta = Plan(developer, ReviewType.QualityReview, "Kvalitetsgranskning Omsorgshuset Hemtjänst Älta", homeCare, ["Omsorgshuset Hemtjänst Älta (fiktiv)"],
            altaStart, altaStart.AddDays(21), null, Number(1101), VisitMode.OnSite);
        Take(alta, new Course(ReviewState.Closed, developer, altaStart, "Omsorgshuset Hemtjänst Älta, Exempelgatan 2", AllFour,
            "Verksamheten har ett fungerande ledningssystem och brukarna är nöjda med bemötandet. Genomförandeplanerna är inte uppdaterade och rutinen för läkemedelshantering saknas, vilket är en allvarlig brist.")
        {
            Participants = [Municipal(developer, "kvalitetsutvecklare"), ("Vera Verksamhetschef (fiktiv)", "verksamhetschef", ParticipantSide.Provider, null)],
            Notes = notes,
        });

        // Älta's action plan: approved; the minor deficiency fixed and verified by a phone call, the serious one's actions reported
        // done and awaiting the follow-up visit below.
        var altaPlan = actionPlans[alta.Id].Single();
        var altaFinalised = alta.FinalisedOn!.Value;
        foreach (var deficiency in altaPlan.Deficiencies)
        {
            Check(altaPlan.AddAction(omsorgshuset, deficiency.Id, deficiency.IsSerious ? "Skriva en rutin för läkemedelshantering och utbilda all personal i den."
                : "Uppdatera alla genomförandeplaner tillsammans med brukarna.", deficiency.IsSerious ? "Vera Verksamhetschef (fiktiv)" : "Sam Samordnare (fiktiv)",
                altaFinalised.AddDays(40), altaFinalised).Refusal);
        }
        Check(altaPlan.Submit(omsorgshuset, Moment(altaFinalised.AddDays(14)), "Planen är förankrad i ledningsgruppen."));
        Check(altaPlan.Approve(developer, Moment(altaFinalised.AddDays(18)), null));
        using var summary = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            "Sammanställning av genomförda åtgärder (fiktiv)\n\nGenomförandeplanerna är uppdaterade och rutinen för läkemedelshantering är införd och genomgången med personalen.\n"));
        var stored = await files.StoreAsync(ActionPlansHandler.FileOwnerType, altaPlan.Id, altaPlan.ProviderId, "Sammanställning av åtgärder (fiktiv).txt",
            FileContentCheck.ForExtension(".txt")!, summary, "Demodata", cancellationToken);
        var evidenceId = stored.Id ?? throw new InvalidOperationException("The demo's evidence file was not stored.");
        foreach (var action in altaPlan.Actions)
        {
            Check(altaPlan.ReportDone(omsorgshuset, action.Id, "Genomfört enligt planen; se bifogad sammanställning.", [evidenceId], Moment(altaFinalised.AddDays(45)), altaFinalised.AddDays(45)));
        }
        // The serious deficiency: the municipality's stance on referral, neither to IVO nor the police (all fictitious).
        var serious = altaPlan.Deficiencies.First(d => d.IsSerious);
        Check(altaPlan.RecordStance(developer, serious.Id, ReferralAuthority.Ivo, ReferralDecision.NotReferred,
            "Ingen brukare har kommit till skada och anordnaren har infört rutinen; bristen följs upp med besök. Inget allvarligt missförhållande att anmäla.",
            altaFinalised.AddDays(20), today));
        Check(altaPlan.RecordStance(developer, serious.Id, ReferralAuthority.Police, ReferralDecision.NotReferred,
            "Ingen misstanke om brott.", altaFinalised.AddDays(20), today));
        var minor = altaPlan.Deficiencies.First(d => !d.IsSerious);
        Check(altaPlan.Verify(developer, minor.Id, new VerificationInput(VerificationMethod.PhoneCall,
            "Telefonsamtal med verksamhetschefen och stickprov på fem genomförandeplaner som skickades in: alla var uppdaterade.", true,
            altaFinalised.AddDays(50), null, null), null, Moment(altaFinalised.AddDays(50)), altaFinalised.AddDays(50), 30));

        // Planned: the follow-up of the closed review's deficiencies.
        Plan(developer, ReviewType.FollowUpReview, "Uppföljning av kvalitetsgranskningen av Omsorgshuset Hemtjänst Älta", homeCare, ["Omsorgshuset Hemtjänst Älta (fiktiv)"],
            today.AddDays(-5), today.AddDays(30), "Uppföljning av bristerna i genomförandeplaner och läkemedelshantering från kvalitetsgranskningen.", Number(1101),
            VisitMode.Digital, alta.Id);

        // Final: Trygga Händer's quality review, answered by the provider.
        var saltsjobadenStart = today.AddDays(-120);
        var saltsjobaden = Plan(developer, ReviewType.QualityReview, "Kvalitetsgranskning Trygga Händer Hemtjänst Saltsjöbaden", homeCare,
            ["Trygga Händer Hemtjänst Saltsjöbaden (fiktiv)"], saltsjobadenStart, saltsjobadenStart.AddDays(21), null, Number(1102), VisitMode.OnSite);
        Take(saltsjobaden, new Course(ReviewState.Final, developer, saltsjobadenStart, "Trygga Händer, Exempelgatan 4, Saltsjöbaden", AllFour,
            "Brukarna upplever trygghet och gott bemötande. Dokumentationen brister och en rutin för hot och våld saknas, vilket bedöms som en allvarlig brist.")
        {
            Participants = [Municipal(developer, "kvalitetsutvecklare"), (trygga.Name, "företrädare", ParticipantSide.Provider, null)],
            Notes = notes,
            Response = (trygga, ResponseKind.Comment, "Vi har tagit fram en rutin för hot och våld som införs under hösten och uppdaterar genomförandeplanerna löpande."),
        });

        // Communicated, awaiting the answer: Omsorgshuset sees it in the portal, with days left to answer.
        var sicklaStart = today.AddDays(-33);
        var sickla = Plan(developer, ReviewType.QualityReview, "Kvalitetsgranskning Omsorgshuset Hemtjänst Sickla", homeCare, ["Omsorgshuset Hemtjänst Sickla (fiktiv)"],
            sicklaStart, sicklaStart.AddDays(21), null, Number(1103), VisitMode.OnSite);
        Take(sickla, new Course(ReviewState.Communicated, developer, sicklaStart, "Omsorgshuset Hemtjänst Sickla, Exempelgatan 1", MostlyGood,
            "Verksamheten bedöms i huvudsak som tillfredsställande. Genomförandeplanerna behöver hållas aktuella.")
        {
            Participants = [Municipal(developer, "kvalitetsutvecklare"), (omsorgshuset.Name, "verkställande direktör", ParticipantSide.Provider, null)],
            Notes = notes,
        });

        // Communicated, answered and disputed: a called review the group manager decided after a complaint.
        var calledStart = today.AddDays(-37);
        var called = Plan(manager, ReviewType.CalledReview, "Påkallad granskning av Trygga Händer Ledsagning", homeCare, ["Trygga Händer Ledsagning (fiktiv)"],
            calledStart, calledStart.AddDays(21), "Klagomål från närstående om uteblivna besök och bristande bemötande, registrerat av kvalitetsenheten.", Number(1104),
            VisitMode.OnSite);
        (called.LeadUserId, called.LeadName) = (developer.UserId, developer.Name);
        Take(called, new Course(ReviewState.Communicated, developer, calledStart, "Trygga Händer Ledsagning, Exempelgatan 5, Saltsjöbaden", MostlyGood,
            "Klagomålet om uteblivna besök bekräftas delvis: planeringen av besök dokumenteras inte. Bemötandet bedöms som tillfredsställande.")
        {
            Participants = [Municipal(developer, "kvalitetsutvecklare"), (trygga.Name, "företrädare", ParticipantSide.Provider, null)],
            Notes = notes[..1],
            Response = (trygga, ResponseKind.FactualCorrection, "Två av de uteblivna besöken avbokades av brukaren själv, vilket framgår av vår planering."),
            Dispute = (trygga, "Vi menar att bedömningen av planeringen bygger på ett för litet urval och begär att en oberoende granskare ser över rapporten."),
        });

        // Draft: a targeted follow-up over two of Omsorgshuset's units, decided by the management group.
        var targetedStart = today.AddDays(-32);
        var targeted = Plan(manager, ReviewType.TargetedFollowUp, "Särskilt riktad uppföljning av läkemedelshantering, Omsorgshuset", homeCare,
            ["Omsorgshuset Hemtjänst Sickla (fiktiv)", "Omsorgshuset Hemtjänst Älta (fiktiv)"], targetedStart, targetedStart.AddDays(21),
            "Ledningsgruppens beslut efter flera avvikelser om läkemedelshantering under våren.", Number(1105), VisitMode.OnSite);
        (targeted.LeadUserId, targeted.LeadName) = (developer.UserId, developer.Name);
        Take(targeted, new Course(ReviewState.DraftReport, developer, targetedStart, "Omsorgshusets kontor, Exempelgatan 1, Sickla", MostlyGood,
            "Rutinen för läkemedelshantering finns men följs inte fullt ut i Älta. Sickla bedöms som tillfredsställande.")
        {
            Participants = [Municipal(developer, "kvalitetsutvecklare"), Municipal(mas, "medicinskt ansvarig sjuksköterska")],
        });

        // Preparing: MAS/MAR's yearly health-care review of Omsorgshuset's nursing home, visit booked.
        var masStart = today.AddDays(-10);
        var healthCare = Plan(mas, ReviewType.HealthCareReview, "Hälso- och sjukvårdsgranskning Sjöutsikten", nursingHome,
            ["Omsorgshuset Vård- och omsorgsboende Sjöutsikten (fiktiv)"], masStart, masStart.AddDays(21), null, Number(1106), VisitMode.OnSite);
        Take(healthCare, new Course(ReviewState.Preparing, mas, masStart, "Sjöutsikten, Exempelgatan 3, Sickla", Good, "")
        {
            Participants = [Municipal(mas, "medicinskt ansvarig sjuksköterska"), ("Sigrid Sjuksköterska (fiktiv)", "ansvarig sjuksköterska", ParticipantSide.Provider, null)],
        });

        // Visit done: the in-house home care, led by the district's follow-up officer on equal terms.
        var inHouseStart = today.AddDays(-25);
        var inHouse = Plan(district, ReviewType.QualityReview, "Kvalitetsgranskning Hemtjänsten egen regi Nacka centrum", homeCare,
            ["Hemtjänsten egen regi Nacka centrum (fiktiv)"], inHouseStart, inHouseStart.AddDays(21), null, Number(1107), VisitMode.OnSite);
        Take(inHouse, new Course(ReviewState.VisitDone, district, inHouseStart, "Hemtjänsten Nacka centrum, Exempelgatan 9", MostlyGood, "")
        {
            Participants = [Municipal(district, "uppföljare, Stadsdelsförvaltning Norr"), ("Enhetschef egen regi (fiktiv)", "enhetschef", ParticipantSide.Provider, null)],
            Notes = notes[1..],
        });

        // Final: supervision of an independent preschool; the provider did not answer within the time.
        var supervisionStart = today.AddDays(-90);
        var supervision = Plan(developer, ReviewType.PreschoolSupervision, "Tillsyn av Exempelträdets förskola Orminge", preschool,
            ["Exempelträdets förskola Orminge (fiktiv)"], supervisionStart, supervisionStart.AddDays(21), null, Number(1108), VisitMode.OnSite);
        Take(supervision, new Course(ReviewState.Final, developer, supervisionStart, "Exempelträdets förskola, Exempelgatan 15, Orminge", AllFour,
            "Undervisningen bedrivs enligt läroplanen och barnen trivs. Det systematiska kvalitetsarbetet kan utvecklas; barngruppernas storlek är en brist och rutinen för barn i behov av särskilt stöd saknas.")
        {
            Participants = [Municipal(developer, "kvalitetsutvecklare"), ("Rektor Exempelträdet (fiktiv)", "rektor", ParticipantSide.Provider, null)],
            Notes = [(InterviewGroup.Staff, "Förskollärarna beskriver att planeringstiden ofta går förlorad vid sjukfrånvaro.")],
        });

        // Final: the previous insight into the municipality's own preschool. Its deficiencies, a serious one among them, are
        // pointed out (påtalade brister) and followed up like any provider's, but never sanctioned (rule 1).
        var insightStart = today.AddDays(-150);
        var earlierInsight = Plan(developer, ReviewType.PreschoolInsight, "Insyn i Förskolan Ekorren, föregående omgång", preschool, ["Förskolan Ekorren, egen regi (fiktiv)"],
            insightStart, insightStart.AddDays(21), null, Number(1109), VisitMode.OnSite);
        Take(earlierInsight, new Course(ReviewState.Final, developer, insightStart, "Förskolan Ekorren, Exempelgatan 20, Sickla", AllFour,
            "Barnen trivs och undervisningen följer läroplanen. Barngrupperna är för stora och rutinen för barn i behov av särskilt stöd saknas, vilket är en allvarlig brist.")
        {
            Participants = [Municipal(developer, "kvalitetsutvecklare"), ("Rektor Ekorren (fiktiv)", "rektor", ParticipantSide.Provider, null)],
        });

        // Planned: insight into the municipality's own preschool, alike the supervision.
        Plan(developer, ReviewType.PreschoolInsight, "Insyn i Förskolan Ekorren", preschool, ["Förskolan Ekorren, egen regi (fiktiv)"],
            today.AddDays(-12), today.AddDays(20), null, null, VisitMode.OnSite);

        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateTimeOffset Moment(DateOnly day, int hour = 10) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static void Check(Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"Demo review step refused: {refusal.Message}");
        }
    }
}
