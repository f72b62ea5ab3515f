using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floke.Tests.Features.Benefits;
using Floke.Tests.TestSupport;
using Floke.Web.Core.Organizations;

namespace Floke.Tests.Features.Adoptions;

[Collection("app")]
public class AdoptionsApiTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    private static async Task<HttpResponseMessage> AdoptAsync(ApiUser user, int initiative, int adopter, string status = "Adopted", string? reason = null) =>
        await user.Http.PostAsJsonAsync("/api/v1/adoptions", new
        {
            initiativeId = initiative, adopterOrganizationId = adopter, status, abandonReason = reason,
            adaptations = "Vi koblet varslene til vår egen vaktsentral.", contactName = "Ola Nordmann", contactEmail = "ola@example.no",
        });

    [Theory, MemberData(nameof(Providers))]
    public async Task AnotherOrganisationAdopts_OwnerConfirms_AdopterMeasuresItsOwnGains(string provider)
    {
        var app = apps[provider];
        var (owner, ownerOrg, initiative) = await BenefitsApiTests.InitiativeAsync(app);
        var bergen = await Clients.NewApiUserAsync(app, "bergen");
        var bergenOrg = await bergen.CreateOrganizationAsync(TestData.Organization(municipality: "4601"));

        Assert.True((await (await AdoptAsync(owner, initiative, ownerOrg)).ReadJsonAsync()).GetProperty("errors").TryGetProperty("adopterOrganizationId", out _));
        Assert.True((await (await AdoptAsync(owner, initiative, bergenOrg)).ReadJsonAsync()).GetProperty("errors").TryGetProperty("adopterOrganizationId", out _));
        var abandoned = await AdoptAsync(bergen, initiative, bergenOrg, "Abandoned");
        Assert.True((await abandoned.ReadJsonAsync()).GetProperty("errors").TryGetProperty("abandonReason", out _));

        var created = await AdoptAsync(bergen, initiative, bergenOrg, "Piloting");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var adoption = await created.ReadJsonAsync();
        var id = adoption.GetProperty("adoption").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.BadRequest, (await AdoptAsync(bergen, initiative, bergenOrg)).StatusCode);

        // The owner sees it as news until someone confirms it; the adopter cannot confirm its own adoption.
        var pending = await (await owner.Http.GetAsync($"/api/v1/adoptions/{id}")).ReadJsonAsync();
        Assert.True(pending.GetProperty("canConfirm").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await bergen.Http.PostAsJsonAsync($"/api/v1/adoptions/{id}/confirm", new { version = 0 })).StatusCode);
        var confirmed = await (await owner.Http.PostAsJsonAsync($"/api/v1/adoptions/{id}/confirm", new { version = 0 })).ReadJsonAsync();
        Assert.NotEqual(JsonValueKind.Null, confirmed.GetProperty("adoption").GetProperty("confirmedAt").ValueKind);

        // Only the adopter changes its adoption; a stale version is a conflict.
        var update = new { initiativeId = initiative, adopterOrganizationId = bergenOrg, status = "Adopted", version = 1 };
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.PutAsJsonAsync($"/api/v1/adoptions/{id}", update)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bergen.Http.PutAsJsonAsync($"/api/v1/adoptions/{id}", update)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await bergen.Http.PutAsJsonAsync($"/api/v1/adoptions/{id}", update)).StatusCode);

        // The adopter's own benefit, measured the same way; the owner cannot edit it.
        var benefit = await bergen.Http.PostAsJsonAsync("/api/v1/benefits", new
        {
            adoptionId = id, description = "Færre fall som fører til innleggelse i Bergen", kind = "AvoidedCost", direction = "HigherIsBetter",
            baselineValue = 0, baselineDate = "2026-01-01", targetValue = 300_000, targetDate = "2027-12-31", beneficiaryOrganizationId = bergenOrg,
        });
        Assert.Equal(HttpStatusCode.Created, benefit.StatusCode);
        var benefitId = (await benefit.ReadJsonAsync()).GetProperty("benefit").GetProperty("id").GetInt32();
        Assert.False((await (await owner.Http.GetAsync($"/api/v1/benefits/{benefitId}")).ReadJsonAsync()).GetProperty("canEdit").GetBoolean());
        await BenefitsApiTests.MeasureAsync(bergen, benefitId, "2026-06-30", 150_000m);
        var view = await (await bergen.Http.GetAsync($"/api/v1/adoptions/{id}")).ReadJsonAsync();
        Assert.Equal(benefitId, view.GetProperty("benefitIds")[0].GetInt32());

        // The adopter gained from its own adoption; the flows filter "adopted by ≥ 1" and "realised gains" find the initiative.
        var gains = await (await Clients.Anonymous(app).GetAsync($"/api/v1/organizations/{bergenOrg}/gains")).ReadJsonAsync();
        Assert.Equal(150_000m, gains.GetProperty("ownGainsNok").GetDecimal());
        var proven = await (await Clients.Anonymous(app).GetAsync($"/api/v1/initiatives?organization={ownerOrg}&minAdoptions=1&realisedGains=true")).ReadJsonAsync();
        Assert.Equal(initiative, proven.GetProperty("items")[0].GetProperty("id").GetInt32());
        var tooMany = await (await Clients.Anonymous(app).GetAsync($"/api/v1/initiatives?organization={ownerOrg}&minAdoptions=2")).ReadJsonAsync();
        Assert.Equal(0, tooMany.GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Spread_RanksTheMostAdopted_AndItsTotalsAgreeWithTheAdoptions(string provider)
    {
        var app = apps[provider];
        // Ranked by adoptions in use, then pilots, then all adoptions (no other test adopts a solution more than once).
        string[][] patterns = [["Adopted", "Adopted"], ["Adopted", "Adopted", "Piloting"], ["Adopted", "Considering", "Considering", "Considering"],
            ["Adopted", "Adopted", "Piloting", "Abandoned"]];
        var initiatives = new List<int>();
        foreach (var pattern in patterns)
        {
            var (_, _, initiative) = await BenefitsApiTests.InitiativeAsync(app);
            initiatives.Add(initiative);
            foreach (var status in pattern)
            {
                var user = await Clients.NewApiUserAsync(app, "adopter");
                var org = await user.CreateOrganizationAsync();
                Assert.Equal(HttpStatusCode.Created, (await AdoptAsync(user, initiative, org, status, status == "Abandoned" ? "Passet ikke for oss" : null)).StatusCode);
            }
        }

        var spread = await (await Clients.Anonymous(app).GetAsync("/api/v1/adoptions/spread")).ReadJsonAsync();
        var ranked = spread.GetProperty("mostAdopted").EnumerateArray().Select(r => r.GetProperty("initiativeId").GetInt32()).ToList();
        Assert.Equal([initiatives[3], initiatives[1], initiatives[0], initiatives[2]], ranked.Where(initiatives.Contains));
        // Every adoption of a published initiative counted once, by status, and each solution adopted somewhere once.
        var adoptedIn = new HashSet<int>();
        foreach (var status in new[] { "Considering", "Piloting", "Adopted", "Abandoned" })
        {
            var listed = await (await Clients.Anonymous(app).GetAsync($"/api/v1/adoptions?status={status}&pageSize=1")).ReadJsonAsync();
            Assert.Equal(listed.GetProperty("total").GetInt32(), spread.GetProperty("totals").GetProperty(status.ToLowerInvariant()).GetInt32());
        }
        for (var page = 1; ; page++)
        {
            var items = (await (await Clients.Anonymous(app).GetAsync($"/api/v1/adoptions?status=Adopted&pageSize=100&page={page}")).ReadJsonAsync())
                .GetProperty("items").EnumerateArray().ToList();
            adoptedIn.UnionWith(items.Select(i => i.GetProperty("initiativeId").GetInt32()));
            if (items.Count < 100)
            {
                break;
            }
        }
        Assert.Equal(adoptedIn.Count, spread.GetProperty("solutionsSpread").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Spread_CountsAdoptionsConsistently_AcrossLevelsAndCounties(string provider)
    {
        var app = apps[provider];
        var (owner, ownerOrg, initiative) = await BenefitsApiTests.InitiativeAsync(app); // owner in Oslo (county 03)
        var statuses = new[] { ("4601", "Adopted"), ("1804", "Adopted"), ("4601", "Piloting"), ("0301", "Considering"), ("1804", "Abandoned") };
        foreach (var (municipality, status) in statuses)
        {
            var user = await Clients.NewApiUserAsync(app, "adopter");
            var org = await user.CreateOrganizationAsync(TestData.Organization(municipality: municipality));
            Assert.Equal(HttpStatusCode.Created, (await AdoptAsync(user, initiative, org, status, status == "Abandoned" ? "For dyrt for oss" : null)).StatusCode);
        }
        var agency = await Clients.NewApiUserAsync(app, "agency");
        var agencyOrg = await agency.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StateAgency, municipality: null));
        Assert.Equal(HttpStatusCode.Created, (await AdoptAsync(agency, initiative, agencyOrg, "Adopted")).StatusCode);

        var spread = await (await Clients.Anonymous(app).GetAsync("/api/v1/adoptions/spread")).ReadJsonAsync();
        // No other test adopts a solution more than once, so this one is among the top rows.
        var row = spread.GetProperty("mostAdopted").EnumerateArray().Single(r => r.GetProperty("initiativeId").GetInt32() == initiative);
        var counts = row.GetProperty("counts");
        Assert.Equal(3, counts.GetProperty("adopted").GetInt32());
        Assert.Equal(1, counts.GetProperty("piloting").GetInt32());
        Assert.Equal(1, counts.GetProperty("considering").GetInt32());
        Assert.Equal(1, counts.GetProperty("abandoned").GetInt32());
        Assert.Equal(3, row.GetProperty("counties").GetInt32()); // 46, 18, 03 (not abandoned; the agency has no county)
        // The same count filters the portfolio, and the list of adoptions agrees.
        var proven = await (await Clients.Anonymous(app).GetAsync($"/api/v1/initiatives?organization={ownerOrg}&minAdoptions=3")).ReadJsonAsync();
        Assert.Equal(1, proven.GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await Clients.Anonymous(app).GetAsync($"/api/v1/initiatives?organization={ownerOrg}&minAdoptions=4")).ReadJsonAsync()).GetProperty("total").GetInt32());
        var adopted = await (await Clients.Anonymous(app).GetAsync($"/api/v1/adoptions?initiative={initiative}&status=Adopted")).ReadJsonAsync();
        Assert.Equal(3, adopted.GetProperty("total").GetInt32());
        var all = await (await Clients.Anonymous(app).GetAsync($"/api/v1/adoptions?initiative={initiative}")).ReadJsonAsync();
        Assert.Equal(6, all.GetProperty("total").GetInt32());

        // The tables download as CSV with the same figures.
        var initiativeTitle = (await (await Clients.Anonymous(app).GetAsync($"/api/v1/initiatives/{initiative}")).ReadJsonAsync()).GetProperty("title").GetString();
        var mostAdopted = await Clients.Anonymous(app).GetStringAsync("/api/v1/adoptions/spread/most-adopted.csv");
        Assert.Contains($"{initiativeTitle};", mostAdopted);
        Assert.Contains(";3;1;1;1;3", mostAdopted);
        var adopters = (await Clients.Anonymous(app).GetStringAsync($"/api/v1/initiatives/{initiative}/adoptions.csv")).Trim().Split('\n');
        Assert.Equal(1 + 6, adopters.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await Clients.Anonymous(app).GetAsync("/api/v1/adoptions/spread/nonsense.csv")).StatusCode);
        var gains = await Clients.Anonymous(app).GetStringAsync($"/api/v1/organizations/{ownerOrg}/gains.csv");
        Assert.Equal(4, gains.Trim().Split('\n').Length);

        // Levels: municipality → municipality and municipality → state are both there.
        var levels = spread.GetProperty("byLevel").EnumerateArray().ToList();
        Assert.Contains(levels, l => l.GetProperty("from").GetString() == "Municipality" && l.GetProperty("to").GetString() == "State");
        Assert.True(spread.GetProperty("totals").GetProperty("adopted").GetInt32() >= 3);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ADraftCannotBeAdopted_AndItsAdoptionsAreHidden(string provider)
    {
        var app = apps[provider];
        var (_, _, draft) = await BenefitsApiTests.InitiativeAsync(app, publish: false);
        var other = await Clients.NewApiUserAsync(app, "other");
        var otherOrg = await other.CreateOrganizationAsync();
        var response = await AdoptAsync(other, draft, otherOrg);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("initiativeId", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, (await AdoptAsync(new ApiUser(Clients.Anonymous(app), "", ""), draft, otherOrg)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync("/api/v1/adoptions/999999")).StatusCode);
    }
}
