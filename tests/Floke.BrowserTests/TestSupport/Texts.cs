using System.Globalization;
using System.Resources;

namespace Floke.BrowserTests.TestSupport;

/// <summary>The app's own screen texts, so one journey runs in Norwegian and in English by the labels a person reads.</summary>
public sealed class Texts(string language)
{
    private static readonly ResourceManager Resources = new("Floke.Web.Resources.SharedResource", typeof(Program).Assembly);
    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(language);

    public string this[string key] => Resources.GetString(key, _culture) ?? throw new KeyNotFoundException(key);
}
