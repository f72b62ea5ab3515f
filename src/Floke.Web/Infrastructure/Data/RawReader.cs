using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Floke.Web.Infrastructure.Data;

/// <summary>SQL whose rows are read by hand — where EF Core's materializer costs too much (tens of thousands of narrow rows)
/// or cannot read the value (a blob read straight into an array). The command still goes through EF Core, so it is logged
/// and intercepted like any other, and the connection is EF Core's (closed again with the reader).</summary>
public static class RawReader
{
    /// <summary>Runs <paramref name="sql"/> with <paramref name="args"/> as its <c>{0}</c>, <c>{1}</c>… parameters; with
    /// <paramref name="sequential"/> its rows are not read into memory ahead (see <see cref="SequentialReads"/>) and each
    /// row's columns must be read in order.</summary>
    public static async Task<RelationalDataReader> ReadRawAsync(this FlokeDbContext db, string sql, IReadOnlyList<object> args, CancellationToken ct,
        bool sequential = false)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(sequential ? SequentialReads.Marker + sql : sql, args, db.Model);
        return await command.RelationalCommand.ExecuteReaderAsync(new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>()), ct);
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> (which takes no parameters). Unlike
    /// <c>SqlQueryRaw(…).SingleAsync()</c> nothing is compiled first: that took ~0.1 s of a cold start for one count.</summary>
    public static async Task<T> ScalarAsync<T>(this FlokeDbContext db, string sql, CancellationToken ct)
    {
        await using var relational = await db.ReadRawAsync(sql, [], ct);
        if (!await relational.DbDataReader.ReadAsync(ct))
        {
            throw new InvalidOperationException("The query returned no row: " + sql);
        }
        return await relational.DbDataReader.GetFieldValueAsync<T>(0, ct);
    }
}
