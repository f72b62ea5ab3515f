using System.Text.RegularExpressions;
using Floke.BrowserTests.TestSupport;
using Floke.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Floke.BrowserTests.Journeys;

/// <summary>A new user registers, registers an organisation, writes and publishes a need, signs out and finds it
/// as an anonymous visitor — by role-based locators, with an axe scan of every page on the way.</summary>
[Collection("browser")]
public class NewUserJourneyTests(Browser browser)
{
    [Theory]
    [InlineData("nb")]
    [InlineData("en")]
    public async Task RegisterOrganizeWritePublish_ThenFoundAnonymously(string language)
    {
        var t = new Texts(language);
        var page = await browser.NewPageAsync();
        var token = Guid.NewGuid().ToString("N")[..8];
        var title = language == "nb" ? $"Foreldre finner ikke ledig barnehageplass {token}" : $"Parents cannot find a kindergarten place {token}";

        await page.GotoAsync("/");
        if (language == "en")
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        }
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Browser.AssertAccessibleAsync(page);

        // Register an account.
        await page.GetByRole(AriaRole.Link, new() { Name = t["Nav.Register"], Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Account.RegisterTitle"]);
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Account.Name"], Exact = true }).FillAsync("Kari Nordmann");
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Account.Email"], Exact = true }).FillAsync(TestData.Email("browser"));
        await page.GetByLabel(t["Account.Password"]).FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = t["Account.Register"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(t["Account.Title"]);
        await Browser.AssertAccessibleAsync(page);

        // Register an organisation; a wrong organisation number is named first.
        await page.GetByRole(AriaRole.Link, new() { Name = t["Org.CreateTitle"] }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Org.Name"], Exact = true }).FillAsync($"Nordby kommune {token}");
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Org.Number"], Exact = true }).FillAsync("958935421");
        await page.GetByRole(AriaRole.Combobox, new() { Name = t["Org.Kind"], Exact = true }).SelectOptionAsync("Municipality");
        await page.GetByRole(AriaRole.Combobox, new() { Name = t["Org.Municipality"], Exact = true }).SelectOptionAsync("4601");
        await page.GetByRole(AriaRole.Button, new() { Name = t["Org.Register"] }).ClickAsync();
        await Expect(page.GetByText(t["Org.Number.Invalid"]).First).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Org.Number"], Exact = true }).FillAsync(TestData.OrganizationNumber());
        await page.GetByRole(AriaRole.Button, new() { Name = t["Org.Register"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Nordby kommune {token}");
        await Browser.AssertAccessibleAsync(page);

        // Write a need; an empty form first shows the error summary.
        await page.GetByRole(AriaRole.Navigation, new() { Name = t["Layout.MainNav"] }).GetByRole(AriaRole.Link, new() { Name = t["Nav.Needs"] }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = t["Needs.New"] }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = t["Need.SaveDraft"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = t["Form.ErrorHeading"] })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Need.Title"], Exact = true }).FillAsync(title);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = t["AffectedGroups.Citizens"] }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Need.UserExperience"], Exact = true }).FillAsync(
            language == "nb" ? "Familier står i kø i månedsvis og må søke i flere kommuner." : "Families queue for months and must apply in several municipalities.");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = t["Sectors.Education"] }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = t["Need.SaveDraft"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.GetByRole(AriaRole.List, new() { Name = t["Need.Status"] })).ToContainTextAsync(t["NeedStatus.Draft"]);
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = t["Need.Publish"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Need.Status.Changed.Published"]);
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = t["History.Link"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await Browser.AssertAccessibleAsync(page);

        // Sign out and find it as anyone would.
        await page.GetByRole(AriaRole.Button, new() { Name = t["Nav.SignOut"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = t["Nav.SignIn"] })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = t["Layout.MainNav"] }).GetByRole(AriaRole.Link, new() { Name = t["Nav.Needs"] }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = t["Filter.Text"] }).FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = t["Filter.Apply"] }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.GetByRole(AriaRole.List, new() { Name = t["Need.Status"] })).ToContainTextAsync(t["NeedStatus.Published"]);
        await Browser.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PublicPages_PassAxe()
    {
        var page = await browser.NewPageAsync();
        foreach (var path in new[] { "/organizations", "/accessibility", "/account/login", "/finnes-ikke" })
        {
            await page.GotoAsync(path);
            await Browser.AssertAccessibleAsync(page);
        }
        // A list whose address holds a value it cannot read says so above the list.
        await page.GotoAsync("/initiatives?stage=Nope");
        await Expect(page.Locator("#unread-query")).ToContainTextAsync("Nope");
        await Browser.AssertAccessibleAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_SkipLinkIsFirst_AndMovesToMainContent()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/needs");
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        await Expect(focused).ToHaveTextAsync(new Texts("nb")["Layout.SkipLink"]);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("#main-content$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AxeScan_CatchesAViolation()
    {
        // Guards the guard: a scan that found nothing because it never ran would pass every page above.
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<html lang=\"nb\"><head><title>t</title></head><body><main><img src=\"x.png\"><input type=\"text\"></main></body></html>");
        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Browser.AssertAccessibleAsync(page));
        await page.Context.CloseAsync();
    }
}
