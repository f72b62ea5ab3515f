using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;

namespace Floke.Web.Features.Search;

/// <summary>How many matches have each facet value: counted in one pass over a query's matches (by value in arrays — a
/// dictionary per facet took 40 ms a pass over 140,000 matches), added to another tally, and kept as bytes beside a common
/// word's kept set (<see cref="SearchMatchStore"/>), so that a page of that word is answered without reading its matches.</summary>
internal sealed class FacetTally
{
    // Kind, stage and organisation kind are four bits of a match's packed facets, the county eight, measures sixteen bits.
    private readonly int[] _kinds = new int[16], _stages = new int[16], _orgKinds = new int[16], _counties = new int[256], _measures = new int[16];
    private int _firstYear;
    private int[] _years;

    /// <summary>An empty tally for matches from <paramref name="firstYear"/> to <paramref name="lastYear"/>.</summary>
    public FacetTally(int firstYear, int lastYear)
    {
        _firstYear = firstYear;
        _years = new int[lastYear >= firstYear ? lastYear - firstYear + 1 : 0];
    }

    /// <summary>How many matches are counted.</summary>
    public int Total { get; private set; }

    /// <summary>The matches' tally.</summary>
    public static FacetTally Of(ReadOnlySpan<SearchQueries.Match> matches)
    {
        var (first, last) = (int.MaxValue, int.MinValue);
        foreach (ref readonly var m in matches)
        {
            (first, last) = (Math.Min(first, m.Year), Math.Max(last, m.Year));
        }
        var tally = new FacetTally(first, last);
        foreach (ref readonly var m in matches)
        {
            tally.Add(in m);
        }
        return tally;
    }

    /// <summary>Counts one match (its year within the tally's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in SearchQueries.Match m)
    {
        Total++;
        _kinds[(byte)m.Kind]++;
        _stages[m.Stage]++;
        _orgKinds[m.OrganizationKind]++;
        _counties[m.County]++;
        _years[m.Year - _firstYear]++;
        for (var bits = (uint)m.Measures; bits != 0; bits &= bits - 1)
        {
            _measures[System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
        }
    }

    /// <summary>Takes out one match counted before.</summary>
    public void Remove(in SearchQueries.Match m)
    {
        Total--;
        _kinds[(byte)m.Kind]--;
        _stages[m.Stage]--;
        _orgKinds[m.OrganizationKind]--;
        _counties[m.County]--;
        _years[m.Year - _firstYear]--;
        for (var bits = (uint)m.Measures; bits != 0; bits &= bits - 1)
        {
            _measures[System.Numerics.BitOperations.TrailingZeroCount(bits)]--;
        }
    }

    /// <summary>Adds another tally's counts (of other matches) to this one's.</summary>
    public void Add(FacetTally other)
    {
        if (other.Total == 0)
        {
            return;
        }
        if (Total == 0 || other._firstYear < _firstYear || other._firstYear + other._years.Length > _firstYear + _years.Length)
        {
            var first = Total == 0 ? other._firstYear : Math.Min(_firstYear, other._firstYear);
            var end = Total == 0 ? other._firstYear + other._years.Length : Math.Max(_firstYear + _years.Length, other._firstYear + other._years.Length);
            var years = new int[end - first];
            if (Total > 0)
            {
                _years.CopyTo(years, _firstYear - first);
            }
            (_firstYear, _years) = (first, years);
        }
        Total += other.Total;
        Sum(_kinds, other._kinds);
        Sum(_stages, other._stages);
        Sum(_orgKinds, other._orgKinds);
        Sum(_counties, other._counties);
        Sum(_measures, other._measures);
        Sum(_years.AsSpan(other._firstYear - _firstYear, other._years.Length), other._years);
    }

    private static void Sum(Span<int> to, ReadOnlySpan<int> from)
    {
        for (var i = 0; i < from.Length; i++)
        {
            to[i] += from[i];
        }
    }

    /// <summary>The counts as a search shows them: each facet's values, most first; "none" (0, one up) is not a value.</summary>
    public SearchFacets Facets()
    {
        static List<FacetCount<T>> Facet<T>(int[] counts, Func<int, T> value, int from = 1) where T : notnull =>
            [.. Enumerable.Range(from, counts.Length - from).Where(i => counts[i] > 0).Select(i => new FacetCount<T>(value(i), counts[i]))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value)];
        var firstYear = _firstYear;
        return new SearchFacets(Facet(_kinds, i => (SearchKind)i), Facet(_stages, i => (InitiativeStage)(i - 1)),
            Facet(_measures, i => (Measures)(1 << i), from: 0), Facet(_orgKinds, i => (OrganizationKind)(i - 1)),
            [.. Facet(_counties, County).OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)],
            [.. Facet(_years, i => firstYear + i, from: 0).OrderByDescending(c => c.Value)]);
    }

    /// <summary>A county's number as written (two digits).</summary>
    private static string County(int number) => number.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    // As bytes: the fixed counts, then the total, the first year and the years' counts (little-endian 32-bit numbers).
    private const int Fixed = 16 + 16 + 16 + 256 + 16;

    public byte[] ToBytes()
    {
        var ints = new int[Fixed + 2 + _years.Length];
        _kinds.CopyTo(ints, 0);
        _stages.CopyTo(ints, 16);
        _orgKinds.CopyTo(ints, 32);
        _counties.CopyTo(ints, 48);
        _measures.CopyTo(ints, 304);
        (ints[Fixed], ints[Fixed + 1]) = (Total, _firstYear);
        _years.CopyTo(ints, Fixed + 2);
        return MemoryMarshal.AsBytes(ints.AsSpan()).ToArray();
    }

    public static FacetTally FromBytes(ReadOnlySpan<byte> bytes)
    {
        var ints = MemoryMarshal.Cast<byte, int>(bytes);
        var tally = new FacetTally(ints[Fixed + 1], ints[Fixed + 1] + ints.Length - Fixed - 3) { Total = ints[Fixed] };
        ints[..16].CopyTo(tally._kinds);
        ints[16..32].CopyTo(tally._stages);
        ints[32..48].CopyTo(tally._orgKinds);
        ints[48..304].CopyTo(tally._counties);
        ints[304..Fixed].CopyTo(tally._measures);
        ints[(Fixed + 2)..].CopyTo(tally._years);
        return tally;
    }
}
