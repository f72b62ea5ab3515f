using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floke.Tests.TestSupport;
using Floke.Web.Core.Organizations;

namespace Floke.Tests.Features.Insights;

/// <summary>The insights dashboard on a database of its own (so every national figure is known), on both databases: each
/// number equals what the corresponding list shows with the same filter; an organisation's own dashboard counts its
/// drafts and is for its members only; a change shows at once.</summary>
public sealed class InsightsTests
{
    public static TheoryData<string> Providers => Apps.Providers;

    private static async Task<int> TotalAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(url)).ReadJsonAsync()).GetProperty("total").GetInt32();

    private static Dictionary<string, int> Table(JsonElement report, string name) =>
        report.GetProperty(name).EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("count").GetInt32());

    [Theory, MemberData(nameof(Providers))]
    public async Task Dashboard_EqualsTheLists_AndOrganisationsSeeTheirOwn(string provider)
    {
        await using var app = new FlokeApp(provider);
        var owner = await Clients.NewApiUserAsync(app, "insights");
        var municipality = await owner.CreateOrganizationAsync(TestData.Organization(municipality: "4601"));
        var agencyUser = await Clients.NewApiUserAsync(app, "agency");
        var agency = await agencyUser.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StateAgency, municipality: null));

        async Task<int> Publish(ApiUser user, int org, string title)
        {
            var id = (await user.CreateInitiativeAsync(org, title)).GetProperty("id").GetInt32();
            var published = await (await user.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/visibility", new { visibility = "Published" })).ReadJsonAsync();
            return id;
        }
        var first = await Publish(owner, municipality, "Digital trygghetsalarm");
        await Publish(owner, municipality, "Felles timebestilling");
        var third = await Publish(owner, municipality, "Skyssplanlegging");
        await Publish(agencyUser, agency, "Automatisk saksbehandling");
        var current = await (await owner.Http.GetAsync($"/api/v1/initiatives/{third}")).ReadJsonAsync();
        Assert.True((await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{third}/gate-decisions",
            new { version = current.GetProperty("version").GetInt32(), outcome = "Go", rationale = "Videre" })).IsSuccessStatusCode);
        var draft = (await owner.CreateInitiativeAsync(municipality, "Utkast")).GetProperty("id").GetInt32();
        foreach (var initiative in new[] { first, first, draft })
        {
            Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync("/api/v1/experiments", new
            {
                initiativeId = initiative, title = "Forsøk", hypothesis = "Vi tror at sensorer gir raskere hjelp.", design = "BeforeAfter",
                startDate = "2026-01-01", endDate = "2026-06-30", legalBasis = "OrdinaryMandate",
                metrics = new[] { new { name = "Tid til hjelp", unit = "minutter", baseline = 240m, target = 30m } },
            })).StatusCode);
        }

        var anonymous = Clients.Anonymous(app);
        var national = await (await anonymous.GetAsync("/api/v1/insights")).ReadJsonAsync();
        Assert.Equal(4, national.GetProperty("initiatives").GetInt32());
        Assert.Equal(await TotalAsync(anonymous, "/api/v1/initiatives?pageSize=1"), national.GetProperty("initiatives").GetInt32());
        var stages = Table(national, "stages");
        Assert.Equal(2, stages.Count);
        foreach (var (stage, count) in stages)
        {
            Assert.Equal(await TotalAsync(anonymous, $"/api/v1/initiatives?stage={stage}&pageSize=1"), count);
        }
        foreach (var (measure, count) in Table(national, "measures"))
        {
            Assert.Equal(await TotalAsync(anonymous, $"/api/v1/initiatives?measure={measure}&pageSize=1"), count);
        }
        Assert.Equal(3, Table(national, "counties")["46"]);
        Assert.Equal(await TotalAsync(anonymous, "/api/v1/initiatives?county=46&pageSize=1"), Table(national, "counties")["46"]);
        Assert.Equal(new Dictionary<string, int> { ["Municipality"] = 3, ["State"] = 1 }, Table(national, "levels"));
        Assert.Equal(2, national.GetProperty("experiments").GetInt32());
        Assert.Equal(await TotalAsync(anonymous, "/api/v1/experiments?pageSize=1"), national.GetProperty("experiments").GetInt32());
        Assert.Equal(await TotalAsync(anonymous, "/api/v1/experiments?legalBasis=OrdinaryMandate&pageSize=1"), Table(national, "legalBases")["OrdinaryMandate"]);
        Assert.Equal(2, Table(national, "experimentOutcomes")["Open"]);

        // Filters: the county keeps the municipality's three; the kind keeps the agency's one.
        var county = await (await anonymous.GetAsync("/api/v1/insights?county=46")).ReadJsonAsync();
        Assert.Equal(3, county.GetProperty("initiatives").GetInt32());
        var kind = await (await anonymous.GetAsync("/api/v1/insights?organizationKind=StateAgency")).ReadJsonAsync();
        Assert.Equal(1, kind.GetProperty("initiatives").GetInt32());

        // A table as CSV, and the page with its chart and table.
        var csv = await anonymous.GetStringAsync("/api/v1/insights/stages.csv");
        Assert.Contains(csv.Split('\n'), line => line.StartsWith("Idea;", StringComparison.Ordinal) && line.TrimEnd('\r').EndsWith($";{stages["Idea"]}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/insights/nonsense.csv")).StatusCode);
        var page = await Clients.Pages(app).GetDocumentAsync("/insights");
        Assert.NotNull(page.QuerySelector("svg[role=img] title"));
        Assert.NotNull(page.QuerySelector("#table-stages ~ details table"));

        // The organisation's own dashboard counts its draft and its experiment; for members only.
        var own = await (await owner.Http.GetAsync($"/api/v1/organizations/{municipality}/insights")).ReadJsonAsync();
        Assert.Equal(4, own.GetProperty("initiatives").GetInt32());
        Assert.Equal(3, own.GetProperty("experiments").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await agencyUser.Http.GetAsync($"/api/v1/organizations/{municipality}/insights")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/organizations/{municipality}/insights")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetAsync("/api/v1/organizations/999999/insights")).StatusCode);
        var ownPage = await (await Clients.SignedInPagesAsync(app, owner)).GetDocumentAsync($"/organizations/{municipality}/insights");
        Assert.NotNull(ownPage.QuerySelector("#table-stages"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Clients.SignedInPagesAsync(app, agencyUser)).Http.GetAsync($"/organizations/{municipality}/insights")).StatusCode);

        // Publishing the draft shows at once.
        await owner.PublishInitiativeAsync(draft);
        var after = await (await anonymous.GetAsync("/api/v1/insights")).ReadJsonAsync();
        Assert.Equal(5, after.GetProperty("initiatives").GetInt32());
        Assert.Equal(3, after.GetProperty("experiments").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OpenCallsAndAwards_EqualTheCallList_AndShowAtOnce(string provider)
    {
        await using var app = new FlokeApp(provider);
        var owner = await Clients.NewApiUserAsync(app, "caller");
        var municipality = await owner.CreateOrganizationAsync(TestData.Organization(municipality: "4601"));
        var agencyUser = await Clients.NewApiUserAsync(app, "agency");
        var agency = await agencyUser.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StateAgency, municipality: null));
        var founder = await Clients.NewApiUserAsync(app, "founder");
        var startup = await founder.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StartUp, municipality: null));
        var company = await founder.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.Company, municipality: null));

        await owner.PublishedCallAsync(municipality);
        var evaluating = await owner.PublishedCallAsync(municipality);
        await owner.CreateCallAsync(municipality);
        var agencyCall = await agencyUser.PublishedCallAsync(agency);
        var winner = await founder.SubmittedProposalAsync(agencyCall, startup);
        await founder.SubmittedProposalAsync(agencyCall, company);
        await app.PassDeadlineAsync(evaluating);
        await app.PassDeadlineAsync(agencyCall);

        var anonymous = Clients.Anonymous(app);
        var national = await (await anonymous.GetAsync("/api/v1/insights")).ReadJsonAsync();
        Assert.Equal(3, national.GetProperty("openCalls").GetInt32());
        Assert.Equal(await TotalAsync(anonymous, "/api/v1/calls?pageSize=1"), national.GetProperty("openCalls").GetInt32());
        Assert.Equal(2, national.GetProperty("proposals").GetInt32());
        var phases = Table(national, "callPhases");
        Assert.Equal(new Dictionary<string, int> { ["Open"] = 1, ["Evaluating"] = 2 }, phases);
        foreach (var (phase, count) in phases)
        {
            Assert.Equal(await TotalAsync(anonymous, $"/api/v1/calls?phase={phase}&pageSize=1"), count);
        }
        Assert.Equal(2, (await (await anonymous.GetAsync("/api/v1/insights?county=46")).ReadJsonAsync()).GetProperty("openCalls").GetInt32());
        Assert.Equal(1, (await (await anonymous.GetAsync("/api/v1/insights?organizationKind=StateAgency")).ReadJsonAsync()).GetProperty("openCalls").GetInt32());

        // An award shows at once, by the winner's kind of organisation.
        Assert.Equal(HttpStatusCode.OK, (await agencyUser.Http.PostAsJsonAsync($"/api/v1/calls/{agencyCall}/award", new { proposalId = winner, rationale = "Best" })).StatusCode);
        var after = await (await anonymous.GetAsync("/api/v1/insights")).ReadJsonAsync();
        Assert.Equal(new Dictionary<string, int> { ["StartUp"] = 1 }, Table(after, "awardWinners"));
        Assert.Equal(await TotalAsync(anonymous, "/api/v1/calls?phase=Awarded&pageSize=1"), Table(after, "callPhases")["Awarded"]);
        var winners = await anonymous.GetStringAsync("/api/v1/insights/award-winners.csv");
        Assert.Contains(winners.Split('\n'), line => line.StartsWith("StartUp;", StringComparison.Ordinal) && line.TrimEnd('\r').EndsWith(";1", StringComparison.Ordinal));

        // The municipality's own dashboard counts its draft too.
        var own = await (await owner.Http.GetAsync($"/api/v1/organizations/{municipality}/insights")).ReadJsonAsync();
        Assert.Equal(1, Table(own, "callPhases")["Draft"]);
        Assert.Equal(2, own.GetProperty("openCalls").GetInt32());
    }
}
