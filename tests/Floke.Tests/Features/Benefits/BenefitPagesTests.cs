using System.Net;
using System.Net.Http.Json;
using Floke.Tests.TestSupport;

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
        var csv = "dato;verdi\n" + string.Concat(days.Select((d, i) => $"{d:yyyy-MM-dd};{i * 100}\n"));
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
        Assert.Contains("15.01.2026", second.QuerySelector("table tbody tr")!.TextContent);
        Assert.Contains("Side 2 av 20", second.QuerySelector("nav.ds-pagination")!.TextContent);

        // The chart covers the whole series, thinned to about one point per stretch of the time axis, ending at the latest value.
        var points = page.QuerySelectorAll("svg[role=img] circle.point");
        Assert.InRange(points.Length, 40, 100); // 400 days of a 3-year axis cut into 180 stretches: about 66
        Assert.Contains("04.02.2026", points[^1].TextContent);
        Assert.StartsWith("0", points[0].TextContent); // within the first days of January 2025
        Assert.Contains(".01.2025", points[0].TextContent);
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
