using System.Net;
using System.Net.Http.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.Needs;

/// <summary>The pages use the same handlers as the API; these tests check that they agree on rules and rights.</summary>
[Collection("app")]
public class NeedPagesTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    private static async Task<(PageClient Pages, int Org)> SignedInWithOrganizationAsync(FlokeApp app)
    {
        var pages = Clients.Pages(app);
        var email = TestData.Email();
        await pages.SubmitAsync("/account/register", [new("Input.DisplayName", "Ola Nordmann"), new("Input.Email", email), new("Input.Password", TestData.Password)]);
        var created = await pages.SubmitAsync("/organizations/new", [
            new("Input.Name", $"Sidekommune {TestData.Token()}"), new("Input.OrganizationNumber", TestData.OrganizationNumber()),
            new("Input.Kind", "Municipality"), new("Input.MunicipalityNumber", "4601")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return (pages, int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static KeyValuePair<string, string>[] NeedFields(int org, string title) =>
    [
        new("OwnerOrganizationId", org.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Title", title),
        new("Input.AffectedGroups", "Citizens"), new("Input.AffectedGroups", "Businesses"),
        new("Input.UserExperience", "Folk venter lenge på svar."), new("Input.Sectors", "Health"),
    ];

    [Theory, MemberData(nameof(Providers))]
    public async Task WriteAndPublish_ThenAnonymousFindsIt(string provider)
    {
        var app = apps[provider];
        var (pages, org) = await SignedInWithOrganizationAsync(app);
        var title = $"Pasienter mister oversikten {TestData.Token()}";
        var created = await pages.SubmitAsync("/needs/new", NeedFields(org, title));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;

        var anonymous = Clients.Anonymous(app);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1{url}")).StatusCode);

        var published = await pages.SubmitAsync(url, [new("status", "Published")], action: $"{url}?handler=Status");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = await anonymous.GetStringAsync(url);
        Assert.Contains(title, page);
        var list = await anonymous.GetStringAsync($"/needs?q={Uri.EscapeDataString(title)}");
        Assert.Contains(title, list);
        var api = await (await anonymous.GetAsync($"/api/v1{url}")).ReadJsonAsync();
        Assert.Equal(title, api.GetProperty("title").GetString());
        Assert.Equal(new[] { "Citizens", "Businesses" }, api.GetProperty("affectedGroups").EnumerateArray().Select(g => g.GetString()!).ToArray());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_InvalidInput_ShowsErrorsBesideFields_AndKeepsText(string provider)
    {
        var app = apps[provider];
        var (pages, org) = await SignedInWithOrganizationAsync(app);
        var response = await pages.SubmitAsync("/needs/new", [new("OwnerOrganizationId", org.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Title", "Kort"), new("Input.UserExperience", "Teksten jeg skrev skal ikke forsvinne")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await PageClient.ParseAsync(response);
        Assert.NotNull(doc.QuerySelector(".ds-error-summary"));
        Assert.Equal("true", doc.GetElementById("Input_Title")!.GetAttribute("aria-invalid"));
        Assert.Contains("Input_Title-error", doc.GetElementById("Input_Title")!.GetAttribute("aria-describedby"));
        Assert.Equal("true", doc.GetElementById("Input_AffectedGroups")!.GetAttribute("aria-invalid"));
        Assert.Equal("Teksten jeg skrev skal ikke forsvinne", doc.GetElementById("Input_UserExperience")!.TextContent);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Edit_AfterSomeoneElseSaved_ShowsTheirChange_OverwritesNothing(string provider)
    {
        var app = apps[provider];
        var (pages, org) = await SignedInWithOrganizationAsync(app);
        var created = await pages.SubmitAsync("/needs/new", NeedFields(org, "Opprinnelig tittel på behovet"));
        var url = created.Headers.Location!.OriginalString;
        var editForm = await pages.GetDocumentAsync($"{url}/edit"); // version 0 is in this form

        // Someone else saves first (same page, a second tab).
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SubmitAsync($"{url}/edit", [new("Input.Title", "Tittel fra kollegaen"), new("Input.AffectedGroups", "Citizens"), new("Input.UserExperience", "X")])).StatusCode);

        var token = editForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var stale = await pages.Http.PostAsync($"{url}/edit", new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("Version", "0"),
            new("Input.Title", "Min tittel som kom for sent"), new("Input.AffectedGroups", "Citizens"), new("Input.UserExperience", "Y")]));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var doc = await PageClient.ParseAsync(stale);
        var alert = doc.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Tittel fra kollegaen", alert);
        Assert.Contains("Ola Nordmann", alert);
        Assert.Equal("Min tittel som kom for sent", doc.GetElementById("Input_Title")!.GetAttribute("value"));
        Assert.Contains("Tittel fra kollegaen", await pages.Http.GetStringAsync(url));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Script_InEveryTextField_IsShownAsText(string provider)
    {
        var app = apps[provider];
        var (pages, org) = await SignedInWithOrganizationAsync(app);
        const string evil = "<script>alert('x')</script><b>fet</b>";
        var fields = NeedFields(org, "Tittel " + evil).Where(f => f.Key != "Input.UserExperience")
            .Append(new("Input.UserExperience", "Opplevelse " + evil)).Append(new("Input.CurrentSituation", "Situasjon " + evil)).ToArray();
        var created = await pages.SubmitAsync("/needs/new", fields);
        var url = created.Headers.Location!.OriginalString;
        var orgEdit = await pages.SubmitAsync($"/organizations/{org}/edit", [
            new("Input.Name", "Kommune " + evil), new("Input.OrganizationNumber", (await pages.GetDocumentAsync($"/organizations/{org}/edit")).GetElementById("Input_OrganizationNumber")!.GetAttribute("value")!),
            new("Input.Kind", "Municipality"), new("Input.MunicipalityNumber", "4601"), new("Input.Description", "Om oss " + evil)]);
        Assert.Equal(HttpStatusCode.Redirect, orgEdit.StatusCode);

        foreach (var page in new[] { url, $"{url}/edit", $"{url}/history", $"/organizations/{org}", $"/organizations/{org}/history", "/needs?mine=true", "/organizations" })
        {
            var html = await pages.Http.GetStringAsync(page);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<b>fet</b>", html);
        }
        var details = await pages.Http.GetStringAsync(url);
        Assert.Contains("Opplevelse &lt;script&gt;alert", details);
        Assert.Contains("Situasjon &lt;script&gt;alert", details);
        Assert.Contains("Om oss &lt;script&gt;alert", await pages.Http.GetStringAsync($"/organizations/{org}"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Post_WithoutAntiforgeryToken_400(string provider)
    {
        var app = apps[provider];
        var (pages, org) = await SignedInWithOrganizationAsync(app);
        var response = await pages.Http.PostAsync("/needs/new", new FormUrlEncodedContent(NeedFields(org, "Uten token fra skjemaet")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OtherOrganizationsDraft_PagesAnswer404_AndMemberPagesRefuseOutsiders(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var id = (await owner.CreateNeedAsync(await owner.CreateOrganizationAsync())).GetProperty("id").GetInt32();
        var (outsider, _) = await SignedInWithOrganizationAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/needs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/needs/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/needs/{id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Clients.Anonymous(app).GetAsync($"/needs/{id}")).StatusCode);
        var ownerOrg = (await (await owner.Http.GetAsync($"/api/v1/needs/{id}")).ReadJsonAsync()).GetProperty("owners")[0].GetProperty("organizationId").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.GetAsync($"/organizations/{ownerOrg}/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.GetAsync($"/organizations/{ownerOrg}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Clients.Anonymous(app).GetAsync($"/organizations/{ownerOrg}/edit")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pages_InEnglish_AfterLanguageSwitch(string provider)
    {
        var pages = Clients.Pages(apps[provider]);
        Assert.Contains("Behov", (await pages.GetDocumentAsync("/needs")).QuerySelector("h1")!.TextContent);
        var switched = await pages.SubmitAsync("/needs", [new("culture", "en"), new("returnUrl", "/needs")], action: "/language");
        Assert.Equal("/needs", switched.Headers.Location?.OriginalString);
        var doc = await pages.GetDocumentAsync("/needs");
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Needs", doc.QuerySelector("h1")!.TextContent.Trim());
    }
}
