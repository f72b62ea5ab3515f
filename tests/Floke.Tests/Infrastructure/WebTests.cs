using System.Net;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Infrastructure;

[Collection("app")]
public class WebTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Health_AnswersForLoadBalancers(string provider)
    {
        var response = await Clients.Anonymous(apps[provider]).GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_SendSecurityHeaders()
    {
        var response = await Clients.Anonymous(apps["sqlite"]).GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi_AndTheReaderIsServed()
    {
        var http = Clients.Anonymous(apps["sqlite"]);
        var doc = await (await http.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/organizations", "/api/v1/organizations/{id}", "/api/v1/needs", "/api/v1/needs/{id}", "/api/v1/account/login" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
        var docs = await http.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    [Fact]
    public async Task UnknownPage_ReadableNotFoundPage()
    {
        var response = await Clients.Anonymous(apps["sqlite"]).GetAsync("/finnes-ikke");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Fant ikke siden", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LanguageSwitch_RefusesToRedirectElsewhere()
    {
        var pages = Clients.Pages(apps["sqlite"]);
        var response = await pages.SubmitAsync("/", [new("culture", "en"), new("returnUrl", "//evil.example/")], action: "/language");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
