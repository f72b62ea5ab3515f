using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Floke.Web.Infrastructure.Data;

/// <summary>Settings SQLite keeps per connection, applied whenever EF Core opens one. Memory-mapped reads let every pooled
/// connection share the operating system's page cache instead of each copying pages through read() into its own 2 MB
/// cache: at national scale that halved the time of a search joining 30,000 matches to their documents (sys time
/// dominated). Mapped pages count in the process's resident memory, but they are clean file pages the kernel can drop.
/// Large sorts and groupings (the national figures group 200,000 initiatives) spill to SQLite's temporary files, its
/// default: kept in memory (<c>temp_store=MEMORY</c>, until the twelfth session) they raised SQLite's own allocations from 2
/// to 23 MB while the figures were computed and left the C heap fragmented; computing them took no longer either way
/// (6.0–6.9 s at national scale, bench README "Twelfth session").</summary>
public sealed class SqlitePragmas(long mmapBytes) : DbConnectionInterceptor
{
    private string Sql => $"PRAGMA mmap_size={mmapBytes}; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    /// <summary>Sets them on a connection opened outside EF Core (<see cref="SqliteConnections"/>).</summary>
    public void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
