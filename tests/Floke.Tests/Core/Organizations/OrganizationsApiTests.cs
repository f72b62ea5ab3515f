using System.Net;
using System.Net.Http.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Core.Organizations;

[Collection("app")]
public class OrganizationsApiTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_ValidOrganization_CreatorBecomesAdministrator(string provider)
    {
        var app = apps[provider];
        var user = await Clients.NewApiUserAsync(app);
        var number = TestData.OrganizationNumber();
        var id = await user.CreateOrganizationAsync(TestData.Organization(number, "Eksempel kommune"));

        var org = await (await Clients.Anonymous(app).GetAsync($"/api/v1/organizations/{id}")).ReadJsonAsync();
        Assert.Equal("Eksempel kommune", org.GetProperty("name").GetString());
        Assert.Equal(number, org.GetProperty("organizationNumber").GetString());
        Assert.Equal("03", org.GetProperty("countyNumber").GetString()); // derived from municipality 0301
        Assert.False(org.GetProperty("isVerified").GetBoolean());

        var members = await (await user.Http.GetAsync($"/api/v1/organizations/{id}/memberships")).ReadJsonAsync();
        var me = Assert.Single(members.EnumerateArray());
        Assert.Equal("Administrator", me.GetProperty("role").GetString());
        Assert.Equal("Active", me.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("sqlite", "958935421")]
    [InlineData("postgres", "958935421")]
    [InlineData("sqlite", "12345678")]
    [InlineData("sqlite", "12345678A")]
    [InlineData("sqlite", "")]
    public async Task Create_InvalidNumber_ProblemNamesTheField(string provider, string number)
    {
        var app = apps[provider];
        var user = await Clients.NewApiUserAsync(app);
        var response = await user.Http.PostAsJsonAsync("/api/v1/organizations", TestData.Organization(number));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("organizationNumber", out var messages));
        Assert.Contains("Organisasjonsnummer", messages[0].GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_InEnglish_ErrorsInEnglish(string provider)
    {
        var app = apps[provider];
        var user = await Clients.NewApiUserAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organizations") { Content = JsonContent.Create(TestData.Organization("958935421")) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await user.Http.SendAsync(request)).ReadJsonAsync();
        Assert.StartsWith("The organisation number is not valid", problem.GetProperty("errors").GetProperty("organizationNumber")[0].GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_UnknownMunicipalityAndDuplicateNumber_Refused(string provider)
    {
        var app = apps[provider];
        var user = await Clients.NewApiUserAsync(app);
        var bad = await user.Http.PostAsJsonAsync("/api/v1/organizations", TestData.Organization(municipality: "9999"));
        var problem = await bad.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("municipalityNumber", out _));

        var number = TestData.OrganizationNumber();
        await user.CreateOrganizationAsync(TestData.Organization(number));
        var duplicate = await user.Http.PostAsJsonAsync("/api/v1/organizations", TestData.Organization(number));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await duplicate.ReadJsonAsync()).GetProperty("errors").TryGetProperty("organizationNumber", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_MissingNameAndOverlongFields_ProblemNamesEachField(string provider)
    {
        var user = await Clients.NewApiUserAsync(apps[provider]);
        var response = await user.Http.PostAsJsonAsync("/api/v1/organizations", new
        {
            name = "", organizationNumber = TestData.OrganizationNumber(), kind = "Company", description = new string('x', 2001), website = "ftp://x",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.True(errors.TryGetProperty("website", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_Anonymous_Unauthorized(string provider)
    {
        var response = await Clients.Anonymous(apps[provider]).PostAsJsonAsync("/api/v1/organizations", TestData.Organization());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task List_FiltersByKindAndCounty_AndPages(string provider)
    {
        var app = apps[provider];
        var user = await Clients.NewApiUserAsync(app);
        var token = TestData.Token();
        for (var i = 0; i < 3; i++)
        {
            await user.CreateOrganizationAsync(TestData.Organization(name: $"Filterkommune {token} {i}", municipality: "4601"));
        }
        await user.CreateOrganizationAsync(new { name = $"Filterselskap {token}", organizationNumber = TestData.OrganizationNumber(), kind = "StartUp" });

        var page1 = await (await Clients.Anonymous(app).GetAsync($"/api/v1/organizations?q={token}&kind=Municipality&county=46&pageSize=2")).ReadJsonAsync();
        Assert.Equal(3, page1.GetProperty("total").GetInt32());
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        var page2 = await (await Clients.Anonymous(app).GetAsync($"/api/v1/organizations?q={token}&kind=Municipality&county=46&pageSize=2&page=2")).ReadJsonAsync();
        Assert.Equal($"Filterkommune {token} 2", Assert.Single(page2.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task List_PageSizeAboveMaximum_IsCapped(string provider)
    {
        var page = await (await Clients.Anonymous(apps[provider]).GetAsync("/api/v1/organizations?pageSize=100000")).ReadJsonAsync();
        Assert.Equal(100, page.GetProperty("pageSize").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Get_UnknownId_ProblemDetails404(string provider)
    {
        var response = await Clients.Anonymous(apps[provider]).GetAsync("/api/v1/organizations/987654321");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.ReadJsonAsync()).GetProperty("status").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Update_ByAdministrator_Saves_ByMember_Forbidden_StaleVersion_Conflict(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app, "admin");
        var member = await Clients.NewApiUserAsync(app, "member");
        var number = TestData.OrganizationNumber();
        var id = await admin.CreateOrganizationAsync(TestData.Organization(number));
        await member.JoinAsync(id, admin);

        var update = new { version = 0, name = "Nytt navn kommune", organizationNumber = number, kind = "Municipality", municipalityNumber = "0301" };
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.PutAsJsonAsync($"/api/v1/organizations/{id}", update)).StatusCode);

        var saved = await admin.Http.PutAsJsonAsync($"/api/v1/organizations/{id}", update);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, (await saved.ReadJsonAsync()).GetProperty("version").GetInt32());

        var stale = await admin.Http.PutAsJsonAsync($"/api/v1/organizations/{id}", update with { name = "Et annet navn" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Nytt navn kommune", (await stale.ReadJsonAsync()).GetProperty("detail").GetString());
        var now = await (await Clients.Anonymous(app).GetAsync($"/api/v1/organizations/{id}")).ReadJsonAsync();
        Assert.Equal("Nytt navn kommune", now.GetProperty("name").GetString());
    }
}
