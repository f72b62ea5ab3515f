using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Floke.Tests.TestSupport;

/// <summary>Asks the database how it would run a query the app sent, and names every table it would read whole. The test
/// databases are small, so a planner left to itself reads small tables whole whatever indexes exist: PostgreSQL is told
/// sequential scans are a last resort (<c>enable_seqscan = off</c>), so one in its plan means no index can serve the query;
/// SQLite plans from the indexes alone (no statistics are gathered in the tests), and a plain <c>SCAN table</c> means the
/// same.</summary>
public static partial class QueryPlans
{
    /// <summary>The tables a plan reads from start to end (a sequential scan), each with the plan line that says so.</summary>
    public static async Task<IReadOnlyList<string>> FullScansAsync(FlokeApp app, SqlCounter.RecordedQuery query)
    {
        return app.Provider == "sqlite" ? await SqliteAsync(app.ConnectionString, query) : await PostgresAsync(app.ConnectionString, query);
    }

    private static async Task<IReadOnlyList<string>> SqliteAsync(string connectionString, SqlCounter.RecordedQuery query)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query.Sql;
        foreach (var p in query.Parameters)
        {
            var parameter = (SqliteParameter)p;
            command.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value) { SqliteType = parameter.SqliteType, Size = parameter.Size });
        }
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(3));
            }
        }
        // Subqueries run as co-routines or are materialised; scanning their rows is not reading a table.
        var derived = lines.Select(l => DerivedTable().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        var tables = TableAlias().Matches(query.Sql).GroupBy(m => m.Groups[2].Value).ToDictionary(g => g.Key, g => g.First().Groups[1].Value);
        return [.. lines.Select(l => PlainScan().Match(l)).Where(m => m.Success && !derived.Contains(m.Groups[1].Value))
            .Select(m => $"{tables.GetValueOrDefault(m.Groups[1].Value, m.Groups[1].Value)} ({m.Value})")];
    }

    private static async Task<IReadOnlyList<string>> PostgresAsync(string connectionString, SqlCounter.RecordedQuery query)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand("EXPLAIN " + query.Sql, connection);
        foreach (var p in query.Parameters)
        {
            command.Parameters.Add(((NpgsqlParameter)p).Clone());
        }
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }
        return [.. lines.Select(l => SeqScan().Match(l)).Where(m => m.Success).Select(m => $"{m.Groups[1].Value} ({m.Value.Trim()})")];
    }

    [GeneratedRegex(@"^(?:CO-ROUTINE|MATERIALIZE) (\S+)")]
    private static partial Regex DerivedTable();

    [GeneratedRegex(@"^SCAN (\S+)$")]
    private static partial Regex PlainScan();

    [GeneratedRegex(@"(?:FROM|JOIN)\s+""(\w+)""\s+AS\s+""(\w+)""")]
    private static partial Regex TableAlias();

    [GeneratedRegex(@"Seq Scan on ""?(\w+)""?")]
    private static partial Regex SeqScan();
}
