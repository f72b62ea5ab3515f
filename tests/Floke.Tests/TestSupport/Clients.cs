using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Floke.Tests.TestSupport;

/// <summary>An API client signed in with a bearer token from /api/v1/account/login.</summary>
public sealed record ApiUser(HttpClient Http, string Email, string UserId);

/// <summary>A browser-like client: keeps cookies, does not follow redirects, posts forms with their antiforgery token.</summary>
public sealed class PageClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>Opens the page at <paramref name="formPage"/>, fills the form that posts to <paramref name="action"/> (or the
    /// page's own form) with its hidden fields (antiforgery token, version) plus <paramref name="fields"/>, and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string formPage, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var doc = await GetDocumentAsync(formPage);
        // Without an action: the page's own form (no action attribute). With one: the form posting exactly there.
        var form = doc.Forms.FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
                && (action is null ? string.IsNullOrEmpty(f.GetAttribute("action")) : f.GetAttribute("action") == action))
            ?? throw new InvalidOperationException($"No form{(action is null ? "" : $" posting to {action}")} on {formPage}");
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>()
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        var overridden = fields.Select(f => f.Key).ToHashSet();
        values = [.. values.Where(v => !overridden.Contains(v.Key)), .. fields];
        var target = form.GetAttribute("action") is { Length: > 0 } a ? a : formPage;
        return await Http.PostAsync(target, new FormUrlEncodedContent(values));
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
}

public static class Clients
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PageClient Pages(FlokeApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A browser-like client signed in as <paramref name="user"/> through the sign-in page.</summary>
    public static async Task<PageClient> SignedInPagesAsync(FlokeApp app, ApiUser user)
    {
        var pages = Pages(app);
        await pages.SubmitAsync("/account/login", [new("Input.Email", user.Email), new("Input.Password", TestData.Password)]);
        return pages;
    }

    public static HttpClient Anonymous(FlokeApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Registers a new account through the API and signs it in with a bearer token.</summary>
    public static async Task<ApiUser> NewApiUserAsync(FlokeApp app, string who = "user")
    {
        var email = TestData.Email(who);
        var http = Anonymous(app);
        var register = await http.PostAsJsonAsync("/api/v1/account/register", new { email, password = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        return await SignInAsync(app, email, TestData.Password);
    }

    public static async Task<ApiUser> SignInAsync(FlokeApp app, string email, string password)
    {
        var http = Anonymous(app);
        var login = await http.PostAsJsonAsync("/api/v1/account/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var info = await http.GetFromJsonAsync<JsonElement>("/api/v1/account/manage/info");
        await using var scope = app.Scope();
        var id = app.Db(scope).Users.Single(u => u.Email == email).Id;
        Assert.Equal(email, info.GetProperty("email").GetString());
        return new ApiUser(http, email, id);
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);

    /// <summary>Creates an organisation through the API; the user becomes its administrator.</summary>
    public static async Task<int> CreateOrganizationAsync(this ApiUser user, object? body = null)
    {
        var response = await user.Http.PostAsJsonAsync("/api/v1/organizations", body ?? TestData.Organization());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt32();
    }

    /// <summary>The user asks to join; the administrator approves with the role.</summary>
    public static async Task JoinAsync(this ApiUser user, int organizationId, ApiUser admin, string role = "Member")
    {
        var join = await user.Http.PostAsync($"/api/v1/organizations/{organizationId}/memberships", null);
        Assert.Equal(HttpStatusCode.Created, join.StatusCode);
        var membershipId = (await join.ReadJsonAsync()).GetProperty("id").GetInt32();
        var decide = await admin.Http.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/memberships/{membershipId}/decision", new { approve = true, role });
        Assert.Equal(HttpStatusCode.OK, decide.StatusCode);
    }

    public static async Task<JsonElement> CreateNeedAsync(this ApiUser user, int organizationId, string? title = null)
    {
        var response = await user.Http.PostAsJsonAsync("/api/v1/needs", TestData.Need(organizationId, title));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task PublishAsync(this ApiUser user, int needId)
    {
        var response = await user.Http.PostAsJsonAsync($"/api/v1/needs/{needId}/status", new { status = "Published" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A need created and published by <paramref name="user"/>; its id.</summary>
    public static async Task<int> CreatePublishedNeedAsync(this ApiUser user, int organizationId, string? title = null)
    {
        var id = (await user.CreateNeedAsync(organizationId, title)).GetProperty("id").GetInt32();
        await user.PublishAsync(id);
        return id;
    }

    public static async Task PublishInitiativeAsync(this ApiUser user, int initiativeId)
    {
        var response = await user.Http.PostAsJsonAsync($"/api/v1/initiatives/{initiativeId}/visibility", new { visibility = "Published" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<JsonElement> CreateInitiativeAsync(this ApiUser user, int organizationId, string? title = null, int[]? needIds = null)
    {
        var response = await user.Http.PostAsJsonAsync("/api/v1/initiatives", TestData.Initiative(organizationId, title, needIds));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
