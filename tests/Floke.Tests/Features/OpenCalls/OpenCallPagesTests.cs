using System.Net;
using Floke.Tests.TestSupport;
using Floke.Web.Core.Organizations;

namespace Floke.Tests.Features.OpenCalls;

/// <summary>The call and proposal pages use the same handlers as the API; these check that they agree on rules and rights,
/// and that a bad form keeps what was typed.</summary>
[Collection("app")]
public class OpenCallPagesTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory, MemberData(nameof(Providers))]
    public async Task CreateCall_BadCriteria_ShowsErrorsAndKeepsInput_ThenSavesDraft(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app);
        var municipality = await admin.CreateOrganizationAsync();
        var need = await admin.CreatePublishedNeedAsync(municipality);
        var pages = await Clients.SignedInPagesAsync(app, admin);

        var form = await pages.GetDocumentAsync($"/calls/new?need={need}");
        Assert.Equal(6, form.QuerySelectorAll("input[name$='.Weight']").Length);
        var deadline = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        KeyValuePair<string, string>[] fields =
        [
            new("OwnerOrganizationId", Id(municipality)), new("Input.NeedId", Id(need)), new("Input.Title", "Smartere snørydding"),
            new("Input.Challenge", "Teksten om utfordringen skal ikke forsvinne"), new("Input.Deadline", deadline),
            new("Input.Criteria[0].Name", "Effekt"), new("Input.Criteria[0].Weight", "70"),
            new("Input.Criteria[1].Name", "Pris"), new("Input.Criteria[1].Weight", "20"),
        ];
        var bad = await pages.SubmitAsync("/calls/new", fields);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await PageClient.ParseAsync(bad);
        Assert.Contains("90", doc.QuerySelector(".ds-error-summary")!.TextContent);
        Assert.Equal("#Input_Criteria", doc.QuerySelector(".ds-error-summary a")!.GetAttribute("href"));
        Assert.NotNull(doc.GetElementById("Input_Criteria"));
        Assert.Equal("Teksten om utfordringen skal ikke forsvinne", doc.GetElementById("Input_Challenge")!.TextContent);
        Assert.Equal("Pris", doc.GetElementById("Input_Criteria_1__Name")!.GetAttribute("value"));

        var saved = await pages.SubmitAsync("/calls/new", [.. fields.Where(f => f.Key != "Input.Criteria[1].Weight"), new("Input.Criteria[1].Weight", "30")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.OriginalString;
        var page = await pages.GetDocumentAsync(url);
        Assert.Contains("Smartere snørydding", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/needs/{need}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await Clients.Anonymous(app).GetAsync(url)).StatusCode);

        var published = await pages.SubmitAsync(url, [], action: $"{url}?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Smartere snørydding", await Clients.Anonymous(app).GetStringAsync($"/needs/{need}"));
        Assert.Contains("Smartere snørydding", await Clients.Anonymous(app).GetStringAsync("/calls?phase=Open"));
        // Published: the criteria are shown, not editable.
        var edit = await pages.GetDocumentAsync($"{url}/edit");
        Assert.Null(edit.GetElementById("Input_Criteria_0__Weight"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ProposalPages_AuthorSubmits_JurorScoresAfterDeadline_LeaderAwards(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app, "admin");
        var juror = await Clients.NewApiUserAsync(app, "juror");
        var founder = await Clients.NewApiUserAsync(app, "founder");
        var municipality = await admin.CreateOrganizationAsync();
        var startup = await founder.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StartUp, municipality: null));
        var callId = await admin.PublishedCallAsync(municipality);
        var adminPages = await Clients.SignedInPagesAsync(app, admin);
        var added = await adminPages.SubmitAsync($"/calls/{callId}", [new("Email", "ingen@finnes.invalid")], action: $"/calls/{callId}?handler=AddJury");
        Assert.Contains("Fant ingen", (await PageClient.ParseAsync(added)).QuerySelector(".ds-error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await adminPages.SubmitAsync($"/calls/{callId}", [new("Email", juror.Email)], action: $"/calls/{callId}?handler=AddJury")).StatusCode);

        var founderPages = await Clients.SignedInPagesAsync(app, founder);
        var empty = await founderPages.SubmitAsync($"/calls/{callId}/proposals/new", [new("OrganizationId", Id(startup)), new("Input.Solution", "Behold meg")]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Behold meg", (await PageClient.ParseAsync(empty)).GetElementById("Input_Solution")!.TextContent);
        var created = await founderPages.SubmitAsync($"/calls/{callId}/proposals/new",
            [new("OrganizationId", Id(startup)), new("Input.Title", "Sensorbrøyting"), new("Input.Solution", "Sensorer i veien styrer brøytingen."), new("Input.PriceNok", "250000")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var proposalUrl = created.Headers.Location!.OriginalString;
        var jurorPages = await Clients.SignedInPagesAsync(app, juror);
        Assert.Equal(HttpStatusCode.NotFound, (await jurorPages.Http.GetAsync(proposalUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await founderPages.SubmitAsync(proposalUrl, [], action: $"{proposalUrl}?handler=Submit")).StatusCode);
        var seen = await jurorPages.GetDocumentAsync(proposalUrl);
        Assert.Null(seen.QuerySelector($"form[action='{proposalUrl}?handler=Score']"));

        // The founder finds it among their proposals; the juror finds the call on their own page.
        Assert.Contains("Sensorbrøyting", (await founderPages.GetDocumentAsync("/proposals")).QuerySelector("table")!.TextContent);
        Assert.NotNull((await jurorPages.GetDocumentAsync("/account")).QuerySelector($"a[href='/calls/{callId}/evaluation']"));
        Assert.Equal(HttpStatusCode.Redirect, (await Clients.Pages(app).Http.GetAsync("/proposals")).StatusCode);

        await app.PassDeadlineAsync(callId);
        var scoring = await jurorPages.GetDocumentAsync(proposalUrl);
        Assert.Equal(3, scoring.QuerySelectorAll("select[name$='.Score']").Length);
        Assert.Equal(HttpStatusCode.Redirect, (await jurorPages.SubmitAsync(proposalUrl,
            [new("Scores[0].Score", "10"), new("Scores[1].Score", "5"), new("Scores[2].Score", "0"), new("Scores[2].Comment", "Dyrt")],
            action: $"{proposalUrl}?handler=Score")).StatusCode);
        var evaluation = await adminPages.GetDocumentAsync($"/calls/{callId}/evaluation");
        // 0.5·10 + 0.3·5 + 0.2·0 = 6.5 → 65 of 100.
        Assert.Contains("65", evaluation.QuerySelector("tbody tr")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await founderPages.Http.GetAsync($"/calls/{callId}/evaluation")).StatusCode);
        // The jury's record names the score and who gave it; the proposer cannot read it.
        var record = await adminPages.GetDocumentAsync($"/calls/{callId}/evaluation/history");
        Assert.Contains("Dyrt", record.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await founderPages.Http.GetAsync($"/calls/{callId}/evaluation/history")).StatusCode);

        var proposalId = proposalUrl.Split('/')[^1];
        Assert.Equal(HttpStatusCode.Redirect, (await adminPages.SubmitAsync($"/calls/{callId}/evaluation",
            [new("ProposalId", proposalId), new("Rationale", "Best på effekt.")], action: $"/calls/{callId}/evaluation?handler=Award")).StatusCode);
        var publicPage = await Clients.Anonymous(app).GetStringAsync($"/calls/{callId}");
        Assert.Contains("Sensorbrøyting", publicPage);
        Assert.Contains("Best på effekt.", publicPage);
    }
}
