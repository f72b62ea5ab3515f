using Floke.BrowserTests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Floke.BrowserTests.Journeys;

/// <summary>Someone asks "has anyone done this before?": from the header's search box, by keyboard, an inflected word
/// finds a published initiative, a facet narrows, a misspelt word is corrected — with an axe scan of each page.</summary>
[Collection("browser")]
public class SearchJourneyTests(Browser browser)
{
    [Theory]
    [InlineData("nb")]
    [InlineData("en")]
    public async Task SearchFromTheHeader_NarrowByFacet_AndSurviveATypo(string language)
    {
        var t = new Texts(language);
        var token = "s" + Guid.NewGuid().ToString("N")[..8].Replace("e", "x");
        var owner = await browser.SignUpWithOrganizationAsync(t, language, $"Søkekommune {token}");
        await owner.GotoAsync("/initiatives/new");
        var title = $"Trygghetsalarm {token} for hjemmeboende";
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.Title"], Exact = true }).FillAsync(title);
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.Summary"], Exact = true }).FillAsync("Pårørende varsles når alarmen går.");
        await owner.GetByRole(AriaRole.Checkbox, new() { Name = t["Measures.RealiseAndSpread"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Checkbox, new() { Name = t["InnovationTypes.Service"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Need.SaveDraft"] }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Need.Publish"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Initiative.Visibility.Changed.Published"]);

        // Writing the next one, Floke shows what already exists while the title is typed.
        await owner.GotoAsync("/initiatives/new");
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.Title"], Exact = true }).FillAsync($"Fallalarm {token} for eldre hjemmeboende");
        var panel = owner.GetByRole(AriaRole.Region, new() { Name = t["Similar.Heading"] });
        await Expect(panel.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(owner);
        await owner.Context.CloseAsync();

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Browser.ChooseLanguageAsync(page, language);
        // By keyboard: focus the header's search box, type, press Enter.
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = t["Search.Label"] });
        await box.FocusAsync();
        await page.Keyboard.TypeAsync($"trygghetsalarmene {token} parorende");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Search.Title"]);
        var result = page.GetByRole(AriaRole.Link, new() { Name = title });
        await Expect(result).ToBeVisibleAsync();
        await Expect(page.Locator("mark").First).ToHaveTextAsync("Trygghetsalarm");
        await Browser.AssertAccessibleAsync(page);

        // A facet narrows the results; the chosen filter can be removed again.
        await page.GetByRole(AriaRole.List, new() { Name = t["Search.Facet.Kind"], Exact = true })
            .GetByRole(AriaRole.Link, new() { Name = t["SearchKind.Initiative"], Exact = true }).ClickAsync();
        await Expect(result).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = string.Format(t["Search.Remove"], t["SearchKind.Initiative"]) })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        // A typo in a long word is corrected, and the page says so.
        var search = page.GetByRole(AriaRole.Searchbox, new() { Name = t["Search.Label"] }).Last;
        await search.FillAsync($"trygghetsalarn {token}");
        await search.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        await Expect(page.GetByText(string.Format(t["Search.Corrected"], "trygghetsalarn", "trygghetsalarm"))).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
