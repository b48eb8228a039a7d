using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Timeline;

/// <summary>
/// A timeline source over one query of rows: the rows of the unit the actor may see (<see cref="Rows"/>, projected with an object
/// initialiser so that EF Core can filter and sort on the row's members), when each happened — a day (<see cref="DateOnly"/>) or
/// an instant (<see cref="DateTimeOffset"/>) — and its id. The base filters by the period, counts, orders newest first with the id
/// as tie-breaker and takes the newest, all in SQL, the same way for every source. A source gives the same expressions every time
/// it is made (it is made per request), so they are compiled once per source type.
/// </summary>
public abstract class UnitHistorySource<TRow> : IUnitHistorySource
{
    private readonly Expression<Func<TRow, DateOnly>>? _on;
    private readonly Func<TRow, DateOnly>? _onValue;
    private readonly Expression<Func<TRow, DateTimeOffset>>? _at;
    private readonly Func<TRow, DateTimeOffset>? _atValue;
    private readonly Expression<Func<TRow, Guid>> _id;
    private readonly Func<TRow, Guid> _idValue;

    private static readonly ConcurrentDictionary<Type, (Delegate When, Func<TRow, Guid> Id)> Compiled = new();

    /// <summary>A source whose records are kept by day, such as a complaint's date of receipt.</summary>
    protected UnitHistorySource(Expression<Func<TRow, DateOnly>> on, Expression<Func<TRow, Guid>> id)
    {
        var compiled = Compiled.GetOrAdd(GetType(), _ => (on.Compile(), id.Compile()));
        (_on, _onValue) = (on, (Func<TRow, DateOnly>)compiled.When);
        (_id, _idValue) = (id, compiled.Id);
    }

    /// <summary>A source whose records keep the instant, such as a review's step.</summary>
    protected UnitHistorySource(Expression<Func<TRow, DateTimeOffset>> at, Expression<Func<TRow, Guid>> id)
    {
        var compiled = Compiled.GetOrAdd(GetType(), _ => (at.Compile(), id.Compile()));
        (_at, _atValue) = (at, (Func<TRow, DateTimeOffset>)compiled.When);
        (_id, _idValue) = (id, compiled.Id);
    }

    public abstract string Key { get; }

    public abstract UnitHistoryKind Kind { get; }

    public virtual bool IsShownTo(ICurrentActor actor) => true;

    /// <summary>The unit's rows, read through the scoped context: what the actor may see and nothing more.</summary>
    protected abstract IQueryable<TRow> Rows(HistoryUnit unit);

    /// <summary>The title, summary and link of one row, in Swedish.</summary>
    protected abstract UnitHistoryText Describe(TRow row, HistoryUnit unit);

    public IQueryable<Guid> Matching(HistoryUnit unit, UnitHistoryPeriod period) => Within(Rows(unit), period).Select(_id);

    public async Task<IReadOnlyList<UnitHistoryItem>> NewestAsync(HistoryUnit unit, UnitHistoryPeriod period, int count, CancellationToken cancellationToken)
    {
        var rows = Within(Rows(unit), period);
        var newest = _on is not null ? rows.OrderByDescending(_on) : rows.OrderByDescending(_at!);
        var read = await newest.ThenByDescending(_id).Take(count).ToListAsync(cancellationToken);
        return [.. read.Select(row => Item(row, unit))];
    }

    private UnitHistoryItem Item(TRow row, HistoryUnit unit)
    {
        var text = Describe(row, unit);
        DateOnly date;
        DateTimeOffset? at = null;
        DateTimeOffset sortAt;
        if (_onValue is not null)
        {
            date = _onValue(row);
            sortAt = SwedishCalendar.StartOf(date);
        }
        else
        {
            at = sortAt = _atValue!(row);
            date = SwedishCalendar.DateOf(sortAt);
        }
        return new(new UnitHistoryEntry(date, at, Kind.Key, Kind.Name, text.Title, text.Summary, text.Link), sortAt, Key, _idValue(row));
    }

    /// <summary>
    /// The rows in the period. A day is compared as a day; an instant from midnight in Sweden at the start of the first day to
    /// midnight after the last, so that an entry's shown date and the period agree.
    /// </summary>
    private IQueryable<TRow> Within(IQueryable<TRow> rows, UnitHistoryPeriod period)
    {
        if (_on is not null)
        {
            if (period.From is { } from)
            {
                rows = rows.Where(Compare(_on, ExpressionType.GreaterThanOrEqual, from));
            }
            if (period.To is { } to)
            {
                rows = rows.Where(Compare(_on, ExpressionType.LessThanOrEqual, to));
            }
            return rows;
        }
        if (period.From is { } start)
        {
            rows = rows.Where(Compare(_at!, ExpressionType.GreaterThanOrEqual, SwedishCalendar.StartOf(start)));
        }
        if (period.To is { } end)
        {
            rows = rows.Where(Compare(_at!, ExpressionType.LessThan, SwedishCalendar.StartOf(end.AddDays(1))));
        }
        return rows;
    }

    /// <summary><c>row =&gt; when(row) op value</c>, the value read from an object as a captured variable is, so that SQL gets a parameter, not a literal.</summary>
    private static Expression<Func<TRow, bool>> Compare<T>(Expression<Func<TRow, T>> when, ExpressionType op, T value)
    {
        var captured = Expression.Property(Expression.Constant(new Captured<T>(value)), nameof(Captured<T>.Value));
        return Expression.Lambda<Func<TRow, bool>>(Expression.MakeBinary(op, when.Body, captured), when.Parameters);
    }

    private sealed class Captured<T>(T value)
    {
        public T Value { get; } = value;
    }
}
