using System.Net;
using System.Net.Http.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.Needs;

[Collection("app")]
public class NeedsApiTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Draft_SeenOnlyByOwnersMembers_PublishedSeenByAll(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app, "owner");
        var colleague = await Clients.NewApiUserAsync(app, "colleague");
        var outsider = await Clients.NewApiUserAsync(app, "outsider");
        var org = await owner.CreateOrganizationAsync();
        await outsider.CreateOrganizationAsync();
        await colleague.JoinAsync(org, owner);
        var need = await owner.CreateNeedAsync(org);
        var id = need.GetProperty("id").GetInt32();
        Assert.Equal("Draft", need.GetProperty("status").GetString());

        var anonymous = Clients.Anonymous(app);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/needs/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Http.GetAsync($"/api/v1/needs/{id}")).StatusCode);
        // Another organisation's draft cannot be changed, and its existence is not revealed.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PostAsJsonAsync($"/api/v1/needs/{id}/status", new { status = "Published" })).StatusCode);
        var title = need.GetProperty("title").GetString();
        Assert.DoesNotContain(title!, await anonymous.GetStringAsync($"/api/v1/needs?q={Uri.EscapeDataString(title!)}"));

        await colleague.PublishAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/needs/{id}")).StatusCode);
        Assert.Contains(title!, await anonymous.GetStringAsync($"/api/v1/needs?q={Uri.EscapeDataString(title!)}"));
        // Published, but still only its owners change it.
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.PostAsJsonAsync($"/api/v1/needs/{id}/status", new { status = "Archived" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Mine_ListsDraftsOfMyOrganizationsOnly(string provider)
    {
        var app = apps[provider];
        var a = await Clients.NewApiUserAsync(app);
        var b = await Clients.NewApiUserAsync(app);
        var orgA = await a.CreateOrganizationAsync();
        var orgB = await b.CreateOrganizationAsync();
        var token = TestData.Token();
        await a.CreateNeedAsync(orgA, $"Utkast A {token}");
        await b.CreateNeedAsync(orgB, $"Utkast B {token}");
        var mine = await (await a.Http.GetAsync($"/api/v1/needs?mine=true&q={token}")).ReadJsonAsync();
        var item = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal($"Utkast A {token}", item.GetProperty("title").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task List_PagesAndFilters(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var token = TestData.Token();
        for (var i = 0; i < 23; i++)
        {
            var id = await owner.CreatePublishedNeedAsync(org, $"Sidebehov {token} nummer {i:D2}");
        }
        var anonymous = Clients.Anonymous(app);
        var page1 = await (await anonymous.GetAsync($"/api/v1/needs?q={token}")).ReadJsonAsync();
        Assert.Equal(23, page1.GetProperty("total").GetInt32());
        Assert.Equal(20, page1.GetProperty("items").GetArrayLength());
        var page2 = await (await anonymous.GetAsync($"/api/v1/needs?q={token}&page=2")).ReadJsonAsync();
        Assert.Equal(3, page2.GetProperty("items").GetArrayLength());
        var all = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(n => n.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(23, all.Distinct().Count());

        Assert.Equal(23, (await (await anonymous.GetAsync($"/api/v1/needs?q={token}&sector=Welfare&affected=Citizens&organization={org}")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await anonymous.GetAsync($"/api/v1/needs?q={token}&sector=Transport")).ReadJsonAsync()).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await anonymous.GetAsync($"/api/v1/needs?q={token}&level=State")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    /// <summary>A page of the list at the sizes the site shows (20, the front page's 5, an organisation's 10) is compiled for the
    /// filters it uses (NeedList), at any other size built as a LINQ query, and its total counted by a third query: for every
    /// filter, the public list and the reader's own, all three agree — and find what they should.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task List_CompiledAndBuiltPagesAgree_ForEveryFilterAndTheReadersOwn(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var municipality = await owner.CreateOrganizationAsync();
        var agency = await owner.CreateOrganizationAsync();
        var token = TestData.Token();
        var first = await owner.CreatePublishedNeedAsync(municipality, $"Kommunebehov {token} en");
        var second = await owner.CreatePublishedNeedAsync(municipality, $"Kommunebehov {token} to");
        var created = await owner.Http.PostAsJsonAsync("/api/v1/needs", new
        {
            ownerOrganizationId = agency, title = $"Statsbehov {token}", affectedGroups = new[] { "Businesses" },
            userExperience = "Bedriftene sender de samme tallene til fire etater.", sectors = new[] { "Transport" }, levels = new[] { "State" },
        });
        var state = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
        await owner.PublishAsync(state);
        var draft = (await owner.CreateNeedAsync(agency, $"Utkastbehov {token}")).GetProperty("id").GetInt32();

        Task<int[]> Ids(HttpClient reader, string query, int size = 20) => ListPages.CompiledAndBuiltIdsAsync(reader, $"/api/v1/needs?q={token}", query, size);
        var anonymous = Clients.Anonymous(app);
        Assert.Equal([state, second, first], await Ids(anonymous, "")); // the newest publication first
        Assert.Equal([state], await Ids(anonymous, "affected=Businesses", size: 5));
        Assert.Equal([second, first], await Ids(anonymous, "sector=Welfare", size: 10));
        Assert.Equal([state], await Ids(anonymous, "level=State"));
        Assert.Equal([second, first], await Ids(anonymous, $"organization={municipality}&level=Municipality&affected=Citizens"));
        Assert.Empty(await Ids(anonymous, "sector=Transport&level=Municipality"));
        Assert.Empty(await Ids(anonymous, "page=2"));
        Assert.Equal([draft, state, second, first], await Ids(owner.Http, "mine=true")); // the latest change first
        Assert.Equal([draft], await Ids(owner.Http, "mine=true&status=Draft"));
        Assert.Equal([draft, state], await Ids(owner.Http, $"mine=true&organization={agency}"));
        Assert.Empty(await Ids(Clients.Anonymous(app), "mine=true"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CoOwner_MustBeAcceptedByALeaderOfTheInvitedOrganization(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app, "owner");
        var partnerAdmin = await Clients.NewApiUserAsync(app, "partner-admin");
        var partnerMember = await Clients.NewApiUserAsync(app, "partner-member");
        var org = await owner.CreateOrganizationAsync();
        var partner = await partnerAdmin.CreateOrganizationAsync();
        await partnerMember.JoinAsync(partner, partnerAdmin);
        var id = (await owner.CreateNeedAsync(org)).GetProperty("id").GetInt32();

        var invite = await owner.Http.PostAsJsonAsync($"/api/v1/needs/{id}/owners", new { organizationId = partner });
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        // The invited organisation sees the draft, but cannot edit it before accepting.
        Assert.Equal(HttpStatusCode.OK, (await partnerMember.Http.GetAsync($"/api/v1/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerMember.Http.PostAsJsonAsync($"/api/v1/needs/{id}/status", new { status = "Published" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerMember.Http.PostAsJsonAsync($"/api/v1/needs/{id}/owners/{partner}/answer", new { accept = true })).StatusCode);

        var accept = await partnerAdmin.Http.PostAsJsonAsync($"/api/v1/needs/{id}/owners/{partner}/answer", new { accept = true });
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        var need = await (await partnerMember.Http.GetAsync($"/api/v1/needs/{id}")).ReadJsonAsync();
        Assert.All(need.GetProperty("owners").EnumerateArray(), o => Assert.Equal("Accepted", o.GetProperty("status").GetString()));
        await partnerMember.PublishAsync(id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Update_StaleVersion_409AndNothingOverwritten(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var need = await owner.CreateNeedAsync(org);
        var id = need.GetProperty("id").GetInt32();
        var body = new
        {
            version = 0, title = "Første versjon av tittelen", affectedGroups = new[] { "Businesses" },
            userExperience = "Tekst", currentSituation = (string?)null, sectors = Array.Empty<string>(), levels = Array.Empty<string>(),
        };
        var first = await owner.Http.PutAsJsonAsync($"/api/v1/needs/{id}", body);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await first.ReadJsonAsync()).GetProperty("version").GetInt32());

        var second = await owner.Http.PutAsJsonAsync($"/api/v1/needs/{id}", body with { title = "Andre versjon som kommer for sent" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.ReadJsonAsync();
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Contains("Første versjon av tittelen", problem.GetProperty("detail").GetString());
        var now = await (await owner.Http.GetAsync($"/api/v1/needs/{id}")).ReadJsonAsync();
        Assert.Equal("Første versjon av tittelen", now.GetProperty("title").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_MissingAndOverlongFields_ProblemNamesEachField(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var response = await owner.Http.PostAsJsonAsync("/api/v1/needs", new
        {
            ownerOrganizationId = org, title = new string('x', 201), affectedGroups = Array.Empty<string>(), userExperience = "",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out var title));
        Assert.Contains("200", title[0].GetString());
        Assert.True(errors.TryGetProperty("userExperience", out _));
        Assert.True(errors.TryGetProperty("affectedGroups", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Status_ArchivedFromDraft_Refused(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var id = (await owner.CreateNeedAsync(await owner.CreateOrganizationAsync())).GetProperty("id").GetInt32();
        var response = await owner.Http.PostAsJsonAsync($"/api/v1/needs/{id}/status", new { status = "Archived" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_UnreadableValues_ProblemNamesTheField(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var unknownEnum = await owner.Http.PostAsync("/api/v1/needs", new StringContent(
            $$"""{"ownerOrganizationId":{{org}},"title":"Gyldig tittel her","affectedGroups":["Romvesener"],"userExperience":"x"}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, unknownEnum.StatusCode);
        Assert.True((await unknownEnum.ReadJsonAsync()).GetProperty("errors").TryGetProperty("affectedGroups", out _));

        var wordForNumber = await owner.Http.PostAsync("/api/v1/needs", new StringContent(
            """{"ownerOrganizationId":"abc"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wordForNumber.StatusCode);
        Assert.True((await wordForNumber.ReadJsonAsync()).GetProperty("errors").TryGetProperty("ownerOrganizationId", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Get_UnknownId_ProblemDetails404(string provider)
    {
        var response = await Clients.Anonymous(apps[provider]).GetAsync("/api/v1/needs/987654321");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
