using System.Net;
using System.Net.Http.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.Initiatives;

/// <summary>The initiative pages use the same handlers as the API; these tests check rights and forms on the pages.</summary>
[Collection("app")]
public class InitiativePagesTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    private static async Task<PageClient> SignedInAsync(FlokeApp app, ApiUser user)
    {
        var pages = Clients.Pages(app);
        var login = await pages.SubmitAsync("/account/login", [new("Input.Email", user.Email), new("Input.Password", TestData.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return pages;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ThePage_ListsItsExperimentsAndBarriers_NewestFirst(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app, "owner");
        var org = await owner.CreateOrganizationAsync();
        var ministry = await owner.CreateOrganizationAsync(TestData.Organization(kind: Floke.Web.Core.Organizations.OrganizationKind.StateAgency, municipality: null));
        var ministryName = (await (await owner.Http.GetAsync($"/api/v1/organizations/{ministry}")).ReadJsonAsync()).GetProperty("name").GetString()!;
        var id = (await owner.CreateInitiativeAsync(org)).GetProperty("id").GetInt32();
        await owner.PublishInitiativeAsync(id);
        foreach (var title in new[] { "Fallsensor hos 30 brukere", "Nattlig tilsyn med kamera" })
        {
            var experiment = await owner.Http.PostAsJsonAsync("/api/v1/experiments", new
            {
                initiativeId = id, title, hypothesis = "Vi tror at sensorer vil føre til raskere hjelp, målt ved tid fra fall til hjelp.",
                design = "BeforeAfter", startDate = "2026-01-01", endDate = "2026-06-30", legalBasis = "OrdinaryMandate",
                metrics = new[] { new { name = "Tid fra fall til hjelp", unit = "minutter", baseline = 240m, target = 30m } },
            });
            Assert.Equal(HttpStatusCode.Created, experiment.StatusCode);
        }
        foreach (var (rule, responsible) in new[] { ("forvaltningsloven", (int?)ministry), ("personopplysningsloven", null) })
        {
            var barrier = await owner.Http.PostAsJsonAsync("/api/v1/barriers", new
            {
                initiativeId = id, rule, section = "§ 13", kind = "Law", description = "Taushetsplikten hindrer deling.", responsibleOrganizationId = responsible,
            });
            Assert.Equal(HttpStatusCode.Created, barrier.StatusCode);
        }

        var page = await Clients.Pages(app).GetDocumentAsync($"/initiatives/{id}");
        Assert.Equal(["Nattlig tilsyn med kamera", "Fallsensor hos 30 brukere"],
            page.QuerySelectorAll("#experiments-heading ~ * h3").Select(h => h.TextContent.Trim()));
        var barriers = page.QuerySelectorAll("#barriers-heading ~ * li.ds-card").ToList();
        Assert.Equal(["personopplysningsloven § 13", "forvaltningsloven § 13"], barriers.Select(b => b.QuerySelector("h3")!.TextContent.Trim()));
        Assert.Contains(ministryName, barriers[1].TextContent);
        Assert.DoesNotContain(ministryName, barriers[0].TextContent);
        // The initiative as the API gives it is the same, without the page's lists.
        var api = await (await Clients.Anonymous(app).GetAsync($"/api/v1/initiatives/{id}")).ReadJsonAsync();
        Assert.Equal(id, api.GetProperty("id").GetInt32());
        Assert.False(api.TryGetProperty("experiments", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task GatePage_LeadersOnly(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app, "admin");
        var member = await Clients.NewApiUserAsync(app, "member");
        var org = await admin.CreateOrganizationAsync();
        await member.JoinAsync(org, admin);
        var id = (await member.CreateInitiativeAsync(org)).GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await (await SignedInAsync(app, member)).Http.GetAsync($"/initiatives/{id}/gate")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Clients.Anonymous(app).GetAsync($"/initiatives/{id}/gate")).StatusCode);

        var leaderPages = await SignedInAsync(app, admin);
        var decided = await leaderPages.SubmitAsync($"/initiatives/{id}/gate", [new("Input.Outcome", "Go"), new("Input.Rationale", "Godt begrunnet")]);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var page = await leaderPages.Http.GetStringAsync($"/initiatives/{id}");
        Assert.Contains("Godt begrunnet", page);
        Assert.Contains("Utforske", page);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task MemberRequestsGate_OnThePage_LeaderSeesTheRequest(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app, "admin");
        var member = await Clients.NewApiUserAsync(app, "member");
        var org = await admin.CreateOrganizationAsync();
        await member.JoinAsync(org, admin);
        var id = (await member.CreateInitiativeAsync(org)).GetProperty("id").GetInt32();

        var memberPages = await SignedInAsync(app, member);
        var asked = await memberPages.SubmitAsync($"/initiatives/{id}", [new("GateNote", "Klar til å utforske")], action: $"/initiatives/{id}?handler=RequestGate");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var leaderView = await (await SignedInAsync(app, admin)).GetDocumentAsync($"/initiatives/{id}");
        Assert.Contains("Klar til å utforske", leaderView.Body!.TextContent);
        Assert.NotNull(leaderView.QuerySelector($"a[href='/initiatives/{id}/gate']"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Edit_Stale_ShowsTheOtherChange(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var id = (await owner.CreateInitiativeAsync(org, "Opprinnelig tiltak")).GetProperty("id").GetInt32();
        var pages = await SignedInAsync(app, owner);
        var form = await pages.GetDocumentAsync($"/initiatives/{id}/edit");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        KeyValuePair<string, string>[] Fields(string title) =>
        [
            new("__RequestVerificationToken", token), new("Version", "0"), new("Input.Title", title), new("Input.Summary", "Oppsummering"),
            new("Input.Measures", "Culture"), new("Input.Novelty", "NewToUs"),
        ];
        Assert.Equal(HttpStatusCode.Redirect, (await pages.Http.PostAsync($"/initiatives/{id}/edit", new FormUrlEncodedContent(Fields("Kollegaens tittel")))).StatusCode);
        var stale = await pages.Http.PostAsync($"/initiatives/{id}/edit", new FormUrlEncodedContent(Fields("Min sene tittel")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var doc = await PageClient.ParseAsync(stale);
        Assert.Contains("Kollegaens tittel", doc.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Min sene tittel", doc.GetElementById("Input_Title")!.GetAttribute("value"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_BudgetAndDatesInNorwegianFormat_AreRead(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var pages = await SignedInAsync(app, owner);
        var created = await pages.SubmitAsync("/initiatives/new", [
            new("OwnerOrganizationId", org.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Title", "Tiltak med budsjett"),
            new("Input.Summary", "Oppsummering"), new("Input.Measures", "Culture"), new("Input.Measures", "Competence"),
            new("Input.Novelty", "NewToUs"), new("Input.BudgetNok", "1250000,50"), new("Input.StartDate", "2026-03-01"), new("Input.EndDate", "2026-12-31")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var api = await (await owner.Http.GetAsync($"/api/v1{created.Headers.Location!.OriginalString}")).ReadJsonAsync();
        Assert.Equal(1250000.50m, api.GetProperty("budgetNok").GetDecimal());
        Assert.Equal("2026-12-31", api.GetProperty("endDate").GetString());
        Assert.Equal(2, api.GetProperty("measures").GetArrayLength());
    }
}
