using System.Net;
using System.Net.Http.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Core.Accounts;

[Collection("app")]
public class AccountTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory]
    [InlineData("sqlite", "kort")]
    [InlineData("sqlite", "passwordpassword")]
    [InlineData("sqlite", "123456789012")]
    [InlineData("sqlite", "qwertyuiopasdfgh")]
    [InlineData("postgres", "passwordpassword")]
    public async Task Register_ShortOrCommonPassword_ProblemNamesPassword(string provider, string password)
    {
        var response = await Clients.Anonymous(apps[provider]).PostAsJsonAsync("/api/v1/account/register", new { email = TestData.Email(), password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("Password", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Register_LongPassphraseWithoutDigitsOrCapitals_Accepted(string provider)
    {
        // ASVS L2: no composition rules; a long passphrase is good.
        var response = await Clients.Anonymous(apps[provider]).PostAsJsonAsync("/api/v1/account/register",
            new { email = TestData.Email(), password = "blåbærsyltetøy på vaffel er best" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount(string provider)
    {
        var app = apps[provider];
        var user = await Clients.NewApiUserAsync(app);
        var http = Clients.Anonymous(app);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await http.PostAsJsonAsync("/api/v1/account/login", new { email = user.Email, password = "feil passord helt sikkert" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var right = await http.PostAsJsonAsync("/api/v1/account/login", new { email = user.Email, password = TestData.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("LockedOut", await right.Content.ReadAsStringAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task PageRegisterAndSignIn_IssuesAFreshCookieEachTime(string provider)
    {
        var app = apps[provider];
        var pages = Clients.Pages(app);
        var email = TestData.Email();
        var register = await pages.SubmitAsync("/account/register", [new("Input.DisplayName", "Kari Nordmann"), new("Input.Email", email), new("Input.Password", TestData.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        var first = AuthCookie(register);
        Assert.NotNull(first);

        var account = await pages.GetDocumentAsync("/account");
        Assert.Contains("Kari Nordmann", account.Body!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await pages.SubmitAsync("/account", [], action: "/account/logout")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.Http.GetAsync("/account")).StatusCode);

        var login = await pages.SubmitAsync("/account/login", [new("Input.Email", email), new("Input.Password", TestData.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var second = AuthCookie(login);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task PageSignIn_WrongPassword_SameMessageAsUnknownEmail(string provider)
    {
        var app = apps[provider];
        var user = await Clients.NewApiUserAsync(app);
        var wrong = await Clients.Pages(app).SubmitAsync("/account/login", [new("Input.Email", user.Email), new("Input.Password", "ikke mitt passord i det hele tatt")]);
        var unknown = await Clients.Pages(app).SubmitAsync("/account/login", [new("Input.Email", TestData.Email()), new("Input.Password", "ikke mitt passord i det hele tatt")]);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var a = (await PageClient.ParseAsync(wrong)).QuerySelector(".ds-validation-message")!.TextContent;
        var b = (await PageClient.ParseAsync(unknown)).QuerySelector(".ds-validation-message")!.TextContent;
        Assert.Equal(a, b);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AdminCommand_OneTimePassword_MustBeChangedBeforeAnythingElse(string provider)
    {
        var app = apps[provider];
        var email = TestData.Email("admin");
        var output = new StringWriter();
        Assert.Equal(0, await Floke.Web.Core.Accounts.AdminCommand.RunAsync(app.Services, ["admin", "create", "--email", email], output));
        var oneTime = output.ToString().Trim().Split(' ')[^1];
        Assert.True(oneTime.Length >= 20);

        var pages = Clients.Pages(app);
        var login = await pages.SubmitAsync("/account/login", [new("Input.Email", email), new("Input.Password", oneTime)]);
        Assert.Equal("/account/password", login.Headers.Location?.OriginalString);
        var elsewhere = await pages.Http.GetAsync("/needs/new");
        Assert.Equal("/account/password", elsewhere.Headers.Location?.OriginalString);

        var change = await pages.SubmitAsync("/account/password", [new("Input.CurrentPassword", oneTime), new("Input.NewPassword", TestData.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.Http.GetAsync("/needs/new")).StatusCode);
    }

    [Fact]
    public async Task AdminCommand_WithoutEmail_PrintsUsage()
    {
        var output = new StringWriter();
        Assert.Equal(2, await Floke.Web.Core.Accounts.AdminCommand.RunAsync(apps["sqlite"].Services, ["admin", "create"], output));
        Assert.Contains("Usage", output.ToString());
    }

    private static string? AuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith("floke.auth=", StringComparison.Ordinal))?.Split(';')[0]
            : null;
}
