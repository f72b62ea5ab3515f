using Floke.BrowserTests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Floke.BrowserTests.Journeys;

/// <summary>A ministry reads the national picture and takes the data home: the insights dashboard (filtered, a chart's
/// table opened by keyboard) and the open data page — with an axe scan of each, in Norwegian and English.</summary>
[Collection("browser")]
public class InsightsJourneyTests(Browser browser)
{
    [Theory]
    [InlineData("nb")]
    [InlineData("en")]
    public async Task ReadTheNationalPicture_AndFindTheOpenData(string language)
    {
        var t = new Texts(language);
        // Something to count: a research institution publishes an initiative.
        var owner = await browser.SignUpWithOrganizationAsync(t, language, $"Innsiktsinstitutt {Guid.NewGuid():N}"[..30]);
        await owner.GotoAsync("/initiatives/new");
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.Title"], Exact = true }).FillAsync("Digital veiviser for nyankomne");
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.Summary"], Exact = true }).FillAsync("En veiviser som samler tjenestene.");
        await owner.GetByRole(AriaRole.Checkbox, new() { Name = t["Measures.RealiseAndSpread"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Checkbox, new() { Name = t["InnovationTypes.Service"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Need.SaveDraft"] }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Need.Publish"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Initiative.Visibility.Changed.Published"]);
        await owner.Context.CloseAsync();

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Browser.ChooseLanguageAsync(page, language);
        await page.GetByRole(AriaRole.Navigation, new() { Name = t["Layout.MainNav"] }).GetByRole(AriaRole.Link, new() { Name = t["Nav.Insights"], Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Insights.Title"]);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = t["Insights.Table.stages"] })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        // Filter to one kind of owner, then open the stages table by keyboard.
        await page.GetByRole(AriaRole.Combobox, new() { Name = t["Org.Kind"] }).SelectOptionAsync("ResearchInstitution");
        await page.GetByRole(AriaRole.Button, new() { Name = t["Filter.Apply"] }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("organizationKind=ResearchInstitution"));
        var summary = page.Locator("#table-stages ~ details summary");
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = t["Insights.Table.stages"] })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        await page.GotoAsync("/open-data");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["OpenData.Title"]);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = t["OpenData.Zip"] })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }
}
