using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.Barriers;

[Collection("app")]
public class BarriersApiTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    private static async Task<(ApiUser Owner, int Initiative)> PublishedInitiativeAsync(FlokeApp app)
    {
        var owner = await Clients.NewApiUserAsync(app, "owner");
        var id = (await owner.CreateInitiativeAsync(await owner.CreateOrganizationAsync())).GetProperty("id").GetInt32();
        await owner.PublishInitiativeAsync(id);
        return (owner, id);
    }

    private static async Task<JsonElement> ReportAsync(ApiUser user, int initiative, string rule, int? responsible, string section = "§ 13")
    {
        var response = await user.Http.PostAsJsonAsync("/api/v1/barriers", new
        {
            initiativeId = initiative, rule, section, kind = "Law",
            description = "Taushetsplikten hindrer at kommunen og Nav deler opplysninger om den unge.", responsibleOrganizationId = responsible,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Report_ThenTheResponsibleBodyResolves_StepsOnRecord(string provider)
    {
        var app = apps[provider];
        var (owner, initiative) = await PublishedInitiativeAsync(app);
        var ministry = await Clients.NewApiUserAsync(app, "ministry");
        var ministryOrg = await ministry.CreateOrganizationAsync(TestData.Organization(kind: Floke.Web.Core.Organizations.OrganizationKind.StateAgency, municipality: null));

        var invalid = await owner.Http.PostAsJsonAsync("/api/v1/barriers", new { initiativeId = initiative, rule = "", kind = "Nonsense" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var barrier = await ReportAsync(owner, initiative, "forvaltningsloven", ministryOrg);
        var id = barrier.GetProperty("id").GetInt32();
        Assert.Equal("Reported", barrier.GetProperty("status").GetString());

        // The reporter cannot resolve their own barrier; the responsible body can.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.PostAsJsonAsync($"/api/v1/barriers/{id}/steps", new { status = "Resolved", resolution = "Clarification", note = "Løst" })).StatusCode);
        var noResolution = await ministry.Http.PostAsJsonAsync($"/api/v1/barriers/{id}/steps", new { status = "Resolved", note = "Løst" });
        Assert.True((await noResolution.ReadJsonAsync()).GetProperty("errors").TryGetProperty("resolution", out _));

        var review = await ministry.Http.PostAsJsonAsync($"/api/v1/barriers/{id}/steps", new { status = "UnderReview", note = "Vi ser på saken", date = "2026-11-01" });
        Assert.Equal("UnderReview", (await review.ReadJsonAsync()).GetProperty("status").GetString());
        var resolved = await (await ministry.Http.PostAsJsonAsync($"/api/v1/barriers/{id}/steps", new { status = "Resolved", resolution = "Exemption", note = "Unntak gitt" })).ReadJsonAsync();
        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("Exemption", resolved.GetProperty("resolution").GetString());
        var steps = resolved.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(2, steps.Count);
        Assert.Equal("2026-11-01", steps[0].GetProperty("date").GetString());

        var back = await ministry.Http.PostAsJsonAsync($"/api/v1/barriers/{id}/steps", new { status = "UnderReview", note = "Igjen" });
        Assert.True((await back.ReadJsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Register_CountsByRuleAndResponsible_OverVisibleBarriersOnly(string provider)
    {
        var app = apps[provider];
        var (owner, initiative) = await PublishedInitiativeAsync(app);
        var (owner2, initiative2) = await PublishedInitiativeAsync(app);
        var ministry = await Clients.NewApiUserAsync(app, "ministry");
        var ministryOrg = await ministry.CreateOrganizationAsync(TestData.Organization(kind: Floke.Web.Core.Organizations.OrganizationKind.StateAgency, municipality: null));
        var rule = $"Testloven {TestData.Token()}";
        await ReportAsync(owner, initiative, rule, ministryOrg);
        await ReportAsync(owner, initiative, "  " + rule.ToUpperInvariant() + " ", ministryOrg, "§ 2"); // same rule, written differently
        var third = (await ReportAsync(owner2, initiative2, rule, ministryOrg)).GetProperty("id").GetInt32();
        await ministry.Http.PostAsJsonAsync($"/api/v1/barriers/{third}/steps", new { status = "Resolved", resolution = "RuleChange", note = "Endret" });
        // A draft initiative's barrier is not counted for the public.
        var draftOwner = await Clients.NewApiUserAsync(app);
        var draft = (await draftOwner.CreateInitiativeAsync(await draftOwner.CreateOrganizationAsync())).GetProperty("id").GetInt32();
        await ReportAsync(draftOwner, draft, rule, ministryOrg);

        var register = await (await Clients.Anonymous(app).GetAsync("/api/v1/barriers/register")).ReadJsonAsync();
        var byRule = register.GetProperty("byRule").EnumerateArray().Single(r => r.GetProperty("key").GetString() == rule.ToLowerInvariant());
        Assert.Equal(3, byRule.GetProperty("barriers").GetInt32());
        Assert.Equal(2, byRule.GetProperty("open").GetInt32());
        Assert.Equal(1, byRule.GetProperty("resolved").GetInt32());
        Assert.Equal(2, byRule.GetProperty("initiatives").GetInt32());
        var byMinistry = register.GetProperty("byResponsible").EnumerateArray().Single(r => r.GetProperty("organizationId").GetInt32() == ministryOrg);
        Assert.Equal(3, byMinistry.GetProperty("barriers").GetInt32());

        // The draft's own members see their barrier counted too.
        var theirs = await (await draftOwner.Http.GetAsync("/api/v1/barriers/register")).ReadJsonAsync();
        Assert.Equal(4, theirs.GetProperty("byRule").EnumerateArray().Single(r => r.GetProperty("key").GetString() == rule.ToLowerInvariant()).GetProperty("barriers").GetInt32());
        Assert.Contains(rule, await Clients.Anonymous(app).GetStringAsync("/barriers"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Report_OnlyByTheInitiativesParticipants(string provider)
    {
        var app = apps[provider];
        var (_, initiative) = await PublishedInitiativeAsync(app);
        var outsider = await Clients.NewApiUserAsync(app);
        await outsider.CreateOrganizationAsync();
        var response = await outsider.Http.PostAsJsonAsync("/api/v1/barriers", new { initiativeId = initiative, rule = "plan- og bygningsloven", kind = "Law", description = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
