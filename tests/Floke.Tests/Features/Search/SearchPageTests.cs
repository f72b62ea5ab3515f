using System.Net.Http.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.Search;

/// <summary>The search page: results marked where they matched, facets that narrow, drafts only for their owners.</summary>
[Collection("app")]
public class SearchPageTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task SearchPage_ShowsMarkedResultsAndFacets(string provider)
    {
        var app = apps[provider];
        var token = TestData.Word('p');
        var owner = await Clients.NewApiUserAsync(app, "page");
        var org = await owner.CreateOrganizationAsync();
        var need = await owner.CreatePublishedNeedAsync(org, $"Ventetid {token} på barnehageplass");
        var draft = (await owner.CreateInitiativeAsync(org, $"Barnehageopptak {token} hele året")).GetProperty("id").GetInt32();

        var page = await Clients.Pages(app).GetDocumentAsync($"/search?q={token}+barnehageplasser");
        var link = page.QuerySelector($"a[href='/needs/{need}']");
        Assert.NotNull(link);
        Assert.Equal([token, "barnehageplass"], link!.QuerySelectorAll("mark").Select(m => m.TextContent));
        Assert.Contains("1", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(page.QuerySelector($"a[href='/initiatives/{draft}']"));

        var mine = await (await Clients.SignedInPagesAsync(app, owner)).GetDocumentAsync($"/search?q={token}");
        Assert.NotNull(mine.QuerySelector($"a[href='/initiatives/{draft}']"));
        // The type facet narrows to initiatives.
        var facet = mine.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == $"/search?q={token}&kind=Initiative");
        Assert.Contains("(1)", facet.ParentElement!.TextContent);
        var narrowed = await (await Clients.SignedInPagesAsync(app, owner)).GetDocumentAsync(facet.GetAttribute("href")!);
        Assert.NotNull(narrowed.QuerySelector($"a[href='/initiatives/{draft}']"));
        Assert.Null(narrowed.QuerySelector($"a[href='/needs/{need}']"));

        var none = await Clients.Pages(app).GetDocumentAsync($"/search?q={token}+ukjentord");
        Assert.Empty(none.QuerySelectorAll(".search-result"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AFilterValueThePageCannotRead_IsNamed_AndTheResultsShownWithoutIt(string provider)
    {
        var app = apps[provider];
        var token = TestData.Word('u');
        var owner = await Clients.NewApiUserAsync(app, "unread");
        var org = await owner.CreateOrganizationAsync();
        var need = await owner.CreatePublishedNeedAsync(org, $"Ventetid {token} i helsestasjonen");
        var pages = Clients.Pages(app);

        var page = await pages.GetDocumentAsync($"/search?q={token}&kind=Need&stage=Nope&year=abc");
        var warning = page.QuerySelector("#unread-query")!.TextContent;
        Assert.Contains("«Nope» som verdi for «stage»", warning);
        Assert.Contains("«abc» som verdi for «year»", warning);
        // The filters it could read still apply; the result is there, and the form no longer carries the dropped values.
        Assert.NotNull(page.QuerySelector($"a[href='/needs/{need}']"));
        Assert.Equal(["Need"], page.QuerySelectorAll("form[role=search] input[type=hidden]").Select(i => i.GetAttribute("value")));

        Assert.Null((await pages.GetDocumentAsync($"/search?q={token}&kind=Need&year=2026")).QuerySelector("#unread-query"));

        await pages.SubmitAsync("/search", [new("culture", "en"), new("returnUrl", "/search")], action: "/language");
        var english = await pages.GetDocumentAsync($"/search?q={token}&Stage=Nope");
        Assert.Contains("“Nope” as a value for “Stage”", english.QuerySelector("#unread-query")!.TextContent);
    }
}
