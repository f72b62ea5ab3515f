using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floke.Tests.TestSupport;
using Floke.Web.Core.Organizations;

namespace Floke.Tests.Features.Benefits;

/// <summary>Who invests, who gains — checked against sums worked out by hand. The owner sits in Tromsø (county 55), which
/// no other test uses, so the county filter isolates this test's initiative from the rest of the shared database.</summary>
[Collection("app")]
public class FlowsTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    private static JsonElement Row(JsonElement rows, string key) =>
        rows.EnumerateArray().Single(r => r.GetProperty("party").GetProperty("key").GetString() == key);

    private static JsonElement Flow(JsonElement rows, string from, string to) => rows.EnumerateArray()
        .Single(r => r.GetProperty("from").GetProperty("key").GetString() == from && r.GetProperty("to").GetProperty("key").GetString() == to);

    [Theory, MemberData(nameof(Providers))]
    public async Task Flows_SumInvestmentsAndGains_AndShareGainsByInvestment(string provider)
    {
        var app = apps[provider];
        var municipality = await Clients.NewApiUserAsync(app, "tromso");
        var m = await municipality.CreateOrganizationAsync(TestData.Organization(municipality: "5501"));
        var agency = await Clients.NewApiUserAsync(app, "agency");
        var s = await agency.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StateAgency, municipality: null));
        var hospitalUser = await Clients.NewApiUserAsync(app, "unn");
        var h = await hospitalUser.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StateAgency, municipality: null));
        var initiative = (await municipality.CreateInitiativeAsync(m)).GetProperty("id").GetInt32();
        await municipality.PublishInitiativeAsync(initiative);

        async Task Invest(int org, int year, decimal nok) => Assert.Equal(HttpStatusCode.Created,
            (await municipality.Http.PostAsJsonAsync("/api/v1/investments", new { initiativeId = initiative, organizationId = org, year, amountNok = nok })).StatusCode);
        await Invest(m, 2024, 100_000m);
        await Invest(m, 2025, 600_000m);
        await Invest(s, 2025, 400_000m);

        // A saving at the hospital: 100,000 realised in 2024, 600,000 by mid-2025 (so 500,000 of it in 2025).
        var saving = (await BenefitsApiTests.CreateAsync(municipality, BenefitsApiTests.Saving(initiative, h))).GetProperty("benefit").GetProperty("id").GetInt32();
        await BenefitsApiTests.MeasureAsync(hospitalUser, saving, "2024-06-30", 100_000m);
        await BenefitsApiTests.MeasureAsync(hospitalUser, saving, "2025-06-30", 600_000m);
        // Citizens save 10 hours (40 → 30, lower is better).
        var hours = (await BenefitsApiTests.CreateAsync(municipality, BenefitsApiTests.Saving(initiative, null, "Citizens", baseline: 40, target: 20,
            kind: "TimeSaved", direction: "LowerIsBetter"))).GetProperty("benefit").GetProperty("id").GetInt32();
        await BenefitsApiTests.MeasureAsync(municipality, hours, "2025-03-01", 30m);
        // A disbenefit: extra cost of 20,000 for the municipality itself.
        var cost = (await BenefitsApiTests.CreateAsync(municipality, BenefitsApiTests.Saving(initiative, m, baseline: 0, target: -50_000,
            kind: "AvoidedCost", disbenefit: true))).GetProperty("benefit").GetProperty("id").GetInt32();
        await BenefitsApiTests.MeasureAsync(municipality, cost, "2025-05-01", -20_000m);
        // Quality in another unit is never added to money or hours.
        var quality = await municipality.Http.PostAsJsonAsync("/api/v1/benefits", new { initiativeId = initiative, description = "Tilfredshet", kind = "UserSatisfaction",
            unit = "skår 1–6", direction = "HigherIsBetter", baselineValue = 3, baselineDate = "2025-01-01", targetValue = 5, targetDate = "2026-12-31", beneficiaryOrganizationId = h });
        await BenefitsApiTests.MeasureAsync(municipality, (await quality.ReadJsonAsync()).GetProperty("benefit").GetProperty("id").GetInt32(), "2025-06-01", 4m);

        var all = await (await Clients.Anonymous(app).GetAsync("/api/v1/insights/flows?county=55")).ReadJsonAsync();
        Assert.Equal(700_000m, Row(all.GetProperty("investors"), $"org:{m}").GetProperty("nok").GetDecimal());
        Assert.Equal(400_000m, Row(all.GetProperty("investors"), $"org:{s}").GetProperty("nok").GetDecimal());
        Assert.Equal(1_100_000m, all.GetProperty("totalInvestedNok").GetDecimal());
        var hospital = Row(all.GetProperty("receivers"), $"org:{h}");
        Assert.Equal(600_000m, hospital.GetProperty("gainsNok").GetDecimal());
        Assert.Equal(0m, hospital.GetProperty("gainsHours").GetDecimal());
        Assert.Equal(10m, Row(all.GetProperty("receivers"), "group:Citizens").GetProperty("gainsHours").GetDecimal());
        Assert.Equal(-20_000m, Row(all.GetProperty("receivers"), $"org:{m}").GetProperty("disbenefitsNok").GetDecimal());
        Assert.Equal(600_000m, all.GetProperty("totalGainsNok").GetDecimal());
        // 7/11 and 4/11 of 600,000.
        Assert.Equal(381_818.18m, Flow(all.GetProperty("flows"), $"org:{m}", $"org:{h}").GetProperty("gainsNok").GetDecimal());
        Assert.Equal(218_181.82m, Flow(all.GetProperty("flows"), $"org:{s}", $"org:{h}").GetProperty("gainsNok").GetDecimal());
        Assert.Equal(1, all.GetProperty("initiatives").GetInt32());
        Assert.Equal(1, all.GetProperty("crossOrganizationGains").GetInt32());

        var year = await (await Clients.Anonymous(app).GetAsync("/api/v1/insights/flows?county=55&fromYear=2025&toYear=2025")).ReadJsonAsync();
        Assert.Equal(600_000m, Row(year.GetProperty("investors"), $"org:{m}").GetProperty("nok").GetDecimal());
        Assert.Equal(500_000m, Row(year.GetProperty("receivers"), $"org:{h}").GetProperty("gainsNok").GetDecimal());
        Assert.Equal(300_000m, Flow(year.GetProperty("flows"), $"org:{m}", $"org:{h}").GetProperty("gainsNok").GetDecimal());
        Assert.Equal(200_000m, Flow(year.GetProperty("flows"), $"org:{s}", $"org:{h}").GetProperty("gainsNok").GetDecimal());
        Assert.Equal(6m, Flow(year.GetProperty("flows"), $"org:{m}", "group:Citizens").GetProperty("gainsHours").GetDecimal());
        Assert.Equal(4m, Flow(year.GetProperty("flows"), $"org:{s}", "group:Citizens").GetProperty("gainsHours").GetDecimal());

        var levels = await (await Clients.Anonymous(app).GetAsync("/api/v1/insights/flows?county=55&fromYear=2025&toYear=2025&view=Level")).ReadJsonAsync();
        Assert.Equal(600_000m, Row(levels.GetProperty("investors"), "level:Municipality").GetProperty("nok").GetDecimal());
        Assert.Equal(500_000m, Row(levels.GetProperty("receivers"), "level:State").GetProperty("gainsNok").GetDecimal());
        Assert.Equal(10m, Row(levels.GetProperty("receivers"), "level:Citizens").GetProperty("gainsHours").GetDecimal());
        Assert.Equal(200_000m, Flow(levels.GetProperty("flows"), "level:State", "level:State").GetProperty("gainsNok").GetDecimal());

        // Nothing outside the filter: another county has none of it.
        var elsewhere = await (await Clients.Anonymous(app).GetAsync("/api/v1/insights/flows?county=56")).ReadJsonAsync();
        Assert.DoesNotContain(elsewhere.GetProperty("investors").EnumerateArray(), r => r.GetProperty("party").GetProperty("key").GetString() == $"org:{m}");

        // Each organisation's own figures: the hospital gained from others' work, the municipality invested and bore a cost.
        var hospitalGains = await (await Clients.Anonymous(app).GetAsync($"/api/v1/organizations/{h}/gains")).ReadJsonAsync();
        Assert.Equal(600_000m, hospitalGains.GetProperty("gainsFromOthersNok").GetDecimal());
        Assert.Equal(0m, hospitalGains.GetProperty("ownGainsNok").GetDecimal());
        var municipalityGains = await (await Clients.Anonymous(app).GetAsync($"/api/v1/organizations/{m}/gains")).ReadJsonAsync();
        Assert.Equal(700_000m, municipalityGains.GetProperty("investedNok").GetDecimal());
        Assert.Equal(-20_000m, municipalityGains.GetProperty("ownGainsNok").GetDecimal());

        var csv = await (await Clients.Anonymous(app).GetAsync("/api/v1/insights/flows/flows.csv?county=55")).Content.ReadAsStringAsync();

        // The national figures are cached, but a new measurement shows at once.
        await BenefitsApiTests.MeasureAsync(hospitalUser, saving, "2025-09-30", 650_000m);
        var after = await (await Clients.Anonymous(app).GetAsync("/api/v1/insights/flows?county=55")).ReadJsonAsync();
        Assert.Equal(650_000m, Row(after.GetProperty("receivers"), $"org:{h}").GetProperty("gainsNok").GetDecimal());
        Assert.Contains(";381818,18;", csv);
        Assert.Equal(HttpStatusCode.NotFound, (await Clients.Anonymous(app).GetAsync("/api/v1/insights/flows/nonsense.csv")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task EachInitiativesGains_AreSharedByItsOwnMoney_AndGoToItsOwnerWhereThereIsNone(string provider)
    {
        // Kristiansund (county 15), which no other test uses: three initiatives of one owner, money in one of them only.
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app, "kristiansund");
        var k = await owner.CreateOrganizationAsync(TestData.Organization(municipality: "1505"));
        var partner = await Clients.NewApiUserAsync(app, "partner");
        var p = await partner.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StateAgency, municipality: null));
        var hospitalUser = await Clients.NewApiUserAsync(app, "hospital");
        var h = await hospitalUser.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StateAgency, municipality: null));
        async Task<int> Initiative()
        {
            var id = (await owner.CreateInitiativeAsync(k)).GetProperty("id").GetInt32();
            await owner.PublishInitiativeAsync(id);
            return id;
        }
        async Task Invest(int initiative, int org, object amount) => Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync("/api/v1/investments",
            new Dictionary<string, object> { ["initiativeId"] = initiative, ["organizationId"] = org, ["year"] = 2025 }.Concat(
                amount is int hours ? [new("personHours", hours)] : [new KeyValuePair<string, object>("amountNok", amount)]).ToDictionary())).StatusCode);
        async Task Gain(int initiative, decimal nok) => await BenefitsApiTests.MeasureAsync(hospitalUser,
            (await BenefitsApiTests.CreateAsync(owner, BenefitsApiTests.Saving(initiative, h))).GetProperty("benefit").GetProperty("id").GetInt32(), "2025-06-30", nok);

        var shared = await Initiative(); // money from the owner and the partner: its gains are shared 1 : 3
        await Invest(shared, k, 100_000m);
        await Invest(shared, p, 300_000m);
        await Gain(shared, 400_000m);
        var hoursOnly = await Initiative(); // the partner's hours but no money: its gains are the owner's
        await Invest(hoursOnly, p, 500);
        await Gain(hoursOnly, 50_000m);
        var none = await Initiative(); // nothing invested: citizens' hours are the owner's
        var citizens = (await BenefitsApiTests.CreateAsync(owner, BenefitsApiTests.Saving(none, null, "Citizens", baseline: 40, target: 20,
            kind: "TimeSaved", direction: "LowerIsBetter"))).GetProperty("benefit").GetProperty("id").GetInt32();
        await BenefitsApiTests.MeasureAsync(owner, citizens, "2025-03-01", 30m);

        var all = await (await Clients.Anonymous(app).GetAsync("/api/v1/insights/flows?county=15")).ReadJsonAsync();
        Assert.Equal(100_000m + 50_000m, Flow(all.GetProperty("flows"), $"org:{k}", $"org:{h}").GetProperty("gainsNok").GetDecimal());
        Assert.Equal(300_000m, Flow(all.GetProperty("flows"), $"org:{p}", $"org:{h}").GetProperty("gainsNok").GetDecimal());
        Assert.Equal(10m, Flow(all.GetProperty("flows"), $"org:{k}", "group:Citizens").GetProperty("gainsHours").GetDecimal());
        Assert.Equal(3, all.GetProperty("flowCount").GetInt32());
        Assert.Equal(450_000m, Row(all.GetProperty("receivers"), $"org:{h}").GetProperty("gainsNok").GetDecimal());
        var partnerRow = Row(all.GetProperty("investors"), $"org:{p}");
        Assert.Equal((300_000m, 500m), (partnerRow.GetProperty("nok").GetDecimal(), partnerRow.GetProperty("hours").GetDecimal()));
        Assert.Equal(400_000m, all.GetProperty("totalInvestedNok").GetDecimal());
        Assert.Equal(3, all.GetProperty("initiatives").GetInt32());
        Assert.Equal(3, all.GetProperty("crossOrganizationGains").GetInt32());

        // By kind of organisation: the state agency's share and the municipality's, whatever the organisation.
        var kinds = await (await Clients.Anonymous(app).GetAsync("/api/v1/insights/flows?county=15&view=OrganizationKind")).ReadJsonAsync();
        Assert.Equal(150_000m, Flow(kinds.GetProperty("flows"), "kind:Municipality", "kind:StateAgency").GetProperty("gainsNok").GetDecimal());
        Assert.Equal(300_000m, Flow(kinds.GetProperty("flows"), "kind:StateAgency", "kind:StateAgency").GetProperty("gainsNok").GetDecimal());
    }
}
