using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Floke.Web.Infrastructure.Data;

/// <summary>Open SQLite connections, each lent to one request's context at a time and kept open between requests, so that
/// the statements <see cref="SqliteStatementCache"/> keeps on them stay compiled. A connection comes back with no
/// transaction (the context has ended its own); at most <see cref="MaxIdle"/> wait, the rest are closed.</summary>
public sealed class SqliteConnections(string connectionString, SqlitePragmas pragmas) : IDisposable
{
    public const int MaxIdle = 64;
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private int _idleCount;
    private bool _disposed;

    /// <summary>The queue of the app's locked writers (<see cref="FlokeDbContext.BeginLockedAsync{T}"/>): one at a time, as
    /// SQLite's one write lock allows anyway, but in the order they came.</summary>
    public SemaphoreSlim Writers { get; } = new(1, 1);

    public SqliteConnection Rent()
    {
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }
        connection = new SqliteConnection(connectionString);
        connection.Open();
        pragmas.Apply(connection);
        SqliteStatementCache.Keep(connection);
        return connection;
    }

    public void Return(SqliteConnection connection)
    {
        if (!_disposed && connection.State == System.Data.ConnectionState.Open && !InTransaction(connection))
        {
            if (Interlocked.Increment(ref _idleCount) <= MaxIdle)
            {
                _idle.Add(connection);
                return;
            }
            Interlocked.Decrement(ref _idleCount);
        }
        Close(connection);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            Close(connection);
        }
    }

    // A new command takes the connection's current transaction; a leaked one must not reach the next request.
    private static bool InTransaction(SqliteConnection connection)
    {
        using var probe = connection.CreateCommand();
        return probe.Transaction is not null;
    }

    private static void Close(SqliteConnection connection)
    {
        SqliteStatementCache.Forget(connection);
        connection.Dispose();
    }
}

/// <summary>The connection one scope's context uses, rented on first use and given back when the scope ends (after the
/// context, which is created after it, is disposed).</summary>
public sealed class SqliteConnectionLease(SqliteConnections connections) : IDisposable
{
    private SqliteConnection? _connection;

    public SqliteConnection Connection => _connection ??= connections.Rent();

    public SemaphoreSlim Writers => connections.Writers;

    public void Dispose()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            connections.Return(connection);
        }
    }
}
