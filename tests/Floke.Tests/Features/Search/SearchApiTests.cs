using System.Net.Http.Json;
using System.Text.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.Search;

/// <summary>Search on both databases: Norwegian word forms, æ/ø/å typed or not, a one-letter typo in a long word, only
/// what the reader may see (in results and counts), facets that add up to the results. Each test's items carry a word of
/// its own, so the shared database's other items never match.</summary>
[Collection("app")]
public class SearchApiTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    /// <summary>The API's search for <paramref name="query"/>, with <paramref name="filters"/> ("&amp;kind=Need…") added.</summary>
    private static async Task<JsonElement> SearchAsync(HttpClient client, string query, string filters = "") =>
        await (await client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}{filters}")).ReadJsonAsync();

    private static List<(string Kind, int Id)> Hits(JsonElement report) => report.GetProperty("results").GetProperty("items").EnumerateArray()
        .Select(r => (r.GetProperty("kind").GetString()!, r.GetProperty("id").GetInt32())).ToList();

    [Theory, MemberData(nameof(Providers))]
    public async Task SavesAtOnceWithTheSameNewWord_AllSucceed(string provider)
    {
        // The spelling vocabulary holds each word once; saves that add the same new word at the same moment race for it.
        // The loser goes on without it (on PostgreSQL from a savepoint: a failed insert would abort its transaction).
        var app = apps[provider];
        var word = "samtidig" + new string(TestData.Token().Where(char.IsLetterOrDigit).Select(c => (char)('a' + c % 26)).ToArray());
        var user = await Clients.NewApiUserAsync(app, "racer");
        var org = await user.CreateOrganizationAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => user.Http.PostAsJsonAsync("/api/v1/needs", TestData.Need(org, $"Behov {i} om {word}"))));
        Assert.All(responses, r => Assert.Equal(System.Net.HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(8, (await SearchAsync(user.Http, word)).GetProperty("results").GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task NorwegianFormsFoldedLettersAndTypos_FindTheNeed(string provider)
    {
        var app = apps[provider];
        var token = TestData.Word('q');
        var user = await Clients.NewApiUserAsync(app, "search");
        var org = await user.CreateOrganizationAsync();
        var response = await user.Http.PostAsJsonAsync("/api/v1/needs", new
        {
            ownerOrganizationId = org, title = $"Skole {token}: digital oppfølging av elever", affectedGroups = new[] { "Citizens" },
            userExperience = "Søknadene om skoleskyss behandles for hånd, og foreldrene venter i ukevis.", sectors = new[] { "Health" }, levels = new[] { "Municipality" },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var need = (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
        await user.PublishAsync(need);
        var anonymous = Clients.Anonymous(app);

        foreach (var query in new[] { $"skolene {token}", $"Skole {token}", $"søknader {token}", $"soknadene {token}", $"SKOLESKYSS {token}", $"foreldre {token}" })
        {
            Assert.Contains(("Need", need), Hits(await SearchAsync(anonymous, query)));
        }
        // One letter wrong in a long word: corrected towards the indexed word, and the correction is reported.
        var typo = await SearchAsync(anonymous, $"skoleskuss {token}");
        Assert.Contains(("Need", need), Hits(typo));
        Assert.Equal("skoleskyss", typo.GetProperty("corrections").GetProperty("skoleskuss")[0].GetString());
        // Wherever the edit is — near the start too, where the word is found by its end — and whatever it is: a letter
        // replaced, left out, added, or two swapped; in a word of 6, 7 and 10 letters.
        foreach (var (wrong, right) in new[] { ("kkoleskyss", "skoleskyss"), ("sokleskyss", "skoleskyss"), ("skloeskyss", "skoleskyss"),
            ("koleskyss", "skoleskyss"), ("sskoleskyss", "skoleskyss"), ("skoleskys", "skoleskyss"), ("diigtal", "digital"), ("digitl", "digital"),
            ("eelver", "elever"), ("elveer", "elever"), ("elevre", "elever") })
        {
            var corrected = await SearchAsync(anonymous, $"{wrong} {token}");
            Assert.Contains(("Need", need), Hits(corrected));
            Assert.Contains(right, corrected.GetProperty("corrections").GetProperty(wrong).EnumerateArray().Select(c => c.GetString()));
        }
        // A filter that is not one of its values is refused naming the field.
        var bad = await anonymous.GetAsync($"/api/v1/search?q={token}&kind=Nope");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ReadJsonAsync()).GetProperty("errors").TryGetProperty("kind", out _));
        // Every word must match.
        Assert.Empty(Hits(await SearchAsync(anonymous, $"barnehage {token}")));
        // The title is marked where it matched.
        var hit = (await SearchAsync(anonymous, $"skolene {token}")).GetProperty("results").GetProperty("items")[0];
        Assert.Contains(hit.GetProperty("title").EnumerateArray(), p => p.GetProperty("match").GetBoolean() && p.GetProperty("text").GetString() == "Skole");
        Assert.Equal($"/needs/{need}", hit.GetProperty("url").GetString());
        Assert.DoesNotContain(hit.GetProperty("title").EnumerateArray(), p => p.GetProperty("match").GetBoolean() && p.GetProperty("text").GetString() == "digital");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Drafts_AreFoundAndCountedOnlyByTheirOrganisations_AndFacetsAddUp(string provider)
    {
        var app = apps[provider];
        var token = TestData.Word('z');
        var owner = await Clients.NewApiUserAsync(app, "owner");
        var org = await owner.CreateOrganizationAsync(TestData.Organization(municipality: "4601"));
        var published = (await owner.CreateInitiativeAsync(org, $"Trygghetsalarm {token} i hjemmetjenesten")).GetProperty("id").GetInt32();
        await owner.PublishInitiativeAsync(published);
        var draft = (await owner.CreateInitiativeAsync(org, $"Trygghetsalarmer {token} på sykehjem")).GetProperty("id").GetInt32();
        var need = await owner.CreatePublishedNeedAsync(org, $"Eldre faller {token} om natten");
        var stranger = await Clients.NewApiUserAsync(app, "stranger");
        await stranger.CreateOrganizationAsync();

        var anonymous = await SearchAsync(Clients.Anonymous(app), $"trygghetsalarm {token}");
        Assert.Equal([("Initiative", published)], Hits(anonymous));
        Assert.Equal(1, anonymous.GetProperty("results").GetProperty("total").GetInt32());
        Assert.Equal([("Initiative", published)], Hits(await SearchAsync(stranger.Http, $"trygghetsalarm {token}")));
        var mine = await SearchAsync(owner.Http, $"trygghetsalarm {token}");
        Assert.Equal(2, mine.GetProperty("results").GetProperty("total").GetInt32());
        Assert.Contains(("Initiative", draft), Hits(mine));
        // Results are kept per reader's organisations: what the owner found first is not what an anonymous reader gets next.
        Assert.Equal(2, (await SearchAsync(owner.Http, $"trygghetsalarmene {token}")).GetProperty("results").GetProperty("total").GetInt32());
        var after = await SearchAsync(Clients.Anonymous(app), $"trygghetsalarmene {token}");
        Assert.Equal([("Initiative", published)], Hits(after));
        Assert.Equal(1, after.GetProperty("facets").GetProperty("kinds").EnumerateArray().Sum(k => k.GetProperty("count").GetInt32()));

        // Facet counts over the whole result: kinds add up to the total, and filtering by a facet gives its count.
        var all = await SearchAsync(owner.Http, token);
        var total = all.GetProperty("results").GetProperty("total").GetInt32();
        Assert.Equal(3, total);
        var kinds = all.GetProperty("facets").GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("value").GetString()!, k => k.GetProperty("count").GetInt32());
        Assert.Equal(total, kinds.Values.Sum());
        Assert.Equal(2, kinds["Initiative"]);
        Assert.Equal(1, kinds["Need"]);
        var county = all.GetProperty("facets").GetProperty("counties").EnumerateArray().Single();
        Assert.Equal("46", county.GetProperty("value").GetString());
        Assert.Equal(3, county.GetProperty("count").GetInt32());
        var measures = all.GetProperty("facets").GetProperty("measures").EnumerateArray().ToDictionary(k => k.GetProperty("value").GetString()!, k => k.GetProperty("count").GetInt32());
        Assert.Equal(2, measures["Experiments"]);
        var onlyNeeds = await SearchAsync(owner.Http, token, "&kind=Need");
        Assert.Equal([("Need", need)], Hits(onlyNeeds));

        // The index follows changes: a renamed initiative is found by its new title only.
        var current = await (await owner.Http.GetAsync($"/api/v1/initiatives/{published}")).ReadJsonAsync();
        var rename = TestData.Initiative(org, $"Fallsensor {token} for eldre");
        var body = JsonSerializer.SerializeToNode(rename, Clients.Json)!.AsObject();
        body["version"] = current.GetProperty("version").GetInt32();
        Assert.True((await owner.Http.PutAsJsonAsync($"/api/v1/initiatives/{published}", body)).IsSuccessStatusCode);
        Assert.Empty(Hits(await SearchAsync(Clients.Anonymous(app), $"trygghetsalarm {token}")));
        Assert.Equal([("Initiative", published)], Hits(await SearchAsync(Clients.Anonymous(app), $"fallsensorer {token}")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AMembersOwnDrafts_AreMergedIntoThePublicResults_InRankOrder(string provider)
    {
        // Everyone's public matches of a query are read once and shared; a member's own drafts are read apart and merged in.
        var app = apps[provider];
        var token = TestData.Word('v');
        var owner = await Clients.NewApiUserAsync(app, "owner");
        var org = await owner.CreateOrganizationAsync();
        async Task<int> InitiativeAsync(string title, string summary, bool publish)
        {
            var body = JsonSerializer.SerializeToNode(TestData.Initiative(org, title), Clients.Json)!.AsObject();
            body["summary"] = summary;
            var response = await owner.Http.PostAsJsonAsync("/api/v1/initiatives", body);
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            var id = (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
            if (publish)
            {
                await owner.PublishInitiativeAsync(id);
            }
            return id;
        }
        // The word in the title and the text ranks above the word in the title only, which ranks above the text only.
        var best = await InitiativeAsync($"Varsling {token}", $"Varsling {token} når eldre faller om natten", publish: true);
        var draft = await InitiativeAsync($"Varsling {token}", "Varsling når eldre faller om natten hjemme", publish: false);
        var last = await InitiativeAsync("Varsling for eldre", $"Varsling {token} når eldre faller om natten", publish: true);

        // An anonymous reader asks first (the public matches are read and kept), then the owner: the draft comes between.
        Assert.Equal([("Initiative", best), ("Initiative", last)], Hits(await SearchAsync(Clients.Anonymous(app), token)));
        var mine = await SearchAsync(owner.Http, token);
        Assert.Equal([("Initiative", best), ("Initiative", draft), ("Initiative", last)], Hits(mine));
        Assert.Equal(3, mine.GetProperty("results").GetProperty("total").GetInt32());
        Assert.Equal(3, mine.GetProperty("facets").GetProperty("kinds").EnumerateArray().Single().GetProperty("count").GetInt32());
        Assert.Equal([("Initiative", draft)], Hits(await SearchAsync(owner.Http, token, "&pageSize=1&page=2")));
        // A stranger asking after them gets the public matches only, and the anonymous reader still does.
        var stranger = await Clients.NewApiUserAsync(app, "stranger");
        await stranger.CreateOrganizationAsync();
        Assert.Equal([("Initiative", best), ("Initiative", last)], Hits(await SearchAsync(stranger.Http, token)));
        Assert.Equal([("Initiative", best), ("Initiative", last)], Hits(await SearchAsync(Clients.Anonymous(app), token)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OpenCalls_AreFoundOnceCalled_DraftsOnlyByTheirOwner_AndFollowEdits(string provider)
    {
        var app = apps[provider];
        var token = TestData.Word('q');
        var owner = await Clients.NewApiUserAsync(app, "caller");
        var outsider = await Clients.NewApiUserAsync(app, "other");
        await outsider.CreateOrganizationAsync();
        var org = await owner.CreateOrganizationAsync();
        var call = await owner.CreateCallAsync(org, $"Brøytingen {token} må bli smartere");
        var id = call.GetProperty("id").GetInt32();
        var anonymous = Clients.Anonymous(app);

        Assert.Contains(("OpenCall", id), Hits(await SearchAsync(owner.Http, $"brøyting {token}")));
        var hidden = await SearchAsync(outsider.Http, $"brøyting {token}");
        Assert.Empty(Hits(hidden));
        Assert.Equal(0, hidden.GetProperty("results").GetProperty("total").GetInt32());

        Assert.Equal(System.Net.HttpStatusCode.OK, (await owner.Http.PostAsync($"/api/v1/calls/{id}/publish", null)).StatusCode);
        var found = await SearchAsync(anonymous, $"broytingen {token}");
        Assert.Equal([("OpenCall", id)], Hits(found));
        Assert.Equal($"/calls/{id}", found.GetProperty("results").GetProperty("items")[0].GetProperty("url").GetString());
        var kinds = found.GetProperty("facets").GetProperty("kinds").EnumerateArray().ToList();
        Assert.Equal("OpenCall", Assert.Single(kinds).GetProperty("value").GetString());
        // The challenge text is searched too ("fall" is in it).
        Assert.Contains(("OpenCall", id), Hits(await SearchAsync(anonymous, $"faller {token}")));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task EveryPageAndFacetFilter_IsCutFromTheSameMatches_AndFollowsChanges(string provider)
    {
        // A query's matches are read once and kept; its pages and facet filters are cut from them. The pages must add up to
        // the whole result in one order, each facet's count must be what filtering by it finds, and a save must show.
        var app = apps[provider];
        var token = TestData.Word('m');
        var owner = await Clients.NewApiUserAsync(app, "facets");
        var bergen = await owner.CreateOrganizationAsync(TestData.Organization(municipality: "4601"));
        var company = await owner.CreateOrganizationAsync(TestData.Organization(kind: Floke.Web.Core.Organizations.OrganizationKind.Company, municipality: "0301"));
        var needs = new List<int>();
        foreach (var (org, i) in new[] { bergen, bergen, bergen, company, company }.Select((o, i) => (o, i)))
        {
            var need = await owner.CreatePublishedNeedAsync(org, $"Behov {i} {token} for eldre");
            needs.Add(need);
        }
        foreach (var i in Enumerable.Range(0, 2))
        {
            await owner.PublishInitiativeAsync((await owner.CreateInitiativeAsync(bergen, $"Tiltak {i} {token} for eldre")).GetProperty("id").GetInt32());
        }
        var draft = (await owner.CreateInitiativeAsync(company, $"Utkast {token} for eldre")).GetProperty("id").GetInt32();
        var anonymous = Clients.Anonymous(app);
        Task<JsonElement> Search(HttpClient client, string filters) => SearchAsync(client, $"{token} eldre", filters);

        var all = await Search(anonymous, "&pageSize=100");
        var order = Hits(all);
        Assert.Equal(7, order.Count);
        Assert.Equal(7, order.Distinct().Count());
        var paged = new List<(string, int)>();
        for (var page = 1; page <= 4; page++)
        {
            var report = await Search(anonymous, $"&pageSize=2&page={page}");
            Assert.Equal(7, report.GetProperty("results").GetProperty("total").GetInt32());
            paged.AddRange(Hits(report));
        }
        Assert.Equal(order, paged);
        // The needs' texts rank the same: the newest first.
        Assert.Equal(needs.AsEnumerable().Reverse(), order.Where(h => h.Kind == "Need").Select(h => h.Id));

        var facets = all.GetProperty("facets");
        var filters = new[] { ("kinds", "kind"), ("stages", "stage"), ("measures", "measure"), ("organizationKinds", "organizationKind"), ("counties", "county"), ("years", "year") };
        var checkedValues = 0;
        foreach (var (facet, parameter) in filters)
        {
            foreach (var value in facets.GetProperty(facet).EnumerateArray())
            {
                var filtered = await Search(anonymous, $"&pageSize=100&{parameter}={value.GetProperty("value")}");
                Assert.Equal(value.GetProperty("count").GetInt32(), filtered.GetProperty("results").GetProperty("total").GetInt32());
                var hits = Hits(filtered);
                Assert.Equal(value.GetProperty("count").GetInt32(), hits.Count);
                Assert.Equal(order.Where(hits.Contains), hits); // in the whole result's order
                checkedValues++;
            }
        }
        Assert.True(checkedValues >= 8, $"only {checkedValues} facet values");
        var byCounty = facets.GetProperty("counties").EnumerateArray().ToDictionary(c => c.GetProperty("value").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["46"] = 5, ["03"] = 2 }, byCounty);
        var byKind = facets.GetProperty("organizationKinds").EnumerateArray().ToDictionary(c => c.GetProperty("value").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["Municipality"] = 5, ["Company"] = 2 }, byKind);
        var nowhere = await Search(anonymous, "&county=99");
        Assert.Equal(0, nowhere.GetProperty("results").GetProperty("total").GetInt32());
        Assert.Empty(Hits(nowhere));
        // A county is its number as written: "3" is not county "03", and is refused naming the field, not read as a county
        // that matches nothing.
        foreach (var notACounty in new[] { "3", "abc", "003" })
        {
            var refused = await anonymous.GetAsync($"/api/v1/search?q={token}+eldre&county={notACounty}");
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.ReadJsonAsync()).GetProperty("errors").TryGetProperty("county", out _), $"county={notACounty}");
        }
        // An empty county (a form's "all") is no filter.
        Assert.Equal(Hits(all), Hits(await Search(anonymous, "&pageSize=100&county=")));
        // Two filters at once.
        var both = await Search(anonymous, "&county=46&kind=Initiative");
        Assert.Equal(2, both.GetProperty("results").GetProperty("total").GetInt32());
        Assert.All(Hits(both), h => Assert.Equal("Initiative", h.Kind));

        // The owner's organisations see the draft too, on every page and in every count.
        var mine = await Search(owner.Http, "&pageSize=2&page=4&kind=Initiative");
        Assert.Equal(3, mine.GetProperty("results").GetProperty("total").GetInt32());
        Assert.Empty(Hits(mine));
        Assert.Contains(("Initiative", draft), Hits(await Search(owner.Http, "&pageSize=100&county=03")));
        // Published: the next page anyone reads is cut from the matches as they are now.
        await owner.PublishInitiativeAsync(draft);
        var after = await Search(anonymous, "&pageSize=2&page=2");
        Assert.Equal(8, after.GetProperty("results").GetProperty("total").GetInt32());
        Assert.Contains(("Initiative", draft), Hits(await Search(anonymous, "&pageSize=100&county=03&kind=Initiative")));
    }

    /// <summary>A page of results is kept from its second ask, not its first (most pages are asked once, and keeping them
    /// would push out those asked again): the database is read for the first two asks and not for the third.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task APage_IsKeptFromItsSecondAsk(string provider)
    {
        var app = apps[provider];
        var word = TestData.Word('k');
        var user = await Clients.NewApiUserAsync(app, "keeper");
        var org = await user.CreateOrganizationAsync();
        var need = await user.CreatePublishedNeedAsync(org, $"Et behov om {word}");
        var reader = Clients.Anonymous(app);
        int SearchReads() => app.Sql.Queries.Count(q => q.Sql.Contains("\"Search", StringComparison.Ordinal));

        var reads = new List<int>();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            app.Sql.Reset();
            Assert.Equal([("Need", need)], Hits(await SearchAsync(reader, word, "&page=1&pageSize=7")));
            reads.Add(SearchReads());
        }
        Assert.True(reads[0] > 0 && reads[1] > 0, $"the first two asks read the database ({string.Join(", ", reads)})");
        Assert.Equal(0, reads[2]);
    }
}
