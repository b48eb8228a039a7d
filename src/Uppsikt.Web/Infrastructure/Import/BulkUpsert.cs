using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Import;

/// <summary>
/// Writes many rows of one entity type straight through ADO.NET on the context's connection and transaction. Rows are
/// first staged in a temporary table of the same columns, with no key, index or foreign key to maintain: on PostgreSQL
/// by binary <c>COPY</c>, elsewhere by one prepared single-row <c>INSERT</c> whose parameters are created once and only
/// given new values. <see cref="FlushAsync"/> then moves them in one <c>INSERT … SELECT … ORDER BY key ON CONFLICT (key)
/// DO UPDATE</c>, so the table's indexes are filled in key order by a single statement (on SQLite, one statement
/// journal instead of one per row). Staging writes only the temporary table, so it holds no lock that other users' saves
/// wait for; only <see cref="FlushAsync"/>, in the import's short write transaction, writes the table itself. Table, column names and value conversions come from the EF model. It bypasses the
/// change tracker and so the per-row audit: only for bulk imports, whose import record is audited instead (decision 0008; the staging table is decision 0009).
/// </summary>
public sealed class BulkUpsert<TEntity> : IAsyncDisposable where TEntity : class
{
    private readonly AppDbContext _db;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly bool[] _nullable;
    private readonly string _stage;
    private readonly string _createStage;
    private readonly string _stageRow;
    private readonly string _copyStage;
    private readonly string _upsert;
    private readonly string _dropStage;
    private bool _staged;
    private DbCommand? _insert;
    private DbParameter[] _parameters = [];
    private NpgsqlBinaryImporter? _copy;

    /// <param name="columns">Property names, in the order values are given to <see cref="AddAsync"/>.</param>
    /// <param name="compareColumns">Properties whose change makes an existing row count as updated; the other non-key columns are written along with them.</param>
    public BulkUpsert(AppDbContext db, IReadOnlyList<string> columns, IReadOnlyList<string> compareColumns)
    {
        _db = db;
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = columns.Select(c => entity.FindProperty(c) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {c}.")).ToArray();
        _mappings = [.. properties.Select(p => p.GetRelationalTypeMapping())];
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(store)!);
        var table = sql.DelimitIdentifier(store.Name, store.Schema);
        var list = string.Join(", ", properties.Select(Column));
        var key = string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(Column));
        var update = properties.Where(p => !entity.FindPrimaryKey()!.Properties.Contains(p)).ToList();
        var compare = compareColumns.Select(c => properties.Single(p => p.Name == c)).ToList();

        _stage = sql.DelimitIdentifier(store.Name + "_bulk");
        _createStage = $"CREATE TEMPORARY TABLE {_stage} AS SELECT {list} FROM {table} WHERE 1 = 0";
        _stageRow = $"INSERT INTO {_stage} ({list}) VALUES ({string.Join(", ", properties.Select((_, i) => $"@p{i}"))})";
        _dropStage = $"DROP TABLE IF EXISTS {_stage}";
        _copyStage = $"COPY {_stage} ({list}) FROM STDIN (FORMAT BINARY)";
        // WHERE true: SQLite would otherwise read ON CONFLICT as a join's ON.
        _upsert = $"INSERT INTO {table} ({list}) SELECT {list} FROM {_stage} WHERE true ORDER BY {key}"
            + $" ON CONFLICT ({key}) DO UPDATE SET "
            + string.Join(", ", update.Select(p => $"{Column(p)} = excluded.{Column(p)}"))
            + " WHERE " + string.Join(" OR ", compare.Select(p => $"{table}.{Column(p)} IS DISTINCT FROM excluded.{Column(p)}"));
        _nullable = [.. properties.Select(p => p.IsNullable)];
    }

    /// <summary>Rows inserted or changed; rows whose values were already stored do not count. Known after <see cref="FlushAsync"/>.</summary>
    public int Written { get; private set; }

    /// <summary>The value as the database stores it (an enum as its name, …): convert repeated values once and reuse them.</summary>
    public object? ToProvider(int column, object? value) =>
        value is null ? DBNull.Value : _mappings[column].Converter?.ConvertToProvider(value) ?? value;

    /// <summary>Stages a row of provider values (see <see cref="ToProvider"/>), in column order.</summary>
    public async ValueTask AddAsync(ReadOnlyMemory<object?> values, CancellationToken cancellationToken)
    {
        if (!_staged)
        {
            await StartAsync(cancellationToken);
        }
        if (_copy is { } copy)
        {
            await copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < _mappings.Length; i++)
            {
                if (values.Span[i] is { } value and not DBNull)
                {
                    await copy.WriteAsync(value, _mappings[i].StoreTypeNameBase, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
            }
            return;
        }
        var span = values.Span;
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = span[i];
        }
        await _insert!.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Ends staging: the rows are all in the stage. Call before the import's write transaction begins.</summary>
    public async Task EndStagingAsync(CancellationToken cancellationToken)
    {
        if (_copy is { } copy)
        {
            await copy.CompleteAsync(cancellationToken);
        }
        await DisposeStagingAsync();
    }

    /// <summary>Writes the staged rows into the table and drops the stage, in the import's write transaction.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_staged)
        {
            return;
        }
        await DisposeStagingAsync();
        Written += await ExecuteAsync(_upsert, cancellationToken);
        await ExecuteAsync(_dropStage, cancellationToken);
        _staged = false;
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        // A stage left on this pooled connection by an import that failed after staging is dropped first.
        await ExecuteAsync(_dropStage, cancellationToken);
        await ExecuteAsync(_createStage, cancellationToken);
        _staged = true;
        var connection = _db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            _copy = await npgsql.BeginBinaryImportAsync(_copyStage, cancellationToken);
            return;
        }
        _insert = CreateCommand();
        _parameters = [.. _mappings.Select((mapping, i) => mapping.CreateParameter(_insert, $"@p{i}", null, _nullable[i]))];
        _insert.Parameters.AddRange(_parameters);
        _insert.CommandText = _stageRow;
    }

    private async Task<int> ExecuteAsync(string text, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand();
        command.CommandText = text;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreateCommand()
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk upsert runs inside the import's transaction.");
        return command;
    }

    /// <summary>Ends staging; a copy not completed is cancelled. A stage the import's rollback did not remove is dropped by the next import.</summary>
    private async ValueTask DisposeStagingAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
            _copy = null;
        }
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
            _insert = null;
        }
    }

    public ValueTask DisposeAsync() => DisposeStagingAsync();
}
