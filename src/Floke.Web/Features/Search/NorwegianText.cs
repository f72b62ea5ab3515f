using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Floke.Web.Features.Search;

/// <summary>A part of a title or snippet, marked where it matched the search.</summary>
public sealed record TextPart(string Text, bool Match);

/// <summary>How Floke reads Norwegian for search, the same for SQLite and PostgreSQL: words are lower-cased; each is
/// stemmed with the Snowball Norwegian stemmer ("skolene" → "skol", as PostgreSQL's <c>norwegian</c> configuration does);
/// words with æ, ø, å or accents are also indexed folded ("søknad" → "soknad"), so a query typed without a Norwegian
/// keyboard finds them; common function words ("og", "i", "som") are not searched for.</summary>
public static class NorwegianText
{
    /// <summary>Words at least this long are corrected when they are not in any indexed text (one letter wrong, missing,
    /// extra or two swapped).</summary>
    public const int MinCorrectableLength = 6;

    [ThreadStatic] private static NorwegianStemmer? _stemmer;

    private static readonly HashSet<string> StopWords = new(
        Lucene.Net.Analysis.No.NorwegianAnalyzer.DefaultStopSet.Select(w => w.ToString() ?? "").Where(w => w.Length > 0), StringComparer.Ordinal);

    /// <summary>The lower-case words of a text: runs of letters and digits.</summary>
    public static IEnumerable<(int Start, string Word)> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return (start, text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
    }

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    public static string Stem(string word)
    {
        var stemmer = _stemmer ??= new NorwegianStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <summary>æ → ae, ø → o, å → a, and other accents removed ("café" → "cafe").</summary>
    public static string Fold(string word)
    {
        if (word.All(char.IsAscii))
        {
            return word;
        }
        var sb = new StringBuilder(word.Length + 2);
        foreach (var c in word.Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "o", StringComparison.Ordinal).Replace("å", "a", StringComparison.Ordinal)
                     .Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The forms a word is indexed and searched under: its stem, and the stem of its folded spelling.</summary>
    public static IEnumerable<string> Forms(string word)
    {
        var stem = Stem(word);
        yield return stem;
        var folded = Fold(word);
        if (folded != word)
        {
            var foldedStem = Stem(folded);
            if (foldedStem != stem)
            {
                yield return foldedStem;
            }
        }
    }

    /// <summary>The index terms of a text, space-separated (for SQLite's FTS5).</summary>
    public static string Terms(string? text) => string.Join(' ', Words(text).SelectMany(w => Forms(w.Word)));

    /// <summary>The folded spellings of the words that have æ, ø, å or accents (for PostgreSQL, which stems them itself).</summary>
    public static string FoldedWords(string? text) =>
        string.Join(' ', Words(text).Select(w => w.Word).Where(w => !w.All(char.IsAscii)).Select(Fold).Distinct(StringComparer.Ordinal));

    /// <summary>The words of a text that can be corrected towards, folded.</summary>
    public static IEnumerable<string> CorrectableWords(string? text) =>
        Words(text).Select(w => Fold(w.Word)).Where(w => w.Length >= MinCorrectableLength && w.Length <= 60 && !w.All(char.IsDigit));

    /// <summary>At most one edit apart: one letter replaced, added, removed, or two neighbours swapped.</summary>
    public static bool OneEditApart(string a, string b)
    {
        if (a == b)
        {
            return true;
        }
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }
        if (a.Length == b.Length)
        {
            return a[(i + 1)..] == b[(i + 1)..]
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..] == b[(i + 2)..]);
        }
        return a.Length > b.Length ? a[(i + 1)..] == b[i..] : a[i..] == b[(i + 1)..];
    }

    /// <summary>A text cut to about <paramref name="length"/> characters around its first match, in parts marked where a
    /// word has one of <paramref name="stems"/> among its forms. Words are stemmed only when they may match: a stem is the
    /// start of the word it comes from (the Snowball stemmer only takes endings off), so a word whose first letter is
    /// an ASCII letter no stem starts with has none of them among its forms — most words of a result's text, each of which
    /// would otherwise be lower-cased, stemmed and folded (in a profile of pages of 50 results, a tenth of the app's time).
    /// Words after the cut are not read.</summary>
    public static IReadOnlyList<TextPart> Highlight(string? text, IReadOnlySet<string> stems, int length = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        var firsts = new HashSet<char>(stems.Where(s => s.Length > 0).Select(s => s[0]));
        var matches = new List<(int Start, int End)>();
        var from = 0;
        var to = text.Length;
        for (var i = 0; i < text.Length && i < to;)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            var first = char.ToLowerInvariant(text[start]);
            if ((first > '\x7f' || firsts.Contains(first)) && Forms(text[start..i].ToLowerInvariant()).Any(stems.Contains))
            {
                matches.Add((start, i));
                if (matches.Count == 1 && text.Length > length)
                {
                    (from, to) = Window(text, start, length);
                }
            }
        }
        if (matches.Count == 0 && text.Length > length)
        {
            (from, to) = Window(text, 0, length);
        }
        var parts = new List<TextPart>();
        if (from > 0)
        {
            parts.Add(new("… ", false));
        }
        var at = from;
        foreach (var (start, end) in matches.Where(m => m.Start >= from && m.End <= to))
        {
            if (start > at)
            {
                parts.Add(new(text[at..start], false));
            }
            parts.Add(new(text[start..end], true));
            at = end;
        }
        if (at < to)
        {
            parts.Add(new(text[at..to], false));
        }
        if (to < text.Length)
        {
            parts.Add(new(" …", false));
        }
        return parts;
    }

    /// <summary>About <paramref name="length"/> characters of a longer text, starting a quarter of that before
    /// <paramref name="first"/>, both ends at a space where there is one.</summary>
    private static (int From, int To) Window(string text, int first, int length)
    {
        var from = Math.Max(0, first - length / 4);
        var space = from == 0 ? 0 : text.LastIndexOf(' ', from);
        from = space <= 0 ? from : space + 1;
        var to = Math.Min(text.Length, from + length);
        var end = to == text.Length ? -1 : text.LastIndexOf(' ', to);
        return (from, end > from ? end : to);
    }
}
