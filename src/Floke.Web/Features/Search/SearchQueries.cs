using Floke.Web.Core.Accounts;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Search;

public sealed record SearchFilter(string? Q, SearchKind? Kind = null, InitiativeStage? Stage = null, Measures? Measure = null,
    OrganizationKind? OrganizationKind = null, string? County = null, int? Year = null, int Page = 1, int PageSize = Paging.DefaultPageSize);

/// <summary>One result: what it is, where it lives, who owns it, and its title and a snippet marked where they matched.</summary>
public sealed record SearchResult(SearchKind Kind, int Id, string Url, IReadOnlyList<TextPart> Title, IReadOnlyList<TextPart> Snippet,
    int? OwnerOrganizationId, string? OwnerName, InitiativeStage? Stage, string? CountyNumber, int Year, bool IsPublic);

public sealed record FacetCount<T>(T Value, int Count);

/// <summary>How many of the results have each value — over the whole result set, not the page.</summary>
public sealed record SearchFacets(IReadOnlyList<FacetCount<SearchKind>> Kinds, IReadOnlyList<FacetCount<InitiativeStage>> Stages,
    IReadOnlyList<FacetCount<Measures>> Measures, IReadOnlyList<FacetCount<OrganizationKind>> OrganizationKinds,
    IReadOnlyList<FacetCount<string>> Counties, IReadOnlyList<FacetCount<int>> Years);

/// <summary>The words searched for, with the corrections made to words found nowhere ("skoleeir" → "skoleeier").</summary>
public sealed record SearchReport(Paged<SearchResult> Results, SearchFacets Facets, IReadOnlyList<string> Words, IReadOnlyDictionary<string, string[]> Corrections);

/// <summary>An existing item like the one being written: shared words say why; adoptions and realised gains (initiatives) and
/// initiatives serving it (needs) say whether it is worth a look.</summary>
public sealed record SimilarItem(SearchResult Item, IReadOnlyList<string> SharedWords, int Adoptions, decimal RealisedGainsNok, int ServingInitiatives);

/// <summary>A document matching the words, with how well it matched (higher is better) — read in the same pass as the
/// match, so the database visits each matching row once.</summary>
public sealed class SearchHit
{
    public int Id { get; init; }
    public double Rank { get; init; }
    public SearchKind Kind { get; init; }
    public int ItemId { get; init; }
    public int? InitiativeId { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public bool IsPublic { get; init; }
    public int? OwnerOrganizationId { get; init; }
    public OrganizationKind? OrganizationKind { get; init; }
    public string? CountyNumber { get; init; }
    public InitiativeStage? Stage { get; init; }
    public Measures Measures { get; init; }
    public int Year { get; init; }
}

/// <summary>One search over needs, initiatives, experiments, lessons, barriers and organisations. Every word must match
/// (in any of its Norwegian forms, folded or not, or — for a long word found nowhere — a word one letter away); results
/// and every count are limited to what the reader may see.</summary>
public sealed class SearchQueries(FlokeDbContext db, CurrentUser user)
{
    public const int MaxPageSize = 100;
    public const int MaxWords = 12;

    public static string Url(SearchKind kind, int id, int? initiativeId) => kind switch
    {
        SearchKind.Need => $"/needs/{id}",
        SearchKind.Initiative => $"/initiatives/{id}",
        SearchKind.Experiment => $"/experiments/{id}",
        SearchKind.Lesson => $"/initiatives/{initiativeId}#lesson-{id}",
        SearchKind.Barrier => $"/barriers/{id}",
        _ => $"/organizations/{id}",
    };

    private static readonly SearchFacets NoFacets = new([], [], [], [], [], []);

    public async Task<SearchReport> SearchAsync(SearchFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Clamp(f.Page, f.PageSize, MaxPageSize);
        var words = NorwegianText.Words(f.Q).Select(w => w.Word).Where(w => !NorwegianText.IsStopWord(w)).Distinct().Take(MaxWords).ToList();
        if (words.Count == 0)
        {
            return new SearchReport(new Paged<SearchResult>([], page, size, 0), NoFacets, [], new Dictionary<string, string[]>());
        }
        var corrections = await CorrectionsAsync(words, ct);
        var alternatives = words.Select(w => new[] { w, NorwegianText.Fold(w) }.Concat(corrections.GetValueOrDefault(w) ?? []).Distinct().ToArray()).ToList();

        var orgIds = await user.OrganizationIdsAsync(ct);
        var visible = Hits(alternatives).Where(d => d.IsPublic || db.SearchViewers.Any(v => v.DocumentId == d.Id && orgIds.Contains(v.OrganizationId)))
            .Select(d => new { Hit = d, Doc = d });
        if (f.Kind is { } kind)
        {
            visible = visible.Where(x => x.Doc.Kind == kind);
        }
        if (f.Stage is { } stage)
        {
            visible = visible.Where(x => x.Doc.Stage == stage);
        }
        if (f.Measure is { } measure and not Measures.None)
        {
            visible = visible.Where(x => (x.Doc.Measures & measure) == measure);
        }
        if (f.OrganizationKind is { } orgKind)
        {
            visible = visible.Where(x => x.Doc.OrganizationKind == orgKind);
        }
        if (f.County is { Length: > 0 } county)
        {
            visible = visible.Where(x => x.Doc.CountyNumber == county);
        }
        if (f.Year is { } year)
        {
            visible = visible.Where(x => x.Doc.Year == year);
        }

        // Every facet from one pass over the matches (a few thousand groups at most), summed per facet here.
        var groups = await visible.GroupBy(x => new { x.Doc.Kind, x.Doc.Stage, x.Doc.OrganizationKind, x.Doc.CountyNumber, x.Doc.Year, x.Doc.Measures })
            .Select(g => new { g.Key.Kind, g.Key.Stage, g.Key.OrganizationKind, g.Key.CountyNumber, g.Key.Year, g.Key.Measures, Count = g.Count() }).ToListAsync(ct);
        var total = groups.Sum(g => g.Count);
        if (total == 0)
        {
            return new SearchReport(new Paged<SearchResult>([], page, size, 0), NoFacets, words, corrections);
        }

        var rows = await visible.OrderByDescending(x => x.Hit.Rank).ThenByDescending(x => x.Doc.Id).Skip((page - 1) * size).Take(size)
            .Select(x => new { x.Doc.Kind, x.Doc.ItemId, x.Doc.InitiativeId, x.Doc.Title, x.Doc.Body, x.Doc.OwnerOrganizationId, x.Doc.Stage, x.Doc.CountyNumber,
                x.Doc.Year, x.Doc.IsPublic, OwnerName = db.Organizations.Where(o => o.Id == x.Doc.OwnerOrganizationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct);

        var stems = alternatives.SelectMany(a => a).SelectMany(NorwegianText.Forms).ToHashSet(StringComparer.Ordinal);
        var results = rows.Select(r => new SearchResult(r.Kind, r.ItemId, Url(r.Kind, r.ItemId, r.InitiativeId), NorwegianText.Highlight(r.Title, stems),
            NorwegianText.Highlight(r.Body, stems, 240), r.OwnerOrganizationId, r.OwnerName, r.Stage, r.CountyNumber, r.Year, r.IsPublic)).ToList();

        static List<FacetCount<T>> Facet<T>(IEnumerable<(T? Value, int Count)> values) where T : struct =>
            [.. values.Where(v => v.Value is not null).GroupBy(v => v.Value!.Value).Select(g => new FacetCount<T>(g.Key, g.Sum(v => v.Count)))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value)];
        var facets = new SearchFacets(
            Facet(groups.Select(g => ((SearchKind?)g.Kind, g.Count))),
            Facet(groups.Select(g => (g.Stage, g.Count))),
            [.. Enum.GetValues<Measures>().Where(m => m != Measures.None && System.Numerics.BitOperations.IsPow2((long)m))
                .Select(m => new FacetCount<Measures>(m, groups.Where(x => (x.Measures & m) == m).Sum(x => x.Count))).Where(c => c.Count > 0)
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value)],
            Facet(groups.Select(g => (g.OrganizationKind, g.Count))),
            [.. groups.Where(g => g.CountyNumber is not null).GroupBy(g => g.CountyNumber!).Select(g => new FacetCount<string>(g.Key, g.Sum(x => x.Count)))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)],
            [.. Facet(groups.Select(g => ((int?)g.Year, g.Count))).OrderByDescending(c => c.Value)]);
        return new SearchReport(new Paged<SearchResult>(results, page, size, total), facets, words, corrections);
    }

    public const int SimilarCount = 5;
    private const int SimilarWords = 24;

    /// <summary>"Has anyone done this before?": the items of <paramref name="kinds"/> most like a text being written — any of
    /// its words may match, rarer shared words and title words count more — with what makes each worth a look (owner,
    /// stage, adoptions, realised gains, initiatives serving a need) and the words they share.</summary>
    public async Task<IReadOnlyList<SimilarItem>> SimilarAsync(string? title, string? text, IReadOnlyCollection<SearchKind> kinds, CancellationToken ct)
    {
        var words = NorwegianText.Words(title).Concat(NorwegianText.Words(text)).Select(w => w.Word)
            .Where(w => w.Length >= 3 && !NorwegianText.IsStopWord(w) && !w.All(char.IsDigit))
            .DistinctBy(NorwegianText.Stem).Take(SimilarWords).ToList();
        if (words.Count == 0)
        {
            return [];
        }
        var alternatives = words.Select(w => new[] { w, NorwegianText.Fold(w) }.Distinct().ToArray()).ToList();
        var orgIds = await user.OrganizationIdsAsync(ct);
        var rows = await (from d in Hits(alternatives, every: false)
                          where kinds.Contains(d.Kind) && (d.IsPublic || db.SearchViewers.Any(v => v.DocumentId == d.Id && orgIds.Contains(v.OrganizationId)))
                          orderby d.Rank descending, d.Id descending
                          select new { d.Kind, d.ItemId, d.InitiativeId, d.Title, d.Body, d.OwnerOrganizationId, d.Stage, d.CountyNumber, d.Year, d.IsPublic,
                              OwnerName = db.Organizations.Where(o => o.Id == d.OwnerOrganizationId).Select(o => o.Name).FirstOrDefault() })
            .Take(SimilarCount).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var initiatives = rows.Where(r => r.Kind == SearchKind.Initiative).Select(r => r.ItemId).ToArray();
        var needs = rows.Where(r => r.Kind == SearchKind.Need).Select(r => r.ItemId).ToArray();
        var adoptions = initiatives.Length == 0 ? [] : await db.Adoptions.Where(a => initiatives.Contains(a.InitiativeId) && a.Status == Adoptions.AdoptionStatus.Adopted)
            .GroupBy(a => a.InitiativeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var gains = initiatives.Length == 0 ? [] : await db.Benefits
            .Where(b => initiatives.Contains(b.InitiativeId) && b.AdoptionId == null && !b.IsDisbenefit
                && (b.Kind == Benefits.BenefitKind.BudgetSaving || b.Kind == Benefits.BenefitKind.AvoidedCost))
            .GroupBy(b => b.InitiativeId).Select(g => new { g.Key, Sum = g.Sum(b => b.RealisedValue ?? 0) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
        var serving = needs.Length == 0 ? [] : await db.InitiativeNeeds
            .Where(n => needs.Contains(n.NeedId) && n.Initiative!.Visibility == InitiativeVisibility.Published)
            .GroupBy(n => n.NeedId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var stems = alternatives.SelectMany(a => a).SelectMany(NorwegianText.Forms).ToHashSet(StringComparer.Ordinal);
        return rows.Select(r =>
        {
            var titleParts = NorwegianText.Highlight(r.Title, stems);
            var bodyParts = NorwegianText.Highlight(r.Body, stems, 240);
            var shared = titleParts.Concat(NorwegianText.Highlight(r.Body, stems)).Where(p => p.Match).Select(p => p.Text.ToLowerInvariant())
                .DistinctBy(NorwegianText.Stem).Take(6).ToList();
            return new SimilarItem(new SearchResult(r.Kind, r.ItemId, Url(r.Kind, r.ItemId, r.InitiativeId), titleParts, bodyParts, r.OwnerOrganizationId, r.OwnerName,
                r.Stage, r.CountyNumber, r.Year, r.IsPublic), shared, adoptions.GetValueOrDefault(r.ItemId), gains.GetValueOrDefault(r.ItemId),
                serving.GetValueOrDefault(r.ItemId));
        }).ToList();
    }

    private const string Columns = """d."Id", d."Kind", d."ItemId", d."InitiativeId", d."Title", d."Body", d."IsPublic", d."OwnerOrganizationId", d."OrganizationKind", d."CountyNumber", d."Stage", d."Measures", d."Year" """;

    /// <summary>The documents matching every word (any of its alternatives), ranked by the database's own measure.</summary>
    private IQueryable<SearchHit> Hits(List<string[]> alternatives, bool every = true)
    {
        if (db.Database.IsNpgsql())
        {
            // to_tsquery stems each alternative with the norwegian configuration; the words hold only letters and digits.
            var query = string.Join(every ? " & " : " | ", alternatives.Select(a => "(" + string.Join(" | ", a) + ")"));
            return db.Database.SqlQueryRaw<SearchHit>(
                $$"""SELECT {{Columns}}, ts_rank_cd(d."Vector", q)::float8 AS "Rank" FROM "SearchDocuments" d, to_tsquery('norwegian', {0}) q WHERE d."Vector" @@ q""", query);
        }
        var match = string.Join(every ? " AND " : " OR ", alternatives.Select(a => "(" + string.Join(" OR ", a.SelectMany(NorwegianText.Forms).Distinct().Select(t => $"\"{t}\"")) + ")"));
        return db.Database.SqlQueryRaw<SearchHit>(
            $$"""SELECT {{Columns}}, -bm25("SearchFts", 4.0, 1.0) AS "Rank" FROM "SearchFts" JOIN "SearchDocuments" d ON d."Id" = "SearchFts".rowid WHERE "SearchFts" MATCH {0}""", match);
    }

    /// <summary>For each long word that is in no indexed text: the indexed words one edit away (at most three).</summary>
    private async Task<Dictionary<string, string[]>> CorrectionsAsync(List<string> words, CancellationToken ct)
    {
        var long_ = words.Select(NorwegianText.Fold).Where(w => w.Length >= NorwegianText.MinCorrectableLength && !w.All(char.IsDigit)).Distinct().ToArray();
        if (long_.Length == 0)
        {
            return [];
        }
        var known = await db.SearchWords.AsNoTracking().Where(w => long_.Contains(w.Word)).Select(w => w.Word).ToListAsync(ct);
        var missing = long_.Except(known).ToList();
        if (missing.Count == 0)
        {
            return [];
        }
        // A single edit leaves either the first two letters or the last two as they were.
        var candidates = db.SearchWords.AsNoTracking().Where(w => false);
        foreach (var m in missing)
        {
            var (lo, hi) = (m[..2], m[..1] + (char)(m[1] + 1));
            var reversed = new string(m.Reverse().ToArray());
            var (rlo, rhi) = (reversed[..2], reversed[..1] + (char)(reversed[1] + 1));
            candidates = candidates.Concat(db.SearchWords.AsNoTracking().Where(w =>
                ((string.Compare(w.Word, lo) >= 0 && string.Compare(w.Word, hi) < 0) || (string.Compare(w.Reversed, rlo) >= 0 && string.Compare(w.Reversed, rhi) < 0))
                && w.Word.Length >= m.Length - 1 && w.Word.Length <= m.Length + 1));
        }
        var found = await candidates.Select(w => w.Word).Distinct().ToListAsync(ct);
        var result = new Dictionary<string, string[]>();
        foreach (var word in words)
        {
            var folded = NorwegianText.Fold(word);
            if (missing.Contains(folded))
            {
                var near = found.Where(c => NorwegianText.OneEditApart(folded, c)).Order(StringComparer.Ordinal).Take(3).ToArray();
                if (near.Length > 0)
                {
                    result[word] = near;
                }
            }
        }
        return result;
    }
}
