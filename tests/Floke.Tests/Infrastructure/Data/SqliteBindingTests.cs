using Floke.Tests.TestSupport;
using Floke.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Floke.Tests.Infrastructure.Data;

/// <summary>Rows written in bulk on SQLite are bound through SQLite's own API (<see cref="SqliteBinding"/>), not through
/// Microsoft.Data.Sqlite, which EF Core writes and reads with. Stored differently (another text for a date, a decimal, a
/// time with its offset), a bulk-written row would sort, compare and read back unlike one EF Core wrote. So each value is
/// held to what Microsoft.Data.Sqlite stores for it: the same storage class and the same bytes (SQLite's <c>quote</c>).</summary>
[Collection("app")]
public class SqliteBindingTests(Apps apps)
{
    public static TheoryData<string, object?> Values() => new()
    {
        { "null", null },
        { "empty text", "" },
        { "text", "Første måned – «Rad» 😀" },
        { "zero", 0 },
        { "int", -2_147_483_648 },
        { "long", long.MaxValue },
        { "short", (short)-3 },
        { "byte", (byte)255 },
        { "true", true },
        { "false", false },
        { "double", 0.1 },
        { "float", 3.25f },
        { "decimal zero", 0m },
        { "decimal whole", 36m },
        { "decimal with scale", 38.50m },
        { "decimal negative", -12.345m },
        { "decimal smallest", 0.0000000000000000000000000001m },
        { "decimal largest", decimal.MaxValue },
        { "decimal smallest negative", decimal.MinValue },
        { "date", new DateOnly(1850, 1, 1) },
        { "date late", new DateOnly(9999, 12, 31) },
        { "date-time utc", new DateTime(2026, 12, 7, 9, 41, 26, DateTimeKind.Utc).AddTicks(1234567) },
        { "date-time unspecified", new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Unspecified) },
        { "date-time local", new DateTime(2026, 6, 30, 23, 59, 59, DateTimeKind.Local).AddTicks(10) },
        { "time with offset zero", new DateTimeOffset(2026, 12, 7, 9, 41, 26, TimeSpan.Zero) },
        { "time in Oslo, summer", new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(5) },
        { "time west of Greenwich", new DateTimeOffset(2026, 1, 31, 18, 30, 15, 250, TimeSpan.FromMinutes(-330)) },
        { "guid", new Guid("0f8fad5b-d9cb-469f-a165-70867728950e") },
        { "bytes", new byte[] { 0, 1, 254, 255 } },
        { "no bytes", Array.Empty<byte>() },
    };

    [Theory, MemberData(nameof(Values))]
    public void AValue_IsStoredAsMicrosoftDataSqliteStoresIt(string what, object? value)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof($v), quote($v)";
        command.Parameters.AddWithValue("$v", value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var expected = (reader.GetString(0), reader.GetString(1));

        var db = connection.Handle!;
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(db, "SELECT typeof(?1), quote(?1)", out var statement));
        using (statement)
        {
            SqliteBinding.Bind(db, statement, 1, value);
            Assert.Equal(raw.SQLITE_ROW, raw.sqlite3_step(statement));
            var bound = (raw.sqlite3_column_text(statement, 0).utf8_to_string(), raw.sqlite3_column_text(statement, 1).utf8_to_string());
            Assert.True(expected == bound, $"{what}: Microsoft.Data.Sqlite stores {expected}, the bulk writer {bound}");
        }
    }

    [Fact]
    public async Task EveryColumnOfTheModel_HasATypeItCanBind()
    {
        var app = apps["sqlite"];
        await using var scope = app.Scope();
        var model = app.Db(scope).Model;
        var unsupported = model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e.ClrType.Name, p.Name, Type: ((RelationalTypeMapping)p.GetTypeMapping()).Converter?.ProviderClrType ?? p.ClrType)))
            .Where(p => !SqliteBinding.Supports(p.Type))
            .Select(p => $"{p.Entity}.{p.Name} ({p.Type.Name})")
            .ToList();
        Assert.Empty(unsupported);
    }
}
