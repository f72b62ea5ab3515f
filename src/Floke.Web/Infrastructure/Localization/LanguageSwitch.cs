using Microsoft.AspNetCore.Localization;

namespace Floke.Web.Infrastructure.Localization;

public static class LanguageSwitch
{
    /// <summary>POST /language: remembers the chosen language in a cookie and returns to the page the person came from. No
    /// antiforgery token: a request forged from another site could only set the reader's language (and return to a page of
    /// this site), and the form is on every page, where a token would be made for every first-time visitor.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapPost("/language", (HttpContext ctx, [Microsoft.AspNetCore.Mvc.FromForm] string? culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var ui = LocalizationSetup.UiCultures.Any(c => c.Name == culture) ? culture! : "nb";
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, LocalizationSetup.CookieValue(ui), new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = ctx.Request.IsHttps,
            });
            // Only local paths, so the form cannot be used to send people elsewhere.
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl : "/";
            return TypedResults.LocalRedirect(target);
        }).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }
}
