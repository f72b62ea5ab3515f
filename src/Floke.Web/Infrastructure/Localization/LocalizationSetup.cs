using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Infrastructure.Localization;

/// <summary>Norwegian bokmål by default, English on request. Numbers, dates and NOK stay Norwegian in both.</summary>
public static class LocalizationSetup
{
    public static readonly CultureInfo[] UiCultures = [new("nb"), new("en")];

    public static IServiceCollection AddFlokeLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory>(sp => new CachingStringLocalizerFactory(sp.GetRequiredService<ResourceManagerStringLocalizerFactory>()));
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("nb-NO", "nb");
            o.SupportedCultures = [new CultureInfo("nb-NO")];
            o.SupportedUICultures = UiCultures;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider(),
                // API clients say their language with Accept-Language; a browser's header does not override the Norwegian default on pages.
                new CustomRequestCultureProvider(async ctx =>
                    ctx.Request.Path.StartsWithSegments("/api")
                        ? await new AcceptLanguageHeaderRequestCultureProvider().DetermineProviderCultureResult(ctx)
                        : null),
            ];
        });
        return services;
    }

    /// <summary>The cookie value that keeps Norwegian formats and the chosen language for texts.</summary>
    public static string CookieValue(string uiCulture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("nb-NO", uiCulture));
}
