using Floke.Web.Core.NationalData;
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

    /// <summary>Every word of the text is marked exactly when one of its forms is among the stems (the definition, read
    /// word by word here), whatever the highlighter skips to be fast: over the generator's Norwegian texts, upper and lower
    /// case, words that start with æ, ø or å, queries typed without them, cut and uncut.</summary>
    [Fact]
    public void Highlight_MarksTheWordsWhoseFormsAreSearched_AsTheDefinitionSays()
    {
        var texts = new[] { Words.NeedSubjects, Words.NeedProblems, Words.Experiences, Words.Situations, Words.Summaries, Words.Effects, Words.Places,
            Words.InitiativeThings, Words.Rules, Words.StateSubjects }.SelectMany(t => t).ToList();
        var rng = new Random(7);
        var bodies = Enumerable.Range(0, 300).Select(_ => string.Join(' ', Enumerable.Range(0, rng.Next(1, 40)).Select(_ => texts[rng.Next(texts.Count)])))
            .Select(t => rng.Next(4) == 0 ? t.ToUpperInvariant() : t).Append("Ærlig øving åpner ÅPENT Øye for ærlighet og Søknad om SØKNADER").ToList();
        var queries = new[] { "søknad", "soknad", "åpne", "apne", "øving", "ærlig", "aerlig", "ventetid", "Kommunen", "bruker", "helse", "skolen", "NAV", "e" };
        var checkedMatches = 0;
        foreach (var query in queries)
        {
            var stems = new HashSet<string>(new[] { query.ToLowerInvariant(), NorwegianText.Fold(query.ToLowerInvariant()) }.SelectMany(NorwegianText.Forms));
            foreach (var body in bodies)
            {
                var marked = NorwegianText.Words(body).Where(w => NorwegianText.Forms(w.Word).Any(stems.Contains)).Select(w => body.Substring(w.Start, w.Word.Length)).ToList();
                var parts = NorwegianText.Highlight(body, stems);
                Assert.Equal(body, string.Concat(parts.Select(p => p.Text)));
                Assert.Equal(marked, parts.Where(p => p.Match).Select(p => p.Text));
                checkedMatches += marked.Count;

                var cut = NorwegianText.Highlight(body, stems, 120);
                var shown = string.Concat(cut.Select(p => p.Text)).Trim('…', ' ');
                Assert.Contains(shown, body);
                if (marked.Count > 0)
                {
                    Assert.Equal(marked[0], cut.First(p => p.Match).Text); // cut around the first match
                }
            }
        }
        Assert.InRange(checkedMatches, 500, int.MaxValue); // the texts have the searched words, often
    }
}
