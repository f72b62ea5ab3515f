using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Floke.Tests.TestSupport;

/// <summary>Asks the database how it would run a query the app sent. The test databases are small, so a planner left to
/// itself reads small tables whole whatever indexes exist: PostgreSQL is told sequential scans are a last resort
/// (<c>enable_seqscan = off</c>), so one in its plan means no index can serve the query; SQLite plans from the indexes
/// alone (no statistics are gathered in the tests), and a plain <c>SCAN table</c> means the same.</summary>
public static partial class QueryPlans
{
    /// <summary>One line of a plan: SQLite's <c>EXPLAIN QUERY PLAN</c> rows keep their id and parent; PostgreSQL's text
    /// plan is read line by line (its nesting is in the indentation).</summary>
    public sealed record Plan(string Provider, string Sql, IReadOnlyList<(int Id, int Parent, string Detail)> Lines);

    /// <summary>The plan for a query. With <paramref name="sortsLast"/>, PostgreSQL is also told sorts are a last resort
    /// (<c>enable_sort</c> and <c>enable_incremental_sort</c> off, as sequential scans), so a sort left in its plan means no
    /// index holds the order asked for: on the small test tables it would otherwise sort whenever that is cheaper.</summary>
    public static async Task<Plan> ExplainAsync(FlokeApp app, SqlCounter.RecordedQuery query, bool sortsLast = false) =>
        new(app.Provider, query.Sql, app.Provider == "sqlite" ? await SqliteAsync(app.ConnectionString, query)
            : await PostgresAsync(app.ConnectionString, query, sortsLast ? "SET enable_seqscan = off; SET enable_sort = off; SET enable_incremental_sort = off" : "SET enable_seqscan = off"));

    /// <summary>The tables a plan reads from start to end (a sequential scan), each with the plan line that says so.</summary>
    public static IReadOnlyList<string> FullScans(Plan plan)
    {
        if (plan.Provider != "sqlite")
        {
            return [.. plan.Lines.Select(l => SeqScan().Match(l.Detail)).Where(m => m.Success).Select(m => $"{m.Groups[1].Value} ({m.Value.Trim()})")];
        }
        // Subqueries run as co-routines or are materialised; scanning their rows is not reading a table.
        var derived = plan.Lines.Select(l => DerivedTable().Match(l.Detail)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        var tables = TableAlias().Matches(plan.Sql).GroupBy(m => m.Groups[2].Value).ToDictionary(g => g.Key, g => g.First().Groups[1].Value);
        return [.. plan.Lines.Select(l => PlainScan().Match(l.Detail)).Where(m => m.Success && !derived.Contains(m.Groups[1].Value))
            .Select(m => $"{tables.GetValueOrDefault(m.Groups[1].Value, m.Groups[1].Value)} ({m.Value})")];
    }

    /// <summary>Where a page (a LIMIT) is picked by sorting rows rather than read in the list's order from an index, the plan
    /// lines that say so. Sorting the page's own rows after it is picked (to join them to their owners) is not counted.
    /// PostgreSQL: a Limit whose input is a Sort or an Incremental Sort — an index that has only the start of the ORDER BY
    /// makes the second, and it reads every row that ties with the page's last (national scale: thousands).
    /// SQLite: a temporary B-tree for an ORDER BY in the subquery that pages, or in a statement that ends in its LIMIT.</summary>
    public static IReadOnlyList<string> SortedPages(Plan plan)
    {
        if (plan.Provider != "sqlite")
        {
            return [.. plan.Lines.Zip(plan.Lines.Skip(1)).Where(p => PgLimit().IsMatch(p.First.Detail) && PgSort().IsMatch(p.Second.Detail))
                .Select(p => $"{p.First.Detail.Trim()} / {p.Second.Detail.Trim()}")];
        }
        var derived = plan.Lines.Where(l => DerivedTable().IsMatch(l.Detail)).Select(l => l.Id).ToHashSet();
        var pagedAtTheEnd = FinalLimit().IsMatch(plan.Sql);
        return [.. plan.Lines.Where(l => l.Detail.StartsWith("USE TEMP B-TREE FOR", StringComparison.Ordinal) && l.Detail.Contains("ORDER BY", StringComparison.Ordinal)
                && (derived.Contains(l.Parent) || (l.Parent == 0 && pagedAtTheEnd)))
            .Select(l => l.Detail)];
    }

    private static async Task<IReadOnlyList<(int, int, string)>> SqliteAsync(string connectionString, SqlCounter.RecordedQuery query)
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
        var lines = new List<(int, int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
        }
        return lines;
    }

    private static async Task<IReadOnlyList<(int, int, string)>> PostgresAsync(string connectionString, SqlCounter.RecordedQuery query, string settings)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand(settings, connection))
        {
            await off.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand("EXPLAIN " + query.Sql, connection);
        foreach (var p in query.Parameters)
        {
            command.Parameters.Add(((NpgsqlParameter)p).Clone());
        }
        var lines = new List<(int, int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add((lines.Count, -1, reader.GetString(0)));
        }
        return lines;
    }

    [GeneratedRegex(@"^(?:CO-ROUTINE|MATERIALIZE) (\S+)")]
    private static partial Regex DerivedTable();

    [GeneratedRegex(@"^SCAN (\S+)$")]
    private static partial Regex PlainScan();

    [GeneratedRegex(@"(?:FROM|JOIN)\s+""(\w+)""\s+AS\s+""(\w+)""")]
    private static partial Regex TableAlias();

    [GeneratedRegex(@"Seq Scan on ""?(\w+)""?")]
    private static partial Regex SeqScan();

    [GeneratedRegex(@"^\s*(?:->\s+)?Limit\s+\(")]
    private static partial Regex PgLimit();

    [GeneratedRegex(@"^\s*->\s+(?:Incremental )?Sort\s+\(")]
    private static partial Regex PgSort();

    /// <summary>A statement whose last clause is its LIMIT (and OFFSET): the page is picked by the outermost ORDER BY.</summary>
    [GeneratedRegex(@"\bLIMIT\s+\S+(?:\s+OFFSET\s+\S+)?\s*;?\s*$")]
    private static partial Regex FinalLimit();
}
