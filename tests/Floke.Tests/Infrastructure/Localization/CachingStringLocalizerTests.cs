using System.Globalization;
using Floke.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Floke.Tests.Infrastructure.Localization;

/// <summary>Texts are kept per language: after Norwegian has been read, English readers still get English, with their
/// values filled in, and a key with no text is reported as missing every time.</summary>
[Collection("app")]
public class CachingStringLocalizerTests(Apps apps)
{
    [Fact]
    public void EachLanguageGetsItsOwnText_AfterTheOtherWasKept()
    {
        var l = apps["sqlite"].Services.GetRequiredService<IStringLocalizer<Floke.Web.Resources.SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("nb");
            Assert.Equal("Alle", l["Filter.All"].Value);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("All", l["Filter.All"].Value);
            Assert.Equal("You are signed in as Kari (kari@eksempel.no).", l["Account.SignedInAs", "Kari", "kari@eksempel.no"].Value);
            CultureInfo.CurrentUICulture = new CultureInfo("nb");
            Assert.Equal("Alle", l["Filter.All"].Value);
            Assert.True(l["No.Such.Text"].ResourceNotFound);
            Assert.True(l["No.Such.Text"].ResourceNotFound);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
