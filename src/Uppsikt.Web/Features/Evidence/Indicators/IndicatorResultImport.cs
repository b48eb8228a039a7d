using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure.Import;

namespace Uppsikt.Web.Features.Evidence.Indicators;

/// <summary>
/// Reads indicator results (utfall) per unit and period from CSV or XLSX (columns indikator, enhet, år, period, värde and
/// the optional antal svar) or from Kolada's unit data (<c>/v3/oudata</c> JSON, matched by the indicator's KPI id and the
/// unit's Kolada id), and upserts them by indicator, unit and period. The municipality's averages of the indicators read
/// are rebuilt after.
/// </summary>
public sealed class IndicatorResultImport : IImportProcessor
{
    public const string ImportKind = "IndicatorResults";

    public static readonly IReadOnlyList<ColumnSpec> Columns =
    [
        new("indikator", Required: true, IsText: true),
        new("enhet", Required: true, IsText: true),
        new("år", Required: true, IsText: false),
        new("period", Required: false, IsText: true),
        new("värde", Required: true, IsText: false),
        new("antal svar", Required: false, IsText: false),
    ];

    private const int IndicatorColumn = 0, UnitColumn = 1, YearColumn = 2, PeriodColumn = 3, ValueColumn = 4, AnswersColumn = 5;

    /// <summary>Progress is published every this many rows.</summary>
    private const int ProgressEvery = 1000;

    public string Kind => ImportKind;

    public async Task ProcessAsync(ImportRun run, CancellationToken cancellationToken)
    {
        var lookups = await Lookups.LoadAsync(run.Db, cancellationToken);
        await using var writer = new ResultWriter(run, lookups);
        if (Path.GetExtension(run.Record.FileName).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            await ReadKoladaAsync(run, lookups, writer, cancellationToken);
        }
        else
        {
            await ReadTableAsync(run, lookups, writer, cancellationToken);
        }
        run.Progress(writer.RowsRead);
        if (run.Problems.Any)
        {
            return;
        }
        await writer.EndStagingAsync(cancellationToken);
        await run.BeginWritingAsync(cancellationToken);
        var countBefore = await run.Db.Outcomes.CountAsync(cancellationToken);
        await writer.FlushAsync(cancellationToken);
        var added = await run.Db.Outcomes.CountAsync(cancellationToken) - countBefore;
        run.Record.RowsRead = writer.RowsRead;
        run.Record.RowsSkipped = writer.Skipped;
        run.Record.RowsAdded = added;
        run.Record.RowsUpdated = writer.Written - added;
        run.Record.RowsUnchanged = writer.Accepted - writer.Written;
        await OutcomeAverages.RebuildAsync(run.Db, writer.IndicatorsTouched.Select(i => lookups.IndicatorIds[i]), cancellationToken);
    }

    private static async Task ReadTableAsync(ImportRun run, Lookups lookups, ResultWriter writer, CancellationToken cancellationToken)
    {
        using var table = TableReader.Open(run.File, run.Record.FileName, run.Settings);
        var at = TableColumns.Resolve(table.Header, Columns);
        var problems = run.Problems;
        while (table.Read())
        {
            var line = table.Line;
            var rejectedBefore = problems.RejectedRows;
            for (var c = 0; c < Columns.Count; c++)
            {
                if (at[c] >= 0 && table.IsFormula(at[c]))
                {
                    problems.Add(line, Columns[c].Name, "Cellen innehåller en formel. Spara värdet i stället för formeln och läs in filen igen.");
                }
                else if (at[c] >= 0 && Columns[c].IsText && TableColumns.FormulaInjection(table.Cell(at[c])) is { } injection)
                {
                    problems.Add(line, Columns[c].Name, injection);
                }
            }
            var unsafeCells = problems.RejectedRows != rejectedBefore;
            var indicatorCell = table.Cell(at[IndicatorColumn]).Trim();
            var indicator = lookups.Indicator(indicatorCell);
            if (indicator < 0 && !unsafeCells)
            {
                problems.Add(line, "indikator", indicatorCell.IsEmpty ? "Indikator saknas." : $"Indikatorn ”{indicatorCell}” finns inte. Lägg upp den under Indikatorer eller rätta koden.");
            }
            var unitCell = table.Cell(at[UnitColumn]).Trim();
            var unit = lookups.Unit(unitCell);
            if (unit < 0 && !unsafeCells)
            {
                problems.Add(line, "enhet", unitCell.IsEmpty ? "Enhet saknas."
                    : unit == Lookups.Ambiguous ? $"Flera enheter heter ”{unitCell}”. Ange enhetens Kolada-id eller id i stället."
                    : $"Enheten ”{unitCell}” finns inte i registret (sökt på Kolada-id, id och namn).");
            }
            var period = OutcomePeriod.Parse(table.Cell(at[YearColumn]), at[PeriodColumn] >= 0 ? table.Cell(at[PeriodColumn]) : []);
            if (period is null)
            {
                var yearOk = OutcomePeriod.Parse(table.Cell(at[YearColumn]), []) is not null;
                problems.Add(line, yearOk ? "period" : "år", yearOk
                    ? $"Perioden ”{table.Cell(at[PeriodColumn])}” ska vara tom (helår), T1–T3 (tertial) eller 1–12 (månad)."
                    : $"Året ”{table.Cell(at[YearColumn])}” ska vara ett årtal mellan {OutcomePeriod.FirstYear} och {OutcomePeriod.LastYear}.");
            }
            var valueCell = table.Cell(at[ValueColumn]);
            if (!TableColumns.TryParseNumber(valueCell, out var value))
            {
                problems.Add(line, "värde", valueCell.Trim().IsEmpty ? "Värde saknas." : $"Värdet ”{valueCell}” är inte ett tal (till exempel 87,5).");
            }
            var answersCell = at[AnswersColumn] >= 0 ? table.Cell(at[AnswersColumn]).Trim() : [];
            int? answers = null;
            if (!answersCell.IsEmpty)
            {
                if (int.TryParse(answersCell, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    answers = count;
                }
                else
                {
                    problems.Add(line, "antal svar", $"Antal svar ”{answersCell}” ska vara ett heltal som är 0 eller större (till exempel 42), eller lämnas tomt när det inte finns.");
                }
            }
            if (problems.RejectedRows == rejectedBefore)
            {
                if (!writer.TryAccept(indicator, unit, period!.Value, value, answers))
                {
                    problems.Add(line, null, $"Samma indikator, enhet och period finns redan på en tidigare rad ({period}).");
                }
                else if (!problems.Any)
                {
                    await writer.WriteAsync(cancellationToken);
                }
            }
            writer.RowsRead++;
            if (writer.RowsRead % ProgressEvery == 0)
            {
                run.Progress(writer.RowsRead);
            }
        }
    }

    private static readonly JsonSerializerOptions KoladaJson = new() { PropertyNameCaseInsensitive = true, NumberHandling = JsonNumberHandling.AllowReadingFromString };

    private sealed record KoladaValue(string? Gender, double? Value, bool IsDeleted);

    private sealed record KoladaItem(string? Kpi, int? Period, string? Ou, List<KoladaValue>? Values);

    /// <summary>
    /// Kolada's values for all of a municipality's units; units not in the register and KPIs no indicator uses are passed over.
    /// Kolada's <c>count</c> is not the number of answers: it is how many members of a group of municipalities or units a
    /// value averages, and so 1 for every single unit. The results are stored without n rather than as resting on one answer
    /// (decision 0041).
    /// </summary>
    private static async Task ReadKoladaAsync(ImportRun run, Lookups lookups, ResultWriter writer, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(run.File, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var problems = run.Problems;
        var number = 0;
        await foreach (var item in JsonArrayReader.ReadAsync<KoladaItem>(stream, "values", KoladaJson, run.Settings.MaxLineLength * 64, cancellationToken))
        {
            number++;
            writer.RowsRead++;
            var indicator = lookups.IndicatorByKpi(item?.Kpi);
            var unit = lookups.UnitByKolada(item?.Ou);
            if (indicator < 0 || unit < 0)
            {
                writer.Skipped++;
                continue;
            }
            var total = item!.Values?.FirstOrDefault(v => string.Equals(v.Gender, "T", StringComparison.OrdinalIgnoreCase))
                ?? (item.Values is { Count: 1 } single ? single[0] : null);
            if (total is null || total.IsDeleted || total.Value is null)
            {
                writer.Skipped++;
                continue;
            }
            if (item.Period is not { } year || year < OutcomePeriod.FirstYear || year > OutcomePeriod.LastYear)
            {
                problems.Add(number, "period", $"Perioden {item.Period} för {item.Kpi} och {item.Ou} är inte ett årtal mellan {OutcomePeriod.FirstYear} och {OutcomePeriod.LastYear}.");
                continue;
            }
            if (!double.IsFinite(total.Value.Value))
            {
                problems.Add(number, "value", $"Värdet för {item.Kpi} och {item.Ou} är inte ett tal.");
            }
            else if (!writer.TryAccept(indicator, unit, OutcomePeriod.WholeYear(year), total.Value.Value, answers: null))
            {
                problems.Add(number, null, $"{item.Kpi} för {item.Ou} år {year} finns redan tidigare i filen.");
            }
            else if (!problems.Any)
            {
                await writer.WriteAsync(cancellationToken);
            }
        }
    }

    /// <summary>Indicators and units by every name a file may use, numbered so a row's key packs into one long.</summary>
    internal sealed class Lookups
    {
        public const int Missing = -1;
        public const int Ambiguous = -2;

        private readonly Dictionary<string, int> _indicators = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _kpis = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _unitsByKolada = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, int> _unitsByName = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<Guid, int> _unitsById = [];
        private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _indicatorSpan;
        private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _koladaSpan;
        private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _nameSpan;

        public List<Guid> IndicatorIds { get; } = [];

        public List<Guid> UnitIds { get; } = [];

        public static async Task<Lookups> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            var lookups = new Lookups();
            foreach (var indicator in await db.Indicators.AsNoTracking().Select(i => new { i.Id, i.Code, i.KoladaKpiId }).ToListAsync(cancellationToken))
            {
                lookups._indicators[indicator.Code] = lookups.IndicatorIds.Count;
                if (indicator.KoladaKpiId is { } kpi)
                {
                    lookups._kpis[kpi] = lookups.IndicatorIds.Count;
                }
                lookups.IndicatorIds.Add(indicator.Id);
            }
            foreach (var unit in await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.KoladaId }).ToListAsync(cancellationToken))
            {
                var index = lookups.UnitIds.Count;
                lookups.UnitIds.Add(unit.Id);
                lookups._unitsById[unit.Id] = index;
                if (unit.KoladaId is { } kolada)
                {
                    lookups._unitsByKolada[kolada] = index;
                }
                var name = unit.Name.Trim();
                lookups._unitsByName[name] = lookups._unitsByName.ContainsKey(name) ? Ambiguous : index;
            }
            lookups._indicatorSpan = lookups._indicators.GetAlternateLookup<ReadOnlySpan<char>>();
            lookups._koladaSpan = lookups._unitsByKolada.GetAlternateLookup<ReadOnlySpan<char>>();
            lookups._nameSpan = lookups._unitsByName.GetAlternateLookup<ReadOnlySpan<char>>();
            return lookups;
        }

        public int Indicator(ReadOnlySpan<char> code) => _indicatorSpan.TryGetValue(code, out var index) ? index : Missing;

        public int IndicatorByKpi(string? kpi) => kpi is not null && _kpis.TryGetValue(kpi, out var index) ? index : Missing;

        public int UnitByKolada(string? koladaId) => koladaId is not null && _unitsByKolada.TryGetValue(koladaId, out var index) ? index : Missing;

        /// <summary>By Kolada id, then Uppsikt's id, then the exact name (when only one unit has it).</summary>
        public int Unit(ReadOnlySpan<char> text)
        {
            if (text.IsEmpty)
            {
                return Missing;
            }
            if (_koladaSpan.TryGetValue(text, out var index))
            {
                return index;
            }
            if (Guid.TryParse(text, out var id) && _unitsById.TryGetValue(id, out index))
            {
                return index;
            }
            return _nameSpan.TryGetValue(text, out index) ? index : Missing;
        }
    }

    /// <summary>Checks each accepted row's key is new in the file and stages it in <see cref="BulkUpsert{T}"/>, which writes them all on flush.</summary>
    private sealed class ResultWriter : IAsyncDisposable
    {
        private readonly BulkUpsert<Outcome> _bulk;
        private readonly object?[] _indicatorValues;
        private readonly object?[] _unitValues;
        private readonly Dictionary<PeriodKind, object?> _kindValues;
        private readonly object? _importValue;
        private readonly HashSet<long> _keys = [];
        private readonly object?[] _row = new object?[8];
        private readonly HashSet<int> _indicatorsTouched = [];

        public ResultWriter(ImportRun run, Lookups lookups)
        {
            _bulk = new BulkUpsert<Outcome>(run.Db,
                [nameof(Outcome.IndicatorId), nameof(Outcome.UnitId), nameof(Outcome.Year), nameof(Outcome.PeriodKind), nameof(Outcome.PeriodNumber), nameof(Outcome.Value), nameof(Outcome.Answers), nameof(Outcome.ImportId)],
                [nameof(Outcome.Value), nameof(Outcome.Answers)]);
            _indicatorValues = [.. lookups.IndicatorIds.Select(id => _bulk.ToProvider(0, id))];
            _unitValues = [.. lookups.UnitIds.Select(id => _bulk.ToProvider(1, id))];
            _kindValues = Enum.GetValues<PeriodKind>().ToDictionary(k => k, k => _bulk.ToProvider(3, k));
            _importValue = _bulk.ToProvider(7, run.Record.Id);
        }

        public int RowsRead { get; set; }

        public int Skipped { get; set; }

        /// <summary>Rows that passed every check.</summary>
        public int Accepted { get; private set; }

        public int Written => _bulk.Written;

        public IEnumerable<int> IndicatorsTouched => _indicatorsTouched;

        /// <summary>Takes the row as the next to write; false when the file already had a row with the same key.</summary>
        public bool TryAccept(int indicator, int unit, OutcomePeriod period, double value, int? answers)
        {
            var key = ((long)indicator << 44) | ((long)unit << 20) | ((long)(period.Year - OutcomePeriod.FirstYear) << 8) | ((long)period.Kind << 4) | (long)period.Number;
            if (!_keys.Add(key))
            {
                return false;
            }
            Accepted++;
            _indicatorsTouched.Add(indicator);
            _row[0] = _indicatorValues[indicator];
            _row[1] = _unitValues[unit];
            _row[2] = period.Year;
            _row[3] = _kindValues[period.Kind];
            _row[4] = period.Number;
            _row[5] = value;
            _row[6] = (object?)answers ?? DBNull.Value;
            _row[7] = _importValue;
            return true;
        }

        public ValueTask WriteAsync(CancellationToken cancellationToken) => _bulk.AddAsync(_row, cancellationToken);

        public Task EndStagingAsync(CancellationToken cancellationToken) => _bulk.EndStagingAsync(cancellationToken);

        public Task FlushAsync(CancellationToken cancellationToken) => _bulk.FlushAsync(cancellationToken);

        public ValueTask DisposeAsync() => _bulk.DisposeAsync();
    }
}
