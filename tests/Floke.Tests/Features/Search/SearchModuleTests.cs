using System.Text.Json;
using Floke.Tests.TestSupport;
using Floke.Web.Features.Search;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Tests.Features.Search;

/// <summary>What a start puts right in the search index, on both databases. A rebuild that was stopped half-way leaves the
/// index without what keeps it current — on SQLite the full-text index's triggers, and on both the change log that keeps
/// the common words' matches current. The next start looks for them and puts them back.</summary>
public class SearchModuleTests
{
    public static TheoryData<string> Providers => Apps.Providers;

    private const string PostgresLogging = """SELECT count(*) FROM pg_trigger WHERE tgname = 'SearchDocuments_changes' AND tgenabled <> 'D'""";
    private const string SqliteTriggers = """SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'SearchDocuments\_%' ESCAPE '\'""";

    /// <summary>How many of the triggers that keep the index current are there and on (SQLite: three for the full-text
    /// index and three for the change log; PostgreSQL: the change log's one).</summary>
    private static async Task<long> TriggersAsync(FlokeApp app)
    {
        await using var scope = app.Scope();
        var db = app.Db(scope);
        return await db.ScalarAsync<long>(db.Database.IsNpgsql() ? PostgresLogging : SqliteTriggers, CancellationToken.None);
    }

    private static List<int> Initiatives(JsonElement report) => report.GetProperty("results").GetProperty("items").EnumerateArray()
        .Where(r => r.GetProperty("kind").GetString() == "Initiative").Select(r => r.GetProperty("id").GetInt32()).ToList();

    [Theory, MemberData(nameof(Providers))]
    public async Task AStart_PutsBackWhatAStoppedRebuildLeftOff(string provider)
    {
        await using var app = new FlokeApp(provider);
        var before = await TriggersAsync(app);
        Assert.Equal(provider == "sqlite" ? 6 : 1, before);
        // Stopped half-way: the rebuild had paused the change log and (SQLite) dropped the full-text index's triggers.
        await using (var scope = app.Scope())
        {
            var db = app.Db(scope);
            await SearchMatchStore.PauseAsync(db, CancellationToken.None);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync(SqliteSearchSql.DropTriggers);
            }
        }
        Assert.Equal(0, await TriggersAsync(app));

        await using var restarted = new FlokeApp(app, []);
        var user = await Clients.NewApiUserAsync(restarted, "restart");
        Assert.Equal(before, await TriggersAsync(restarted));
        // And what is written now is found.
        var word = TestData.Word('r');
        var org = await user.CreateOrganizationAsync();
        var id = (await user.CreateInitiativeAsync(org, $"Tiltak om {word}")).GetProperty("id").GetInt32();
        await user.PublishInitiativeAsync(id);
        var found = await (await Clients.Anonymous(restarted).GetAsync($"/api/v1/search?q={word}")).ReadJsonAsync();
        Assert.Equal([id], Initiatives(found));
    }
}
