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
