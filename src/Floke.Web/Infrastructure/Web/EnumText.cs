using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Infrastructure.Web;

/// <summary>Screen texts for enum values, kept in the resources as "TypeName.Value".</summary>
public static class EnumText
{
    public static string Text<T>(this IStringLocalizer l, T value) where T : struct, Enum => l[$"{typeof(T).Name}.{value}"];

    /// <summary>The texts of each flag set in a flags value.</summary>
    public static IEnumerable<string> Texts<T>(this IStringLocalizer l, T value) where T : struct, Enum =>
        Api.Flags.Split(value).Select(v => l.Text(v));

    /// <summary>Choices for a select or a set of checkboxes (flags without None).</summary>
    public static IEnumerable<SelectListItem> Options<T>(this IStringLocalizer l) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0)
            .Select(v => new SelectListItem(l.Text(v), v.ToString()));
}
