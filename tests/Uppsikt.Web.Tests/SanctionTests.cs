using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Features.Deficiencies;
using Uppsikt.Web.Features.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Documents;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Sanctions through the API: proposed among the sanctions the conditions allow, assessed by the group manager, decided by the
/// committee's secretary, with the letter in the provider's portal and a warning's visits planned; never at an in-house unit or
/// before the provider's time to respond; a persisting deficiency proposes the next step. Refusals change nothing.
/// </summary>
public sealed class SanctionTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.SwedishToday();

    private static async Task<SanctionDetails> SanctionAsync(HttpClient api, Guid id) => await Api.ReadAsync<SanctionDetails>(await api.GetAsync($"/api/v1/sanctions/{id}", Cancel));

    /// <summary>A final review's action plan at Omsorgshuset, and its deficiencies with the sanctions their conditions allow.</summary>
    private async Task<(Guid PlanId, IReadOnlyList<(Guid Id, Assessment Severity, List<SanctionType> Allowed)> Deficiencies)> PlanAsync(string marker)
    {
        var reviewId = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, ReviewState.Final, marker) { Worst = Assessment.SeriousDeficiency });
        return await app.WithDbAsync(async db =>
        {
            var plan = await db.ActionPlans.AsNoTracking().Include(p => p.Deficiencies).SingleAsync(p => p.OriginId == reviewId);
            var allowed = await db.ConditionVersions.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Sanctions);
            return (plan.Id, (IReadOnlyList<(Guid, Assessment, List<SanctionType>)>)[.. plan.Deficiencies.OrderBy(d => d.Number).Select(d =>
                (d.Id, d.Severity, d.ConditionVersionIds.SelectMany(v => allowed[v]).Distinct().Order().ToList()))]);
        });
    }

    /// <summary>A Word document's text, after checking that it is one and that it validates.</summary>
    private static async Task<string> WordAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Cancel)), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document, Cancel).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        return string.Join('\n', document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    private static async Task<int> CountAsync(HttpClient api, Guid planId) =>
        (await Api.ReadAsync<PagedList<SanctionRow>>(await api.GetAsync($"/api/v1/sanctions?actionPlanId={planId}", Cancel))).Total;

    [Fact]
    public async Task ASanctionGoesFromProposalThroughAssessmentToTheCommitteesDecisionAndTheProvidersLetter()
    {
        var (planId, deficiencies) = await PlanAsync("(sanktionsresa)");
        var deficiency = deficiencies.First(d => d.Allowed.Count > 0);
        var type = deficiency.Allowed.Where(t => Sanction.NeedsDeadline(t)).DefaultIfEmpty(deficiency.Allowed[0]).First();
        var notAllowed = Enum.GetValues<SanctionType>().First(t => !deficiency.Allowed.Contains(t));
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var manager = await app.ApiClientAs(Demo.GroupManager);
        using var secretary = await app.ApiClientAs(Demo.CommitteeSecretary);
        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using var other = await app.ApiClientAs(Demo.TryggaHanderUser);

        // Neither the provider nor a sanction the conditions do not name; nothing is created.
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync("/api/v1/sanctions",
            new { actionPlanId = planId, deficiencyIds = new[] { deficiency.Id }, type, motivation = "Anordnaren föreslår" }, Cancel)).StatusCode);
        using (var refused = await developer.PostAsJsonAsync("/api/v1/sanctions",
            new { actionPlanId = planId, deficiencyIds = new[] { deficiency.Id }, type = notAllowed, motivation = "Fel sanktion" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"Type\"", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        using (var empty = await developer.PostAsJsonAsync("/api/v1/sanctions", new { actionPlanId = planId, deficiencyIds = new[] { deficiency.Id }, type }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("\"Motivation\"", await empty.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        Assert.Equal(0, await CountAsync(developer, planId));

        using var created = await developer.PostAsJsonAsync("/api/v1/sanctions",
            new { actionPlanId = planId, deficiencyIds = new[] { deficiency.Id }, type, motivation = "Bristen är allvarlig och har funnits länge (sanktionsresa)." }, Cancel);
        var sanction = await Api.ReadCreatedAsync<SanctionDetails>(created);
        Assert.Equal(SanctionState.Proposed, sanction.State);
        Assert.Equal(deficiency.Allowed, sanction.AllowedTypes);

        // A second proposal for the same deficiency while the first is open is refused; the provider sees nothing yet.
        Assert.Equal(HttpStatusCode.BadRequest, (await developer.PostAsJsonAsync("/api/v1/sanctions",
            new { actionPlanId = planId, deficiencyIds = new[] { deficiency.Id }, type, motivation = "Igen" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/api/v1/sanctions/{sanction.Id}", Cancel)).StatusCode);
        Assert.Equal(0, await CountAsync(provider, planId));

        // The committee cannot decide before the group manager; the group manager asks for more review, with what to review.
        Assert.Equal(HttpStatusCode.Conflict, (await secretary.PostAsJsonAsync($"/api/v1/sanctions/{sanction.Id}/decision",
            new { decided = true, type, decidedOn = Today, paragraph = "12", caseNumber = "SOC-2026-00077", fixBy = Today.AddMonths(2), version = sanction.Version }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await developer.PostAsJsonAsync($"/api/v1/sanctions/{sanction.Id}/assessment",
            new { outcome = "ToCommittee", version = sanction.Version }, Cancel)).StatusCode);
        using (var noComment = await manager.PostAsJsonAsync($"/api/v1/sanctions/{sanction.Id}/assessment", new { outcome = "MoreReview", version = sanction.Version }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
            Assert.Contains("\"Comment\"", await noComment.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        await Expect.OkAsync(await manager.PostAsJsonAsync($"/api/v1/sanctions/{sanction.Id}/assessment",
            new { outcome = "MoreReview", comment = "Begär in personalens schema för de senaste tre månaderna.", version = sanction.Version }, Cancel));
        sanction = await SanctionAsync(developer, sanction.Id);
        Assert.Equal(SanctionState.MoreReviewNeeded, sanction.State);
        await Expect.OkAsync(await developer.PostAsJsonAsync($"/api/v1/sanctions/{sanction.Id}/revision",
            new { type, motivation = "Schemat visar att bristen kvarstår (sanktionsresa).", version = sanction.Version }, Cancel));
        sanction = await SanctionAsync(developer, sanction.Id);
        await Expect.OkAsync(await manager.PostAsJsonAsync($"/api/v1/sanctions/{sanction.Id}/assessment",
            new { outcome = "ToCommittee", comment = "Underlaget räcker nu.", version = sanction.Version }, Cancel));
        sanction = await SanctionAsync(developer, sanction.Id);
        Assert.Equal(SanctionState.AwaitingCommittee, sanction.State);
        // Who cannot take the next step reads on the page what it waits for, and who takes it.
        using (var page = await app.CreateClientAs(Demo.QualityDeveloper))
        {
            var html = await page.GetStringAsync($"/Sanctions/Details/{sanction.Id}", Cancel);
            Assert.Contains($"Beslutet registreras av nämndsekreteraren för {sanction.CommitteeName}.", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }

        // The secretary: a deadline is required for a warning or injunction, and at most six months ahead.
        if (Sanction.NeedsDeadline(type))
        {
            using var noDeadline = await secretary.PostAsJsonAsync($"/api/v1/sanctions/{sanction.Id}/decision",
                new { decided = true, type, decidedOn = Today, paragraph = "12", caseNumber = "SOC-2026-00077", version = sanction.Version }, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, noDeadline.StatusCode);
            Assert.Contains("\"FixBy\"", await noDeadline.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        using (var badCase = await secretary.PostAsJsonAsync($"/api/v1/sanctions/{sanction.Id}/decision",
            new { decided = true, type, decidedOn = Today, paragraph = "12", caseNumber = "inte ett diarienummer", fixBy = Today.AddMonths(2), version = sanction.Version }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badCase.StatusCode);
            Assert.Contains("\"CaseNumber\"", await badCase.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        Assert.Equal(SanctionState.AwaitingCommittee, (await SanctionAsync(developer, sanction.Id)).State);
        var fixBy = Today.AddMonths(2);
        await Expect.OkAsync(await secretary.PostAsJsonAsync($"/api/v1/sanctions/{sanction.Id}/decision",
            new { decided = true, type, decidedOn = Today, paragraph = "12", caseNumber = "SOC-2026-00077", fixBy, version = sanction.Version }, Cancel));
        sanction = await SanctionAsync(developer, sanction.Id);
        Assert.Equal(SanctionState.Decided, sanction.State);
        Assert.Equal("§ 12", sanction.Decision!.Paragraph);
        Assert.Equal(["Proposed", "MoreReviewNeeded", "Revised", "ToCommittee", "Decided"], sanction.Steps.Select(s => s.Kind.ToString()));

        // A warning plans the verification visit after its deadline and the check the following year.
        if (type is SanctionType.Warning or SanctionType.WarningWithActionPlan)
        {
            var visits = await app.WithDbAsync(db => db.Reviews.AsNoTracking()
                .Where(r => r.Id == sanction.VerificationReviewId || r.Id == sanction.YearCheckReviewId)
                .Select(r => new { r.Type, r.PlannedFor, r.State }).OrderBy(r => r.PlannedFor).ToListAsync());
            Assert.Equal([fixBy.AddDays(1), fixBy.AddYears(1)], visits.Select(v => v.PlannedFor));
            Assert.All(visits, v => Assert.Equal((ReviewType.FollowUpReview, ReviewState.Planned), (v.Type, v.State)));
        }

        // The provider reads the decision and its letter, not the assessment nor the memo; another provider nothing.
        var seen = await SanctionAsync(provider, sanction.Id);
        Assert.Null(seen.AssessmentComment);
        Assert.Empty(seen.Steps);
        using (var letter = await provider.GetAsync($"/api/v1/sanctions/{sanction.Id}/letter", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
            Assert.Equal(WordDocument.ContentType, letter.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/api/v1/sanctions/{sanction.Id}/memo", Cancel)).StatusCode);
        // Both documents are valid Word documents with what the decision needs.
        var memo = await WordAsync(developer, $"/api/v1/sanctions/{sanction.Id}/memo");
        Assert.Contains("Tjänsteskrivelse", memo, StringComparison.Ordinal);
        Assert.Contains("SOC-2026-00077", memo, StringComparison.Ordinal);
        Assert.Contains("Förslag till beslut", memo, StringComparison.Ordinal);
        Assert.Contains("Villkor som inte uppfylls", memo, StringComparison.Ordinal);
        Assert.Contains("Anordnarens svar", memo, StringComparison.Ordinal);
        Assert.Contains(sanction.Deficiencies[0].Description, memo, StringComparison.Ordinal);
        Assert.Contains(SwedishText.Date(sanction.Deficiencies[0].DeadlineOn), memo, StringComparison.Ordinal);
        var letterText = await WordAsync(provider, $"/api/v1/sanctions/{sanction.Id}/letter");
        Assert.Contains("§ 12", letterText, StringComparison.Ordinal);
        Assert.Contains($"beslutat om {DisplayNames.Of(type).ToLower(SwedishText.Culture)} mot ", letterText, StringComparison.Ordinal);
        if (Sanction.NeedsDeadline(type))
        {
            Assert.Contains($"senast {SwedishText.Date(fixBy)}", letterText, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/sanctions/{sanction.Id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/sanctions/{sanction.Id}/letter", Cancel)).StatusCode);
        var letters = await app.WithDbAsync(db => db.PortalDocuments.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Message!.Contains(sanction.Id.ToString())).Select(d => d.ProviderId).ToListAsync());
        Assert.Equal([sanction.ProviderId], letters);
    }

    [Fact]
    public async Task NoSanctionIsProposedForAnInHouseUnitNorBeforeTheProviderHasHadItsTimeToRespond()
    {
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        // The demo's earlier insight into the municipality's own preschool: pointed-out deficiencies, never a sanction (rule 1).
        var inHouse = await app.WithDbAsync(db => db.ActionPlans.AsNoTracking().Where(p => p.InHouse)
            .Select(p => new { p.Id, Deficiency = p.Deficiencies.Select(d => d.Id).First() }).FirstAsync());
        using (var refused = await developer.PostAsJsonAsync("/api/v1/sanctions",
            new { actionPlanId = inHouse.Id, deficiencyIds = new[] { inHouse.Deficiency }, type = "Remark", motivation = "Försök" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("egen regi", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        Assert.Equal(0, await CountAsync(developer, inHouse.Id));
        using var page = await app.CreateClientAs(Demo.QualityDeveloper);
        var form = await page.GetStringAsync($"/Sanctions/New?ActionPlanId={inHouse.Id}", Cancel);
        Assert.Contains("egen regi får inga sanktioner", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Motivation\"", form, StringComparison.Ordinal);

        // A deficiency registered from a serious complaint today: the provider has until the plan's date to respond (rule 5).
        var complaintId = await app.WithDbAsync(db => db.Complaints.AsNoTracking()
            .Where(c => c.Severity == Domain.Evidence.Severity.Serious && c.Unit!.Ownership != Domain.Register.Ownership.InHouse
                && !db.ActionPlans.Any(p => p.OriginId == c.Id))
            .Select(c => c.Id).FirstAsync());
        using var registered = await developer.PostAsJsonAsync("/api/v1/action-plans", new
        {
            origin = "Complaint",
            matterId = complaintId,
            severity = "SeriousDeficiency",
            area = "Bemötande",
            description = "Allvarligt klagomål (sanktionstest)",
            requiredAction = "Utred och åtgärda",
            fixWithinMonths = 2,
        }, Cancel);
        var plan = await Api.ReadCreatedAsync<ActionPlanDetails>(registered);
        using (var early = await developer.PostAsJsonAsync("/api/v1/sanctions",
            new { actionPlanId = plan.Id, deficiencyIds = new[] { plan.Deficiencies[0].Id }, type = "Warning", motivation = "För tidigt" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Contains(SwedishText.Date(plan.PlanDueOn), await early.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        Assert.Equal(0, await CountAsync(developer, plan.Id));
    }

    [Fact]
    public async Task ADeficiencyThatPersistsAtTheFollowUpProposesTheNextStepOfTheLadder()
    {
        var (planId, deficiencies) = await PlanAsync("(trappa)");
        var minor = deficiencies.First(d => d.Severity == Assessment.MinorDeficiency && d.Allowed.Count > 0);
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var manager = await app.ApiClientAs(Demo.GroupManager);
        using var secretary = await app.ApiClientAs(Demo.CommitteeSecretary);
        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);

        // The committee decided the mildest sanction the conditions allow.
        var first = minor.Allowed[0];
        using var created = await developer.PostAsJsonAsync("/api/v1/sanctions",
            new { actionPlanId = planId, deficiencyIds = new[] { minor.Id }, type = first, motivation = "Första steget (trappa)." }, Cancel);
        var sanction = await Api.ReadCreatedAsync<SanctionDetails>(created);
        await Expect.OkAsync(await manager.PostAsJsonAsync($"/api/v1/sanctions/{sanction.Id}/assessment", new { outcome = "ToCommittee", version = sanction.Version }, Cancel));
        sanction = await SanctionAsync(developer, sanction.Id);
        await Expect.OkAsync(await secretary.PostAsJsonAsync($"/api/v1/sanctions/{sanction.Id}/decision",
            new { decided = true, type = first, decidedOn = Today, paragraph = "3", caseNumber = "SOC-2026-00078", fixBy = Today.AddMonths(1), version = sanction.Version }, Cancel));

        // The plan: actions for every deficiency, approved, the minor one's done; the follow-up by phone finds it still there.
        var plan = await Api.ReadAsync<ActionPlanDetails>(await provider.GetAsync($"/api/v1/action-plans/{planId}", Cancel));
        foreach (var deficiency in plan.Deficiencies)
        {
            var current = await Api.ReadAsync<ActionPlanDetails>(await provider.GetAsync($"/api/v1/action-plans/{planId}", Cancel));
            await Expect.OkAsync(await provider.PostAsJsonAsync($"/api/v1/action-plans/{planId}/actions",
                new { deficiencyId = deficiency.Id, description = "Åtgärd (trappa)", responsibleName = "Vera Verksamhetschef (fiktiv)", dueOn = Today.AddDays(10), version = current.Version }, Cancel));
        }
        plan = await Api.ReadAsync<ActionPlanDetails>(await provider.GetAsync($"/api/v1/action-plans/{planId}", Cancel));
        await Expect.OkAsync(await provider.PostAsJsonAsync($"/api/v1/action-plans/{planId}/submission", new { version = plan.Version }, Cancel));
        plan = await Api.ReadAsync<ActionPlanDetails>(await developer.GetAsync($"/api/v1/action-plans/{planId}", Cancel));
        await Expect.OkAsync(await developer.PostAsJsonAsync($"/api/v1/action-plans/{planId}/approval", new { version = plan.Version }, Cancel));
        plan = await Api.ReadAsync<ActionPlanDetails>(await developer.GetAsync($"/api/v1/action-plans/{planId}", Cancel));
        await Expect.OkAsync(await developer.PostAsJsonAsync($"/api/v1/action-plans/{planId}/deficiencies/{minor.Id}/verifications", new
        {
            method = "PhoneCall",
            checkedWhat = "Samtal med verksamhetschefen (trappa)",
            @fixed = false,
            verifiedOn = Today,
            newDeadlineOn = Today.AddMonths(2),
            version = plan.Version,
        }, Cancel));

        var list = await Api.ReadAsync<PagedList<SanctionRow>>(await developer.GetAsync($"/api/v1/sanctions?actionPlanId={planId}&state=Proposed", Cancel));
        var next = Assert.Single(list.Items);
        Assert.True(next.Escalation);
        Assert.Equal(Sanction.NextStep(minor.Allowed, [first]), next.ProposedType);
        var details = await SanctionAsync(developer, next.Id);
        Assert.Equal([minor.Id], details.Deficiencies.Select(d => d.Id));
        Assert.Contains("kvarstod", details.Motivation, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync($"/api/v1/sanctions/{next.Id}", Cancel)).StatusCode);
    }
}
