using System.Net;
using System.Net.Http.Json;
using Floke.Web.Core.Accounts;

namespace Floke.Tests.TestSupport;

public static class Admins
{
    /// <summary>Creates a platform administrator the way an operator does (the CLI command), replaces the one-time
    /// password as the first sign-in requires, and returns the administrator signed in.</summary>
    public static async Task<ApiUser> NewPlatformAdminAsync(FlokeApp app)
    {
        var email = TestData.Email("platform-admin");
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommand.RunAsync(app.Services, ["admin", "create", "--email", email], output));
        var oneTime = output.ToString().Trim().Split(' ')[^1];
        var first = await Clients.SignInAsync(app, email, oneTime);
        var change = await first.Http.PostAsJsonAsync("/api/v1/account/manage/info", new { oldPassword = oneTime, newPassword = TestData.Password });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        return await Clients.SignInAsync(app, email, TestData.Password);
    }
}
