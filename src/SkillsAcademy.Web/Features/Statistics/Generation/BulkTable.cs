using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SkillsAcademy.Web.Features.Statistics.Generation;

/// <summary>
/// One prepared INSERT into one table. Table and column names, parameter set-up and value conversions come from the
/// EF model, so a row written here is stored exactly as SaveChanges stores it: instants through the provider's
/// DateTimeOffset converter, enums as the model maps them, Guids as the provider binds them, learning-event data
/// through its JSON value converter.
/// </summary>
internal sealed class BulkTable : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;
    private readonly Func<object?, object?>?[] _toProvider;

    private BulkTable(string name, SqliteCommand command, SqliteParameter[] parameters, Func<object?, object?>?[] toProvider)
    {
        Name = name;
        _command = command;
        _parameters = parameters;
        _toProvider = toProvider;
    }

    public string Name { get; }

    public int ColumnCount => _parameters.Length;

    public long RowsWritten { get; private set; }

    /// <summary>An INSERT of the given properties (CLR names) of <typeparamref name="TEntity"/>.</summary>
    public static BulkTable Create<TEntity>(IModel model, SqliteConnection connection, params string[] properties)
    {
        var entity = model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var command = connection.CreateCommand();
        var parameters = new SqliteParameter[properties.Length];
        var converters = new Func<object?, object?>?[properties.Length];
        var columns = new string[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var property = entity.FindProperty(properties[i])
                ?? throw new InvalidOperationException($"{entity.DisplayName()} has no property {properties[i]}.");
            columns[i] = "\"" + property.GetColumnName(table) + "\"";
            var mapping = property.GetRelationalTypeMapping();
            // The mapping sets the parameter up (type, size) the way EF does; only the value changes per row.
            parameters[i] = (SqliteParameter)mapping.CreateParameter(command, "@p" + i, null, property.IsNullable);
            command.Parameters.Add(parameters[i]);
            converters[i] = mapping.Converter?.ConvertToProvider;
        }

        command.CommandText = $"INSERT INTO \"{tableName}\" ({string.Join(", ", columns)}) VALUES ({string.Join(", ", parameters.Select(p => p.ParameterName))})";
        return new BulkTable(tableName, command, parameters, converters);
    }

    /// <summary>The value as the database stores it (what EF's converter for that column makes of it).</summary>
    public object ToProvider(int column, object? value) =>
        value is null ? DBNull.Value : (_toProvider[column] is { } convert ? convert(value) : value) ?? DBNull.Value;

    public void Prepare(SqliteTransaction transaction)
    {
        _command.Transaction = transaction;
        _command.Prepare();
    }

    public void UseTransaction(SqliteTransaction transaction) => _command.Transaction = transaction;

    /// <summary>Inserts one row of values already converted by <see cref="ToProvider"/>.</summary>
    public void Insert(ReadOnlySpan<object> providerValues)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = providerValues[i];
        }

        _command.ExecuteNonQuery();
        RowsWritten++;
    }

    public void Dispose() => _command.Dispose();
}

/// <summary>
/// Rows for several tables, converted to provider values by the thread that generates them and written in order by
/// the thread that owns the connection.
/// </summary>
internal sealed class RowBatch
{
    private readonly List<object> _values = new(capacity: 1 << 16);
    private readonly List<(BulkTable Table, int Start)> _rows = new(capacity: 1 << 13);

    public int RowCount => _rows.Count;

    public int LearnerCount { get; set; }

    public long EventCount { get; set; }

    public void Add(BulkTable table, params ReadOnlySpan<object?> values)
    {
        if (values.Length != table.ColumnCount)
        {
            throw new ArgumentException($"{table.Name} takes {table.ColumnCount} values, not {values.Length}.", nameof(values));
        }

        _rows.Add((table, _values.Count));
        for (var i = 0; i < values.Length; i++)
        {
            _values.Add(table.ToProvider(i, values[i]));
        }
    }

    public IEnumerable<(BulkTable Table, ReadOnlyMemory<object> Values)> Rows()
    {
        var all = _values.ToArray();
        foreach (var (table, start) in _rows)
        {
            yield return (table, all.AsMemory(start, table.ColumnCount));
        }
    }
}
