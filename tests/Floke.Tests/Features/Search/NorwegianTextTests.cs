using Floke.Web.Features.Search;

namespace Floke.Tests.Features.Search;

/// <summary>The Norwegian reading search relies on: word forms meet at one stem, æ/ø/å fold, one edit is one edit.</summary>
public class NorwegianTextTests
{
    [Theory]
    [InlineData("skolene", "skole")]
    [InlineData("søknadene", "søknad")]
    [InlineData("barnehagene", "barnehage")]
    [InlineData("kommunens", "kommune")]
    [InlineData("bilene", "bil")]
    public void InflectedForms_ShareAStem(string inflected, string basic) =>
        Assert.Equal(NorwegianText.Stem(basic), NorwegianText.Stem(inflected));

    [Theory]
    [InlineData("søknad", "soknad")]
    [InlineData("være", "vaere")]
    [InlineData("pårørende", "parorende")]
    [InlineData("café", "cafe")]
    public void Fold_RemovesNorwegianLettersAndAccents(string word, string folded) => Assert.Equal(folded, NorwegianText.Fold(word));

    [Fact]
    public void Terms_HoldBothSpellingsOfWordsWithNorwegianLetters()
    {
        var terms = NorwegianText.Terms("Søknadene om skoleskyss").Split(' ');
        Assert.Contains(NorwegianText.Stem("søknad"), terms);
        Assert.Contains(NorwegianText.Stem("soknad"), terms);
        Assert.Contains(NorwegianText.Stem("skoleskyss"), terms);
    }

    [Theory]
    [InlineData("skoleskyss", "skoleskuss", true)] // replaced
    [InlineData("skoleskyss", "skoleskys", true)]  // removed
    [InlineData("skoleskyss", "skolesskyss", true)] // added
    [InlineData("skoleskyss", "skolesykss", true)] // swapped
    [InlineData("skoleskyss", "skoleskyss", true)]
    [InlineData("skoleskyss", "skolesk", false)]
    [InlineData("skoleskyss", "skolaskuss", false)] // two edits
    [InlineData("barnehage", "barnehgae", true)]
    public void OneEditApart_CountsOneEdit(string a, string b, bool expected)
    {
        Assert.Equal(expected, NorwegianText.OneEditApart(a, b));
        Assert.Equal(expected, NorwegianText.OneEditApart(b, a));
    }

    [Fact]
    public void Highlight_MarksEveryFormOfTheSearchedWords_AndCutsAroundTheFirst()
    {
        var stems = new HashSet<string>(NorwegianText.Forms("skole"));
        var parts = NorwegianText.Highlight("Skolene i kommunen deler erfaringer med andre skoler.", stems);
        Assert.Equal(["Skolene", "skoler"], parts.Where(p => p.Match).Select(p => p.Text));
        Assert.Equal("Skolene i kommunen deler erfaringer med andre skoler.", string.Concat(parts.Select(p => p.Text)));

        var longText = string.Join(' ', Enumerable.Repeat("ord", 200)) + " skolen " + string.Join(' ', Enumerable.Repeat("ord", 200));
        var cut = NorwegianText.Highlight(longText, stems, 120);
        Assert.Contains(cut, p => p.Match && p.Text == "skolen");
        Assert.True(string.Concat(cut.Select(p => p.Text)).Length <= 130);
        Assert.StartsWith("…", cut[0].Text);
    }
}
