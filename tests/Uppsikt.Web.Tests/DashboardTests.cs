using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>The dashboard over HTTP: its five charts each with its table, counts that follow the data, and who sees which committee's.</summary>
public sealed partial class DashboardTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    private const string CommitteeMember = "ledamot@uppsikt.example";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<Guid> CommitteeAsync(string name) => app.WithDbAsync(db => db.Committees.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Cancel));

    /// <summary>The numbers of a chart table's row, by the chart's caption and the row's header.</summary>
    private static int[] Row(string html, string caption, string row)
    {
        var start = html.IndexOf($">{caption}, som tabell</caption>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table \"{caption}\".");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        var cells = Regex.Match(table, $"<th scope=\"row\">{Regex.Escape(row)}</th>(?<cells>.*?)</tr>", RegexOptions.Singleline);
        Assert.True(cells.Success, $"No row \"{row}\" in \"{caption}\".");
        return [.. Number().Matches(cells.Groups["cells"].Value).Select(m => int.Parse(m.Groups[1].Value.Replace("\u00a0", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Fact]
    public async Task EveryChartHasItsTableAndTheOverdueCountsFollowTheData()
    {
        var elderly = await CommitteeAsync("Äldrenämnden");
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        async Task<string> PageAsync()
        {
            using var response = await developer.GetAsync($"/Dashboards?CommitteeId={elderly}", Cancel);
            return await Expect.OkAsync(response);
        }
        var html = await PageAsync();
        Assert.Contains("Lägesbild: Äldrenämnden", html, StringComparison.Ordinal);
        foreach (var caption in new[] { "Granskningar", "Försenat per kundval", "Kvalitetsrapporter som anordnarna inte har lämnat, per kundval", "Enheter med varje flagga" })
        {
            Assert.Contains(caption, html, StringComparison.Ordinal);
        }
        Assert.True(Regex.Matches(html, "<svg[^>]*role=\"img\"").Count >= 4, "Every chart is an image with a name.");
        Assert.Equal(Regex.Matches(html, "<svg[^>]*role=\"img\"").Count, Regex.Matches(html, ", som tabell</caption>").Count);

        var before = Row(html, "Försenat per kundval", Demo.HomeCare);
        // One more deficiency in home care left open past its deadline counts at once.
        var homeCare = await app.GetChoiceSystemIdAsync(Demo.HomeCare);
        var today = TimeProvider.System.SwedishToday();
        var moved = await app.WithDbAsync(db => db.Deficiencies
            .Where(d => d.ActionPlan!.ChoiceSystemId == homeCare && !(d.State == DeficiencyState.Open && d.DeadlineOn < today))
            .OrderBy(d => d.Id).Take(1)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeficiencyState.Open).SetProperty(d => d.DeadlineOn, new DateOnly(2020, 1, 1)), Cancel));
        Assert.Equal(1, moved);
        var after = Row(await PageAsync(), "Försenat per kundval", Demo.HomeCare);
        Assert.Equal(before[1] + 1, after[1]);
        Assert.Equal(before[0], after[0]);
    }

    [Fact]
    public async Task TheCommitteeMemberSeesItsOwnCommitteeOnlyAndAProviderNone()
    {
        var other = await CommitteeAsync("Utbildningsnämnden");
        using var member = await app.CreateClientAs(CommitteeMember);
        using var response = await member.GetAsync($"/Dashboards?CommitteeId={other}", Cancel);
        var html = await Expect.OkAsync(response);
        Assert.Contains("Lägesbild: Äldrenämnden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"CommitteeId\"", html, StringComparison.Ordinal);

        using var provider = await app.CreateClientAs(Demo.OmsorgshusetUser);
        using var refused = await provider.GetAsync("/Dashboards", Cancel);
        Assert.True(Expect.IsDenied(refused));
    }

    [Theory]
    [InlineData("Year=1999")]
    [InlineData("Year=99999999999")]
    [InlineData("CommitteeId=inte-ett-id")]
    public async Task BadInputGivesASwedishMessageNeverAnError(string query)
    {
        using var developer = await app.CreateClientAs(Demo.QualityDeveloper);
        using var response = await developer.GetAsync($"/Dashboards?{query}", Cancel);
        var html = await Expect.OkAsync(response);
        Assert.Contains("Lägesbild", html, StringComparison.Ordinal);
        if (query.StartsWith("Year=1999", StringComparison.Ordinal))
        {
            Assert.Contains("Ange ett år mellan", html, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(">([0-9\u00a0 ]+)</td>")]
    private static partial Regex Number();
}
