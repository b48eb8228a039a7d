using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uppsikt.Data;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Risk;
using Uppsikt.Domain.Sanctions;
using Uppsikt.Web.Features.Conditions;
using Uppsikt.Web.Features.Deficiencies;
using Uppsikt.Web.Features.Evidence;
using Uppsikt.Web.Features.Portal;
using Uppsikt.Web.Features.Portal.Changes;
using Uppsikt.Web.Features.QualityReports;
using Uppsikt.Web.Features.Register;
using Uppsikt.Web.Features.Reviews;
using Uppsikt.Web.Features.Risk;
using Uppsikt.Web.Features.Sanctions;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Files;
using Uppsikt.Web.Infrastructure.Lists;
using Uppsikt.Web.Infrastructure.Reviews;
using Uppsikt.Web.Infrastructure.Risk;

namespace Uppsikt.Bench;

/// <summary>
/// Scores every unit of every committee and proposes each committee's selection for next year through the app's own path
/// (<see cref="SelectionHandler.ProposeAsync"/>: every signal source of every feature, and the interval rule), and, side by side in the same process, the floor: one plain SQL statement over the same signal tables that computes each
/// committee's units' weighted sums, and the same in-memory selection (<see cref="AnnualSelection.Propose"/>) on its rows.
/// Prints both times, their ratio, the commands the app sent per committee, and how far each committee's ranking
/// (<see cref="RiskScoring.RankingAsync"/>, timed once for reference) agrees with the floor's scores.
/// </summary>
public static class RiskBenchmark
{
    private const int Seed = 2026;
    private const decimal CentralHours = 1_500m;
    private const decimal DistrictHours = 200m;
    private const decimal ReviewHours = 40m;
    private const decimal FollowUpHours = 16m;

    public static async Task<int> RunAsync(string dataFolder, string? postgres, int rounds, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataFolder);
        if (!await RegisterDataGenerator.HoldsDatabaseAsync(dataFolder, postgres, cancellationToken))
        {
            Console.WriteLine("No database yet: generating storstad …");
            var clock = Stopwatch.StartNew();
            var counts = await RegisterDataGenerator.GenerateAsync(Scale.Storstad, dataFolder, cancellationToken, postgres);
            Console.WriteLine($"storstad: {counts} in {clock.Elapsed.TotalSeconds:F1} s");
        }

        var configuration = RegisterDataGenerator.Configuration(dataFolder, postgres);
        var commands = new CommandCounter();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(configuration)
            .AddSingleton(TimeProvider.System)
            .AddUppsiktDatabase(configuration)
            .AddUppsiktActor()
            .AddUppsiktFiles()
            // Every feature that registers a risk signal source, or a service the selection needs (IReviewDue, ISelectedReviews).
            .AddRegisterFeature()
            .AddConditionsFeature()
            .AddReviewsFeature()
            .AddDeficienciesFeature()
            .AddSanctionsFeature()
            .AddEvidenceFeature()
            .AddQualityReportsFeature()
            .AddPortalFeature()
            .AddRiskFeature();
        services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(commands), ServiceLifetime.Singleton);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var today = provider.GetRequiredService<TimeProvider>().SwedishToday();
        var year = today.Year + 1;
        IReadOnlyList<(Guid Id, string Name)> committees;
        Dictionary<Guid, decimal?> districts;
        bool sqlite;
        await using (var scope = provider.CreateSystemScope(new SystemActor("riskbenchmark")))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            sqlite = db.Database.IsSqlite();
            committees = [.. (await db.Committees.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.Name))];
            districts = await db.Administrations.AsNoTracking().Where(a => a.IsDistrict).OrderBy(a => a.Id)
                .ToDictionaryAsync(a => a.Id, _ => (decimal?)DistrictHours, cancellationToken);
        }
        var hoursPerType = Enum.GetValues<ReviewType>().ToDictionary(t => t, t => (decimal?)(t == ReviewType.FollowUpReview ? FollowUpHours : ReviewHours));
        var capacity = new SelectionCapacity(CentralHours, districts.ToDictionary(d => d.Key, d => d.Value!.Value),
            hoursPerType.ToDictionary(t => t.Key, t => t.Value!.Value));
        var floor = new Floor(sqlite, today, year);

        // The app path: each committee's selection for next year, which scores every unit the committee follows up (all but those
        // with a review already planned in the year) and applies the interval rule, in a scope of its own as a request has.
        async Task<AppResult> AppAsync()
        {
            var result = new AppResult();
            foreach (var (id, _) in committees)
            {
                var before = commands.Count;
                await using var scope = provider.CreateSystemScope(new SystemActor("riskbenchmark"));
                var (view, refused) = await scope.ServiceProvider.GetRequiredService<SelectionHandler>().ProposeAsync(
                    new SelectionInput(id, year, CentralHours, districts, hoursPerType, 70, Seed), cancellationToken);
                if (view is null)
                {
                    throw new InvalidOperationException($"The selection was refused: {string.Join(" ", refused!.Refusals.Select(r => r.Message))}");
                }
                result.Committees.Add(new CommitteeResult(id, [.. view.Selected.Select(s => (s.UnitId, s.Score))], view.Selected.Count, commands.Count - before));
            }
            return result;
        }

        // Each committee's ranking page: the same scoring of the committee's units, without the interval rule. Measured once after
        // the rounds, for reference, and compared unit by unit with the floor.
        async Task<AppResult> RankingsAsync()
        {
            var result = new AppResult();
            foreach (var (id, _) in committees)
            {
                var before = commands.Count;
                await using var scope = provider.CreateSystemScope(new SystemActor("riskbenchmark"));
                var ranking = await scope.ServiceProvider.GetRequiredService<RiskScoring>().RankingAsync(new RankingFilter(id), cancellationToken)
                    ?? throw new InvalidOperationException($"Committee {id} has no ranking.");
                result.Committees.Add(new CommitteeResult(id, [.. ranking.Rows.Select(r => (r.UnitId, r.Score))], 0, commands.Count - before));
            }
            return result;
        }

        async Task<AppResult> FloorAsync()
        {
            await using var scope = provider.CreateSystemScope(new SystemActor("riskbenchmark"));
            var connection = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            var rows = await floor.ReadAsync(connection, cancellationToken);
            var result = new AppResult();
            foreach (var committee in rows.GroupBy(r => r.CommitteeId))
            {
                var candidates = committee.Where(r => !r.PlannedInYear).Select(r => floor.Candidate(r)).ToList();
                var proposal = AnnualSelection.Propose(candidates, capacity, Seed);
                result.Committees.Add(new CommitteeResult(committee.Key, [.. committee.Select(r => (r.UnitId, r.Score))], proposal.Selected.Count, 1));
            }
            return result;
        }

        // Warm-up: each path once, so neither pays for JIT, EF Core's query compilation or a cold page cache in the measurement.
        var app = await AppAsync();
        var floorResult = await FloorAsync();

        var appTimes = new List<double>();
        var floorTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            app = await AppAsync();
            appTimes.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            floorResult = await FloorAsync();
            floorTimes.Add(clock.Elapsed.TotalMilliseconds);
        }

        await RankingsAsync();
        var rankingClock = Stopwatch.StartNew();
        var rankings = await RankingsAsync();
        var rankingTime = rankingClock.Elapsed.TotalMilliseconds;

        var signals = 0;
        await using (var scope = provider.CreateSystemScope(new SystemActor("riskbenchmark")))
        {
            var scoring = scope.ServiceProvider.GetRequiredService<RiskScoring>();
            var reader = scope.ServiceProvider.GetRequiredService<RiskSignalReader>();
            var lookups = scope.ServiceProvider.GetRequiredService<RegisterLookups>();
            foreach (var (id, _) in committees)
            {
                var scores = await scoring.ScoreAsync(await reader.RiskUnitsAsync(lookups.UnitsFollowedUpBy(id, today), cancellationToken), id, today, cancellationToken);
                signals += scores.Values.Sum(s => s.Contributions.Count);
            }
        }

        // Where the app's time goes, for the committee with the most units: each signal source on its own, and the interval rule.
        await using (var scope = provider.CreateSystemScope(new SystemActor("riskbenchmark")))
        {
            var largestId = rankings.Committees.MaxBy(c => c.Scores.Count)!.CommitteeId;
            var reader = scope.ServiceProvider.GetRequiredService<RiskSignalReader>();
            var largestUnits = await reader.RiskUnitsAsync(scope.ServiceProvider.GetRequiredService<RegisterLookups>().UnitsFollowedUpBy(largestId, today), cancellationToken);
            var parts = new List<string>();
            foreach (var source in scope.ServiceProvider.GetServices<IRiskSignalSource>())
            {
                var before = commands.Count;
                var clock = Stopwatch.StartNew();
                var found = await source.SignalsAsync(largestUnits, today, cancellationToken);
                parts.Add($"{source.GetType().Name} {clock.Elapsed.TotalMilliseconds:F0} ms ({commands.Count - before} commands, {found.Count} signals)");
            }
            // The same sources once over the units of every committee: what scoring costs without the per-committee repeat.
            var everyUnit = await reader.RiskUnitsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>().Units.Where(u => u.ClosedOn == null
                && u.ChoiceSystems.Any(c => c.PhasedOutOn == null || c.PhasedOutOn > today)), cancellationToken);
            var allClock = Stopwatch.StartNew();
            var allSignals = 0;
            foreach (var source in scope.ServiceProvider.GetServices<IRiskSignalSource>())
            {
                allSignals += (await source.SignalsAsync(everyUnit, today, cancellationToken)).Count;
            }
            var allSources = allClock.Elapsed.TotalMilliseconds;
            var dueClock = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<IReviewDue>().ForUnitsAsync(largestId, largestUnits.ToDictionary(u => u.Id, u => u.ChoiceSystemIds), cancellationToken);
            parts.Add($"IReviewDue {dueClock.Elapsed.TotalMilliseconds:F0} ms");
            Console.WriteLine($"One pass over the largest committee's units: {string.Join("; ", parts)}");
            Console.WriteLine($"Every source once over every committee's units together: {allSources:F0} ms ({allSignals:N0} signals)");
        }

        var appMedian = Median(appTimes);
        var floorMedian = Median(floorTimes);
        var units = rankings.Committees.Sum(c => c.Scores.Count);
        var ratio = appMedian / floorMedian;
        var load = File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        Console.WriteLine($"Load average at the end: {load}");
        Console.WriteLine($"Database: {(sqlite ? "SQLite" : "PostgreSQL")}; {committees.Count} committees, {units:N0} units scored (a unit counts once per committee), "
            + $"{signals:N0} signals found; selection for {year}: {app.Committees.Sum(c => c.Selected):N0} units proposed");
        Console.WriteLine($"App path (every committee's selection, scoring all its units): median {appMedian:F0} ms, min {appTimes.Min():F0} ms over {rounds} rounds");
        Console.WriteLine($"Floor (one SQL statement + the same selection):  median {floorMedian:F0} ms, min {floorTimes.Min():F0} ms");
        Console.WriteLine($"Ratio app / floor: {ratio:F2}x (medians)");
        Console.WriteLine($"For reference, every committee's ranking page (the same scoring without the interval rule), once: {rankingTime:F0} ms");
        Console.WriteLine($"Units proposed: app {app.Committees.Sum(c => c.Selected):N0}, floor {floorResult.Committees.Sum(c => c.Selected):N0}");

        var byUnits = rankings.Committees.OrderBy(c => c.Scores.Count).ToList();
        var appCommands = app.Committees.ToDictionary(c => c.CommitteeId, c => c.Commands);
        Console.WriteLine($"SQL commands of the app path: {app.Committees.Sum(c => c.Commands)} in all; per committee "
            + string.Join(", ", byUnits.Select(c => $"{appCommands[c.CommitteeId]} for {c.Scores.Count} units")));

        var floorScores = floorResult.Committees.ToDictionary(c => c.CommitteeId);
        int agreeing = 0, compared = 0;
        var examples = new List<string>();
        foreach (var committee in rankings.Committees)
        {
            var other = floorScores.TryGetValue(committee.CommitteeId, out var f) ? f.Scores.ToDictionary(s => s.UnitId, s => s.Score) : [];
            foreach (var (unitId, score) in committee.Scores)
            {
                compared++;
                if (other.TryGetValue(unitId, out var floorScore) && Math.Abs(floorScore - score) <= 0.5m)
                {
                    agreeing++;
                }
                else if (examples.Count < 3)
                {
                    examples.Add(string.Create(CultureInfo.InvariantCulture, $"{unitId}: app {score}, floor {(other.TryGetValue(unitId, out var s) ? s.ToString("F1", CultureInfo.InvariantCulture) : "none")}"));
                }
            }
        }
        var largest = byUnits[^1];
        var appTop = largest.Scores.Take(10).Select(s => s.UnitId).ToHashSet();
        var floorTop = floorScores.TryGetValue(largest.CommitteeId, out var largestFloor) ? largestFloor.Scores.Take(10).Select(s => s.UnitId).ToList() : [];
        Console.WriteLine($"Agreement: {agreeing:N0} of {compared:N0} unit scores within 0.5 points of the floor's; top 10 of the largest committee "
            + $"({largest.Scores.Count} units): {floorTop.Count(appTop.Contains)} of 10 the same"
            + (examples.Count > 0 ? $"; differing, e.g. {string.Join("; ", examples)}" : ""));

        var fast = appMedian < 1000;
        var close = ratio <= 3;
        Console.WriteLine($"Target app < 1000 ms: {(fast ? "PASS" : "FAIL")} ({appMedian:F0} ms); target app ≤ 3x floor: {(close ? "PASS" : "FAIL")} ({ratio:F2}x)");
        return fast && close ? 0 : 1;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class AppResult
    {
        public List<CommitteeResult> Committees { get; } = [];
    }

    /// <summary>A committee's units by score (highest first), how many were selected and the SQL commands it took.</summary>
    private sealed record CommitteeResult(Guid CommitteeId, List<(Guid UnitId, decimal Score)> Scores, int Selected, int Commands);

    /// <summary>Counts every database command the app creates (a DbCommandInterceptor on the app's context).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }
    }

    /// <summary>One committee × unit row of the floor's statement: the unit, what the selection needs, and the score.</summary>
    private sealed record FloorRow(
        Guid CommitteeId, Guid UnitId, string UnitName, Guid? DistrictId, Ownership Ownership, LegalBasis Basis, OperatingForm Form, int IntervalMonths,
        Guid? LastReviewId, DateOnly? LastReviewOn, Assessment? LastResult, DateOnly? FirstOpenDeadline, bool PlannedInYear, decimal Score);

    /// <summary>
    /// The floor's one statement, for SQLite or PostgreSQL (they differ only in how whole years between two dates are counted, and
    /// in how an instant is stored). Per committee and unit of its running choice systems, the weighted sum of what the signal
    /// sources read, with the committee's own weights where it has them: the latest finalised regular review's result and age, never
    /// reviewed, open deficiencies, overdue actions, sanctions decided in twelve months, serious and other complaints and
    /// incidents in twelve months per ten places, indicators whose latest result misses the strictest target of the unit's choice
    /// systems, quality reports still open after their last day, attestations missing in the latest past-due round, changes
    /// reported in twelve months and a new provider. Left out: a quality report submitted late (its instant is a binary number on
    /// SQLite; the demo data's few), and the app's rounding of each contribution to one decimal.
    /// </summary>
    private sealed class Floor(bool sqlite, DateOnly today, int year)
    {
        private static readonly DateTimeOffsetToBinaryConverter Instant = new();

        private readonly string _sql = Statement(sqlite);

        public async Task<List<FloorRow>> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _sql;
            var since = today.AddMonths(-12);
            Add(command, "today", today);
            Add(command, "since", since);
            Add(command, "since2y", today.AddYears(-2));
            Add(command, "yearStart", new DateOnly(year, 1, 1));
            Add(command, "yearEnd", new DateOnly(year, 12, 31));
            var reportedSince = SwedishCalendar.StartOf(since).ToUniversalTime();
            Add(command, "reportedSince", sqlite ? Instant.ConvertToProvider(reportedSince)! : reportedSince);
            var rows = new List<FloorRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new FloorRow(
                    ReadGuid(reader, 0)!.Value, ReadGuid(reader, 1)!.Value, reader.GetString(2), ReadGuid(reader, 3), Enum.Parse<Ownership>(reader.GetString(4)),
                    Enum.Parse<LegalBasis>(reader.GetString(5)), Enum.Parse<OperatingForm>(reader.GetString(6)),
                    Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture), ReadGuid(reader, 8), ReadDate(reader, 9),
                    reader.IsDBNull(10) ? null : Enum.Parse<Assessment>(reader.GetString(10)), ReadDate(reader, 11),
                    Convert.ToInt32(reader.GetValue(12), CultureInfo.InvariantCulture) != 0, Convert.ToDecimal(reader.GetValue(13), CultureInfo.InvariantCulture)));
            }
            return rows;
        }

        /// <summary>The row as the selection's candidate: mandatory when the interval rule (without the fixed-deficiency follow-up) has it due in the year.</summary>
        public SelectionCandidate Candidate(FloorRow row)
        {
            var due = ReviewInterval.Next(new UnitReviewFacts(row.LastReviewOn, row.LastResult, row.FirstOpenDeadline is { } d ? [d] : [], null),
                Math.Clamp(row.IntervalMonths, ReviewInterval.MinMonthsWithoutDeficiencies, ReviewInterval.MaxMonthsWithoutDeficiencies), today);
            var mandatory = due.DueOn <= new DateOnly(year, 12, 31);
            var type = mandatory && due.Reason == DueReason.DeficiencyDeadline && row.LastReviewId is not null
                ? ReviewType.FollowUpReview
                : ReviewTypes.RegularFor(row.Basis, row.Form, row.Ownership);
            return new SelectionCandidate(row.UnitId, row.UnitName, row.DistrictId, row.Score, type, mandatory ? "Obligatorisk" : null, mandatory ? due.DueOn : null);
        }

        private void Add(DbCommand command, string name, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value is DateOnly date && sqlite ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value;
            command.Parameters.Add(parameter);
        }

        private static Guid? ReadGuid(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetValue(i) switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            var other => throw new InvalidOperationException($"Not a GUID: {other}"),
        };

        private static DateOnly? ReadDate(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetValue(i) switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            var other => throw new InvalidOperationException($"Not a date: {other}"),
        };

        private static string Statement(bool sqlite)
        {
            // Enums are stored by name (AppDbContext's conventions); the names are plain identifiers.
            static string N<T>(T value) where T : struct, Enum => $"'{value}'";
            static string List<T>(IEnumerable<T> values) where T : struct, Enum => string.Join(", ", values.Select(v => N(v)));
            var years = sqlite
                ? "(CAST(substr(@today, 1, 4) AS INTEGER) - CAST(substr(l.finalised, 1, 4) AS INTEGER) - (substr(@today, 6, 5) < substr(l.finalised, 6, 5)))"
                : "CAST(date_part('year', age(@today, l.finalised)) AS INTEGER)";
            string PerTen(string count) =>
                $"(CASE WHEN COALESCE({count}, 0) = 0 THEN 0 WHEN u.\"Capacity\" > 0 THEN ROUND({count} * 10.0 / u.\"Capacity\", 1) ELSE {count} END)";
            var weights = string.Join(", ", RiskSignals.All.Select(k => string.Create(CultureInfo.InvariantCulture, $"({N(k)}, {RiskSignals.DefaultWeight(k):0.0})")));
            var pivot = string.Join(",\n        ", RiskSignals.All.Select(k =>
                $"MAX(CASE WHEN k.kind = {N(k)} THEN COALESCE(CAST(rw.\"Weight\" AS DOUBLE PRECISION), k.def) END) AS w{(int)k}"));
            var serious = $"(\"Kind\" IN ({N(IncidentKind.LexSarah)}, {N(IncidentKind.LexMaria)}) OR \"Severity\" = {N(Severity.Serious)})";
            static string W(RiskSignalKind kind) => $"w.w{(int)kind}";
            return $"""
                WITH
                defaults(kind, def) AS (VALUES {weights}),
                w AS (
                    SELECT c."Id" AS committee,
                        {pivot}
                    FROM "Committees" c CROSS JOIN defaults k
                    LEFT JOIN "RiskWeights" rw ON rw."CommitteeId" = c."Id" AND rw."Kind" = k.kind
                    GROUP BY c."Id"),
                cu AS (
                    SELECT c."CommitteeId" AS committee, uc."UnitId" AS unit, MIN(c."ReviewIntervalMonths") AS interval_months,
                        MIN(c."LegalBasis") AS basis, MIN(c."OperatingForm") AS form
                    FROM "Units" u
                    JOIN "UnitChoiceSystems" uc ON uc."UnitId" = u."Id"
                    JOIN "ChoiceSystems" c ON c."Id" = uc."ChoiceSystemsId"
                    WHERE u."ClosedOn" IS NULL AND u."ProviderId" IS NOT NULL AND (c."PhasedOutOn" IS NULL OR c."PhasedOutOn" > @today)
                    GROUP BY c."CommitteeId", uc."UnitId"),
                scope AS (SELECT DISTINCT unit FROM cu),
                review_rows AS (
                    SELECT ru."UnitId" AS unit, r."Id" AS id, r."FinalisedOn" AS finalised, r."Result" AS result,
                        ROW_NUMBER() OVER (PARTITION BY ru."UnitId" ORDER BY r."FinalisedOn" DESC, r."Id" DESC) AS n
                    FROM "ReviewUnits" ru JOIN "Reviews" r ON r."Id" = ru."ReviewId"
                    WHERE r."State" IN ({N(ReviewState.Final)}, {N(ReviewState.Closed)}) AND r."FinalisedOn" IS NOT NULL
                        AND r."Type" IN ({List(ReviewTypes.Regular)})),
                l AS (SELECT unit, id, finalised, result FROM review_rows WHERE n = 1),
                planned AS (
                    SELECT DISTINCT ru."UnitId" AS unit FROM "ReviewUnits" ru JOIN "Reviews" r ON r."Id" = ru."ReviewId"
                    WHERE r."PlannedFor" >= @yearStart AND r."PlannedFor" <= @yearEnd AND r."State" NOT IN ({N(ReviewState.Closed)}, {N(ReviewState.Final)})),
                open_deficiencies AS (
                    SELECT "UnitId" AS unit, COUNT(*) AS n, MIN("DeadlineOn") AS first_deadline FROM "Deficiencies"
                    WHERE "State" = {N(DeficiencyState.Open)} GROUP BY "UnitId"),
                overdue_actions AS (
                    SELECT p."UnitId" AS unit, COUNT(*) AS n FROM "PlannedActions" a JOIN "ActionPlans" p ON p."Id" = a."ActionPlanId"
                    WHERE p."State" <> {N(ActionPlanState.Closed)} AND a."DueOn" < @today AND a."DoneOn" IS NULL GROUP BY p."UnitId"),
                sanction_counts AS (
                    SELECT "UnitId" AS unit, COUNT(*) AS n FROM "Sanctions"
                    WHERE "State" = {N(SanctionState.Decided)} AND "DecidedOn" > @since GROUP BY "UnitId"),
                complaint_counts AS (
                    SELECT "UnitId" AS unit, SUM(CASE WHEN "Severity" = {N(Severity.Serious)} THEN 1 ELSE 0 END) AS serious,
                        SUM(CASE WHEN "Severity" = {N(Severity.Serious)} THEN 0 ELSE 1 END) AS other
                    FROM "Complaints" WHERE "ReceivedOn" > @since GROUP BY "UnitId"),
                incident_counts AS (
                    SELECT "UnitId" AS unit, SUM(CASE WHEN {serious} THEN 1 ELSE 0 END) AS serious, SUM(CASE WHEN {serious} THEN 0 ELSE 1 END) AS other
                    FROM "Incidents" WHERE "OccurredOn" > @since GROUP BY "UnitId"),
                latest_outcomes AS (
                    SELECT o."UnitId" AS unit, o."IndicatorId" AS indicator, o."Value" AS value,
                        ROW_NUMBER() OVER (PARTITION BY o."UnitId", o."IndicatorId" ORDER BY o."Year" DESC,
                            CASE o."PeriodKind" WHEN {N(PeriodKind.Tertial)} THEN (o."PeriodNumber" - 1) * 4 + 1 WHEN {N(PeriodKind.Month)} THEN o."PeriodNumber" ELSE 1 END DESC,
                            CASE o."PeriodKind" WHEN {N(PeriodKind.Year)} THEN 1 WHEN {N(PeriodKind.Tertial)} THEN 2 ELSE 3 END DESC) AS n
                    FROM "Outcomes" o),
                below AS (
                    SELECT unit, COUNT(*) AS n FROM (
                        SELECT lo.unit, lo.indicator FROM latest_outcomes lo
                        JOIN "Indicators" i ON i."Id" = lo.indicator
                        JOIN "UnitChoiceSystems" uc ON uc."UnitId" = lo.unit
                        JOIN "Targets" t ON t."IndicatorId" = lo.indicator AND t."ChoiceSystemId" = uc."ChoiceSystemsId"
                        WHERE lo.n = 1
                        GROUP BY lo.unit, lo.indicator, i."Direction", lo.value
                        HAVING (i."Direction" = {N(Direction.LowerIsBetter)} AND lo.value > MIN(t."Value"))
                            OR (i."Direction" <> {N(Direction.LowerIsBetter)} AND lo.value < MAX(t."Value"))) x
                    GROUP BY unit),
                late_reports AS (
                    SELECT DISTINCT q."ProviderId" AS provider, t."ChoiceSystemId" AS choice
                    FROM "QualityReports" q JOIN "QualityReportTemplates" t ON t."Id" = q."TemplateId"
                    WHERE t."ReviewType" IS NULL AND t."State" = {N(TemplateState.Active)} AND t."DueOn" IS NOT NULL AND t."DueOn" < @today
                        AND q."State" IN ({List(QualityReport.OpenStates)})),
                latest_round AS (
                    SELECT "Id" AS id FROM "AttestationRounds" WHERE "DueOn" < @today ORDER BY "DueOn" DESC, "Year" DESC LIMIT 1),
                missing AS (
                    SELECT DISTINCT a."ProviderId" AS provider, a."ChoiceSystemId" AS choice FROM "Authorisations" a
                    WHERE a."Status" = {N(AuthorisationStatus.Active)} AND EXISTS (SELECT 1 FROM latest_round)
                        AND NOT EXISTS (SELECT 1 FROM "Attestations" s WHERE s."RoundId" = (SELECT id FROM latest_round)
                            AND s."ProviderId" = a."ProviderId" AND s."ChoiceSystemId" = a."ChoiceSystemId" AND s."SignedAt" IS NOT NULL)),
                flags AS (
                    SELECT u."Id" AS unit, MAX(CASE WHEN lr.provider IS NULL THEN 0 ELSE 1 END) AS late, MAX(CASE WHEN m.provider IS NULL THEN 0 ELSE 1 END) AS missing
                    FROM "Units" u JOIN "UnitChoiceSystems" uc ON uc."UnitId" = u."Id"
                    LEFT JOIN late_reports lr ON lr.provider = u."ProviderId" AND lr.choice = uc."ChoiceSystemsId"
                    LEFT JOIN missing m ON m.provider = u."ProviderId" AND m.choice = uc."ChoiceSystemsId"
                    WHERE u."Id" IN (SELECT unit FROM scope)
                    GROUP BY u."Id"),
                change_counts AS (
                    SELECT "ProviderId" AS provider, COUNT(*) AS n FROM "DutyToInformReports"
                    WHERE "Category" IN ({List(ChangeRiskSignals.Counted)}) AND "ReportedAt" >= @reportedSince GROUP BY "ProviderId"),
                first_authorised AS (
                    SELECT "ProviderId" AS provider, MIN(COALESCE("ValidFrom", "DecidedOn")) AS first FROM "Authorisations" GROUP BY "ProviderId")
                SELECT cu.committee, u."Id", u."Name", u."AdministrationId", u."Ownership", cu.basis, cu.form, cu.interval_months,
                    l.id, l.finalised, l.result, d.first_deadline, CASE WHEN pl.unit IS NULL THEN 0 ELSE 1 END,
                    {W(RiskSignalKind.LastReviewResult)} * (CASE l.result WHEN {N(Assessment.SatisfactoryCanImprove)} THEN 1 WHEN {N(Assessment.MinorDeficiency)} THEN 2
                        WHEN {N(Assessment.SeriousDeficiency)} THEN 3 ELSE 0 END)
                    + {W(RiskSignalKind.ReviewAge)} * (CASE WHEN l.unit IS NOT NULL AND {years} >= 2 THEN {years} - 1 ELSE 0 END)
                    + {W(RiskSignalKind.NeverReviewed)} * (CASE WHEN l.unit IS NULL THEN 1 ELSE 0 END)
                    + {W(RiskSignalKind.OpenDeficiencies)} * COALESCE(d.n, 0)
                    + {W(RiskSignalKind.OverdueActions)} * COALESCE(o.n, 0)
                    + {W(RiskSignalKind.SanctionsInForce)} * COALESCE(s.n, 0)
                    + {W(RiskSignalKind.SeriousComplaints)} * {PerTen("c.serious")}
                    + {W(RiskSignalKind.OtherComplaints)} * {PerTen("c.other")}
                    + {W(RiskSignalKind.SeriousIncidents)} * {PerTen("i.serious")}
                    + {W(RiskSignalKind.OtherIncidents)} * {PerTen("i.other")}
                    + {W(RiskSignalKind.ResultsBelowTarget)} * COALESCE(b.n, 0)
                    + {W(RiskSignalKind.LateQualityReport)} * COALESCE(f.late, 0)
                    + {W(RiskSignalKind.MissingAttestation)} * COALESCE(f.missing, 0)
                    + {W(RiskSignalKind.NewProvider)} * (CASE WHEN u."Ownership" <> {N(Ownership.InHouse)} AND p."Ownership" <> {N(Ownership.InHouse)}
                        AND fa.first > @since2y THEN 1 ELSE 0 END)
                    + {W(RiskSignalKind.ReportedChanges)} * COALESCE(ch.n, 0) AS score
                FROM cu
                JOIN w ON w.committee = cu.committee
                JOIN "Units" u ON u."Id" = cu.unit
                JOIN "Providers" p ON p."Id" = u."ProviderId"
                LEFT JOIN l ON l.unit = cu.unit
                LEFT JOIN planned pl ON pl.unit = cu.unit
                LEFT JOIN open_deficiencies d ON d.unit = cu.unit
                LEFT JOIN overdue_actions o ON o.unit = cu.unit
                LEFT JOIN sanction_counts s ON s.unit = cu.unit
                LEFT JOIN complaint_counts c ON c.unit = cu.unit
                LEFT JOIN incident_counts i ON i.unit = cu.unit
                LEFT JOIN below b ON b.unit = cu.unit
                LEFT JOIN flags f ON f.unit = cu.unit
                LEFT JOIN change_counts ch ON ch.provider = u."ProviderId"
                LEFT JOIN first_authorised fa ON fa.provider = u."ProviderId"
                ORDER BY cu.committee, score DESC, u."Id"
                """;
        }
    }
}
