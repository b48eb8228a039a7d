namespace Uppsikt.Web.Infrastructure.Summaries;

/// <summary>One complaint or incident as the summaries count it: where, which columns it counts in, and whether it was answered on time.</summary>
public sealed record SummaryFact(string Unit, IReadOnlyList<string> ChoiceSystems, IReadOnlyList<string> Columns, bool? OnTime = null);

/// <summary>One row of a summary: a unit or a choice system, its total and its count per column (category, kind, severity).</summary>
public sealed record CountRow(string Name, int Total, IReadOnlyDictionary<string, int> Counts, double? ShareOnTime)
{
    public int this[string column] => Counts.GetValueOrDefault(column);
}

/// <summary>The yearly complaint summary and the MAS/MAR incident summary count the same way; only their columns differ.</summary>
public static class CountTable
{
    public static IReadOnlyList<CountRow> ByUnit(IReadOnlyList<SummaryFact> facts) =>
        Rows(facts.Select(f => (f.Unit, f)));

    /// <summary>A unit in several choice systems counts in each of them.</summary>
    public static IReadOnlyList<CountRow> ByChoiceSystem(IReadOnlyList<SummaryFact> facts) =>
        Rows(facts.SelectMany(f => (f.ChoiceSystems.Count == 0 ? ["Inget kundval"] : f.ChoiceSystems).Select(c => (c, f))));

    /// <summary>Of those with a deadline, the share answered on or before it; null when none had one.</summary>
    public static double? ShareOnTime(IEnumerable<SummaryFact> facts)
    {
        var judged = facts.Where(f => f.OnTime is not null).ToList();
        return judged.Count == 0 ? null : judged.Count(f => f.OnTime == true) / (double)judged.Count;
    }

    private static List<CountRow> Rows(IEnumerable<(string Key, SummaryFact Fact)> grouped) =>
        [.. grouped.GroupBy(g => g.Key, g => g.Fact, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Create(SwedishText.Culture, ignoreCase: true))
            .Select(g => new CountRow(g.Key, g.Count(),
                g.SelectMany(f => f.Columns).GroupBy(c => c, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Count(), StringComparer.Ordinal),
                ShareOnTime(g)))];
}

/// <summary>A summary table as the shared partial shows it.</summary>
public sealed record CountTableView(string Caption, string RowHeader, IReadOnlyList<string> Columns, IReadOnlyList<CountRow> Rows, bool ShowShareOnTime)
{
    public static string Percent(double? share) => share is { } s ? s.ToString("P0", SwedishText.Culture) : "–";
}

/// <summary>The yearly complaint summary: counts per unit and per choice system, by category and severity, and the share answered on time.</summary>
public sealed record ComplaintSummary(int Year, int Total, IReadOnlyList<CountRow> ByUnit, IReadOnlyList<CountRow> ByChoiceSystem, double? ShareOnTime);

/// <summary>The MAS/MAR incident summary for a period: counts per unit and per choice system, by kind and severity.</summary>
public sealed record IncidentSummary(DateOnly From, DateOnly To, int Total, int Serious, int AwaitingStance,
    IReadOnlyList<CountRow> ByUnit, IReadOnlyList<CountRow> ByChoiceSystem);
