using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Floke.Web.Core.Accounts;

/// <summary>Adds to the sign-in what every request needs without a database read: the person's name and whether
/// they must still replace a one-time password.</summary>
public sealed class FlokeClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    public const string MustChangePassword = "floke:must_change_password";
    public const string DisplayName = "floke:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        }
        return identity;
    }
}

public static class MustChangePasswordGate
{
    private static readonly string[] Allowed = ["/account/password", "/api/v1/account", "/account/logout", "/language", "/lib", "/css", "/js", "/error", "/health"];

    /// <summary>Someone signed in with a one-time password can do nothing else until they choose their own.</summary>
    public static IApplicationBuilder UseMustChangePasswordGate(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.HasClaim(FlokeClaimsFactory.MustChangePassword, "true") && !Allowed.Any(p => ctx.Request.Path.StartsWithSegments(p)))
        {
            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            ctx.Response.Redirect("/account/password");
            return;
        }
        await next();
    });
}
