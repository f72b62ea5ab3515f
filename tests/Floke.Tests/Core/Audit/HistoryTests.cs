using System.Net.Http.Json;
using Floke.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Floke.Tests.Core.Audit;

[Collection("app")]
public class HistoryTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task EveryChangeToANeed_IsRecordedWithBeforeAndAfter(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var id = (await owner.CreateNeedAsync(org, "Tittel før endringen")).GetProperty("id").GetInt32();
        await owner.Http.PutAsJsonAsync($"/api/v1/needs/{id}", new
        {
            version = 0, title = "Tittel etter endringen", affectedGroups = new[] { "Citizens" }, userExperience = "De må ringe tre kontorer og forklare det samme hver gang.",
            currentSituation = "Hvert kontor har sitt eget system.", sectors = new[] { "Health", "Welfare" }, levels = new[] { "Municipality" },
        });
        await owner.PublishAsync(id);

        var history = await (await owner.Http.GetAsync($"/api/v1/needs/{id}/history")).ReadJsonAsync();
        var items = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count); // created need, created owner row, title edit, publication
        var edit = items.Single(i => i.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("field").GetString() == "Title"
            && c.GetProperty("before").ValueKind == System.Text.Json.JsonValueKind.String));
        var title = edit.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "Title");
        Assert.Equal("Tittel før endringen", title.GetProperty("before").GetString());
        Assert.Equal("Tittel etter endringen", title.GetProperty("after").GetString());
        Assert.Equal("Updated", edit.GetProperty("action").GetString());
        var publish = items[0];
        Assert.Contains(publish.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "Status" && c.GetProperty("after").GetString() == "Published");
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("userName").GetString())));
        // The public page shows the same.
        Assert.Contains("Tittel før endringen", await Clients.Anonymous(app).GetStringAsync($"/needs/{id}/history"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AStoredEntry_LeavesOutWhatIsNotThere_AndKeepsNorwegianLetters_ReadersSeeTheSame(string provider)
    {
        // An entry is kept for as long as the database: a new row's has no "before", and letters are stored as they are
        // (a \u escape is six characters for one). Readers of the history see a new row's "before" as null all the same.
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var id = (await owner.CreateNeedAsync(org, "Rådhuset får søknader på papir")).GetProperty("id").GetInt32();
        await owner.PublishAsync(id);

        await using (var scope = app.Scope())
        {
            var stored = await app.Db(scope).AuditEntries
                .Where(a => a.EntityType == "Need" && a.EntityId == id.ToString() && a.Action == Floke.Web.Core.Audit.AuditAction.Created)
                .Select(a => a.Changes).SingleAsync();
            Assert.Contains("\"After\":\"Rådhuset får søknader på papir\"", stored);
            Assert.DoesNotContain("\"Before\"", stored);
            Assert.DoesNotContain("\\u", stored);
        }
        var history = await (await owner.Http.GetAsync($"/api/v1/needs/{id}/history")).ReadJsonAsync();
        var created = history.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("entityType").GetString() == "Need" && i.GetProperty("action").GetString() == "Created");
        var title = created.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "Title");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, title.GetProperty("before").ValueKind);
        Assert.Equal("Rådhuset får søknader på papir", title.GetProperty("after").GetString());
        Assert.Contains("Rådhuset får søknader på papir", await Clients.Anonymous(app).GetStringAsync($"/needs/{id}/history"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AuditTrail_CannotBeChangedThroughTheApp(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        await owner.CreateOrganizationAsync();
        await using var scope = app.Scope();
        var db = app.Db(scope);
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync();
        entry.Changes = "[]";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OrganizationHistory_RecordsMemberships_ShownToMembersOnly(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app);
        var member = await Clients.NewApiUserAsync(app);
        var org = await admin.CreateOrganizationAsync();
        await member.JoinAsync(org, admin);
        static async Task<List<string?>> TypesAsync(HttpClient http, int org) =>
            (await (await http.GetAsync($"/api/v1/organizations/{org}/history")).ReadJsonAsync())
                .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("entityType").GetString()).ToList();

        var forAdmin = await TypesAsync(admin.Http, org);
        Assert.Contains("Organization", forAdmin);
        Assert.Equal(3, forAdmin.Count(t => t == "Membership")); // creator, request, approval
        // Who belongs to an organisation is for its members; the public sees changes to the organisation itself.
        Assert.Equal(["Organization"], await TypesAsync(Clients.Anonymous(app), org));
    }
}
