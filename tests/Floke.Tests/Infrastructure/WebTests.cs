using System.Net;
using Floke.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>An API address the routes refuse (an id that is not a number, a path that does not exist, a method the
    /// address does not take) and a request without a token answer problem details titled in the reader's language, like
    /// the app's own answers — not the framework's English "Not Found".</summary>
    [Theory]
    [InlineData(null, "Fant ikke ressursen.", "Du må logge inn.", "Denne adressen tar ikke imot denne metoden.")]
    [InlineData("en", "The resource was not found.", "You must sign in.", "This address does not accept this method.")]
    public async Task RefusedApiAddresses_AnswerProblemDetails_InTheReadersLanguage(string? language, string notFound, string signIn, string notAllowed)
    {
        var http = Clients.Anonymous(apps["sqlite"]);
        async Task<(HttpStatusCode Status, string? Type, string? Title)> AskAsync(HttpMethod method, string path)
        {
            using var request = new HttpRequestMessage(method, path);
            if (language is not null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }
            var response = await http.SendAsync(request);
            var body = await response.ReadJsonAsync();
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body.GetProperty("title").GetString());
        }

        // The app's own answer for an id that does not exist, and the routes' for addresses that cannot.
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json", notFound), await AskAsync(HttpMethod.Get, "/api/v1/initiatives/99999999"));
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json", notFound), await AskAsync(HttpMethod.Get, "/api/v1/initiatives/abc"));
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json", notFound), await AskAsync(HttpMethod.Get, "/api/v1/no-such-collection"));
        Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json", signIn), await AskAsync(HttpMethod.Get, "/api/v1/proposals"));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "application/problem+json", notAllowed), await AskAsync(HttpMethod.Delete, "/api/v1/needs"));
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
        // A county filter says what it reads: two digits.
        var county = paths.GetProperty("/api/v1/initiatives").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "county");
        Assert.Equal("^[0-9]{2}$", county.GetProperty("schema").GetProperty("pattern").GetString());
        // Query parameters are named as they are read and as problem details name them: camelCase, on every operation.
        var names = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).Where(o => o.Value.TryGetProperty("parameters", out _))
            .SelectMany(o => o.Value.GetProperty("parameters").EnumerateArray()).Select(p => p.GetProperty("name").GetString()!).Distinct().ToList();
        Assert.Contains("organizationKind", names);
        Assert.DoesNotContain(names, n => char.IsUpper(n[0]));
        var docs = await http.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    /// <summary>Every API and open-data endpoint the app maps is in the document, with an operationId, a description and the
    /// problem details it answers errors with; and Spectral's OAS rules find nothing, not even a warning.</summary>
    [Fact]
    public async Task OpenApi_IsComplete_AndLintsClean()
    {
        var app = apps["sqlite"];
        var json = await Clients.Anonymous(app).GetStringAsync("/openapi/v1.json");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths");
        var mapped = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/api/v1", StringComparison.Ordinal) || raw.StartsWith("/open-data/", StringComparison.Ordinal)))
            .Select(e => System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimEnd('/'), @"\{(\w+)(:[^}]*)?\}", "{$1}"))
            .Distinct().ToList();
        Assert.NotEmpty(mapped);
        foreach (var route in mapped)
        {
            Assert.True(paths.TryGetProperty(route, out _), $"{route} is mapped but missing from the OpenAPI document");
        }
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
            {
                var where = $"{operation.Name} {path.Name}";
                Assert.True(operation.Value.TryGetProperty("operationId", out _), $"{where} has no operationId");
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("description").GetString()), $"{where} has no description");
                var errors = operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')).ToList();
                Assert.True(errors.Count > 0, $"{where} declares no error response");
            }
        }

        var (exit, output) = await NodeTool.RunAsync("openapi", json, ".json", "node_modules/@stoplight/spectral-cli/dist/index.js", "lint", "{file}",
            "--ruleset", ".spectral.yaml", "--fail-severity", "hint");
        Assert.True(exit == 0, $"Spectral found problems:\n{output}");
    }

    [Fact]
    public async Task UnknownPage_ReadableNotFoundPage()
    {
        var response = await Clients.Anonymous(apps["sqlite"]).GetAsync("/finnes-ikke");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Fant ikke siden", await response.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AnAnonymousVisitorsPages_CarryNoAntiforgeryToken_AndTheLanguageSwitchWorksWithout(string provider)
    {
        var client = Clients.Anonymous(apps[provider]);
        foreach (var url in new[] { "/", "/needs", "/initiatives", "/calls", "/search?q=skole" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies), $"{url} set {string.Join("; ", cookies ?? [])}");
            Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
        }
        var switched = await client.PostAsync("/language", new FormUrlEncodedContent([new("culture", "en"), new("returnUrl", "/needs")]));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) && c.Contains("en", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LanguageSwitch_RefusesToRedirectElsewhere()
    {
        var pages = Clients.Pages(apps["sqlite"]);
        var response = await pages.SubmitAsync("/", [new("culture", "en"), new("returnUrl", "//evil.example/")], action: "/language");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ListPages_NameAnAddressValueTheyCouldNotRead()
    {
        var pages = Clients.Pages(apps["sqlite"]);
        foreach (var url in new[] { "/initiatives?stage=Nope", "/needs?sector=7x", "/experiments?page=two", "/insights?fromYear=last",
            "/initiatives?county=3", "/insights?county=Oslo", "/insights/flows?county=abc", "/organizations?county=003", "/search?county=4" })
        {
            var warning = (await pages.GetDocumentAsync(url)).QuerySelector("#unread-query");
            var (name, value) = (url[(url.IndexOf('?') + 1)..url.IndexOf('=')], url[(url.IndexOf('=') + 1)..]);
            Assert.True(warning is not null, $"{url} said nothing of the value it dropped");
            Assert.Contains($"«{value}» som verdi for «{name}»", warning!.TextContent);
        }
        // "page" is also the route value naming a Razor page: every paged page binds it from the query.
        foreach (var url in new[] { "/initiatives?stage=idea&page=2", "/needs?page=2", "/experiments?page=2", "/barriers?page=2", "/calls?page=2",
            "/lessons?page=2", "/organizations?page=2", "/search?q=skole&page=2",
            // A filter form's "all" option sends the name with no value.
            "/initiatives?county=&stage=", "/insights?county=", "/insights/flows?county=", "/organizations?county=", "/search?q=skole&county=" })
        {
            Assert.Null((await pages.GetDocumentAsync(url)).QuerySelector("#unread-query")?.TextContent.Trim());
        }
        // A name the page does not bind is not a filter it dropped.
        Assert.Null((await pages.GetDocumentAsync("/initiatives?utm_source=x")).QuerySelector("#unread-query"));
    }

    [Fact]
    public async Task AReversedPeriod_IsNamedAboveThePage_AndRefusedByTheApi()
    {
        var app = apps["sqlite"];
        const string Norwegian = "«Til år» (2020) er før «Fra år» (2030), så perioden er tom. Velg et til-år som er det samme som fra-året eller senere.";
        const string English = "“To year” (2020) is before “From year” (2030), so the period is empty. Choose a to-year that is the same as the from-year or later.";
        var owner = await Clients.NewApiUserAsync(app, "period");
        var org = await owner.CreateOrganizationAsync();
        var member = await Clients.SignedInPagesAsync(app, owner);
        var anonymous = Clients.Pages(app);
        var reversed = new[] { "/insights?fromYear=2030&toYear=2020", "/insights/flows?fromYear=2030&toYear=2020", $"/organizations/{org}/insights?fromYear=2030&toYear=2020" };
        foreach (var url in reversed)
        {
            var page = await (url.StartsWith("/organizations", StringComparison.Ordinal) ? member : anonymous).GetDocumentAsync(url);
            Assert.Equal(Norwegian, page.QuerySelector("#unread-query #reversed-period")?.TextContent);
        }
        await anonymous.SubmitAsync("/", [new("culture", "en"), new("returnUrl", "/")], action: "/language");
        Assert.Equal(English, (await anonymous.GetDocumentAsync(reversed[1])).QuerySelector("#reversed-period")?.TextContent);
        // One year, or one end only, is a period.
        foreach (var url in new[] { "/insights?fromYear=2020&toYear=2020", "/insights/flows?fromYear=2030", "/insights?toYear=2020" })
        {
            Assert.Null((await anonymous.GetDocumentAsync(url)).QuerySelector("#unread-query"));
        }

        // The API: 400 naming toYear, in the reader's language; the same years the right way round are answered.
        var api = new[] { "/api/v1/insights", "/api/v1/insights/stages.csv", "/api/v1/insights/flows", "/api/v1/insights/flows/investors.csv", $"/api/v1/organizations/{org}/insights" };
        foreach (var (path, language, message) in api.SelectMany(p => new[] { (p, "nb", Norwegian), (p, "en", English) }))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path + "?fromYear=2030&toYear=2020");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await owner.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(message, (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("toYear")[0].GetString());
            Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync(path + "?fromYear=2020&toYear=2030")).StatusCode);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Paging_PageTwoOfAList_ShowsWhatPageOneDoesNot(string provider)
    {
        var app = apps[provider];
        var token = TestData.Word('g');
        var owner = await Clients.NewApiUserAsync(app, "paging");
        var org = await owner.CreateOrganizationAsync();
        var needs = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            var need = await owner.CreatePublishedNeedAsync(org, $"Søknad {token} nummer {i}");
            needs.Add(need);
        }
        var pages = Clients.Pages(app);
        int[] Shown(AngleSharp.Html.Dom.IHtmlDocument doc) => [.. needs.Where(n => doc.QuerySelector($"a[href='/needs/{n}']") is not null)];
        foreach (var list in new[] { $"/needs?q={token}", $"/search?q={token}" })
        {
            var first = await pages.GetDocumentAsync(list);
            var second = await pages.GetDocumentAsync(list + "&page=2");
            Assert.Equal(20, Shown(first).Length);
            Assert.Equal(needs.Except(Shown(first)), Shown(second));
            Assert.Equal("Side 2 av 2", second.QuerySelector(".ds-pagination [aria-current=page]")!.TextContent.Trim());
            Assert.Null(second.QuerySelector("#unread-query"));
            // A page far past the end (its offset beyond what an int holds) is empty, not the first page again or an error.
            Assert.Empty(Shown(await pages.GetDocumentAsync(list + $"&page={int.MaxValue}")));
        }
        var api = await (await Clients.Anonymous(app).GetAsync($"/api/v1/needs?q={token}&page={int.MaxValue}&pageSize=100")).ReadJsonAsync();
        Assert.Equal(0, api.GetProperty("items").GetArrayLength());
        Assert.Equal(21, api.GetProperty("total").GetInt32());
    }

    [Fact]
    public void NoPageBindsARouteValuesName_FromTheQuery()
    {
        // Razor Pages put "page" (the page's path) and "handler" among the route values, which model binding reads before
        // the query: a property bound as "page" through [BindProperty] got the path, failed, and stayed on page 1.
        var pages = typeof(Program).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)));
        var clashing = pages.SelectMany(t => t.GetProperties().Select(p => (Page: t, Property: p)))
            .Where(x => x.Property.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), true)
                .Cast<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>()
                .Any(b => (b.Name ?? x.Property.Name).ToLowerInvariant() is "page" or "handler"))
            .Select(x => $"{x.Page.Name}.{x.Property.Name}").ToList();
        Assert.Empty(clashing);
        Assert.NotEmpty(pages);
    }

    [Fact]
    public async Task EveryLinkFromTheHomePage_Answers_WithoutAnErrorOrADroppedFilter()
    {
        // What a visitor can reach by following links (breadth first, up to 250 pages): every one answers, none with a
        // server error or a 404 for something a page linked to, and none says it could not read its own address.
        var app = apps["sqlite"];
        var owner = await Clients.NewApiUserAsync(app, "crawl");
        var org = await owner.CreateOrganizationAsync();
        var need = await owner.CreatePublishedNeedAsync(org, "Lenkesjekk for besøkende");
        var http = Clients.Anonymous(app);
        var seen = new HashSet<string>();
        var queue = new Queue<string>(["/"]);
        var wrong = new List<string>();
        while (queue.Count > 0 && seen.Count < 250)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }
            var response = await http.GetAsync(url);
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.NotFound)
            {
                wrong.Add($"{url} answered {(int)response.StatusCode}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html" || response.StatusCode != HttpStatusCode.OK)
            {
                continue; // a download, or a redirect to sign in
            }
            var doc = await PageClient.ParseAsync(response);
            if (doc.QuerySelector("#unread-query") is not null)
            {
                wrong.Add($"{url} could not read its own address");
            }
            foreach (var href in doc.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!))
            {
                if (!href.StartsWith("/open-data/", StringComparison.Ordinal) && !seen.Contains(href))
                {
                    queue.Enqueue(href);
                }
            }
        }
        Assert.Empty(wrong);
        Assert.Empty(new[] { "/needs", "/initiatives", "/experiments", "/barriers", "/calls", "/insights", $"/needs/{need}" }.Except(seen));
    }
}
