using System.Text;
using Floke.BrowserTests.TestSupport;
using Floke.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Floke.BrowserTests.Journeys;

/// <summary>Two organisations invest in an initiative, its gain lands in a third, which measures it (by form and by CSV,
/// after a refused file); the status and chart follow; the flow shows on who-invests-who-gains; a second municipality
/// adopts the solution and the owner confirms it — by role-based locators, with an axe scan of every new page.</summary>
[Collection("browser")]
public class BenefitJourneyTests(Browser browser)
{
    [Theory]
    [InlineData("nb")]
    [InlineData("en")]
    public async Task InvestMeasureSeeTheFlow_ThenAnotherMunicipalityAdopts(string language)
    {
        var t = new Texts(language);
        var token = Guid.NewGuid().ToString("N")[..8];
        var (ownerNumber, funderNumber, hospitalNumber) = (TestData.OrganizationNumber(), TestData.OrganizationNumber(), TestData.OrganizationNumber());
        var owner = await browser.SignUpWithOrganizationAsync(t, language, $"Eierkommune {token}", ownerNumber);
        var funder = await browser.SignUpWithOrganizationAsync(t, language, $"Fond {token}", funderNumber);
        var hospital = await browser.SignUpWithOrganizationAsync(t, language, $"Sykehus {token}", hospitalNumber);
        var adopter = await browser.SignUpWithOrganizationAsync(t, language, $"Nabokommune {token}");
        await funder.Context.CloseAsync();

        // The owner starts and publishes an initiative.
        await owner.GotoAsync("/initiatives/new");
        var title = $"Fallsensorer {token}";
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.Title"], Exact = true }).FillAsync(title);
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Initiative.Summary"], Exact = true }).FillAsync("Sensorer varsler hjemmetjenesten når en eldre faller.");
        await owner.GetByRole(AriaRole.Checkbox, new() { Name = t["Measures.RealiseAndSpread"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Checkbox, new() { Name = t["InnovationTypes.Service"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Need.SaveDraft"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Need.Publish"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Initiative.Visibility.Changed.Published"]);
        var initiativeUrl = new Uri(owner.Url).AbsolutePath;

        // Two organisations' investments: the owner's own and the funder's.
        await owner.GetByRole(AriaRole.Link, new() { Name = t["Initiative.BenefitsLink"] }).ClickAsync();
        await Browser.AssertAccessibleAsync(owner);
        var benefitsUrl = new Uri(owner.Url).AbsolutePath;
        await InvestAsync(owner, t, ownerNumber, "600000");
        await InvestAsync(owner, t, funderNumber, "400000");
        var investments = owner.GetByRole(AriaRole.Table, new() { Name = t["Investments.Heading"] });
        await Expect(investments.GetByRole(AriaRole.Row)).ToHaveCountAsync(4); // header, two rows, total
        await Expect(investments).ToContainTextAsync($"Fond {token}");
        await Browser.AssertAccessibleAsync(owner);

        // A benefit that lands in the hospital: first without saying where, then right.
        await owner.GetByRole(AriaRole.Link, new() { Name = t["Benefit.Add"] }).ClickAsync();
        await Browser.AssertAccessibleAsync(owner);
        var description = $"Færre innleggelser etter fall {token}";
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Benefit.Description"], Exact = true }).FillAsync(description);
        await owner.GetByRole(AriaRole.Combobox, new() { Name = t["Benefit.Kind"] }).SelectOptionAsync("AvoidedCost");
        await owner.GetByRole(AriaRole.Radio, new() { Name = t["BenefitDirection.HigherIsBetter"] }).CheckAsync();
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Benefit.BaselineValue"], Exact = true }).FillAsync("0");
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Benefit.BaselineDate"], Exact = true }).FillAsync("2026-01-01");
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Benefit.TargetValue"], Exact = true }).FillAsync("1000000");
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Benefit.TargetDate"], Exact = true }).FillAsync("2027-12-31");
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Benefit.Save"] }).ClickAsync();
        await Expect(owner.GetByText(t["Benefit.Beneficiary.Required"]).First).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(owner);
        await Expect(owner.GetByRole(AriaRole.Textbox, new() { Name = t["Benefit.Description"], Exact = true })).ToHaveValueAsync(description);
        await owner.GetByRole(AriaRole.Textbox, new() { Name = t["Benefit.BeneficiaryNumber"], Exact = true }).FillAsync(hospitalNumber);
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Benefit.Save"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(description);
        await Browser.AssertAccessibleAsync(owner);
        var benefitUrl = new Uri(owner.Url).AbsolutePath;

        // The hospital measures: twice by the form, once by CSV — after a file with a bad row is refused whole.
        await hospital.GotoAsync(benefitUrl);
        await Browser.AssertAccessibleAsync(hospital);
        await MeasureAsync(hospital, t, "2026-03-31", "200000");
        await MeasureAsync(hospital, t, "2026-06-30", "450000");
        await UploadAsync(hospital, t, "dato;verdi;kilde\n2026-09-30;700000;Regnskap\n2026-10-31;mye;Regnskap\n");
        await Expect(hospital.GetByText(string.Format(t["Csv.RowError"], 3, "")).First).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(hospital);
        var measurements = hospital.GetByRole(AriaRole.Table, new() { Name = t["Measurements.Heading"] });
        await Expect(measurements.GetByRole(AriaRole.Row)).ToHaveCountAsync(3); // header and two measurements: nothing imported
        await UploadAsync(hospital, t, "dato;verdi;kilde\n2026-09-30;700000;Regnskap\n");
        await Expect(hospital.GetByRole(AriaRole.Status)).ToContainTextAsync(string.Format(t["Measurement.ImportedMessage"], 1));
        await Expect(measurements.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);

        // 70 % of the gain at 37 % of the time: on track; the chart has a text alternative beside its data table.
        await Expect(hospital.GetByRole(AriaRole.List, new() { Name = t["Benefit.Status"] })).ToContainTextAsync(t["RealisationStatus.OnTrack"]);
        await Expect(hospital.GetByRole(AriaRole.Img, new() { Name = t["Benefit.Chart.Title"] })).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(hospital);

        // Who invests, who gains: the hospital gains from the owner's and the funder's money.
        await hospital.GotoAsync("/insights/flows");
        await Browser.AssertAccessibleAsync(hospital);
        var flows = hospital.GetByRole(AriaRole.Table, new() { Name = t["Flows.FlowsHeading"] });
        await Expect(flows.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Fond {token}" }).Filter(new() { HasText = $"Sykehus {token}" })).ToHaveCountAsync(1);
        await Expect(flows.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Eierkommune {token}" }).Filter(new() { HasText = $"Sykehus {token}" })).ToHaveCountAsync(1);

        // A second municipality adopts the solution; the owner is told and confirms.
        await adopter.GotoAsync(initiativeUrl);
        await adopter.GetByRole(AriaRole.Link, new() { Name = t["Adoption.CreateTitle"] }).ClickAsync();
        await Browser.AssertAccessibleAsync(adopter);
        await adopter.GetByRole(AriaRole.Radio, new() { Name = t["AdoptionStatus.Adopted"] }).CheckAsync();
        await adopter.GetByRole(AriaRole.Textbox, new() { Name = t["Adoption.Adaptations"], Exact = true }).FillAsync("Varslene går til vår egen vaktsentral.");
        await adopter.GetByRole(AriaRole.Button, new() { Name = t["Adoption.Save"] }).ClickAsync();
        await Expect(adopter.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Nabokommune {token}");
        await Browser.AssertAccessibleAsync(adopter);

        await owner.GotoAsync("/account");
        await owner.GetByRole(AriaRole.Link, new() { Name = string.Format(t["Adoption.Title"], $"Nabokommune {token}", title) }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = t["Adoption.Confirm"] }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Adoption.ConfirmedMessage"]);
        await Browser.AssertAccessibleAsync(owner);
        await owner.GotoAsync(benefitsUrl);
        await Expect(owner.GetByRole(AriaRole.Table, new() { Name = t["Benefits.Heading"] })).ToContainTextAsync(t["RealisationStatus.OnTrack"]);

        await owner.GotoAsync("/spread");
        await Browser.AssertAccessibleAsync(owner);
        await Expect(owner.GetByRole(AriaRole.Table, new() { Name = t["Spread.MostAdopted"] }).GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await owner.GotoAsync($"{initiativeUrl}/adoptions");
        await Browser.AssertAccessibleAsync(owner);
    }

    private static async Task InvestAsync(IPage page, Texts t, string number, string amount)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Investment.OrganizationNumber"], Exact = true }).FillAsync(number);
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Investment.Year"], Exact = true }).FillAsync("2026");
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Investment.AmountNok"], Exact = true }).FillAsync(amount);
        await page.GetByRole(AriaRole.Button, new() { Name = t["Investment.Save"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Investment.AddedMessage"]);
    }

    private static async Task MeasureAsync(IPage page, Texts t, string date, string value)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = t["Measurement.Date"], Exact = true }).FillAsync(date);
        await page.GetByRole(AriaRole.Textbox, new() { Name = string.Format(t["Measurement.ValueIn"], "NOK"), Exact = true }).FillAsync(value);
        await page.GetByRole(AriaRole.Button, new() { Name = t["Measurement.Save"] }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(t["Measurement.AddedMessage"]);
    }

    private static async Task UploadAsync(IPage page, Texts t, string csv)
    {
        await page.GetByLabel(t["Measurement.ImportFile"], new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "malinger.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = t["Measurement.ImportButton"] }).ClickAsync();
    }
}
