using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Features.Deficiencies;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Mail;
using Uppsikt.Web.Infrastructure.Notifications;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// Deficiencies through the API and the pages: a final report's deficiencies reach the provider in an action plan, which the
/// provider cannot submit incomplete; the municipality approves it; the provider reports actions done with evidence; a
/// deficiency closes only on the municipality's verification, a serious one only at a visit; another provider sees none of it.
/// </summary>
public sealed class DeficiencyTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateOnly Today => TimeProvider.System.SwedishToday();

    private static async Task<ActionPlanDetails> PlanAsync(HttpClient api, Guid id) => await Api.ReadAsync<ActionPlanDetails>(await api.GetAsync($"/api/v1/action-plans/{id}", Cancel));

    private async Task<Guid> PlanOfReviewAsync(HttpClient api, Guid reviewId)
    {
        var list = await Api.ReadAsync<PagedList<DeficiencyRow>>(await api.GetAsync($"/api/v1/deficiencies?originId={reviewId}", Cancel));
        return Assert.Single(list.Items.Select(d => d.ActionPlanId).Distinct());
    }

    [Fact]
    public async Task ADeficiencyGoesFromTheFinalReportThroughTheActionPlanToVerifiedClosure()
    {
        var reviewId = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, ReviewState.Final, "(bristresa)") { Worst = Assessment.SeriousDeficiency });
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var provider = await app.ApiClientAs(Demo.OmsorgshusetUser);
        using var other = await app.ApiClientAs(Demo.TryggaHanderUser);
        var planId = await PlanOfReviewAsync(developer, reviewId);
        var plan = await PlanAsync(provider, planId);
        Assert.Equal(ActionPlanState.AwaitingPlan, plan.State);
        Assert.Equal([Assessment.MinorDeficiency, Assessment.SeriousDeficiency], plan.Deficiencies.Select(d => d.Severity).Distinct().Order());
        Assert.All(plan.Deficiencies, d => Assert.Equal(Today.AddMonths(Review.DefaultFixMonths), d.DeadlineOn));

        // Another provider learns nothing of it.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/action-plans/{planId}", Cancel)).StatusCode);
        Assert.Empty((await Api.ReadAsync<PagedList<DeficiencyRow>>(await other.GetAsync($"/api/v1/deficiencies?originId={reviewId}", Cancel))).Items);
        using (var intruder = await other.PostAsJsonAsync($"/api/v1/action-plans/{planId}/actions",
            new { deficiencyId = plan.Deficiencies[0].Id, description = "Inkräktare", responsibleName = "Inkräktare", dueOn = Today.AddDays(5), version = plan.Version }, Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, intruder.StatusCode);
        }

        // Incomplete: refused, and nothing changes.
        using (var refused = await provider.PostAsJsonAsync($"/api/v1/action-plans/{planId}/submission", new { version = plan.Version }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Saknar åtgärd", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        using (var late = await provider.PostAsJsonAsync($"/api/v1/action-plans/{planId}/actions",
            new { deficiencyId = plan.Deficiencies[0].Id, description = "För sent", responsibleName = "Vera Verksamhetschef (fiktiv)", dueOn = plan.Deficiencies[0].DeadlineOn.AddDays(1), version = plan.Version }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains("DueOn", await late.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        foreach (var deficiency in plan.Deficiencies)
        {
            var current = await PlanAsync(provider, planId);
            using var added = await provider.PostAsJsonAsync($"/api/v1/action-plans/{planId}/actions",
                new { deficiencyId = deficiency.Id, description = $"Åtgärd mot brist {deficiency.Number}", responsibleName = "Vera Verksamhetschef (fiktiv)", dueOn = Today.AddDays(20), version = current.Version }, Cancel);
            await Expect.OkAsync(added);
        }
        plan = await PlanAsync(provider, planId);
        await Expect.OkAsync(await provider.PostAsJsonAsync($"/api/v1/action-plans/{planId}/submission", new { comment = "Klar.", version = plan.Version }, Cancel));

        // Only the municipality approves.
        plan = await PlanAsync(developer, planId);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync($"/api/v1/action-plans/{planId}/approval", new { version = plan.Version }, Cancel)).StatusCode);
        await Expect.OkAsync(await developer.PostAsJsonAsync($"/api/v1/action-plans/{planId}/approval", new { version = plan.Version }, Cancel));

        // Done needs evidence: a file attached to the plan.
        plan = await PlanAsync(provider, planId);
        var minor = plan.Deficiencies.First(d => d.Severity == Assessment.MinorDeficiency);
        var serious = plan.Deficiencies.First(d => d.Severity == Assessment.SeriousDeficiency);
        var action = minor.Actions[0];
        using (var noEvidence = await provider.PostAsJsonAsync($"/api/v1/action-plans/{planId}/actions/{action.Id}/done",
            new { report = "Genomfört.", evidenceFileIds = Array.Empty<Guid>(), version = plan.Version }, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
            Assert.Contains("Evidence", await noEvidence.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("Underlag (test)"u8.ToArray()), "file", "Underlag.txt" } };
        using var uploaded = await provider.PostAsync($"/api/v1/action-plans/{planId}/files", upload, Cancel);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var fileId = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("id").GetGuid();
        foreach (var done in plan.Deficiencies.SelectMany(d => d.Actions))
        {
            var current = await PlanAsync(provider, planId);
            await Expect.OkAsync(await provider.PostAsJsonAsync($"/api/v1/action-plans/{planId}/actions/{done.Id}/done",
                new { report = "Genomfört enligt planen.", evidenceFileIds = new[] { fileId }, version = current.Version }, Cancel));
        }

        // Never on the provider's word alone; a serious deficiency only at a visit.
        plan = await PlanAsync(developer, planId);
        var byPhone = new { method = "PhoneCall", checkedWhat = "Samtal med verksamhetschefen.", @fixed = true, verifiedOn = Today, version = plan.Version };
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync($"/api/v1/action-plans/{planId}/deficiencies/{minor.Id}/verifications", byPhone, Cancel)).StatusCode);
        using (var notAVisit = await developer.PostAsJsonAsync($"/api/v1/action-plans/{planId}/deficiencies/{serious.Id}/verifications", byPhone, Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notAVisit.StatusCode);
            Assert.Contains("Method", await notAVisit.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        var verified = await Api.ReadAsync<ActionPlanDetails>(
            await developer.PostAsJsonAsync($"/api/v1/action-plans/{planId}/deficiencies/{minor.Id}/verifications", byPhone, Cancel));
        Assert.Equal(DeficiencyState.Fixed, verified.Deficiencies.Single(d => d.Id == minor.Id).State);
        Assert.Equal(ActionPlanState.Approved, verified.State);

        // The pages: the provider's list and the plan, and the municipality's verification form.
        using var providerPages = await app.CreateClientAs(Demo.OmsorgshusetUser);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await providerPages.GetAsync(ActionPlansHandler.PlanUrl(planId), Cancel)));
        Assert.Contains("Åtgärdad och verifierad", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Verifiera brist", html, StringComparison.Ordinal);
        using var developerPages = await app.CreateClientAs(Demo.QualityDeveloper);
        html = WebUtility.HtmlDecode(await Expect.OkAsync(await developerPages.GetAsync(ActionPlansHandler.PlanUrl(planId), Cancel)));
        Assert.Contains($"Verifiera brist {serious.Number}", html, StringComparison.Ordinal);
        html = WebUtility.HtmlDecode(await Expect.OkAsync(await developerPages.GetAsync("/Deficiencies?Need=AwaitingVerification", Cancel)));
        Assert.Contains(serious.Area, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinalisingAReportRegistersItsDeficienciesAndTellsTheProvider()
    {
        var reviewId = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.TryggaHander, ReviewState.Communicated, "(fastställs)")
        {
            Worst = Assessment.MinorDeficiency,
            CommunicatedOn = Today.AddDays(-20),
        });
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        var review = JsonDocument.Parse(await Expect.OkAsync(await developer.GetAsync($"/api/v1/reviews/{reviewId}", Cancel))).RootElement;
        await Expect.OkAsync(await developer.PostAsJsonAsync($"/api/v1/reviews/{reviewId}/finalisation", new { version = review.GetProperty("version").GetInt32() }, Cancel));
        var planId = await PlanOfReviewAsync(developer, reviewId);
        var plan = await PlanAsync(developer, planId);
        Assert.All(plan.Deficiencies, d => Assert.Equal(Assessment.MinorDeficiency, d.Severity));
        Assert.All(plan.Deficiencies, d => Assert.Equal("Åtgärda bristen (test).", d.RequiredAction));
        Assert.Equal(Today.AddDays(30), plan.PlanDueOn);
        Assert.Contains(plan.Timeline, s => s.Kind == ActionPlanStepKind.Created);
        using var provider = await app.CreateClientAs(Demo.TryggaHanderUser);
        var portal = WebUtility.HtmlDecode(await Expect.OkAsync(await provider.GetAsync("/Portal", Cancel)));
        Assert.Contains("Åtgärdsplan att lämna", portal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDeficiencyListSortsAndPages()
    {
        await TestReviews.SeedAsync(app, new ReviewSpec(Demo.Omsorgshuset, ReviewState.Final, "(sortering)"));
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        foreach (var sort in new[] { "deadline", "identified", "area", "severity", "unit", "provider", "state" })
        {
            var ascending = await Api.ReadAsync<PagedList<DeficiencyRow>>(await developer.GetAsync($"/api/v1/deficiencies?sort={sort}&pageSize=200", Cancel));
            var descending = await Api.ReadAsync<PagedList<DeficiencyRow>>(await developer.GetAsync($"/api/v1/deficiencies?sort={sort}&descending=true&pageSize=200", Cancel));
            Assert.True(ascending.Total >= 2);
            Assert.Equal(ascending.Items.Select(d => d.Id).Order(), descending.Items.Select(d => d.Id).Order());
        }
        var first = await Api.ReadAsync<PagedList<DeficiencyRow>>(await developer.GetAsync("/api/v1/deficiencies?pageSize=1&page=1", Cancel));
        var second = await Api.ReadAsync<PagedList<DeficiencyRow>>(await developer.GetAsync("/api/v1/deficiencies?pageSize=1&page=2", Cancel));
        Assert.NotEqual(first.Items[0].Id, second.Items[0].Id);
        var byDeadline = await Api.ReadAsync<PagedList<DeficiencyRow>>(await developer.GetAsync("/api/v1/deficiencies?sort=deadline&pageSize=200", Cancel));
        Assert.Equal(byDeadline.Items.Select(d => d.DeadlineOn).Order(), byDeadline.Items.Select(d => d.DeadlineOn));
    }

    [Fact]
    public async Task TheProviderIsRemindedOnceBeforeThePlansDayAndOnceAfterIt()
    {
        var reviewId = await TestReviews.SeedAsync(app, new ReviewSpec(Demo.TryggaHander, ReviewState.Final, "(påminnelse)") { Worst = Assessment.MinorDeficiency });
        var planId = await app.WithDbAsync(db => db.ActionPlans.Where(p => p.OriginId == reviewId).Select(p => p.Id).SingleAsync(Cancel));
        var due = await app.WithDbAsync(db => db.ActionPlans.Where(p => p.Id == planId).Select(p => p.PlanDueOn).SingleAsync(Cancel));
        var settings = new DeficiencySettings();
        var counts = new List<int>();
        foreach (var day in new[] { due.AddDays(-8), due.AddDays(-7), due.AddDays(-3), due, due.AddDays(1), due.AddDays(2) })
        {
            await app.WithServicesAsync(async services =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                var clock = FixedClock.On(day);
                var handOffs = new HandOffs(db, new Outbox(db, clock), services.GetRequiredService<AppLinks>(), services.GetRequiredService<ICurrentActor>(), clock);
                var reminders = new ActionPlanReminders(db, handOffs, clock, settings, NullLogger<ActionPlanReminders>.Instance);
                // Other tests' plans may be due the same days; count only this plan's reminders.
                var before = await db.ActionPlanSteps.CountAsync(s => s.ActionPlanId == planId && s.Kind == ActionPlanStepKind.ReminderSent, Cancel);
                await reminders.EnqueueAsync(Cancel);
                counts.Add(await db.ActionPlanSteps.CountAsync(s => s.ActionPlanId == planId && s.Kind == ActionPlanStepKind.ReminderSent, Cancel) - before);
            });
        }
        Assert.Equal([0, 1, 0, 0, 1, 0], counts);
        // The provider's users hear of it as they chose; by default in the next day's summary.
        var notices = await app.WithDbAsync(db => db.PendingHandOffs.AsNoTracking().Where(p => p.DeduplicationKey.Contains("action-plan-reminder:")
            && p.DeduplicationKey.Contains(planId.ToString("N"))).Select(p => p.Text).ToListAsync(Cancel));
        Assert.Equal(2, notices.Count);
        Assert.Contains(notices, t => t.Contains($"senast {SwedishText.Date(due)}, om 7 dagar", StringComparison.Ordinal));
        Assert.Contains(notices, t => t.Contains("skulle ha lämnats in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheMunicipalityRegistersADeficiencyFromASeriousComplaintOnlyOnce()
    {
        var unitId = await app.GetUnitIdAsync(Demo.TryggaSaltsjobaden);
        var (serious, minor) = await app.WithDbAsync(async db =>
        {
            Domain.Evidence.Complaint Complaint(Domain.Evidence.Severity severity) => new()
            {
                UnitId = unitId,
                ReceivedOn = Today.AddDays(-3),
                Channel = Domain.Evidence.ComplaintChannel.Email,
                Category = Domain.Evidence.ComplaintCategory.Care,
                Severity = severity,
                Summary = $"Klagomål ({severity}, bristtest)",
            };
            var (a, b) = (Complaint(Domain.Evidence.Severity.Serious), Complaint(Domain.Evidence.Severity.Minor));
            db.Complaints.AddRange(a, b);
            await db.SaveChangesAsync(Cancel);
            return (a.Id, b.Id);
        });
        using var developer = await app.ApiClientAs(Demo.QualityDeveloper);
        using var provider = await app.ApiClientAs(Demo.TryggaHanderUser);
        object Input(Guid matterId) => new
        {
            origin = "Complaint",
            matterId,
            severity = "SeriousDeficiency",
            area = "Trygghet och säkerhet",
            description = "Larmet besvarades inte inom avtalad tid.",
            requiredAction = "Se över bemanningen av larmpatrullen.",
            fixWithinMonths = 2,
        };

        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync("/api/v1/action-plans", Input(serious), Cancel)).StatusCode);
        using (var notSerious = await developer.PostAsJsonAsync("/api/v1/action-plans", Input(minor), Cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notSerious.StatusCode);
            Assert.Contains("allvarliga klagomål", await notSerious.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }
        using var created = await developer.PostAsJsonAsync("/api/v1/action-plans", Input(serious), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var plan = await created.Content.ReadFromJsonAsync<ActionPlanDetails>(Api.Json, Cancel) ?? throw new InvalidOperationException("No plan in the answer.");
        Assert.Equal(DeficiencyOrigin.Complaint, plan.Origin);
        var deficiency = Assert.Single(plan.Deficiencies);
        Assert.Equal(Today.AddMonths(2), deficiency.DeadlineOn);
        Assert.False(plan.InHouse);
        Assert.Equal(HttpStatusCode.Conflict, (await developer.PostAsJsonAsync("/api/v1/action-plans", Input(serious), Cancel)).StatusCode);

        // The form: the serious complaint offers it, and the provider sees the plan.
        using var pages = await app.CreateClientAs(Demo.QualityDeveloper);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(await pages.GetAsync($"/Evidence/Complaints/Details/{serious}", Cancel)));
        Assert.Contains($"/Deficiencies/New?Origin=Complaint&MatterId={serious}", html, StringComparison.Ordinal);
        await Expect.OkAsync(await pages.GetAsync($"/Deficiencies/New?Origin=Complaint&MatterId={serious}", Cancel));
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/Deficiencies/New?Origin=Review&MatterId={serious}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync($"/api/v1/action-plans/{plan.Id}", Cancel)).StatusCode);
    }
}
