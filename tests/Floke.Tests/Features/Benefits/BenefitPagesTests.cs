using System.Net;
using System.Net.Http.Json;
using Floke.Tests.TestSupport;
using Floke.Web.Features.Benefits;
using Floke.Web.Infrastructure;

namespace Floke.Tests.Features.Benefits;

/// <summary>The benefit pages as a browser without script uses them: errors beside fields, nothing typed lost, rights on the server.</summary>
[Collection("app")]
public class BenefitPagesTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task CreateBenefit_ErrorsBesideFields_ThenSaved_ThenMeasuredWithANorwegianDecimal(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await BenefitsApiTests.InitiativeAsync(app);
        var pages = await Clients.SignedInPagesAsync(app, owner);

        var invalid = await pages.SubmitAsync($"/benefits/new?initiative={initiative}", [
            new("Input.Description", ""), new("Input.Kind", "Quality"), new("Input.Unit", "skår 1–6"), new("Input.Direction", "HigherIsBetter"),
            new("Input.BaselineValue", "4"), new("Input.BaselineDate", "2026-01-01"), new("Input.TargetValue", "3"), new("Input.TargetDate", "2027-01-01"),
            new("Input.BeneficiaryNumber", "123")]);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var doc = await PageClient.ParseAsync(invalid);
        Assert.NotNull(doc.QuerySelector("#Input_BeneficiaryNumber-error"));
        Assert.Equal("skår 1–6", ((AngleSharp.Html.Dom.IHtmlInputElement)doc.QuerySelector("#Input_Unit")!).Value);

        var noReceiver = await PageClient.ParseAsync(await pages.SubmitAsync($"/benefits/new?initiative={initiative}", [
            new("Input.Description", "Bedre opplevd trygghet"), new("Input.Kind", "Quality"), new("Input.Unit", "skår 1–6"), new("Input.Direction", "HigherIsBetter"),
            new("Input.BaselineValue", "4"), new("Input.BaselineDate", "2026-01-01"), new("Input.TargetValue", "3"), new("Input.TargetDate", "2027-01-01")]));
        Assert.NotNull(noReceiver.QuerySelector("#Input_BeneficiaryNumber-error"));
        Assert.NotNull(noReceiver.QuerySelector("#Input_TargetValue-error"));

        var saved = await pages.SubmitAsync($"/benefits/new?initiative={initiative}", [
            new("Input.Description", "Bedre opplevd trygghet"), new("Input.Kind", "Quality"), new("Input.Unit", "skår 1–6"), new("Input.Direction", "HigherIsBetter"),
            new("Input.BaselineValue", "3,5"), new("Input.BaselineDate", "2026-01-01"), new("Input.TargetValue", "5"), new("Input.TargetDate", "2027-01-01"),
            new("Input.BeneficiaryGroup", "Citizens")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.ToString();

        var measured = await pages.SubmitAsync(url, [new("Measure.Date", "2026-03-01"), new("Measure.Value", "4,25"), new("Measure.Source", "Spørreundersøkelse")],
            action: $"{url}?handler=Measure");
        Assert.Equal(HttpStatusCode.Redirect, measured.StatusCode);
        var page = await pages.GetDocumentAsync(url);
        Assert.Contains("4,25 skår 1–6", page.QuerySelector("table")!.TextContent);
        Assert.NotNull(page.QuerySelector("svg[role=img] desc"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ALongSeries_TheTableIsPagedNewestFirst_TheChartDrawsItWhole(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await BenefitsApiTests.InitiativeAsync(app);
        var id = (await BenefitsApiTests.CreateAsync(owner, BenefitsApiTests.Saving(initiative, null, "Citizens"))).GetProperty("benefit").GetProperty("id").GetInt32();
        var days = Enumerable.Range(0, 400).Select(i => new DateOnly(2025, 1, 1).AddDays(i)).ToList();
        // A spike within the first stretch (not its latest day), and the newest day measured twice: the later row counts.
        List<(DateOnly Date, int Value)> measured = [.. days.Select((d, i) => (d, i == 3 ? 5_000_000 : i * 100)), (days[^1], 12_345)];
        var csv = "dato;verdi\n" + string.Concat(measured.Select(r => $"{r.Date:yyyy-MM-dd};{r.Value}\n"));
        var imported = await owner.Http.PostAsync($"/api/v1/benefits/{id}/measurements/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var pages = await Clients.SignedInPagesAsync(app, owner);

        var page = await pages.GetDocumentAsync($"/benefits/{id}");
        var rows = page.QuerySelectorAll("table tbody tr");
        Assert.Equal(20, rows.Length);
        Assert.Contains("04.02.2026", rows[0].TextContent); // the newest: 1 January 2025 + 399 days
        var next = page.QuerySelector("nav.ds-pagination a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal($"/benefits/{id}?p=2#measurements-heading", next);
        var second = await pages.GetDocumentAsync(next.Split('#')[0]);
        Assert.Contains("16.01.2026", second.QuerySelector("table tbody tr")!.TextContent);
        Assert.Contains("Side 2 av 21", second.QuerySelector("nav.ds-pagination")!.TextContent);

        // The chart covers the whole series, thinned to the latest value of each of 180 equal stretches of the time axis
        // (baseline 1 January 2025 to target 31 December 2027), ending at the latest value.
        var (first, span) = (new DateOnly(2025, 1, 1).DayNumber, new DateOnly(2027, 12, 31).DayNumber - new DateOnly(2025, 1, 1).DayNumber + 1);
        var expected = measured.Select((r, order) => (r.Date, r.Value, order)).GroupBy(r => (r.Date.DayNumber - first) * BenefitChart.MaxPoints / span)
            .Select(g => g.MaxBy(r => (r.Date, r.order))).Select(r => $"{Formatting.Date(r.Date)}: {Formatting.Amount(r.Value, "NOK")}").ToList();
        var points = page.QuerySelectorAll("svg[role=img] circle.point").Select(p => p.TextContent).ToList();
        Assert.Equal(66, expected.Count);
        Assert.Equal(expected, points);
        Assert.Equal($"04.02.2026: {Formatting.Amount(12_345, "NOK")}", points[^1]);
        var scale = page.QuerySelectorAll("svg[role=img] text").Select(t => t.TextContent).ToList();
        Assert.Equal("5000000", new string(scale[0].Where(char.IsDigit).ToArray())); // the spike, thinned away, still sets the scale
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Pages_EnforceRights_ForEachRole(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await BenefitsApiTests.InitiativeAsync(app);
        var (draftOwner, _, draft) = await BenefitsApiTests.InitiativeAsync(app, publish: false);
        var id = (await BenefitsApiTests.CreateAsync(owner, BenefitsApiTests.Saving(initiative, null, "Citizens"))).GetProperty("benefit").GetProperty("id").GetInt32();
        var hidden = (await BenefitsApiTests.CreateAsync(draftOwner, BenefitsApiTests.Saving(draft, null, "Citizens"))).GetProperty("benefit").GetProperty("id").GetInt32();
        var outsider = await Clients.NewApiUserAsync(app, "outsider");
        await outsider.CreateOrganizationAsync();
        var pages = await Clients.SignedInPagesAsync(app, outsider);
        var anonymous = Clients.Anonymous(app);

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/benefits/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/benefits/{id}/edit")).StatusCode); // to sign in
        Assert.Equal(HttpStatusCode.Forbidden, (await pages.Http.GetAsync($"/benefits/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pages.Http.GetAsync($"/benefits/new?initiative={initiative}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.Http.GetAsync($"/benefits/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.Http.GetAsync($"/initiatives/{draft}/benefits")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/initiatives/{draft}/adoptions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.Http.GetAsync($"/adoptions/new?initiative={draft}")).StatusCode);

        // No measurement form for someone who may not measure; posting anyway is refused.
        var doc = await pages.GetDocumentAsync($"/benefits/{id}");
        Assert.Null(doc.QuerySelector("form[action*=Measure]"));
        var ownerPages = await Clients.SignedInPagesAsync(app, owner);
        Assert.NotNull((await ownerPages.GetDocumentAsync($"/benefits/{id}")).QuerySelector("form[action*=Measure]"));
    }
}
