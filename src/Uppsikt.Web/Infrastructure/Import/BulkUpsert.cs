using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure.Import;

/// <summary>
/// Writes many rows of one entity type straight through ADO.NET on the context's connection and transaction:
/// multi-row <c>INSERT … ON CONFLICT (key) DO UPDATE</c> statements, reused with new parameter values, the same SQL on
/// SQLite and PostgreSQL. Table, column names and value conversions come from the EF model. It bypasses the change
/// tracker and so the per-row audit: only for bulk imports, whose import record is audited instead (decision 0005).
/// </summary>
public sealed class BulkUpsert<TEntity> : IAsyncDisposable where TEntity : class
{
    private readonly AppDbContext _db;
    private readonly IProperty[] _properties;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly int _rowsPerStatement;
    private readonly object?[] _pending;
    private readonly string _table;
    private readonly string _columns;
    private readonly string _onConflict;
    private readonly Dictionary<int, DbCommand> _commands = [];
    private int _pendingRows;

    /// <param name="columns">Property names, in the order values are given to <see cref="Add"/>.</param>
    /// <param name="compareColumns">Properties whose change makes an existing row count as updated; the other non-key columns are written along with them.</param>
    public BulkUpsert(AppDbContext db, IReadOnlyList<string> columns, IReadOnlyList<string> compareColumns, int rowsPerStatement)
    {
        _db = db;
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _properties = [.. columns.Select(c => entity.FindProperty(c) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {c}."))];
        _mappings = [.. _properties.Select(p => p.GetRelationalTypeMapping())];
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(store)!);
        _table = sql.DelimitIdentifier(store.Name, store.Schema);
        _columns = string.Join(", ", _properties.Select(Column));
        var key = entity.FindPrimaryKey()!.Properties;
        var update = _properties.Where(p => !key.Contains(p)).ToList();
        var compare = compareColumns.Select(c => _properties.Single(p => p.Name == c)).ToList();
        _onConflict = $" ON CONFLICT ({string.Join(", ", key.Select(Column))}) DO UPDATE SET "
            + string.Join(", ", update.Select(p => $"{Column(p)} = excluded.{Column(p)}"))
            + " WHERE " + string.Join(" OR ", compare.Select(p => $"{_table}.{Column(p)} IS DISTINCT FROM excluded.{Column(p)}"));
        _rowsPerStatement = Math.Max(1, rowsPerStatement);
        _pending = new object?[_rowsPerStatement * _properties.Length];
    }

    /// <summary>Rows inserted or changed so far; rows whose values were already stored do not count.</summary>
    public int Written { get; private set; }

    /// <summary>The value as the database stores it (an enum as its name, …): convert repeated values once and reuse them.</summary>
    public object? ToProvider(int column, object? value) =>
        value is null ? DBNull.Value : _mappings[column].Converter?.ConvertToProvider(value) ?? value;

    /// <summary>Adds a row of provider values (see <see cref="ToProvider"/>), in column order; writes a full batch.</summary>
    public async ValueTask AddAsync(ReadOnlyMemory<object?> values, CancellationToken cancellationToken)
    {
        values.Span.CopyTo(_pending.AsSpan(_pendingRows * _properties.Length));
        if (++_pendingRows == _rowsPerStatement)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pendingRows == 0)
        {
            return;
        }
        var command = CommandFor(_pendingRows);
        for (var i = 0; i < _pendingRows * _properties.Length; i++)
        {
            command.Parameters[i].Value = _pending[i];
        }
        Written += await command.ExecuteNonQueryAsync(cancellationToken);
        _pendingRows = 0;
    }

    private DbCommand CommandFor(int rows)
    {
        if (_commands.TryGetValue(rows, out var command))
        {
            return command;
        }
        var connection = _db.Database.GetDbConnection();
        command = connection.CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk upsert runs inside the import's transaction.");
        var text = new StringBuilder($"INSERT INTO {_table} ({_columns}) VALUES ");
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < _properties.Length; column++)
            {
                var name = $"@p{row * _properties.Length + column}";
                text.Append(column == 0 ? name : ", " + name);
                command.Parameters.Add(_mappings[column].CreateParameter(command, name, null, _properties[column].IsNullable));
            }
            text.Append(')');
        }
        command.CommandText = text.Append(_onConflict).ToString();
        _commands[rows] = command;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
        _commands.Clear();
    }
}
