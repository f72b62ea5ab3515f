using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floke.Tests.TestSupport;
using Floke.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Floke.Tests.Features.Search;

/// <summary>The public matches of common words kept in the database, on both databases (each test on an app of its own
/// that keeps a word's matches from three): a kept set answers exactly as the index would after documents are added,
/// made drafts and published, without being read anew, and is kept again once brought up to date from many changes;
/// rebuilding the index keeps the common words' sets at once; the change log keeps only its newest changes.</summary>
public class SearchMatchStoreTests
{
    public static TheoryData<string> Providers => Apps.Providers;

    private static FlokeApp KeepingApp(string provider) => new(provider, new() { ["Floke:Search:KeepMatchesFrom"] = "3" });

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query) =>
        await (await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}")).ReadJsonAsync();

    private static List<(string Kind, int Id)> Hits(JsonElement report) => report.GetProperty("results").GetProperty("items").EnumerateArray()
        .Select(r => (r.GetProperty("kind").GetString()!, r.GetProperty("id").GetInt32())).Order().ToList();

    private static Dictionary<string, int> Kinds(JsonElement report) => report.GetProperty("facets").GetProperty("kinds").EnumerateArray()
        .ToDictionary(k => k.GetProperty("value").GetString()!, k => k.GetProperty("count").GetInt32());

    /// <summary>The kept sets: their keys and the log positions they were read at.</summary>
    private static async Task<Dictionary<string, string>> KeptAsync(FlokeApp app)
    {
        await using var scope = app.Scope();
        var db = app.Db(scope);
        var keys = await db.Database.SqlQueryRaw<string>("""SELECT "Key" || ' ' || "Position" AS "Value" FROM "SearchMatchSets" """).ToListAsync();
        return keys.ToDictionary(k => k[..k.IndexOf(' ')], k => k[(k.IndexOf(' ') + 1)..]);
    }

    private static string KeyOf(string word) => SearchMatchStore.Key([word, NorwegianText.Fold(word)]);

    private static async Task<int> PublishedInitiativeAsync(ApiUser user, int org, string title)
    {
        var id = (await user.CreateInitiativeAsync(org, title)).GetProperty("id").GetInt32();
        await user.PublishInitiativeAsync(id);
        return id;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AKeptSet_FollowsEveryChange_WithoutBeingReadAnew(string provider)
    {
        await using var app = KeepingApp(provider);
        var word = TestData.Word('k');
        var owner = await Clients.NewApiUserAsync(app, "keeper");
        var org = await owner.CreateOrganizationAsync();
        var initiatives = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            initiatives.Add(await PublishedInitiativeAsync(owner, org, $"Tiltak {i} om {word}"));
        }
        var anonymous = Clients.Anonymous(app);

        // The first ask reads the index; four public matches are enough to keep.
        var first = await SearchAsync(anonymous, word);
        Assert.Equal(initiatives.Select(id => ("Initiative", id)).Order(), Hits(first));
        var kept = await KeptAsync(app);
        Assert.True(kept.ContainsKey(KeyOf(word)), string.Join(", ", kept.Keys));
        var position = kept[KeyOf(word)];

        // Changed since: a new initiative and a published need with the word, and one initiative made a draft again.
        var added = await PublishedInitiativeAsync(owner, org, $"Enda et tiltak om {word}");
        var need = await owner.CreatePublishedNeedAsync(org, $"Behov om {word}");
        var hidden = initiatives[1];
        var draft = await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{hidden}/visibility", new { visibility = "Draft" });
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);

        var expected = initiatives.Where(id => id != hidden).Append(added).Select(id => ("Initiative", id)).Append(("Need", need)).Order().ToList();
        var after = await SearchAsync(anonymous, word);
        Assert.Equal(expected, Hits(after));
        Assert.Equal(expected.Count, after.GetProperty("results").GetProperty("total").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Initiative"] = 4, ["Need"] = 1 }, Kinds(after));
        // Brought up to date from the log, not read anew (which would have kept it again at a later position).
        Assert.Equal(position, (await KeptAsync(app))[KeyOf(word)]);

        // The draft is still found by its own organisation, merged into the public matches.
        var own = await SearchAsync(owner.Http, word);
        Assert.Equal(expected.Append(("Initiative", hidden)).Order(), Hits(own));
        Assert.Equal(new Dictionary<string, int> { ["Initiative"] = 5, ["Need"] = 1 }, Kinds(own));

        // Brought up to date from many changed documents (here ones no longer indexed, as a rebuilt item's old documents),
        // the set is kept again as it now is, and answers the same.
        await using (var scope = app.Scope())
        {
            var gone = """INSERT INTO "SearchChanges"("DocumentId") VALUES """
                + string.Join(", ", Enumerable.Range(1_000_000, SearchMatchStore.KeepAgainFrom).Select(id => $"({id})"));
            await app.Db(scope).Database.ExecuteSqlRawAsync(gone);
        }
        await owner.CreateNeedAsync(org, "Et utkast om noe annet"); // a save: the search's cached matches are read again
        var again = await SearchAsync(anonymous, word);
        Assert.Equal(expected, Hits(again));
        Assert.NotEqual(position, (await KeptAsync(app))[KeyOf(word)]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Rebuild_KeepsTheCommonWords_AndTheirSetsAnswer(string provider)
    {
        await using var app = KeepingApp(provider);
        var (common, rare) = (TestData.Word('c'), TestData.Word('r'));
        var owner = await Clients.NewApiUserAsync(app, "rebuilder");
        var org = await owner.CreateOrganizationAsync();
        var needs = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            needs.Add(await owner.CreatePublishedNeedAsync(org, $"Behov {i} om {common}"));
        }
        var rareNeed = await owner.CreatePublishedNeedAsync(org, $"Behov om {rare}");
        await owner.CreateNeedAsync(org, $"Utkast om {rare}"); // a draft: not a public match

        var log = new StringWriter();
        Assert.Equal(0, await SearchCommand.RunAsync(app.Services, ["search", "rebuild"], log));
        Assert.Contains("common words kept", log.ToString());
        var kept = await KeptAsync(app);
        Assert.Contains(KeyOf(common), kept.Keys);
        Assert.DoesNotContain(KeyOf(rare), kept.Keys);

        // The documents are new after a rebuild; the items found are the same, from the kept set.
        var report = await SearchAsync(Clients.Anonymous(app), common);
        Assert.Equal(needs.Select(id => ("Need", id)).Order(), Hits(report));
        Assert.Equal(kept[KeyOf(common)], (await KeptAsync(app))[KeyOf(common)]);
        // Every published need says "forklare" (TestData.Need): a word indexed under a stem that stems again to another
        // ("forklar", which would be "forkl"). Kept as the index has it, so that its first ask reads the kept set too.
        Assert.Contains(KeyOf("forklare"), kept.Keys);
        app.Sql.Reset();
        Assert.Equal(needs.Append(rareNeed).Select(id => ("Need", id)).Order(), Hits(await SearchAsync(Clients.Anonymous(app), "forklare")));
        Assert.Equal(0, IndexReads(app));

        // The start-up warm-up searches a kept word (as an anonymous reader) and that word with another.
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<SearchQueries>().WarmUpAsync(CancellationToken.None);
    }

    /// <summary>Every result of a query, page by page (100 a page), in order.</summary>
    private static async Task<(int Total, List<(string Kind, int Id)> Results)> AllPagesAsync(HttpClient client, string query)
    {
        var results = new List<(string Kind, int Id)>();
        for (var page = 1; ; page++)
        {
            var report = await (await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}&pageSize=100&page={page}")).ReadJsonAsync();
            var items = report.GetProperty("results").GetProperty("items").EnumerateArray()
                .Select(r => (r.GetProperty("kind").GetString()!, r.GetProperty("id").GetInt32())).ToList();
            results.AddRange(items);
            if (items.Count < 100)
            {
                return (report.GetProperty("results").GetProperty("total").GetInt32(), results);
            }
        }
    }

    /// <summary>Pages 1 and 3 (20 a page) as a reader sees them: the items in order, the total and every facet's counts.</summary>
    private static async Task<string> PagesAsync(HttpClient client, string query)
    {
        var pages = new List<string>();
        foreach (var page in new[] { 1, 3 })
        {
            var report = await (await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}&page={page}")).ReadJsonAsync();
            var items = report.GetProperty("results").GetProperty("items").EnumerateArray().Select(r => $"{r.GetProperty("kind")}:{r.GetProperty("id")}");
            pages.Add($"page {page}: {string.Join(' ', items)} of {report.GetProperty("results").GetProperty("total")}; {report.GetProperty("facets").GetRawText()}");
        }
        return string.Join('\n', pages);
    }

    /// <summary>The full-text matches (FTS5's MATCH, PostgreSQL's @@) the app read since its counter was reset.</summary>
    private static int IndexReads(FlokeApp app) => app.Sql.Queries.Count(q => q.Sql.Contains("MATCH", StringComparison.Ordinal) || q.Sql.Contains("@@", StringComparison.Ordinal));

    /// <summary>The kept sets the app read through whole since its counter was reset (not a read of a set's counts, nor of
    /// the slice a page needs).</summary>
    private static int WholeSetReads(FlokeApp app) => app.Sql.Queries.Count(q => q.Sql.Contains("""FROM "SearchMatchSets" WHERE "Key" """, StringComparison.Ordinal)
        && !q.Sql.Contains("\"Counts\"", StringComparison.Ordinal) && !q.Sql.Contains(SearchMatchStore.Slice, StringComparison.Ordinal));

    [Theory, MemberData(nameof(Providers))]
    public async Task ACommonWordInThousandsOfDocuments_IsAnsweredFromItsKeptSet_AsFromTheIndex(string provider)
    {
        // The national generator at 4 % scale: "løsning" is in thousands of its public documents, more than a first read
        // buffer holds (4,096 matches), and kept from 4,500.
        await using var app = new FlokeApp(provider, new() { ["Floke:Search:KeepMatchesFrom"] = "4500" });
        var log = new StringWriter();
        Assert.True(await Floke.Web.Core.NationalData.SeedCommand.RunAsync(app.Services, ["seed", "national", "--scale", "0.04", "--seed", "7"], log) == 0, log.ToString());
        const string word = "løsning";
        var folded = NorwegianText.Fold(word);

        // The database's own count of the public documents with the word in any of its forms.
        int expected;
        await using (var scope = app.Scope())
        {
            var db = app.Db(scope);
            var forms = string.Join(" OR ", new[] { word, folded }.SelectMany(NorwegianText.Forms).Distinct().Select(f => $"\"{f}\""));
            expected = provider == "sqlite"
                ? await db.Database.SqlQueryRaw<int>("""SELECT count(*) AS "Value" FROM "SearchFts" JOIN "SearchDocuments" d ON d."Id" = "SearchFts".rowid WHERE "SearchFts" MATCH {0} AND d."IsPublic" """, forms).SingleAsync()
                : await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "SearchDocuments" d WHERE d."IsPublic" AND d."Vector" @@ to_tsquery('norwegian', {0})""", $"{word} | {folded}").SingleAsync();
        }
        Assert.InRange(expected, 4_500, 100_000);
        Assert.Contains(KeyOf(word), (await KeptAsync(app)).Keys); // kept when the generator built the index

        // What to compare with: the same database searched by an app that keeps no sets (every search read from the index).
        await using var index = new FlokeApp(app, new() { ["Floke:Search:KeepMatchesFrom"] = "0" });
        // A member whose organisation has a draft with the word (not public: theirs alone, merged into the public matches).
        var email = TestData.Email("reader");
        Assert.Equal(HttpStatusCode.OK, (await Clients.Anonymous(app).PostAsJsonAsync("/api/v1/account/register", new { email, password = TestData.Password })).StatusCode);
        var member = await Clients.SignInAsync(app, email, TestData.Password);
        var org = await member.CreateOrganizationAsync();
        var draft = (await member.CreateNeedAsync(org, $"Et utkast om en {word} for oss")).GetProperty("id").GetInt32();
        var memberOnIndex = await Clients.SignInAsync(index, email, TestData.Password);
        var (anonymous, anonymousOnIndex) = (Clients.Anonymous(app), Clients.Anonymous(index));
        async Task SameAsTheIndexAsync()
        {
            await index.Services.GetRequiredService<SearchCache>().ClearAsync(); // the other app's saves do not reach its cache
            Assert.Equal(await PagesAsync(anonymousOnIndex, word), await PagesAsync(anonymous, word));
            Assert.Equal(await PagesAsync(memberOnIndex.Http, word), await PagesAsync(member.Http, word));
        }

        // The draft is a change since the set was kept; read anew (the set dropped), it is kept again as of now.
        await using (var scope = app.Scope())
        {
            await app.Db(scope).Database.ExecuteSqlRawAsync("""DELETE FROM "SearchMatchSets" """);
        }
        await SearchAsync(anonymous, word);
        Assert.Contains(KeyOf(word), (await KeptAsync(app)).Keys);

        // Nothing changed since: each page is read from the set's best matches and its kept counts, the index not read at
        // all — every match once, as many as the database counts, and the same pages and counts as the index gives. (The
        // cache forgets what the first ask left in it, the set's matches among them: each page reads its slice.)
        await app.Services.GetRequiredService<SearchCache>().ClearAsync();
        app.Sql.Reset();
        var (total, kept) = await AllPagesAsync(anonymous, word);
        Assert.Equal((0, 0), (IndexReads(app), WholeSetReads(app)));
        // On PostgreSQL each page's documents come in the statement that reads its slice: one round trip a page.
        Assert.Equal(provider == "postgres" ? 0 : (expected + 99) / 100,
            app.Sql.Queries.Count(q => q.Sql.Contains("""FROM "SearchDocuments" d WHERE d."Id" """, StringComparison.Ordinal)));
        Assert.Equal(expected, total);
        Assert.Equal(expected, kept.Distinct().Count());
        Assert.Equal(expected, kept.Count);
        Assert.Equal((await AllPagesAsync(anonymousOnIndex, word)).Results, kept);
        await SameAsTheIndexAsync();
        var memberPages = await PagesAsync(member.Http, word);
        Assert.Contains($"Need:{draft}", memberPages);
        Assert.Contains($"of {expected + 1};", memberPages);
        // A page past the end of any list: none of the results, all of them counted.
        var last = await (await anonymous.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(word)}&page={int.MaxValue}")).ReadJsonAsync();
        Assert.Equal(0, last.GetProperty("results").GetProperty("items").GetArrayLength());
        Assert.Equal(expected, last.GetProperty("results").GetProperty("total").GetInt32());

        // Documents written since the set was kept (published needs with the word, a draft about something else): read
        // from the index and merged in; the set is still read only at the page — every page the same as the index's.
        var added = await member.CreatePublishedNeedAsync(org, $"Et behov om {word} i alle kommuner");
        List<(string, int)> allAdded = [("Need", added)];
        foreach (var text in new[] { $"{word} {word} {word}", $"En lang beskrivelse av et behov der ordet {word} står en gang blant mange andre ord om tjenester" })
        {
            allAdded.Add(("Need", await member.CreatePublishedNeedAsync(org, text)));
        }
        await member.CreateNeedAsync(org, "Et utkast om noe annet");
        app.Sql.Reset();
        await SameAsTheIndexAsync();
        Assert.Equal(0, WholeSetReads(app));
        Assert.Contains($"Need:{added}", await PagesAsync(anonymous, word));
        await index.Services.GetRequiredService<SearchCache>().ClearAsync();
        foreach (var (reader, onIndex) in new[] { (anonymous, anonymousOnIndex), (member.Http, memberOnIndex.Http) })
        {
            var (expectedPages, pages) = (await AllPagesAsync(onIndex, word), await AllPagesAsync(reader, word));
            Assert.Equal(expectedPages.Total, pages.Total);
            Assert.Equal(expectedPages.Results, pages.Results);
        }

        // A document in the set changed since (no longer public): the set is read through once to take it out.
        var hidden = kept[7];
        await using (var scope = app.Scope())
        {
            await app.Db(scope).Database.ExecuteSqlRawAsync("""UPDATE "SearchDocuments" SET "IsPublic" = false WHERE "Kind" = {0} AND "ItemId" = {1}""",
                (int)Enum.Parse<SearchKind>(hidden.Kind), hidden.Id);
        }
        await member.CreateNeedAsync(org, "Enda et utkast om noe annet"); // a save: the search's cached pages are computed again
        app.Sql.Reset();
        await SameAsTheIndexAsync();
        Assert.NotEqual(0, WholeSetReads(app));
        var (afterTotal, after) = await AllPagesAsync(anonymous, word);
        Assert.Equal(expected + 2, afterTotal); // one taken out, three added
        Assert.DoesNotContain(hidden, after);
        Assert.Equal(kept.Where(k => k != hidden).Concat(allAdded).Order(), after.Order());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task TheChangeLog_KeepsOnlyItsNewestChanges(string provider)
    {
        await using var app = KeepingApp(provider);
        await using var scope = app.Scope();
        var db = app.Db(scope);
        var many = SearchMatchStore.KeptChanges + 5 * SearchMatchStore.PruneEvery;
        // As many changes as that many documents saved (the triggers write the same rows).
        await db.Database.ExecuteSqlRawAsync(provider == "sqlite"
            ? $"""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {many}) INSERT INTO "SearchChanges"("DocumentId") SELECT i FROM n"""
            : $"""INSERT INTO "SearchChanges"("DocumentId") SELECT i FROM generate_series(1, {many}) i""");
        var left = await db.Database.SqlQueryRaw<int>("""SELECT "DocumentId" AS "Value" FROM "SearchChanges" """).ToListAsync();
        Assert.InRange(left.Count, SearchMatchStore.KeptChanges, SearchMatchStore.KeptChanges + SearchMatchStore.PruneEvery);
        Assert.Contains(many, left);
        Assert.DoesNotContain(1, left);
    }
}
