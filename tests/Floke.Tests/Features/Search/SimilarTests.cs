using System.Net.Http.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.Search;

/// <summary>"Has anyone done this before?" ranked on a small set of Norwegian texts whose nearest neighbours are known,
/// on a database of its own (so no other test's items compete), on both databases; and the form without JavaScript.</summary>
public sealed class SimilarTests
{
    public static TheoryData<string> Providers => Apps.Providers;

    private static readonly (string Key, string Title, string Summary)[] Texts =
    [
        ("alarm", "Digital trygghetsalarm for eldre som bor hjemme", "Sensorer varsler hjemmetjenesten når en eldre faller i boligen."),
        ("pårørende", "Varsling av pårørende ved fall", "Pårørende får et varsel på mobilen når en eldre faller hjemme."),
        ("legevakt", "Felles timebestilling på legevakten", "Innbyggerne bestiller time hos legevakten på nett i stedet for å ringe."),
        ("skyss", "Skyssplanlegging for elever i distriktene", "Skoleskyssen planlegges automatisk ut fra elevenes adresser og skoletider."),
        ("bygg", "Automatisk saksbehandling av byggesøknader", "Enkle byggesøknader behandles automatisk, så svaret kommer samme dag."),
        ("barnehage", "Søknad om barnehageplass hele året", "Foreldre kan søke barnehageplass når de trenger det, ikke bare ved hovedopptaket."),
    ];

    [Theory, MemberData(nameof(Providers))]
    public async Task SimilarInitiatives_AreTheKnownNeighbours(string provider)
    {
        await using var app = new FlokeApp(provider);
        var owner = await Clients.NewApiUserAsync(app, "similar");
        var org = await owner.CreateOrganizationAsync();
        var ids = new Dictionary<string, int>();
        foreach (var (key, title, summary) in Texts)
        {
            var body = System.Text.Json.JsonSerializer.SerializeToNode(TestData.Initiative(org, title), Clients.Json)!.AsObject();
            body["summary"] = summary;
            var created = await (await owner.Http.PostAsJsonAsync("/api/v1/initiatives", body)).ReadJsonAsync();
            ids[key] = created.GetProperty("id").GetInt32();
            await owner.PublishInitiativeAsync(ids[key]);
        }
        var pages = Clients.Pages(app);
        async Task<List<string>> Similar(string title, string text)
        {
            var document = await pages.GetDocumentAsync($"/search/similar?for=initiative&title={Uri.EscapeDataString(title)}&text={Uri.EscapeDataString(text)}");
            return document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!)
                .Select(href => ids.Single(i => href == $"/initiatives/{i.Value}").Key).ToList();
        }

        var falls = await Similar("Fallalarm for hjemmeboende eldre", "Vi vil varsle når eldre faller i hjemmet.");
        Assert.Equal(["alarm", "pårørende"], falls.Take(2).Order());
        Assert.Equal("legevakt", (await Similar("Bestille legetime på nett", "Innbyggere skal slippe å ringe legevakten."))[0]);
        Assert.Equal("skyss", (await Similar("Skoleskyss i distriktene", "Elevene venter for lenge på bussen."))[0]);
        Assert.Equal("bygg", (await Similar("Raskere svar på byggesøknader", "Saksbehandlingen tar for lang tid."))[0]);
        // Typed without æ, ø and å.
        Assert.Equal("barnehage", (await Similar("Soknad om barnehageplass", "Foreldre soker plass gjennom aret."))[0]);
        Assert.True((await Similar("Kvantefysikk", "Partikkelakselerator")).Count == 0);
        // At most five, each with why it is similar.
        var many = await pages.GetDocumentAsync("/search/similar?for=initiative&title=eldre+legevakten+skyss+byggesøknader+barnehageplass+pårørende&text=");
        Assert.InRange(many.QuerySelectorAll("li").Length, 1, 5);
        Assert.All(many.QuerySelectorAll("li"), li => Assert.Contains(":", li.QuerySelectorAll("p")[2].TextContent));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task WithoutJavaScript_TheFormShowsSimilarNeedsAndKeepsWhatWasTyped(string provider)
    {
        await using var app = new FlokeApp(provider);
        var owner = await Clients.NewApiUserAsync(app, "nojs");
        var org = await owner.CreateOrganizationAsync();
        var need = await owner.CreatePublishedNeedAsync(org, "Eldre venter for lenge på trygghetsalarm");

        var pages = await Clients.SignedInPagesAsync(app, owner);
        // The panel's button posts the page's form to the Similar handler (formaction), as a browser without scripts does.
        var form = await pages.GetDocumentAsync("/needs/new");
        Assert.NotNull(form.QuerySelector("button[formaction='?handler=Similar']"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await pages.Http.PostAsync("/needs/new?handler=Similar", new FormUrlEncodedContent([new("__RequestVerificationToken", token),
            new("OwnerOrganizationId", org.ToString()), new("Input.Title", "Ventetid på trygghetsalarmer"), new("Input.UserExperience", "")]));
        var document = await PageClient.ParseAsync(response);
        Assert.NotNull(document.QuerySelector($"#similar-results a[href='/needs/{need}']"));
        Assert.Equal("Ventetid på trygghetsalarmer", document.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Empty(document.QuerySelectorAll(".ds-validation-message")); // asking is not saving: no errors for the empty field
    }
}
