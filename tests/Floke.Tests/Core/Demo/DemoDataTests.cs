using Floke.Tests.TestSupport;

namespace Floke.Tests.Core.Demo;

/// <summary>The demo data a new user sees on first start loads on both databases and shows every stage, legal basis
/// and barrier status, all marked as demo.</summary>
public class DemoDataTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task EmptyDatabase_GetsACompleteDemo(string provider)
    {
        await using var app = new FlokeApp(provider, new() { ["Floke:Demo"] = "true" });
        var http = Clients.Anonymous(app);

        var initiatives = (await (await http.GetAsync("/api/v1/initiatives?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            new[] { "DevelopAndTest", "Explore", "Idea", "Implement", "Spread", "Stopped" },
            initiatives.Select(i => i.GetProperty("stage").GetString()!).Distinct().Order().ToArray());
        Assert.All(initiatives, i => Assert.True(i.GetProperty("isDemo").GetBoolean()));

        var experiments = (await (await http.GetAsync("/api/v1/experiments?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, experiments.Select(e => e.GetProperty("legalBasis").GetString()).Distinct().Count());
        Assert.Equal(3, experiments.Select(e => e.GetProperty("status").GetString()).Distinct().Count());

        var barriers = (await (await http.GetAsync("/api/v1/barriers?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, barriers.Select(b => b.GetProperty("status").GetString()).Distinct().Count());
        var register = await (await http.GetAsync("/api/v1/barriers/register")).ReadJsonAsync();
        Assert.Equal(2, register.GetProperty("byRule")[0].GetProperty("barriers").GetInt32()); // "forvaltningsloven" twice, written two ways

        var benefits = (await (await http.GetAsync("/api/v1/benefits?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { "Behind", "Exceeded", "NotStarted", "OnTrack" },
            benefits.Select(b => b.GetProperty("status").GetString()!).Distinct().Order().ToArray());
        Assert.Contains(benefits, b => b.GetProperty("isDisbenefit").GetBoolean());
        Assert.Contains(benefits, b => b.GetProperty("adoptionId").ValueKind == System.Text.Json.JsonValueKind.Number);
        var flows = await (await http.GetAsync("/api/v1/insights/flows")).ReadJsonAsync();
        Assert.True(flows.GetProperty("crossOrganizationGains").GetInt32() >= 1);
        Assert.Equal(4_800_000m, flows.GetProperty("totalInvestedNok").GetDecimal());
        var spread = await (await http.GetAsync("/api/v1/adoptions/spread")).ReadJsonAsync();
        Assert.Equal(4, spread.GetProperty("totals").GetProperty("adopted").GetInt32() + spread.GetProperty("totals").GetProperty("abandoned").GetInt32());
        Assert.Equal("Veiviser for tillatelser til serveringssteder", spread.GetProperty("mostAdopted")[0].GetProperty("title").GetString());

        var calls = (await (await http.GetAsync("/api/v1/calls?pageSize=100")).ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { "Awarded", "Cancelled", "Evaluating", "Open" }, calls.Select(c => c.GetProperty("phase").GetString()!).Order().ToArray());
        var awarded = await (await http.GetAsync($"/api/v1/calls/{calls.Single(c => c.GetProperty("phase").GetString() == "Awarded").GetProperty("id").GetInt32()}")).ReadJsonAsync();
        Assert.Equal("Timeplanstyrt skyss", awarded.GetProperty("award").GetProperty("proposalTitle").GetString());
        Assert.Equal(2, awarded.GetProperty("proposalCount").GetInt32());

        var needs = await (await http.GetAsync("/api/v1/needs")).ReadJsonAsync();
        Assert.Equal(4, needs.GetProperty("total").GetInt32()); // the fifth is a draft
        Assert.Contains("Demodata", await http.GetStringAsync("/"));
        // No accounts: nobody can sign in with a known password.
        await using var scope = app.Scope();
        Assert.Empty(app.Db(scope).Users);
    }
}
