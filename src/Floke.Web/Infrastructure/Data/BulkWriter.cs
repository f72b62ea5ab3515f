using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SQLitePCL;

namespace Floke.Web.Infrastructure.Data;

/// <summary>Writes large numbers of new rows straight into their tables — binary COPY on PostgreSQL, one prepared INSERT
/// on SQLite (bound through SQLite's own API, <see cref="SqliteBinding"/>) — bypassing the change tracker and the audit
/// trail. Tables, columns and value conversions come from the EF model, so rows are stored exactly as EF would store
/// them. Inside the context's transaction when it has one (in one of its own otherwise). Nothing is validated and no
/// history is written: for seeding and the search index, and for the audited bulk insert of
/// <see cref="FlokeDbContext.InsertAuditedAsync{T}"/>.</summary>
public sealed class BulkWriter(FlokeDbContext db)
{
    private sealed record Column(string Name, IProperty Property, Func<object, object?> Get, Func<object?, object?> ToProvider, string StoreTypeBase);

    /// <summary>Writes every row; returns how many. With <paramref name="keysFromDatabase"/> the database numbers the rows
    /// (their generated key is not written, and stays unknown to the objects).</summary>
    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct = default, bool keysFromDatabase = false) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(store) is not null)
            .Where(p => !(keysFromDatabase && p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
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
            SqliteConnection sqlite => await InsertAsync(sqlite, (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(), table, columns, rows, ct),
            _ => throw new NotSupportedException(connection.GetType().Name),
        };
    }

    private static async Task<long> CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var sql = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        long count = 0;
        // Values are written synchronously (into Npgsql's buffer; a full buffer is sent at once): awaiting a million writes
        // — and each flush of the buffer starting a timeout for itself — was most of the app's CPU in a 50,000-row import
        // (a profile: ~0.5 s of its ~1.6 s), and the import's rows are in memory already. The thread waits only while
        // PostgreSQL takes a full buffer.
        foreach (var row in rows)
        {
            if (count % 1000 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            importer.StartRow();
            foreach (var column in columns)
            {
                var value = column.ToProvider(column.Get(row));
                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(value, column.StoreTypeBase);
                }
            }
            count++;
        }
        await importer.CompleteAsync(ct);
        return count;
    }

    private static async Task<long> InsertAsync<T>(SqliteConnection connection, SqliteTransaction? current, string table, List<Column> columns,
        IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        if (columns.FirstOrDefault(c => !SqliteBinding.Supports(c.Property.GetTypeMapping().Converter?.ProviderClrType ?? c.Property.ClrType)) is { } unsupported)
        {
            throw new NotSupportedException($"{typeof(T).Name}.{unsupported.Property.Name} has a type the bulk writer cannot bind.");
        }
        await using var own = current is null ? (SqliteTransaction)await connection.BeginTransactionAsync(ct) : null;
        // One statement prepared once and bound by position through SQLite's own API (SqliteBinding): a row costs no
        // allocation beyond its values' boxes. It runs in the connection's transaction like any command of it.
        var db = connection.Handle!;
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))})";
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
        long count = 0;
        using (statement)
        {
            foreach (var row in rows)
            {
                if (count % 1000 == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                for (var i = 0; i < columns.Count; i++)
                {
                    SqliteBinding.Bind(db, statement, i + 1, columns[i].ToProvider(columns[i].Get(row)));
                }
                rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, db);
                }
                count++;
            }
        }
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
        return count;
    }

    /// <summary>Takes <paramref name="count"/> new keys for <typeparamref name="T"/> rows (an integer key the database
    /// generates), so rows written here can be named before they are (by their audit entries, by other rows). PostgreSQL
    /// draws them from the column's identity sequence, safe beside any other writer. SQLite has no sequence to draw from:
    /// the keys follow the highest ever used, so this must run in a transaction that holds the database's write lock
    /// (begun <c>IMMEDIATE</c>, as every transaction of Floke's SQLite connections is) and the rows written in it.</summary>
    public async Task<int[]> ReserveKeysAsync<T>(int count, CancellationToken ct = default) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()?.Properties is [{ ClrType: var type, ValueGenerated: ValueGenerated.OnAdd } property] && type == typeof(int)
            ? property.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!
            : throw new InvalidOperationException($"{typeof(T).Name} has no integer key that the database generates.");
        if (count == 0)
        {
            return [];
        }
        if (db.IsPostgres)
        {
            // Names come from the model, not from input. The sequence is looked up once: asked per row (nextval of
            // pg_get_serial_sequence) the catalogue lookups were nine tenths of the time, 0.2–0.36 s for 50,000 keys.
            var sql = $"WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence('\"{table}\"', '{key}')::regclass AS seq) " +
                $"SELECT nextval(s.seq)::integer AS \"Value\" FROM s, generate_series(1, {{0}})";
            var keys = (await db.Database.SqlQueryRaw<int>(sql, count).ToListAsync(ct)).ToArray();
            Array.Sort(keys); // ascending, as SQLite's are: callers give them out in their rows' order
            return keys;
        }
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("On SQLite keys can only be reserved inside the transaction that writes the rows.");
        }
        // AUTOINCREMENT keeps the highest key ever given in sqlite_sequence (above the table's maximum once rows were deleted).
        var last = $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), COALESCE((SELECT MAX(\"{key}\") FROM \"{table}\"), 0))";
        var first = (int)await db.ScalarAsync<long>(last, ct) + 1;
        return [.. Enumerable.Range(first, count)];
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
