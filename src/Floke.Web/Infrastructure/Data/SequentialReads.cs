using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Floke.Web.Infrastructure.Data;

/// <summary>Runs the queries marked with <see cref="Marker"/> with <see cref="CommandBehavior.SequentialAccess"/>, which EF
/// Core has no way to ask for: Npgsql otherwise reads each whole row into memory before it is read, and a row larger than
/// its 8 KB buffer into an array of its own — a common word's kept matches are megabytes (a 2.8 MB set read by default
/// allocated up to 4.4 MB besides the answer, sequentially 2 KB). A marked query's columns must be read in order. Registered on PostgreSQL only:
/// SQLite's driver reads no row ahead.</summary>
public sealed class SequentialReads : DbCommandInterceptor
{
    /// <summary>The first line of a query to be read sequentially (a comment, so the text is still the query).</summary>
    public const string Marker = "-- read sequentially\n";

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        Marked(command, result) ? InterceptionResult<DbDataReader>.SuppressWithResult(await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken)) : result;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Marked(command, result) ? InterceptionResult<DbDataReader>.SuppressWithResult(command.ExecuteReader(CommandBehavior.SequentialAccess)) : result;

    /// <summary>Marked, and not already answered by an interceptor before this one.</summary>
    private static bool Marked(DbCommand command, InterceptionResult<DbDataReader> result) =>
        !result.HasResult && command.CommandText.StartsWith(Marker, StringComparison.Ordinal);
}
