using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Floke.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Floke.BrowserTests.TestSupport;

/// <summary>Floke on a real socket (SQLite) and Debian's Chromium driven by Playwright. Without Chromium the tests fail,
/// they never skip: ./scripts/test installs it.</summary>
public sealed class Browser : IAsyncLifetime
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private IPlaywright? _playwright;
    public FlokeApp App { get; } = new("sqlite");
    public IBrowser Chromium { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var executable = Environment.GetEnvironmentVariable("FLOKE_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not at {executable}. Run ./scripts/test, which installs it.");
        }
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Chromium.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "nb-NO" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new person signs up (in the given language) and registers an organisation, of which they become administrator.</summary>
    public async Task<IPage> SignUpWithOrganizationAsync(Texts t, string language, string organization, string? number = null,
        string kind = "ResearchInstitution", string? email = null)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/register");
        await ChooseLanguageAsync(page, language);
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Account.Name"], Exact = true }).FillAsync("Ola Nordmann");
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Account.Email"], Exact = true }).FillAsync(email ?? TestData.Email("journey"));
        await page.GetByLabel(t["Account.Password"]).FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = t["Account.Register"] }).ClickAsync();
        await page.GotoAsync("/organizations/new");
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Org.Name"], Exact = true }).FillAsync(organization);
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Org.Number"], Exact = true }).FillAsync(number ?? TestData.OrganizationNumber());
        await page.GetByRole(AriaRole.Combobox, new() { Name = t["Org.Kind"], Exact = true }).SelectOptionAsync(kind);
        await page.GetByRole(AriaRole.Button, new() { Name = t["Org.Register"] }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(organization);
        return page;
    }

    public static async Task ChooseLanguageAsync(IPage page, string language)
    {
        if (language == "en")
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        }
    }

    /// <summary>Scans the page with axe for the WCAG 2.1 A and AA rules and fails on any violation, naming each.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(violations.Count == 0, $"axe found {violations.Count} violation(s) on {page.Url}:\n{string.Join("\n", violations)}");
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.CloseAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<Browser>;
