using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure.Checklists;
using Uppsikt.Web.Infrastructure.Timeline;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>
/// A unit's timeline (decisions 0021 and 0027): every source's entries in date order, the kind and period filters, paging that
/// never skips or repeats an entry when dates tie, provider isolation, a number of queries that does not grow with the rows, and
/// stored entries that follow every change of their records as a rebuild from the records would write them.
/// </summary>
public sealed class UnitTimelineTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Far enough back that the demo data, dated relative to today, never falls on these days.</summary>
    private static readonly DateTimeOffset ReviewStart = new(2019, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private sealed record Timeline(Guid UnitId, string UnitName, List<Kind> Kinds, List<Entry> Items, int Total, int Page, int PageSize);

    private sealed record Kind(string Key, string Name, int Order);

    private sealed record Entry(DateOnly Date, DateTimeOffset? At, string Kind, string KindName, string Title, string? Summary, string Link);

    private static async Task<Timeline> ReadAsync(HttpClient client, Guid unitId, string query = "pageSize=200")
    {
        using var response = await client.GetAsync($"/api/v1/units/{unitId}/timeline?{query}", Cancel);
        return await Api.ReadAsync<Timeline>(response);
    }

    /// <summary>
    /// A new unit of Omsorgshuset followed up by the northern district, in home care (where the demo has its quality reports and
    /// attestation) unless told otherwise.
    /// </summary>
    private Task<Guid> NewUnitAsync(string name, bool homeCare = true) => app.WithDbAsync(async db =>
    {
        var provider = await db.Providers.SingleAsync(p => p.Name == Demo.Omsorgshuset, Cancel);
        var north = await db.Administrations.SingleAsync(a => a.Name == Demo.NorthDistrict, Cancel);
        var unit = new Unit { Name = name, ProviderId = provider.Id, Ownership = Ownership.Private, City = "Sickla", AdministrationId = north.Id };
        if (homeCare)
        {
            unit.ChoiceSystems.Add(await db.ChoiceSystems.SingleAsync(c => c.Name == Demo.HomeCare, Cancel));
        }
        db.Units.Add(unit);
        await db.SaveChangesAsync(Cancel);
        return unit.Id;
    });

    private Task AddEvidenceAsync(Guid unitId, Action<AppDbContext> add) => app.WithDbAsync(async db =>
    {
        add(db);
        return await db.SaveChangesAsync(Cancel);
    });

    private static Complaint Complaint(Guid unitId, DateOnly received, string summary, bool forwarded = true)
    {
        var complaint = new Complaint
        {
            UnitId = unitId,
            ReceivedOn = received,
            Channel = ComplaintChannel.Phone,
            Category = ComplaintCategory.Timekeeping,
            Severity = Severity.Moderate,
            Summary = summary,
        };
        if (forwarded)
        {
            Assert.Null(complaint.Forward(received.AddDays(14), received));
        }
        return complaint;
    }

    private static Incident Incident(Guid unitId, DateOnly occurred, string summary) => new()
    {
        UnitId = unitId,
        Kind = IncidentKind.Deviation,
        Severity = Severity.Minor,
        OccurredOn = occurred,
        ReportedOn = occurred,
        ReportedBy = IncidentReporter.Provider,
        Summary = summary,
    };

    private static CaseWorkerObservation Observation(Guid unitId, DateOnly observed, string summary) => new()
    {
        UnitId = unitId,
        ObservedOn = observed,
        Category = ComplaintCategory.Continuity,
        Severity = Severity.Minor,
        Summary = summary,
        RecordedBy = "Hanna Handläggare (fiktiv)",
    };

    /// <summary>
    /// Plans a quality review of the unit through the domain; when <paramref name="finalise"/>, takes it through the visit (one
    /// question a minor deficiency, the rest satisfactory), the draft, communication, the provider's answer and finalisation, with
    /// the deficiency's action plan as finalising registers it.
    /// </summary>
    private async Task ReviewAsync(Guid unitId, string title, DateTimeOffset start, bool finalise)
    {
        var developer = new WorkflowActor(await app.GetUserIdAsync(Demo.QualityDeveloper), Demo.QualityDeveloperName, [Roles.QualityDeveloper]);
        var providerUserId = await app.GetUserIdAsync(Demo.OmsorgshusetUser);
        await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.Include(u => u.ChoiceSystems).SingleAsync(u => u.Id == unitId, Cancel);
            var homeCare = unit.ChoiceSystems.Single();
            var checklist = await db.QualityReportTemplates
                .Where(t => t.ChoiceSystemId == homeCare.Id && t.ReviewType == ReviewType.QualityReview && t.State == TemplateState.Active)
                .OrderByDescending(t => t.Year).FirstAsync(Cancel);
            var questions = await db.TemplateQuestions.Where(q => q.TemplateId == checklist.Id).OrderBy(q => q.Position).ToListAsync(Cancel);
            var day = DateOnly.FromDateTime(start.UtcDateTime);
            var (review, refused) = Review.Plan(new Review.PlanInput(ReviewType.QualityReview, title, homeCare.Id, [unit], day.AddDays(20), null,
                "SOC-2019-00012", checklist.Id, null, VisitMode.OnSite), developer, start, day);
            Assert.Null(refused);
            if (finalise)
            {
                Assert.Null(review!.StartPreparation(developer, start.AddDays(1), null));
                Assert.Null(review.ScheduleVisit(developer, VisitMode.OnSite, start.AddDays(2), "Exempelvägen 1"));
                foreach (var (question, i) in questions.Select((q, i) => (q, i)))
                {
                    Assert.Null(review.RecordFinding(developer, unitId, Checklists.ForFinding(question), "Ja", i == 0 ? $"Brist vid {title}" : null,
                        i == 0 ? Assessment.MinorDeficiency : Assessment.Satisfactory, [], start.AddDays(2), "Åtgärda bristen (test).").Refusal);
                }
                Assert.Null(review.RecordVisitDone(developer, start.AddDays(3), null));
                Assert.Null(review.WriteDraft(developer, start.AddDays(4), "Sammanfattning (test).", [.. questions.Where(q => q.Required).Select(Checklists.ForFinding)]));
                Assert.Null(review.Communicate(developer, start.AddDays(5), day.AddDays(5), 14, null, null));
                var provider = new WorkflowActor(providerUserId, "Olle Omsorgshuset (fiktiv)", [Roles.ProviderUser], null, unit.ProviderId);
                Assert.Null(review.Respond(provider, ResponseKind.Comment, "Vi har läst rapporten (test).", start.AddDays(6)).Refusal);
                Assert.Null(review.FinaliseReport(developer, start.AddDays(8), day.AddDays(8), null));
                var (plans, refusal) = ActionPlan.FromFinalReview(review, false, new Dictionary<Guid, Ownership> { [unitId] = unit.Ownership }, developer, start.AddDays(8), 30);
                Assert.Null(refusal);
                db.ActionPlans.AddRange(plans);
            }
            db.Reviews.Add(review!);
            return await db.SaveChangesAsync(Cancel);
        });
    }

    /// <summary>A unit with one entry of every unit-level kind, a finalised review with one deficiency and a review still only planned.</summary>
    private async Task<Guid> UnitWithEverythingAsync(string name)
    {
        var unitId = await NewUnitAsync(name);
        await AddEvidenceAsync(unitId, db => db.AddRange(
            Complaint(unitId, new DateOnly(2019, 2, 1), $"Klagomål vid {name}"),
            Complaint(unitId, new DateOnly(2019, 2, 2), $"Oöverlämnat klagomål vid {name}", forwarded: false),
            Incident(unitId, new DateOnly(2019, 1, 15), $"Avvikelse vid {name}"),
            Observation(unitId, new DateOnly(2018, 12, 10), $"Iakttagelse vid {name}")));
        await ReviewAsync(unitId, $"Granskning av {name}", ReviewStart, finalise: true);
        var planId = await app.WithDbAsync(db => db.ActionPlans.AsNoTracking().Where(p => p.UnitId == unitId).Select(p => p.Id).SingleAsync(Cancel));
        await TestSanctions.SeedAsync(app, planId, Domain.Sanctions.SanctionState.Decided);
        await ReviewAsync(unitId, $"Planerad granskning av {name}", ReviewStart.AddDays(30), finalise: false);
        return unitId;
    }

    [Fact]
    public async Task EverySourcesEntriesAppearNewestFirst()
    {
        const string Name = "Tidslinjen Alla källor (fiktiv)";
        var unitId = await UnitWithEverythingAsync(Name);
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);

        var timeline = await ReadAsync(quality, unitId);

        Assert.Equal(Name, timeline.UnitName);
        string[] every = ["review", "finding", "action-plan", "sanction", "complaint", "incident", "observation", "quality-report", "attestation"];
        Assert.Equal(every, timeline.Kinds.Select(k => k.Key));
        Assert.All(every, kind => Assert.Contains(timeline.Items, e => e.Kind == kind));
        Assert.Equal(timeline.Total, timeline.Items.Count);
        // Newest first: by day, and within a day by the instant where there is one.
        for (var i = 1; i < timeline.Items.Count; i++)
        {
            Assert.True(timeline.Items[i - 1].Date >= timeline.Items[i].Date, $"{timeline.Items[i - 1]} before {timeline.Items[i]}");
        }
        // The finalised review's milestones, in order, and its one deficiency; the satisfactory findings are not entries.
        var review = timeline.Items.Where(e => e.Kind == "review" && e.Summary!.StartsWith($"Granskning av {Name}", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["Kvalitetsgranskning: granskningen planerades", "Kvalitetsgranskning: besöket genomfördes", "Kvalitetsgranskning: rapporten kommunicerades med anordnaren",
                "Kvalitetsgranskning: anordnaren svarade", "Kvalitetsgranskning: rapporten fastställdes"],
            review.Select(e => e.Title).Reverse());
        Assert.Contains("Samlad bedömning: mindre brist.", review[0].Summary, StringComparison.Ordinal);
        Assert.StartsWith("/Reviews/Details?id=", review[0].Link, StringComparison.Ordinal);
        var finding = Assert.Single(timeline.Items, e => e.Kind == "finding");
        Assert.StartsWith("Mindre brist: ", finding.Title, StringComparison.Ordinal);
        Assert.Contains($"Brist vid Granskning av {Name}", finding.Summary, StringComparison.Ordinal);
        Assert.Equal(ReviewStart.AddDays(2), finding.At);
        // A record kept by day has no instant; its link is its own page.
        var complaint = Assert.Single(timeline.Items, e => e.Summary?.Contains($"Klagomål vid {Name}", StringComparison.Ordinal) == true);
        Assert.Equal(new DateOnly(2019, 2, 1), complaint.Date);
        Assert.Null(complaint.At);
        Assert.StartsWith("/Evidence/Complaints/Details/", complaint.Link, StringComparison.Ordinal);
        // Quality reports and attestations are the provider's: they show on its units in the same choice system.
        Assert.Contains(timeline.Items, e => e.Kind == "quality-report" && e.Title.EndsWith(" godkänd", StringComparison.Ordinal));
        Assert.Contains(timeline.Items, e => e.Kind == "attestation" && e.Link.StartsWith("/Portal/Attestations/Details/", StringComparison.Ordinal));

        // The page shows the same, with the unit's page linking to it.
        using var page = await quality.GetAsync($"/Register/Units/Timeline/{unitId}", Cancel);
        var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
        Assert.Contains($"Tidslinje för {Name}", html, StringComparison.Ordinal);
        Assert.Contains("Kvalitetsgranskning: rapporten fastställdes", html, StringComparison.Ordinal);
        Assert.Contains($"{timeline.Total} händelser", html, StringComparison.Ordinal);
        using var details = await quality.GetAsync($"/Register/Units/Details/{unitId}", Cancel);
        var detailsHtml = WebUtility.HtmlDecode(await Expect.OkAsync(details));
        Assert.Contains("Senaste händelser", detailsHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Register/Units/Timeline/{unitId}\"", detailsHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KindsAndPeriodFilterTheTimeline()
    {
        const string Name = "Tidslinjen Filter (fiktiv)";
        var unitId = await UnitWithEverythingAsync(Name);
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);

        var complaints = await ReadAsync(quality, unitId, "kinds=complaint");
        Assert.Equal(2, complaints.Total);
        Assert.All(complaints.Items, e => Assert.Equal("complaint", e.Kind));

        var two = await ReadAsync(quality, unitId, "kinds=complaint,incident&kinds=OBSERVATION");
        Assert.Equal(["complaint", "complaint", "incident", "observation"], two.Items.Select(e => e.Kind));

        // The period is inclusive at both ends and holds entries kept by day and by instant alike.
        var period = await ReadAsync(quality, unitId, "from=2019-01-15&to=2019-03-04");
        Assert.Equal(["review", "complaint", "complaint", "incident"], period.Items.Select(e => e.Kind));
        Assert.Equal("Kvalitetsgranskning: granskningen planerades", period.Items[0].Title);
        var review = await ReadAsync(quality, unitId, "kinds=review,finding&from=2019-03-05&to=2019-03-12");
        Assert.Equal(["review", "review", "review", "review", "finding"], review.Items.Select(e => e.Kind));

        using (var unknown = await quality.GetAsync($"/api/v1/units/{unitId}/timeline?kinds=complaint,sanctions", Cancel))
        {
            Assert.Contains("sanctions", await Expect.StatusAsync(unknown, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        }
        using (var backwards = await quality.GetAsync($"/api/v1/units/{unitId}/timeline?from=2019-03-01&to=2019-01-01", Cancel))
        {
            var problem = JsonDocument.Parse(await Expect.StatusAsync(backwards, HttpStatusCode.BadRequest));
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("to", out _));
        }
        foreach (var query in new[] { "from=igår", "from=0001-01-01", "to=9999-12-31" })
        {
            using var notADate = await quality.GetAsync($"/api/v1/units/{unitId}/timeline?{query}", Cancel);
            await Expect.StatusAsync(notADate, HttpStatusCode.BadRequest);
        }

        // The page: ticked kinds and the period, an empty result, and filters it cannot use shown as errors, never a server error.
        using (var page = await quality.GetAsync($"/Register/Units/Timeline/{unitId}?Kinds=incident&From=2019-01-01&To=2019-12-31", Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
            Assert.Contains($"Avvikelse vid {Name}", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"Klagomål vid {Name}", html, StringComparison.Ordinal);
            Assert.Contains("1 händelse<", html, StringComparison.Ordinal);
            Assert.Matches("value=\"incident\" checked", html);
            Assert.DoesNotMatch("value=\"complaint\" checked", html);
        }
        using (var empty = await quality.GetAsync($"/Register/Units/Timeline/{unitId}?Kinds=incident&From=2020-01-01", Cancel))
        {
            Assert.Contains("Inga händelser matchar filtret.", WebUtility.HtmlDecode(await Expect.OkAsync(empty)), StringComparison.Ordinal);
        }
        foreach (var (query, message) in new[]
        {
            ("From=2019-03-01&To=2019-01-01", "Till-datumet kan inte ligga före från-datumet."),
            ("Kinds=sanctions", "Okänd typ av händelse: sanctions."),
            ("From=igår", "”igår” är inte ett giltigt värde för från och med."),
            ("To=9999-12-31", "Ange ett datum mellan år 1900 och 2200."),
        })
        {
            using var refused = await quality.GetAsync($"/Register/Units/Timeline/{unitId}?{query}", Cancel);
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(refused));
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.DoesNotContain($"Klagomål vid {Name}", html, StringComparison.Ordinal);
        }
    }

    /// <summary>A unit in no choice system, so no provider-level entries: only what is seeded here, many on the same day.</summary>
    private async Task<(Guid UnitId, int Count)> UnitWithTiesAsync(string name)
    {
        var unitId = await NewUnitAsync(name, homeCare: false);
        var day = new DateOnly(2018, 6, 1);
        await AddEvidenceAsync(unitId, db =>
        {
            for (var i = 0; i < 7; i++)
            {
                db.Add(Complaint(unitId, day, $"Samma dag, klagomål {i}"));
            }
            for (var i = 0; i < 6; i++)
            {
                db.Add(Incident(unitId, day, $"Samma dag, avvikelse {i}"));
            }
            for (var i = 0; i < 5; i++)
            {
                db.Add(Observation(unitId, day, $"Samma dag, iakttagelse {i}"));
            }
            for (var i = 0; i < 3; i++)
            {
                db.Add(Complaint(unitId, day.AddDays(-10 - i), $"Tidigare klagomål {i}"));
            }
        });
        return (unitId, 21);
    }

    [Fact]
    public async Task EachPageContinuesTheLastWithoutGapsOrRepeatsWhenDatesTie()
    {
        var (unitId, count) = await UnitWithTiesAsync("Tidslinjen Sidor (fiktiv)");
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var whole = await ReadAsync(quality, unitId);
        Assert.Equal(count, whole.Total);
        Assert.Equal(count, whole.Items.Select(e => e.Summary).Distinct().Count());
        // At the same instant, entries go by source and then by record: all of one source before the next.
        Assert.Equal([.. Enumerable.Repeat("complaint", 7), .. Enumerable.Repeat("incident", 6), .. Enumerable.Repeat("observation", 5), "complaint", "complaint", "complaint"],
            whole.Items.Select(e => e.Kind));

        foreach (var size in new[] { 1, 4, 5, 7 })
        {
            var paged = new List<Entry>();
            for (var page = 1; page <= (count + size - 1) / size; page++)
            {
                var part = await ReadAsync(quality, unitId, $"page={page}&pageSize={size}");
                Assert.Equal(page, part.Page);
                Assert.Equal(count, part.Total);
                paged.AddRange(part.Items);
            }
            Assert.Equal(whole.Items, paged);
        }

        // A page past the last shows the last, on the API and the page alike.
        var beyond = await ReadAsync(quality, unitId, "page=99&pageSize=5");
        Assert.Equal(5, beyond.Page);
        Assert.Equal(whole.Items[20..], beyond.Items);
        using var html = await quality.GetAsync($"/Register/Units/Timeline/{unitId}?Page=2", Cancel);
        var body = WebUtility.HtmlDecode(await Expect.OkAsync(html));
        Assert.Contains("21 händelser", body, StringComparison.Ordinal);
        Assert.Contains("Tidigare klagomål 2", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNumberOfQueriesDoesNotGrowWithTheRowsOrThePage()
    {
        var (unitId, _) = await UnitWithTiesAsync("Tidslinjen Frågor (fiktiv)");
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var path = $"/api/v1/units/{unitId}/timeline";
        await ReadAsync(quality, unitId, "pageSize=5");

        async Task<int> QueriesAsync(string query)
        {
            app.Queries.Watch(path);
            await ReadAsync(quality, unitId, query);
            return app.Queries.Count;
        }

        var first = await QueriesAsync("pageSize=5");
        var third = await QueriesAsync("page=3&pageSize=5");
        await AddEvidenceAsync(unitId, db =>
        {
            for (var i = 0; i < 40; i++)
            {
                db.Add(Complaint(unitId, new DateOnly(2017, 1, 1).AddDays(i), $"Fler klagomål {i}"));
                db.Add(Observation(unitId, new DateOnly(2017, 1, 1).AddDays(i), $"Fler iakttagelser {i}"));
            }
        });
        var more = await QueriesAsync("pageSize=5");
        var deeper = await QueriesAsync("page=20&pageSize=5");

        // The sign-in session's check (decision 0034), the unit, the count and the page of the stored entries (decision 0027),
        // whatever the sources, rows and page.
        Assert.Equal(4, first);
        Assert.Equal(first, third);
        Assert.Equal(first, more);
        Assert.Equal(first, deeper);
        // Nothing in the period: the session, the unit and the count, and no page is read.
        Assert.Equal(3, await QueriesAsync("kinds=attestation&from=2030-01-01"));
    }

    [Fact]
    public async Task AProviderSeesOnlyItsOwnUnitsTimelineAndOnlyWhatItMaySee()
    {
        const string Name = "Tidslinjen Anordnare (fiktiv)";
        var unitId = await UnitWithEverythingAsync(Name);
        using var omsorgshuset = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var trygga = await app.CreateClientAs(Demo.TryggaHanderUser);
        using var tryggaIntegration = await app.ApiClientAs(Demo.TryggaHanderUser);
        using var anonymous = app.CreateAnonymousClient();

        // Another provider's unit: not found, by page, cookie and token alike, and nothing of it shows.
        foreach (var (client, url) in new[]
        {
            (trygga, $"/Register/Units/Timeline/{unitId}"), (trygga, $"/api/v1/units/{unitId}/timeline"), (tryggaIntegration, $"/api/v1/units/{unitId}/timeline"),
        })
        {
            using var hidden = await client.GetAsync(url, Cancel);
            Assert.DoesNotContain(Name, await Expect.StatusAsync(hidden, HttpStatusCode.NotFound), StringComparison.Ordinal);
        }
        // The public sees no timeline at all.
        using (var page = await anonymous.GetAsync($"/Register/Units/Timeline/{unitId}", Cancel))
        {
            await Expect.RedirectAsync(page, "/Account/Login");
        }
        using (var api = await anonymous.GetAsync($"/api/v1/units/{unitId}/timeline", Cancel))
        {
            await Expect.StatusAsync(api, HttpStatusCode.Unauthorized);
        }

        // Its own unit: the communicated review with its earlier milestones, not the review still planned, no case workers'
        // observations, and only the complaint handed over to it.
        var own = await ReadAsync(omsorgshuset, unitId);
        Assert.DoesNotContain(own.Kinds, k => k.Key == "observation");
        Assert.DoesNotContain(own.Items, e => e.Kind == "observation");
        Assert.Contains(own.Items, e => e.Title == "Kvalitetsgranskning: granskningen planerades" && e.Summary!.StartsWith($"Granskning av {Name}", StringComparison.Ordinal));
        Assert.DoesNotContain(own.Items, e => e.Summary?.Contains($"Planerad granskning av {Name}", StringComparison.Ordinal) == true);
        Assert.Single(own.Items, e => e.Kind == "finding");
        Assert.Contains(own.Items, e => e.Summary?.Contains($"Klagomål vid {Name}", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(own.Items, e => e.Summary?.Contains("Oöverlämnat", StringComparison.Ordinal) == true);
        using (var asked = await omsorgshuset.GetAsync($"/api/v1/units/{unitId}/timeline?kinds=observation", Cancel))
        {
            Assert.Equal(0, (await Api.ReadAsync<Timeline>(asked)).Total);
        }
        using (var page = await omsorgshuset.GetAsync($"/Register/Units/Timeline/{unitId}", Cancel))
        {
            var html = WebUtility.HtmlDecode(await Expect.OkAsync(page));
            Assert.DoesNotContain("Handläggares erfarenheter", html, StringComparison.Ordinal);
            Assert.DoesNotContain($"Planerad granskning av {Name}", html, StringComparison.Ordinal);
        }

        // The municipality sees the planned review, the observation and the sanction's earlier steps; the district following the unit up the same, but no
        // attestation (the portal is between the municipality's editors and the provider).
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var all = await ReadAsync(quality, unitId);
        Assert.Contains(all.Items, e => e.Summary?.Contains($"Planerad granskning av {Name}", StringComparison.Ordinal) == true);
        // Of the sanction, the provider sees the committee's decision only; the municipality its proposal and assessment too.
        Assert.Equal("Nämnden beslutade om sanktion", Assert.Single(own.Items, e => e.Kind == "sanction").Title);
        Assert.Equal(3, all.Items.Count(e => e.Kind == "sanction"));
        Assert.Equal(own.Total + 5, all.Total);
        using var district = await app.CreateClientAs(Demo.DistrictUser);
        var followedUp = await ReadAsync(district, unitId);
        Assert.Equal(all.Items.Where(e => e.Kind != "attestation"), followedUp.Items);
    }

    [Fact]
    public async Task AUnitWithNothingSaysSoAndTheDemoUnitHasARichTimeline()
    {
        var unitId = await NewUnitAsync("Tidslinjen Tom (fiktiv)", homeCare: false);
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        using (var page = await quality.GetAsync($"/Register/Units/Timeline/{unitId}", Cancel))
        {
            Assert.Contains("Inget har registrerats om enheten ännu.", WebUtility.HtmlDecode(await Expect.OkAsync(page)), StringComparison.Ordinal);
        }
        using (var missing = await quality.GetAsync($"/api/v1/units/{Guid.NewGuid()}/timeline", Cancel))
        {
            await Expect.StatusAsync(missing, HttpStatusCode.NotFound);
        }

        var demo = await ReadAsync(quality, await app.GetUnitIdAsync(Demo.OmsorgshusetSickla));
        string[] kinds = ["complaint", "incident", "observation", "quality-report", "attestation"];
        Assert.All(kinds, kind => Assert.Contains(demo.Items, e => e.Kind == kind));
        Assert.True(demo.Total >= 10, $"The demo unit has {demo.Total} entries.");
    }

    [Fact]
    public async Task TheStoredEntriesFollowEveryChangeOfTheirRecordsAsARebuildWouldWriteThem()
    {
        const string Name = "Tidslinjen Ändringar (fiktiv)";
        var unitId = await UnitWithEverythingAsync(Name);
        var otherId = await NewUnitAsync("Tidslinjen Mottagare (fiktiv)");
        using var omsorgshuset = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var quality = await app.CreateClientAs(Demo.QualityDeveloper);
        var before = await ReadAsync(quality, unitId);
        Assert.DoesNotContain((await ReadAsync(omsorgshuset, unitId)).Items, e => e.Summary?.Contains("Oöverlämnat", StringComparison.Ordinal) == true);

        // The complaint handed over shows to the provider; the review's new title shows on its entries; the incident deleted is gone;
        // the complaint moved to another unit shows there and no longer here.
        await app.WithDbAsync(async db =>
        {
            var held = await db.Complaints.SingleAsync(c => c.Summary == $"Oöverlämnat klagomål vid {Name}", Cancel);
            Assert.Null(held.Forward(new DateOnly(2019, 3, 1), new DateOnly(2019, 2, 15)));
            var review = await db.Reviews.SingleAsync(r => r.Title == $"Granskning av {Name}", Cancel);
            review.Title = $"Omdöpt granskning av {Name}";
            db.Incidents.Remove(await db.Incidents.SingleAsync(i => i.Summary == $"Avvikelse vid {Name}", Cancel));
            (await db.Complaints.SingleAsync(c => c.Summary == $"Klagomål vid {Name}", Cancel)).UnitId = otherId;
            return await db.SaveChangesAsync(Cancel);
        });
        var own = await ReadAsync(omsorgshuset, unitId);
        Assert.Contains(own.Items, e => e.Summary?.Contains($"Oöverlämnat klagomål vid {Name}", StringComparison.Ordinal) == true);
        var after = await ReadAsync(quality, unitId);
        // The review's own entries follow its title; an action plan keeps the title the review had when its report became final.
        Assert.DoesNotContain(after.Items, e => e.Kind != "action-plan" && e.Summary?.StartsWith($"Granskning av {Name}", StringComparison.Ordinal) == true);
        Assert.Contains(after.Items, e => e.Summary?.StartsWith($"Omdöpt granskning av {Name}", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(after.Items, e => e.Kind == "incident");
        Assert.DoesNotContain(after.Items, e => e.Summary?.Contains($"Klagomål vid {Name}", StringComparison.Ordinal) == true);
        Assert.Contains((await ReadAsync(quality, otherId)).Items, e => e.Summary?.Contains($"Klagomål vid {Name}", StringComparison.Ordinal) == true);
        Assert.Equal(before.Total - 2, after.Total);

        // The unit no longer serves home care: its provider's quality reports and attestation for home care leave its timeline.
        Assert.Contains(after.Items, e => e.Kind == "attestation");
        await app.WithDbAsync(async db =>
        {
            (await db.Units.Include(u => u.ChoiceSystems).SingleAsync(u => u.Id == unitId, Cancel)).ChoiceSystems.Clear();
            return await db.SaveChangesAsync(Cancel);
        });
        var served = await ReadAsync(quality, unitId);
        Assert.DoesNotContain(served.Items, e => e.Kind is "attestation" or "quality-report");

        // Another provider takes the unit over: it sees the unit's complaints, which follow the unit, but not the reviews the unit had
        // under Omsorgshuset, which were between the municipality and Omsorgshuset.
        var trygga = await app.GetProviderIdAsync(Demo.TryggaHander);
        await app.WithDbAsync(async db =>
        {
            (await db.Units.SingleAsync(u => u.Id == unitId, Cancel)).ProviderId = trygga;
            return await db.SaveChangesAsync(Cancel);
        });
        using var tryggaClient = await app.CreateClientAs(Demo.TryggaHanderUser);
        var takenOver = await ReadAsync(tryggaClient, unitId);
        Assert.Contains(takenOver.Items, e => e.Kind == "complaint");
        Assert.DoesNotContain(takenOver.Items, e => e.Kind is "review" or "finding");

        // Every entry written as the records changed is the entry a rebuild from the records writes.
        var written = await StoredAsync();
        var rebuilt = 0;
        await app.WithServicesAsync(async services => rebuilt = await services.GetRequiredService<UnitTimelineProjection>()
            .RebuildAsync(services.GetRequiredService<AppDbContext>(), Cancel));
        Assert.Equal(written.Count, rebuilt);
        Assert.Equal(written, await StoredAsync());
    }

    /// <summary>Every stored entry, without its own id (a rebuild makes new ones), in one order.</summary>
    private Task<List<string>> StoredAsync() => app.WithDbAsync(async db =>
        (await db.UnitTimelineEntries.AsNoTracking().ToListAsync(Cancel))
            .Select(e => $"{e.UnitId} {e.Source} {e.GroupId} {e.SourceId} {e.Kind} {e.SortAt:O} {e.VisibleToProvider} {e.VisibleToDistrict} {e.Payload}")
            .Order(StringComparer.Ordinal).ToList());
}
