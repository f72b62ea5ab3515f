using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Infrastructure.Localization;

/// <summary>A text in a language other than the one the request runs in: the open-data catalogue writes both languages
/// at once, and the framework's problem details are titled outside request localization.</summary>
public static class TextsInCulture
{
    /// <summary><paramref name="key"/>'s text in <paramref name="culture"/> (the localizer reads the current UI culture, so
    /// it is set for the lookup and put back).</summary>
    public static string In(this IStringLocalizer l, CultureInfo culture, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return l[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
