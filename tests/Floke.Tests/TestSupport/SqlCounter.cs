using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Floke.Tests.TestSupport;

/// <summary>Counts the SQL statements the app sends, so a test can hold a page to a budget (no N+1), and keeps the
/// queries (text and parameters) so their plans can be checked (<see cref="QueryPlans"/>).
/// Tests in the "app" collection run one at a time, so a count between two points belongs to the requests in between.</summary>
public sealed class SqlCounter : DbCommandInterceptor
{
    private int _count;
    private readonly List<RecordedQuery> _queries = [];

    /// <param name="Sql">The command's text as EF Core gave it: the same string object each time EF Core serves the statement
    /// from its cache.</param>
    public sealed record RecordedQuery(string Sql, IReadOnlyList<DbParameter> Parameters);

    public int Count => Volatile.Read(ref _count);

    /// <summary>The queries (SELECTs) sent since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<RecordedQuery> Queries
    {
        get
        {
            lock (_queries)
            {
                return [.. _queries];
            }
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        lock (_queries)
        {
            _queries.Clear();
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _count);
        Keep(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        Keep(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        Keep(command);
        return ValueTask.FromResult(result);
    }

    private void Keep(DbCommand command)
    {
        // Past the tags (TagWith's comment lines) to the statement.
        var sql = string.Join('\n', command.CommandText.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).TrimStart();
        if (!sql.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !sql.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => p switch
        {
            Npgsql.NpgsqlParameter pg => (DbParameter)pg.Clone(),
            Microsoft.Data.Sqlite.SqliteParameter sqlite => new Microsoft.Data.Sqlite.SqliteParameter(sqlite.ParameterName, sqlite.Value) { SqliteType = sqlite.SqliteType, Size = sqlite.Size },
            _ => throw new NotSupportedException(p.GetType().Name),
        }).ToList();
        lock (_queries)
        {
            _queries.Add(new RecordedQuery(command.CommandText, parameters));
        }
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}
