using Floke.Web.Infrastructure;

namespace Floke.Web.Features.Search;

/// <summary>Search results per query, filters, page and reader's organisations, and beneath them each query's public match
/// set (every public match's rank and facets, best first; one for all readers) and each member's own (the matches shown
/// to their organisations only) — the same idea as a search engine's request and filter caches, dropped at
/// each index refresh: a broad word matches tens of thousands of documents, and ranking them and counting them by every
/// facet costs far more than serving the result again or cutting another page or filter from the matches already read.
/// Marked stale when anything indexed is saved (<see cref="CacheInvalidation"/>); at most
/// <c>Floke:Search:CacheMegabytes</c> (default 32) of both, the least used dropped first. 32 rather than 64 since the
/// nineteenth session: under the 224 MB heap limit a 64 MB cache of pages nobody asks again (a new page of a common word)
/// filled the old generation — p95 52 ms on those pages against 33 ms with 32 MB, pages asked again as fast (bench README).
/// Since the twentieth session a page is kept only from its second ask (<see cref="AskedKeys"/> keys remembered, 256 KB):
/// most pages of a query are asked once.</summary>
public sealed class SearchCache(IServiceScopeFactory scopes, IConfiguration config, IHostApplicationLifetime lifetime, TimeProvider clock,
    ILoggerFactory loggers)
    : ComputedCache("search", "Floke:Search", TimeSpan.FromMinutes(5), null, config.GetValue("Floke:Search:CacheMegabytes", 32L) * 1024,
        scopes, config, lifetime, clock, loggers, AskedKeys)
{
    /// <summary>How many pages asked once are remembered, so that a second ask keeps the page.</summary>
    public const int AskedKeys = 1 << 16;

    /// <summary>How many public matches a single word needs for its set to be kept in the database
    /// (<see cref="SearchMatchStore"/>; 0: none kept).</summary>
    public int KeepMatchesFrom { get; } = SearchMatchStore.KeepFrom(config);

    /// <summary>Roughly how many kilobytes a report holds in memory: its texts (two bytes a letter) and, for each result,
    /// facet value and the entry itself, the objects around them.</summary>
    public static long Kilobytes(SearchReport report)
    {
        var f = report.Facets;
        var facetValues = f.Kinds.Count + f.Stages.Count + f.Measures.Count + f.OrganizationKinds.Count + f.Counties.Count + f.Years.Count;
        var bytes = 1_500 + facetValues * 48 + report.Results.Items.Sum(r =>
            600 + 2 * (r.Url.Length + r.Title.Sum(p => p.Text.Length) + r.Snippet.Sum(p => p.Text.Length) + (r.OwnerName?.Length ?? 0)) + 48 * (r.Title.Count + r.Snippet.Count));
        return 1 + bytes / 1024;
    }
}
