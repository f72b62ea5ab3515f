using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Floke.Web.Infrastructure.Data;

/// <summary>Keeps SQLite's compiled statements from one request to the next. Microsoft.Data.Sqlite compiles
/// (<c>sqlite3_prepare_v2</c>) every command afresh, and finalizes a command's statements when its connection closes
/// (dotnet/efcore#14044, open); EF Core makes a new command for every query and closes the connection after it. At
/// national scale compiling was about 40 % of an initiative page's database time: its nine queries take ~620 µs with
/// compiling and ~165 µs without (the same statements in the sqlite3 module, with and without a statement cache).
/// <para>So on SQLite a request's context borrows a connection that stays open (<see cref="SqliteConnections"/>), and
/// each of those connections keeps one prepared command per SQL text it has read with (at most <see cref="Capacity"/>;
/// the least recently used is finalized). When EF Core is about to run a query, the kept command with the same text runs
/// in its place, with EF Core's parameters; its reader is EF Core's as usual, and resets the statement when it is
/// disposed, so no read transaction outlives the query. Writes (<c>SaveChanges</c>) are readers too and are kept alike;
/// a text whose command is still reading (the same query nested in itself) runs as EF Core made it.</para></summary>
public sealed class SqliteStatementCache : DbCommandInterceptor
{
    /// <summary>Commands kept per connection; a page sends up to ten, a busy mix of pages a few dozen.</summary>
    public const int Capacity = 128;

    private static readonly ConditionalWeakTable<DbConnection, Kept> Connections = new();

    /// <summary>Starts keeping statements for <paramref name="connection"/>, which stays open until <see cref="Forget"/>.</summary>
    internal static void Keep(SqliteConnection connection) => Connections.Add(connection, new Kept());

    /// <summary>Finalizes what <paramref name="connection"/> kept, before it is closed.</summary>
    internal static void Forget(SqliteConnection connection)
    {
        if (Connections.TryGetValue(connection, out var kept))
        {
            Connections.Remove(connection);
            kept.Dispose();
        }
    }

    /// <summary>How many commands <paramref name="connection"/> keeps (for the tests).</summary>
    internal static int CountKept(DbConnection connection) => Connections.TryGetValue(connection, out var kept) ? kept.Count : 0;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (result.HasResult || Take(command) is not { } entry)
        {
            return result;
        }
        try
        {
            return InterceptionResult<DbDataReader>.SuppressWithResult(entry.Reader = entry.Command.ExecuteReader());
        }
        catch
        {
            entry.Release();
            throw;
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (result.HasResult || Take(command) is not { } entry)
        {
            return result;
        }
        try
        {
            return InterceptionResult<DbDataReader>.SuppressWithResult(entry.Reader = await entry.Command.ExecuteReaderAsync(cancellationToken));
        }
        catch
        {
            entry.Release();
            throw;
        }
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        if (command.Connection is { } connection && Connections.TryGetValue(connection, out var kept))
        {
            kept.Release(command.CommandText, eventData.DataReader);
        }
        return result;
    }

    private static Entry? Take(DbCommand command) =>
        command is SqliteCommand source && source.Connection is { } connection && Connections.TryGetValue(connection, out var kept)
            ? kept.Take(source)
            : null;

    private sealed class Entry(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;
        public bool Busy { get; set; }
        /// <summary>The reader of the run in progress: the same text run on its own (while this one reads) has another.</summary>
        public DbDataReader? Reader { get; set; }
        public LinkedListNode<Entry>? Node { get; set; }

        /// <summary>After its reader: the parameters were the request's (a long search text, say), not the command's.</summary>
        public void Release()
        {
            Busy = false;
            Reader = null;
            Command.Transaction = null;
            Command.Parameters.Clear();
        }
    }

    /// <summary>One connection's commands, used by one request at a time (a context is not shared between threads).</summary>
    private sealed class Kept : IDisposable
    {
        private readonly Dictionary<string, Entry> _byText = new(StringComparer.Ordinal);
        private readonly LinkedList<Entry> _recent = new();

        public int Count => _byText.Count;

        public Entry? Take(SqliteCommand source)
        {
            if (_byText.TryGetValue(source.CommandText, out var entry))
            {
                if (entry.Busy)
                {
                    return null;
                }
                _recent.Remove(entry.Node!);
                _recent.AddFirst(entry.Node!);
            }
            else
            {
                if (_byText.Count >= Capacity && !Evict())
                {
                    return null;
                }
                var command = source.Connection!.CreateCommand();
                command.CommandText = source.CommandText;
                entry = new Entry(command);
                entry.Node = _recent.AddFirst(entry);
                _byText.Add(source.CommandText, entry);
            }
            // EF Core's own parameters, as they are (value, type, size): the kept command binds them when it runs.
            foreach (SqliteParameter p in source.Parameters)
            {
                entry.Command.Parameters.Add(p);
            }
            entry.Command.Transaction = source.Transaction;
            entry.Command.CommandTimeout = source.CommandTimeout;
            entry.Busy = true;
            return entry;
        }

        public void Release(string text, DbDataReader reader)
        {
            if (_byText.TryGetValue(text, out var entry) && ReferenceEquals(entry.Reader, reader))
            {
                entry.Release();
            }
        }

        private bool Evict()
        {
            for (var node = _recent.Last; node is not null; node = node.Previous)
            {
                if (!node.Value.Busy)
                {
                    _recent.Remove(node);
                    _byText.Remove(node.Value.Command.CommandText);
                    node.Value.Command.Dispose();
                    return true;
                }
            }
            return false;
        }

        public void Dispose()
        {
            foreach (var entry in _byText.Values)
            {
                entry.Command.Dispose();
            }
            _byText.Clear();
            _recent.Clear();
        }
    }
}
