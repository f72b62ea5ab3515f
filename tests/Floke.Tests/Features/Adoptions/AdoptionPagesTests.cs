using System.Net;
using Floke.Tests.Features.Benefits;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.Adoptions;

/// <summary>Adopting through the pages, and the owner being told until someone confirms.</summary>
[Collection("app")]
public class AdoptionPagesTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task AdoptByPage_OwnerIsToldOnTheirPages_UntilTheyConfirm(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await BenefitsApiTests.InitiativeAsync(app);
        var adopter = await Clients.NewApiUserAsync(app, "adopter");
        var adopterOrg = await adopter.CreateOrganizationAsync(TestData.Organization(name: $"Alta kommune {TestData.Token()}", municipality: "5601"));
        var adopterPages = await Clients.SignedInPagesAsync(app, adopter);

        var abandoned = await adopterPages.SubmitAsync($"/adoptions/new?initiative={initiative}", [new("AdopterOrganizationId", adopterOrg.ToString()), new("Input.Status", "Abandoned")]);
        Assert.Equal(HttpStatusCode.OK, abandoned.StatusCode);
        Assert.NotNull((await PageClient.ParseAsync(abandoned)).QuerySelector("#Input_AbandonReason-error"));
        var created = await adopterPages.SubmitAsync($"/adoptions/new?initiative={initiative}",
            [new("AdopterOrganizationId", adopterOrg.ToString()), new("Input.Status", "Piloting"), new("Input.Adaptations", "Koblet til vår vaktsentral")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.ToString();

        var ownerPages = await Clients.SignedInPagesAsync(app, owner);
        var account = await ownerPages.GetDocumentAsync("/account");
        Assert.Contains(account.QuerySelectorAll("#adoptions-heading + ul a"), a => a.GetAttribute("href") == url);
        var initiativePage = await ownerPages.GetDocumentAsync($"/initiatives/{initiative}");
        Assert.Contains("1", initiativePage.QuerySelector("#value-heading")!.ParentElement!.QuerySelector(".ds-alert")!.TextContent);

        // The adopter sees no confirm button; the owner confirms, and the news is gone.
        Assert.Empty((await adopterPages.GetDocumentAsync(url)).QuerySelectorAll("form[action*=Confirm]"));
        Assert.Equal(HttpStatusCode.Redirect, (await ownerPages.SubmitAsync(url, [], action: $"{url}?handler=Confirm")).StatusCode);
        Assert.Null((await ownerPages.GetDocumentAsync("/account")).QuerySelector("#adoptions-heading"));
        Assert.Null((await ownerPages.GetDocumentAsync($"/initiatives/{initiative}")).QuerySelector("#value-heading")!.ParentElement!.QuerySelector(".ds-alert"));
    }
}
