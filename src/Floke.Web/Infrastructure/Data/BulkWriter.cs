using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Floke.Web.Infrastructure.Data;

/// <summary>Writes large numbers of new rows straight into their tables — binary COPY on PostgreSQL, one prepared INSERT
/// in one transaction on SQLite — bypassing the change tracker and the audit trail. Tables, columns and value conversions
/// come from the EF model, so rows are stored exactly as EF would store them. For loading generated data into an empty
/// database only: nothing is validated and no history is written.</summary>
public sealed class BulkWriter(FlokeDbContext db)
{
    private sealed record Column(string Name, IProperty Property, Func<object, object?> Get, Func<object?, object?> ToProvider, string StoreTypeBase);

    /// <summary>Writes every row; returns how many.</summary>
    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct = default) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(store) is not null)
            .Select(p =>
            {
                if (p.IsShadowProperty())
                {
                    throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property; the bulk writer cannot fill it.");
                }
                var mapping = (RelationalTypeMapping)p.GetTypeMapping();
                var converter = mapping.Converter;
                var getter = p.GetGetter();
                return new Column(p.GetColumnName(store)!, p, o => getter.GetClrValue(o),
                    v => v is null ? null : converter is null ? v : converter.ConvertToProvider(v), mapping.StoreTypeNameBase);
            })
            .ToList();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        return connection switch
        {
            NpgsqlConnection pg => await CopyAsync(pg, table, columns, rows, ct),
            SqliteConnection sqlite => await InsertAsync(sqlite, table, columns, rows, ct),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
    }

    private static async Task<long> CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        long count = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.ToProvider(column.Get(row));
                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(value, column.StoreTypeBase, ct);
                }
            }
            count++;
        }
        await importer.CompleteAsync(ct);
        return count;
    }

    private static async Task<long> InsertAsync<T>(SqliteConnection connection, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        await command.PrepareAsync(ct);
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ToProvider(columns[i].Get(row)) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
            count++;
        }
        await tx.CommitAsync(ct);
        return count;
    }

    /// <summary>After rows were written with explicit ids, moves PostgreSQL's identity sequences past them (SQLite needs nothing).</summary>
    public async Task ResetIdentitiesAsync(CancellationToken ct = default)
    {
        if (db.Database.GetDbConnection() is not NpgsqlConnection)
        {
            return;
        }
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var key = entity.FindPrimaryKey();
            if (key is not { Properties.Count: 1 } || key.Properties[0].ClrType != typeof(int) || key.Properties[0].ValueGenerated != ValueGenerated.OnAdd
                || entity.GetTableName() is not { } table)
            {
                continue;
            }
            var column = key.Properties[0].GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()));
#pragma warning disable EF1002 // Table and column names come from the model, not from input.
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)", ct);
#pragma warning restore EF1002
        }
    }
}
