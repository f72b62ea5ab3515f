using System.Net;
using System.Net.Http.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Core.Organizations;

[Collection("app")]
public class MembershipTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Join_ApprovedAsLeader_CanWriteNeedsForTheOrganization(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app, "admin");
        var newcomer = await Clients.NewApiUserAsync(app, "newcomer");
        var org = await admin.CreateOrganizationAsync();

        // Before approval the request gives no rights.
        var join = await newcomer.Http.PostAsync($"/api/v1/organizations/{org}/memberships", null);
        Assert.Equal(HttpStatusCode.Created, join.StatusCode);
        var early = await newcomer.Http.PostAsJsonAsync("/api/v1/needs", TestData.Need(org));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await early.ReadJsonAsync()).GetProperty("errors").TryGetProperty("ownerOrganizationId", out _));

        var membershipId = (await join.ReadJsonAsync()).GetProperty("id").GetInt32();
        var decide = await admin.Http.PostAsJsonAsync($"/api/v1/organizations/{org}/memberships/{membershipId}/decision", new { approve = true, role = "Leader" });
        Assert.Equal(HttpStatusCode.OK, decide.StatusCode);
        Assert.Equal("Leader", (await decide.ReadJsonAsync()).GetProperty("role").GetString());

        await newcomer.CreateNeedAsync(org);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Member_CannotApproveJoins_OrSeeTheMemberList(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app, "admin");
        var member = await Clients.NewApiUserAsync(app, "member");
        var applicant = await Clients.NewApiUserAsync(app, "applicant");
        var org = await admin.CreateOrganizationAsync();
        await member.JoinAsync(org, admin);
        var join = await applicant.Http.PostAsync($"/api/v1/organizations/{org}/memberships", null);
        var membershipId = (await join.ReadJsonAsync()).GetProperty("id").GetInt32();

        var attempt = await member.Http.PostAsJsonAsync($"/api/v1/organizations/{org}/memberships/{membershipId}/decision", new { approve = true, role = "Administrator" });
        Assert.Equal(HttpStatusCode.Forbidden, attempt.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.GetAsync($"/api/v1/organizations/{org}/memberships")).StatusCode);

        var list = await (await admin.Http.GetAsync($"/api/v1/organizations/{org}/memberships")).ReadJsonAsync();
        var pending = list.EnumerateArray().Single(m => m.GetProperty("email").GetString() == applicant.Email);
        Assert.Equal("Pending", pending.GetProperty("status").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task LastAdministrator_CannotBeDemoted(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app, "admin");
        var org = await admin.CreateOrganizationAsync();
        var list = await (await admin.Http.GetAsync($"/api/v1/organizations/{org}/memberships")).ReadJsonAsync();
        var mine = list.EnumerateArray().Single().GetProperty("id").GetInt32();
        var demote = await admin.Http.PostAsJsonAsync($"/api/v1/organizations/{org}/memberships/{mine}/decision", new { approve = true, role = "Member" });
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.True((await demote.ReadJsonAsync()).GetProperty("errors").TryGetProperty("role", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Verify_OnlyPlatformAdministrators(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app, "owner");
        var org = await owner.CreateOrganizationAsync();
        var byOwner = await owner.Http.PostAsJsonAsync($"/api/v1/organizations/{org}/verification", new { verified = true });
        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);

        var platformAdmin = await Admins.NewPlatformAdminAsync(app);
        var verified = await platformAdmin.Http.PostAsJsonAsync($"/api/v1/organizations/{org}/verification", new { verified = true });
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.True((await verified.ReadJsonAsync()).GetProperty("isVerified").GetBoolean());
    }
}
