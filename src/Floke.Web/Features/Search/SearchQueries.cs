using System.Buffers;
using Floke.Web.Core.Accounts;
using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Search;

public sealed record SearchFilter(string? Q, SearchKind? Kind = null, InitiativeStage? Stage = null, Measures? Measure = null,
    OrganizationKind? OrganizationKind = null, CountyNumber? County = null, int? Year = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
{
    /// <summary>Whether it narrows the results by any facet.</summary>
    public bool Narrows => Kind is not null || Stage is not null || Measure is not null || OrganizationKind is not null || County is not null || Year is not null;
}

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

/// <summary>One search over needs, initiatives, experiments, lessons, barriers and organisations. Every word must match
/// (in any of its Norwegian forms, folded or not, or — for a long word found nowhere — a word one letter away); results
/// and every count are limited to what the reader may see.</summary>
public sealed class SearchQueries(FlokeDbContext db, CurrentUser user, SearchCache cache, ILogger<SearchQueries> logger)
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
        SearchKind.OpenCall => $"/calls/{id}",
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
        // What a reader may find is every public match and, for a member, the matches shown to their organisations. The
        // public matches of a query are read once for everyone; a member's own are read apart (few, though finding them
        // still reads the word's matches) and merged in by rank. A query's matches are kept apart from its pages and
        // filters: paging through a common word's results or narrowing them by a facet reads the matches once, and after
        // that only the page's documents.
        var orgIds = (await user.OrganizationIdsAsync(ct)).Order().ToArray();
        var filter = f with { Q = null, Page = page, PageSize = size };
        var query = string.Join(' ', words);
        var orgs = string.Join(',', orgIds);
        // After a save, a reader waits a moment for a fresh page and otherwise gets the previous one while it is computed; the
        // page is computed from fresh matches only (a page cut from stale ones would be kept as fresh).
        return await cache.GetAsync($"report|{query}|{orgs}|{filter}", async (db, _, stop) =>
        {
            if (words.Count == 1 && cache.KeepMatchesFrom > 0 && !filter.Narrows && await KeptPageAsync(db, words, orgIds, filter, stop) is { } kept)
            {
                return kept;
            }
            var everyone = await cache.GetInlineAsync($"matches|{query}", token => MatchesAsync(db, words, cache.KeepMatchesFrom, logger, token), stop, m => m.Kilobytes);
            return await ReportAsync(db, everyone, await OwnAsync(db, everyone, orgIds, stop), filter, stop);
        }, ct, SearchCache.Kilobytes, fromSecondAsk: true);
    }

    /// <summary>A page of a single word's results without filters, from its kept set: the set's matches at the page only (a
    /// kept set is in order, so the page's are the slice from its first place less the few others that may come before)
    /// with the set's counts and the documents changed since (<see cref="KeptState"/>, the same for every page), and the
    /// reader's own matches (when a member) merged in — under a kilobyte read for any page of a word in 200,000 documents,
    /// rather than all its matches (megabytes, which the search cache cannot hold for many words at once) or all those
    /// before the page (80 kilobytes for page 100 of 50). Null when the word has no kept set, or so many documents changed
    /// since that it is better read whole and kept again.</summary>
    private async Task<SearchReport?> KeptPageAsync(FlokeDbContext db, List<string> words, int[] orgIds, SearchFilter f, CancellationToken ct)
    {
        // Kept until the next save, like the state (a save may index new words): one round trip less for each later page.
        var corrections = await cache.GetInlineAsync($"corrections|{words[0]}", token => CorrectionsAsync(db, words, token), ct, _ => 1);
        var alternatives = Alternatives(words, corrections);
        var key = SearchMatchStore.Key(alternatives[0]);
        var state = await cache.GetInlineAsync($"kept|{key}", token => KeptStateAsync(db, key, alternatives, token), ct, s => s?.Kilobytes ?? 1);
        if (state is null)
        {
            return null;
        }
        var skip = Paging.Offset(f.Page, f.PageSize);
        var query = new MatchSet([], words, corrections, Stems(alternatives));
        var own = (await OwnAsync(db, query, orgIds, ct))?.Matches ?? [];
        // The others (few) in order, merged with the set's matches by rank as in ReportAsync.
        Match[] others = [.. state.Fresh, .. own];
        Array.Sort(others, (x, y) => x.Order.CompareTo(y.Order));
        // The set's matches from where the page may begin: at most all the others come before it. When some of the set's
        // documents changed since it was kept (they may come anywhere before the page), from its start, further by as many.
        var from = state.Gone.Count == 0 ? (int)Math.Max(0L, (long)skip - others.Length) : 0;
        var count = (int)Math.Min((long)skip + f.PageSize - from + state.Gone.Count, int.MaxValue / 16);
        // On PostgreSQL the slice's documents come with it (one round trip), unless the slice reaches back over changed
        // documents — then it is longer than the page by more than a few.
        var slice = db.IsPostgres && state.Gone.Count == 0
            ? await SearchMatchStore.ReadSliceWithDocumentsAsync(db, key, from, count, DocumentColumns, ReadDocument, ct)
            : await SearchMatchStore.ReadSliceAsync(db, key, from, count, ct) is { } s ? (s.Matches, s.Position, []) : null;
        if (slice is not { } kept || kept.Position != state.Position)
        {
            return null; // no set, or it was kept again since the state was read: the whole set decides
        }
        var best = state.Gone.Count == 0 ? kept.Matches : [.. kept.Matches.Where(m => !state.Gone.Contains(m.Id))];
        // Merged from the slice's first place on: the others that rank before its first match are counted at the places
        // just before it rather than among the set's earlier matches, but those places are all before the page (as many
        // others as there are at most, from its first place back), so the page is the same.
        var ids = new List<int>(f.PageSize);
        for (int i = 0, j = 0, n = from; (i < best.Length || j < others.Length) && ids.Count < f.PageSize; n++)
        {
            var id = (j == others.Length || (i < best.Length && best[i].Order < others[j].Order) ? best[i++] : others[j++]).Id;
            if (n >= skip)
            {
                ids.Add(id);
            }
        }
        var tally = FacetTally.Of([]);
        tally.Add(state.Tally);
        tally.Add(FacetTally.Of(own));
        return await PageAsync(db, ids, tally, f, query, ct, kept.Documents);
    }

    /// <summary>What a word's kept set answers pages with now: the position it was kept at, its counts with the documents
    /// changed since taken out and those of them that match now put in, those (<see cref="Fresh"/>), and which of the
    /// set's own documents changed (<see cref="Gone"/>). Kept in the search cache until the next save, so that a page of a
    /// word asked before reads only its part of the set: reading the changed documents again costs a pass over the word's
    /// postings on SQLite (FTS5's bm25() counts the word's documents at every query).</summary>
    private sealed record KeptState(string Position, FacetTally Tally, Match[] Fresh, HashSet<int> Gone)
    {
        public long Kilobytes => 2 + (Fresh.Length * 16L + Gone.Count * 24L) / 1024;
    }

    /// <summary>The <see cref="KeptState"/> of <paramref name="key"/>'s set, or null when none is kept or at least
    /// <see cref="SearchMatchStore.KeepAgainFrom"/> documents changed since (the whole set is then read and kept again).</summary>
    private static async Task<KeptState?> KeptStateAsync(FlokeDbContext db, string key, List<string[]> alternatives, CancellationToken ct)
    {
        if (await SearchMatchStore.ReadHeadAsync(db, key, ct) is not { } top
            || await SearchMatchStore.ChangedSinceAsync(db, top.Position, ct) is not { Length: < SearchMatchStore.KeepAgainFrom } changed)
        {
            return null;
        }
        var tally = top.Tally;
        // Changed documents with ids above the set's last were written after it was kept, so are not in it; any other may
        // be, anywhere in it: then the set is read through once (in small pieces) to take those in it out of the counts.
        var older = changed.Where(id => id <= top.LastId).ToHashSet();
        var gone = older.Count == 0 ? older : await SearchMatchStore.TakeOutAsync(db, key, older, tally, ct);
        var fresh = changed.Length == 0 ? [] : await ChangedMatchesAsync(db, alternatives, changed, ct);
        tally.Add(FacetTally.Of(fresh));
        return new KeptState(top.Position, tally, fresh, gone);
    }

    /// <summary>Searches once as an anonymous reader — a word whose matches are kept, and that word with another — so that
    /// the search's code and queries are loaded before the first searcher after a start (<see cref="Infrastructure.StartupWarmup"/>).</summary>
    public async Task WarmUpAsync(CancellationToken ct)
    {
        var key = await db.Database.SqlQueryRaw<string>("""SELECT "Key" AS "Value" FROM "SearchMatchSets" """).Order().FirstOrDefaultAsync(ct);
        var word = key is null ? "tjeneste" : key[(key.IndexOf(':') + 1)..].Split('|')[0];
        await SearchAsync(new SearchFilter(word), ct);
        await SearchAsync(new SearchFilter($"{word} kommune"), ct);
    }

    /// <summary>One match as a match set holds it: its rank (to single precision, as matches are ordered) and what it is
    /// counted and filtered by, in 16 bytes (a common word has up to 150,000 matches at national scale, and the search cache
    /// holds as many match sets as fit in its bound).</summary>
    internal readonly struct Match
    {
        public int Id { get; init; }
        public float Rank { get; init; }
        public Measures Measures { get => (Measures)_measures; init => _measures = checked((ushort)value); }
        private readonly ushort _measures; // ten measures; declared here, before the year and the bytes, so nothing is padded
        public short Year { get; init; }
        public SearchKind Kind { get => (SearchKind)_kind; init => _kind = checked((byte)value); }
        /// <summary>Stage and organisation kind are stored one up, 0 when the document has none; the county as its number
        /// (0 when none).</summary>
        public byte Stage { get; init; }
        public byte OrganizationKind { get; init; }
        public byte County { get; init; }
        private readonly byte _kind;

        /// <summary>Where the match sorts among others (see <see cref="BestFirst"/>).</summary>
        public ulong Order => BestFirst(Rank, Id);

        /// <summary>A match from its id, its facets as <see cref="Facets"/> packs them, and its rank.</summary>
        public static Match Unpack(int id, long facets, double rank) => new()
        {
            Id = id,
            Rank = (float)rank,
            Kind = (SearchKind)(facets & 0xF),
            OrganizationKind = (byte)((facets >> 4) & 0xF),
            Stage = (byte)((facets >> 8) & 0xF),
            County = (byte)((facets >> 12) & 0xFF),
            Measures = (Measures)((facets >> 20) & 0xFFFF),
            Year = (short)((facets >> 36) & 0xFFFF),
        };

        /// <summary>A document's facets packed into one number, so that each of a common word's tens of thousands of
        /// matches is read as three values (id, facets, rank) rather than eight, three of them checked for null and the
        /// county read as a new string: in a profile of first asks those per-value calls into SQLite (each locking its
        /// handle and the connection's mutex) cost more than SQLite's own work. Kind in bits 0–3, organisation kind one up
        /// in 4–7, stage one up in 8–11, the county's number in 12–19 (county numbers are the official two digits, checked
        /// when an organisation is saved), measures in 20–35, year in 36–51. SQLite keeps it computed in its narrow index
        /// (<see cref="SqliteSearchSql.AddFacetsColumn"/>, the same expression); PostgreSQL computes it here.</summary>
        public static string Facets(bool postgres) => postgres
            ? """d."Kind"::int8 | (coalesce(d."OrganizationKind" + 1, 0)::int8 << 4) | (coalesce(d."Stage" + 1, 0)::int8 << 8) | (coalesce(d."CountyNumber"::int, 0)::int8 << 12) | (d."Measures"::int8 << 20) | (d."Year"::int8 << 36)"""
            : """d."Facets" """;

        /// <summary>A document's kind, read as <see cref="Facets"/> holds it on SQLite (its narrow index has no other).</summary>
        public static string KindColumn(bool postgres) => postgres ? """d."Kind" """ : """d."Facets" & 15 AS "Kind" """;
    }

    /// <summary>Documents that match every word of a query, best first (by rank, then newest), with the words' corrections
    /// and indexed forms: what each page of it under each filter is cut from.</summary>
    private sealed record MatchSet(Match[] Matches, List<string> Words, Dictionary<string, string[]> Corrections, HashSet<string> Stems)
    {
        /// <summary>The earliest and latest year of the matches.</summary>
        public int FirstYear { get; } = Matches.Length == 0 ? int.MaxValue : Matches.Min(m => m.Year);
        public int LastYear { get; } = Matches.Length == 0 ? int.MinValue : Matches.Max(m => m.Year);

        public long Kilobytes => 1 + (Matches.Length * 16L + Stems.Sum(s => 40L + 2 * s.Length)) / 1024;
    }

    /// <summary>The query's alternatives for each word: as written, folded, and its corrections.</summary>
    private static List<string[]> Alternatives(List<string> words, Dictionary<string, string[]> corrections) =>
        words.Select(w => new[] { w, NorwegianText.Fold(w) }.Concat(corrections.GetValueOrDefault(w) ?? []).Distinct().ToArray()).ToList();

    /// <summary>A query's public matches, the same for every reader: one pass over the matches reading only what is counted
    /// and ranked (no texts, which would make every match many times larger to hold), then ordered best first — or, for a
    /// single word with at least <paramref name="keepFrom"/> of them, its set kept in the database brought up to date
    /// (<see cref="SearchMatchStore"/>).</summary>
    private static async Task<MatchSet> MatchesAsync(FlokeDbContext db, List<string> words, int keepFrom, ILogger logger, CancellationToken ct)
    {
        var corrections = await CorrectionsAsync(db, words, ct);
        var alternatives = Alternatives(words, corrections);
        var matches = alternatives.Count == 1 && keepFrom > 0
            ? await WordMatchesAsync(db, alternatives, keepFrom, logger, ct)
            : await ReadMatchesAsync(db, Matches(db, alternatives, every: true, [], Visible.Public, Counted(db)), ct);
        return new MatchSet(matches, words, corrections, Stems(alternatives));
    }

    /// <summary>A single word's public matches: its kept set with the documents changed since read again, or — when none is
    /// kept or too much has changed — read from the index, and kept when there are at least <paramref name="keepFrom"/>.
    /// With <paramref name="terms"/>, the alternatives are the index's own terms (stems), searched as they are.</summary>
    private static async Task<Match[]> WordMatchesAsync(FlokeDbContext db, List<string[]> alternatives, int keepFrom, ILogger logger, CancellationToken ct,
        bool terms = false)
    {
        var key = terms ? SearchMatchStore.KeyOfTerms(alternatives[0]) : SearchMatchStore.Key(alternatives[0]);
        var kept = await SearchMatchStore.ReadAsync(db, key, ct);
        // Where the log is now, read before the changes or the matches that bring a set up to this point.
        var position = await SearchMatchStore.PositionAsync(db, ct);
        if (kept is { } k && await SearchMatchStore.ChangedSinceAsync(db, k.Position, ct) is { } changed)
        {
            if (changed.Length == 0)
            {
                return k.Matches;
            }
            var updated = await UpdatedAsync(db, alternatives, k.Matches, changed, ct, terms);
            if (changed.Length >= SearchMatchStore.KeepAgainFrom)
            {
                // Each changed document costs a lookup in the index: kept as brought up to date, so the next readers do not
                // repeat them.
                await SearchMatchStore.KeepAsync(db, key, position, updated, logger, ct);
            }
            return updated;
        }
        var matches = await ReadMatchesAsync(db, Matches(db, alternatives, every: true, [], Visible.Public, Counted(db), terms), ct);
        if (matches.Length >= keepFrom)
        {
            await SearchMatchStore.KeepAsync(db, key, position, matches, logger, ct);
        }
        return matches;
    }

    /// <summary>Those of the <paramref name="changed"/> documents that are public matches now, read from the index, in order.</summary>
    private static async Task<Match[]> ChangedMatchesAsync(FlokeDbContext db, List<string[]> alternatives, int[] changed, CancellationToken ct,
        bool terms = false)
    {
        var (sql, args) = Matches(db, alternatives, every: true, [], Visible.Public, Counted(db), terms);
        // Ids are numbers, written as they are.
        if (db.IsPostgres)
        {
            sql += $""" AND d."Id" IN ({string.Join(", ", changed)})""";
        }
        else
        {
            // FTS5 asked for documents by id starts over for each, and bm25() counts the word's documents anew each time:
            // 0.45 ms an id for a word in 89,000 documents (100 ids 46 ms). Asked for the documents from the lowest id on,
            // it reads the end of the word's list once (100 ids 2.3 ms, 2,000 in 4.5 ms). A save writes an item's
            // documents anew under new ids, so the documents still indexed are read from the lowest of them (the old ids
            // of a save are gone: only taken out).
            var current = await db.SearchDocuments.Where(d => changed.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
            sql += current.Count == 0 ? " AND 0"
                : $""" AND "SearchFts".rowid >= {current.Min()} AND +d."Id" IN ({string.Join(", ", current)})""";
        }
        return await ReadMatchesAsync(db, (sql, args), ct);
    }

    /// <summary>A kept set without the <paramref name="changed"/> documents, and with those of them that match now (read
    /// again from the index), in order.</summary>
    private static async Task<Match[]> UpdatedAsync(FlokeDbContext db, List<string[]> alternatives, Match[] kept, int[] changed, CancellationToken ct,
        bool terms = false)
    {
        var fresh = await ChangedMatchesAsync(db, alternatives, changed, ct, terms);
        var gone = changed.ToHashSet();
        // Merged in a pooled buffer and only the answer allocated (see ReadMatchesAsync).
        var merged = ArrayPool<Match>.Shared.Rent(kept.Length + fresh.Length);
        try
        {
            var count = 0;
            for (int i = 0, j = 0; i < kept.Length || j < fresh.Length;)
            {
                if (i < kept.Length && gone.Contains(kept[i].Id))
                {
                    i++;
                    continue;
                }
                merged[count++] = j == fresh.Length || (i < kept.Length && kept[i].Order < fresh[j].Order) ? kept[i++] : fresh[j++];
            }
            return merged.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<Match>.Shared.Return(merged);
        }
    }

    /// <summary>Keeps the public matches of every word found in at least <paramref name="keepFrom"/> documents (after the
    /// index is rebuilt): so that even the first ask of a common word reads a kept set. Returns how many sets.</summary>
    public static async Task<int> KeepCommonWordsAsync(FlokeDbContext db, int keepFrom, ILogger logger, CancellationToken ct)
    {
        if (keepFrom <= 0)
        {
            return 0;
        }
        // The index's own count of documents per indexed form (public or not: a word below the bound in public documents is
        // read and not kept).
        var forms = await db.Database.SqlQueryRaw<string>(db.IsPostgres
            ? """SELECT word AS "Value" FROM ts_stat('SELECT "Vector" FROM "SearchDocuments" WHERE "IsPublic"') WHERE ndoc >= {0}"""
            : """SELECT term AS "Value" FROM "SearchFtsVocabulary" WHERE doc >= {0}""", keepFrom).ToListAsync(ct);
        // A word with æ, ø or å is indexed under its folded form too ("løsning", "losning"): the set of the word as written
        // covers both, and a word typed folded is kept when first asked.
        var folded = forms.Where(f => NorwegianText.Fold(f) != f).Select(NorwegianText.Fold).ToHashSet(StringComparer.Ordinal);
        var kept = 0;
        foreach (var form in forms.Where(f => !NorwegianText.IsStopWord(NorwegianText.Fold(f)) && !folded.Contains(f)))
        {
            // Searched as the index has it, with its folded spelling: a word asked for is searched under its stems, and a stem
            // stemmed again is often another ("forklare" is indexed as "forklar", which stems to "forkl"), so a set of the
            // form taken as a word was kept under another word's key, or not at all — and the first ask of "forklare" read
            // its 51,000 matches (206 ms on SQLite at national scale). An indexed form is a word found: no corrections.
            string[] termsOf = [.. new[] { form, NorwegianText.Fold(form) }.Distinct()];
            if ((await WordMatchesAsync(db, [termsOf], keepFrom, logger, ct, terms: true)).Length >= keepFrom)
            {
                kept++;
            }
        }
        return kept;
    }

    /// <summary>A member's own matches of <paramref name="query"/> (<see cref="OwnMatchesAsync"/>), kept in the search cache
    /// for the query and the member's organisations until the next save; null for a reader in no organisation.</summary>
    private async Task<MatchSet?> OwnAsync(FlokeDbContext db, MatchSet query, int[] orgIds, CancellationToken ct) => orgIds.Length == 0 ? null
        : await cache.GetInlineAsync($"own|{string.Join(' ', query.Words)}|{string.Join(',', orgIds)}", token => OwnMatchesAsync(db, query, orgIds, token), ct, m => m.Kilobytes);

    /// <summary>The matches of <paramref name="everyone"/>'s query that are not public but shown to one of
    /// <paramref name="orgIds"/> (drafts of their own and of their partners'), ranked as the public ones are.</summary>
    private static async Task<MatchSet> OwnMatchesAsync(FlokeDbContext db, MatchSet everyone, int[] orgIds, CancellationToken ct)
    {
        var alternatives = Alternatives(everyone.Words, everyone.Corrections);
        var matches = await ReadMatchesAsync(db, Matches(db, alternatives, every: true, orgIds, Visible.OwnOnly, Counted(db)), ct);
        return new MatchSet(matches, everyone.Words, everyone.Corrections, everyone.Stems);
    }

    private static string Counted(FlokeDbContext db) => $"""d."Id", {Match.Facets(db.IsPostgres)}""";

    /// <summary>The matches a query's SQL returns, ordered best first. Read into pooled buffers and only the answer allocated
    /// (<see cref="ArrayPool{T}.Shared"/> keeps a few buffers of each size and lets them go when memory is short): a common
    /// word's matches are megabytes, and as growing lists each doubling left an array in the large-object heap, which only a
    /// full collection frees (at 2.5 × scale the broad pages' full collections fell from 91–107 to 36–42 in 15 s; bench
    /// README "Seventeenth session").</summary>
    private static async Task<Match[]> ReadMatchesAsync(FlokeDbContext db, (string Sql, List<object> Args) query, CancellationToken ct)
    {
        var matches = ArrayPool<Match>.Shared.Rent(4096);
        var order = ArrayPool<ulong>.Shared.Rent(4096);
        var count = 0;
        try
        {
            await foreach (var match in MatchRows(db, query.Sql, query.Args, ct))
            {
                if (count == matches.Length)
                {
                    // One at a time: each variable always holds a buffer not yet given back.
                    matches = Grown(matches, count);
                    order = Grown(order, count);
                }
                matches[count] = match;
                order[count++] = match.Order;
            }
            order.AsSpan(0, count).Sort(matches.AsSpan(0, count));
            return matches.AsSpan(0, count).ToArray();
        }
        finally
        {
            ArrayPool<Match>.Shared.Return(matches);
            ArrayPool<ulong>.Shared.Return(order);
        }
    }

    /// <summary>A pooled buffer twice as large holding the first <paramref name="count"/> items of <paramref name="full"/>,
    /// which goes back to the pool.</summary>
    private static T[] Grown<T>(T[] full, int count)
    {
        var grown = ArrayPool<T>.Shared.Rent(full.Length * 2);
        full.AsSpan(0, count).CopyTo(grown);
        ArrayPool<T>.Shared.Return(full);
        return grown;
    }

    /// <summary>A number that sorts matches by rank, best first, and equal ranks newest (highest id) first: the rank to
    /// single precision above the id. (Comparing rank and id on every step took 205 ms for 140,000 matches, and generated
    /// or templated texts give thousands of equal ranks.)</summary>
    private static ulong BestFirst(double rank, int id)
    {
        var bits = BitConverter.SingleToInt32Bits(-(float)rank); // lower ranks after, as unsigned numbers
        var ordered = bits >= 0 ? (uint)bits ^ 0x8000_0000u : ~(uint)bits;
        return ((ulong)ordered << 32) | (uint)(int.MaxValue - id);
    }

    /// <summary>A page of a query's matches — the public ones and the reader's own (<paramref name="own"/>, when a member),
    /// merged in rank order — under <paramref name="f"/>'s filters, the filtered matches counted by every facet (in the same
    /// pass, so the counts are those of the results), and the page's documents read with their texts.</summary>
    private static async Task<SearchReport> ReportAsync(FlokeDbContext db, MatchSet everyone, MatchSet? own, SearchFilter f, CancellationToken ct)
    {
        var (page, size) = (f.Page, f.PageSize);
        var (a, b) = (everyone.Matches, own?.Matches ?? []);
        // A county as its number ("00", like a county no match has, is a filter none pass: 0 is a match without a county).
        var county = f.County is { } c ? (int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var n ? n : -1) : 0;
        var tally = new FacetTally(Math.Min(everyone.FirstYear, own?.FirstYear ?? int.MaxValue), Math.Max(everyone.LastYear, own?.LastYear ?? int.MinValue));
        var skip = Paging.Offset(page, size);
        var ids = new List<int>(size);
        for (int i = 0, j = 0; i < a.Length || j < b.Length;)
        {
            // The better of the two sets' next matches (ranks compared only while the reader's own are left).
            ref readonly var m = ref (j == b.Length || (i < a.Length && a[i].Order < b[j].Order) ? ref a[i++] : ref b[j++]);
            if ((f.Kind is { } kind && m.Kind != kind)
                || (f.Stage is { } stage && m.Stage != (int)stage + 1)
                || (f.Measure is { } measure and not Measures.None && (m.Measures & measure) != measure)
                || (f.OrganizationKind is { } orgKind && m.OrganizationKind != (int)orgKind + 1)
                || (f.County is not null && m.County != county)
                || (f.Year is { } year && m.Year != year))
            {
                continue;
            }
            if (tally.Total >= skip && ids.Count < size)
            {
                ids.Add(m.Id);
            }
            tally.Add(in m);
        }
        return await PageAsync(db, ids, tally, f, everyone, ct);
    }

    /// <summary>A report of the page's documents <paramref name="ids"/> (read with their texts, unless among
    /// <paramref name="read"/>) among results counted by <paramref name="tally"/>.</summary>
    private static async Task<SearchReport> PageAsync(FlokeDbContext db, List<int> ids, FacetTally tally, SearchFilter f, MatchSet query, CancellationToken ct,
        IReadOnlyCollection<DocumentRow>? read = null)
    {
        if (tally.Total == 0)
        {
            return new SearchReport(new Paged<SearchResult>([], f.Page, f.PageSize, 0), NoFacets, query.Words, query.Corrections);
        }
        var results = (await DocumentsAsync(db, ids, ct, read)).Select(d => d.Result(query.Stems)).ToList();
        return new SearchReport(new Paged<SearchResult>(results, f.Page, f.PageSize, tally.Total), tally.Facets(), query.Words, query.Corrections);
    }

    /// <summary>The matches as they stream from the database, read by hand: tens of thousands of rows for one common word,
    /// where EF Core's materializer took twice as long (26 against 14 ms for 2,800 rows). The command still goes through EF
    /// Core, so it is logged and intercepted like any other.</summary>
    private static async IAsyncEnumerable<Match> MatchRows(FlokeDbContext db, string sql, List<object> args,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var relational = await db.ReadRawAsync(sql, args, ct);
        var reader = relational.DbDataReader;
        while (await reader.ReadAsync(ct))
        {
            yield return Match.Unpack(reader.GetInt32(0), reader.GetInt64(1), reader.GetDouble(2));
        }
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
        var (matches, args) = Matches(db, alternatives, every: false, await user.OrganizationIdsAsync(ct), Visible.ToReader, $"""d."Id", {Match.KindColumn(db.IsPostgres)}""");
        // Ranked by id and rank alone; the texts are read for the five found.
        var ids = await db.Database.SqlQueryRaw<RankedDocument>(matches, [.. args]).Where(d => kinds.Contains(d.Kind))
            .OrderByDescending(d => d.Rank).ThenByDescending(d => d.Id).Select(d => d.Id).Limit(SimilarCount).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await DocumentsAsync(db, ids, ct);
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

        var stems = Stems(alternatives);
        return rows.Select(r =>
        {
            var shared = NorwegianText.Words(r.Title + " " + r.Body).Where(w => NorwegianText.Forms(w.Word).Any(stems.Contains))
                .Select(w => w.Word.ToLowerInvariant()).DistinctBy(NorwegianText.Stem).Take(6).ToList();
            return new SimilarItem(r.Result(stems), shared, adoptions.GetValueOrDefault(r.ItemId), gains.GetValueOrDefault(r.ItemId), serving.GetValueOrDefault(r.ItemId));
        }).ToList();
    }

    /// <summary>A matching document's id, kind and rank.</summary>
    private sealed class RankedDocument
    {
        public int Id { get; init; }
        public SearchKind Kind { get; init; }
        public double Rank { get; init; }
    }

    /// <summary>A found document as shown: what it is, where, whose, and its texts.</summary>
    private sealed record DocumentRow(int Id, SearchKind Kind, int ItemId, int? InitiativeId, string Title, string Body, int? OwnerOrganizationId,
        string? OwnerName, InitiativeStage? Stage, string? CountyNumber, int Year, bool IsPublic)
    {
        public SearchResult Result(HashSet<string> stems) => new(Kind, ItemId, Url(Kind, ItemId, InitiativeId), NorwegianText.Highlight(Title, stems),
            NorwegianText.Highlight(Body, stems, 240), OwnerOrganizationId, OwnerName, Stage, CountyNumber, Year, IsPublic);
    }

    /// <summary>The documents <paramref name="ids"/>, in that order, with their owner's name.</summary>
    /// <summary>The documents <paramref name="ids"/> in that order, those in <paramref name="read"/> (read already) taken
    /// from it.</summary>
    private static async Task<List<DocumentRow>> DocumentsAsync(FlokeDbContext db, List<int> ids, CancellationToken ct,
        IReadOnlyCollection<DocumentRow>? read = null)
    {
        var found = (read ?? []).ToDictionary(d => d.Id);
        if (ids.Where(id => !found.ContainsKey(id)).ToArray() is { Length: > 0 } missing)
        {
            // Ids are numbers, written as they are on SQLite; an array parameter on PostgreSQL, so the statement is prepared once.
            var (sql, args) = db.IsPostgres
                ? ($$"""SELECT {{DocumentColumns}} FROM "SearchDocuments" d WHERE d."Id" = ANY ({0})""", new object[] { missing })
                : ($"""SELECT {DocumentColumns} FROM "SearchDocuments" d WHERE d."Id" IN ({string.Join(", ", missing)})""", []);
            await using var relational = await db.ReadRawAsync(sql, args, ct);
            while (await relational.DbDataReader.ReadAsync(ct))
            {
                var row = ReadDocument(relational.DbDataReader, 0);
                found[row.Id] = row;
            }
        }
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>What a found document is shown with, from <c>"SearchDocuments" d</c>, as <see cref="ReadDocument"/> reads
    /// it. Read by hand rather than by an EF Core query, so that the page of a kept set can be read in the statement that
    /// reads its slice (<see cref="SearchMatchStore.ReadSliceWithDocumentsAsync"/>); the same columns serve every read.</summary>
    private const string DocumentColumns = """
        d."Id", d."Kind", d."ItemId", d."InitiativeId", d."Title", d."Body", d."OwnerOrganizationId",
        (SELECT o."Name" FROM "Organizations" o WHERE o."Id" = d."OwnerOrganizationId"), d."Stage", d."CountyNumber", d."Year", d."IsPublic"
        """;

    /// <summary>A row of <see cref="DocumentColumns"/> from the reader's column <paramref name="first"/> on.</summary>
    private static DocumentRow ReadDocument(System.Data.Common.DbDataReader r, int first)
    {
        int? Int(int i) => r.IsDBNull(first + i) ? null : r.GetInt32(first + i);
        string? Text(int i) => r.IsDBNull(first + i) ? null : r.GetString(first + i);
        return new DocumentRow(r.GetInt32(first), (SearchKind)r.GetInt32(first + 1), r.GetInt32(first + 2), Int(3), r.GetString(first + 4),
            r.GetString(first + 5), Int(6), Text(7), (InitiativeStage?)Int(8), Text(9), r.GetInt32(first + 10), r.GetBoolean(first + 11));
    }

    /// <summary>Every indexed form of the words searched for, to mark where a text matched.</summary>
    private static HashSet<string> Stems(List<string[]> alternatives) =>
        alternatives.SelectMany(a => a).SelectMany(NorwegianText.Forms).ToHashSet(StringComparer.Ordinal);

    /// <summary>The <paramref name="columns"/> of the documents <paramref name="visible"/> says (for a reader in
    /// <paramref name="orgIds"/>) that match every word (or any, when not <paramref name="every"/>) in one of its
    /// alternatives, with their rank by the database's own measure (BM25 on SQLite, <c>ts_rank</c> on PostgreSQL; higher is
    /// better; comparable between two such queries, so their matches can be merged): SQL and its parameters.</summary>
    private static (string Sql, List<object> Args) Matches(FlokeDbContext db, List<string[]> alternatives, bool every, int[] orgIds, Visible visible, string columns,
        bool terms = false)
    {
        var args = new List<object>();
        string Arg(object value)
        {
            args.Add(value);
            return $"{{{args.Count - 1}}}";
        }
        string sql;
        if (db.IsPostgres)
        {
            // to_tsquery stems each alternative with the norwegian configuration (terms are taken as they are: simple); the
            // words hold only letters and digits.
            var query = string.Join(every ? " & " : " | ", alternatives.Select(a => "(" + string.Join(" | ", a) + ")"));
            sql = $$"""SELECT {{columns}}, ts_rank(d."Vector", q)::float8 AS "Rank" FROM "SearchDocuments" d, to_tsquery('{{(terms ? "simple" : "norwegian")}}', {{Arg(query)}}) q WHERE d."Vector" @@ q""";
        }
        else
        {
            var match = string.Join(every ? " AND " : " OR ", alternatives.Select(a => "(" + string.Join(" OR ", (terms ? a : a.SelectMany(NorwegianText.Forms)).Distinct().Select(t => $"\"{t}\"")) + ")"));
            sql = $$"""SELECT {{columns}}, -bm25("SearchFts", 4.0, 1.0) AS "Rank" FROM "SearchFts" JOIN "SearchDocuments" d INDEXED BY "{{SqliteSearchSql.FacetsIndex}}" ON d."Id" = "SearchFts".rowid WHERE "SearchFts" MATCH {{Arg(match)}}""";
        }
        // Shown to one of the organisations (ids are numbers, written as they are).
        var orgList = string.Join(", ", orgIds);
        var shown = $$"""EXISTS (SELECT 1 FROM "SearchViewers" v WHERE v."DocumentId" = d."Id" AND v."OrganizationId" IN ({{orgList}}))""";
        // Only a reader's own: on SQLite the documents shown to their organisations are listed once and each match checked
        // against the list before it is joined to its row (the "+" keeps FTS5 from looking each listed id up, which starts
        // over and recounts the word's documents for bm25() each time) — a member's first ask of a word in 89,000 to
        // 140,000 documents took 12–27 ms against 46–188 ms checking each match's viewers.
        var own = db.IsPostgres ? shown
            : $$"""+"SearchFts".rowid IN (SELECT v."DocumentId" FROM "SearchViewers" v WHERE v."OrganizationId" IN ({{orgList}}))""";
        sql += visible switch
        {
            Visible.Public => """ AND d."IsPublic" """,
            Visible.OwnOnly when orgIds.Length > 0 => $""" AND NOT d."IsPublic" AND {own}""",
            Visible.OwnOnly => throw new ArgumentException("A reader's own documents need their organisations.", nameof(orgIds)),
            _ => orgIds.Length == 0 ? """ AND d."IsPublic" """ : $""" AND (d."IsPublic" OR {shown})""",
        };
        return (sql, args);
    }

    /// <summary>Which documents a query returns: the public ones, those the reader may see (public or shown to one of their
    /// organisations), or only those shown to their organisations that are not public.</summary>
    private enum Visible { Public, ToReader, OwnOnly }

    /// <summary>Which of the words are indexed. Compiled, as <see cref="NearWords"/>: a query never asked before looks its
    /// words up here first, and building and parameterizing these queries anew each time was a third of what such a search
    /// cost the app (a CPU profile of the bench's never-asked searches on SQLite).</summary>
    private static readonly PerModel<Func<FlokeDbContext, string[], IAsyncEnumerable<string>>> KnownWords =
        PerModel.Sequence((FlokeDbContext db, string[] words) => db.SearchWords.AsNoTracking().Where(w => words.Contains(w.Word)).Select(w => w.Word));

    /// <summary>Indexed words that may be one edit away from a word of <c>length</c> letters: as long give or take one, and
    /// beginning with its first letters (<c>from</c> up to <c>to</c>) or ending with its last ones (the reversed word from
    /// <c>reversedFrom</c> up to <c>reversedTo</c>) — how many letters, and why one of the two holds, in
    /// <see cref="CorrectionsAsync"/>.</summary>
    private static readonly PerModel<Func<FlokeDbContext, string, string, string, string, int, IAsyncEnumerable<string>>> NearWords =
        PerModel.Sequence((FlokeDbContext db, string from, string to, string reversedFrom, string reversedTo, int length) => db.SearchWords.AsNoTracking()
            .Where(w => ((string.Compare(w.Word, from) >= 0 && string.Compare(w.Word, to) < 0)
                    || (string.Compare(w.Reversed, reversedFrom) >= 0 && string.Compare(w.Reversed, reversedTo) < 0))
                && w.Word.Length >= length - 1 && w.Word.Length <= length + 1)
            .Select(w => w.Word));

    /// <summary>The first string after every string that starts with <paramref name="prefix"/> (its last letter one up).</summary>
    private static string Next(string prefix) => string.Concat(prefix.AsSpan(0, prefix.Length - 1), [(char)(prefix[^1] + 1)]);

    /// <summary>For each long word that is in no indexed text: the indexed words one edit away (at most three).</summary>
    private static async Task<Dictionary<string, string[]>> CorrectionsAsync(FlokeDbContext db, List<string> words, CancellationToken ct)
    {
        var long_ = words.Select(NorwegianText.Fold).Where(w => w.Length >= NorwegianText.MinCorrectableLength && !w.All(char.IsDigit)).Distinct().ToArray();
        if (long_.Length == 0)
        {
            return [];
        }
        var known = await KnownWords.For(db)(db, long_).ToListAsync(ct);
        var missing = long_.Except(known).ToList();
        if (missing.Count == 0)
        {
            return [];
        }
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in missing)
        {
            // A word one edit away keeps the first k letters (an edit at position k or later) or the last k (an edit before
            // k leaves the tail from k + 1 on in place, a swap from k + 2 on): so it starts or ends like the missing word
            // wherever the word has 2k + 1 letters or more. The more letters, the fewer indexed words read.
            var k = m.Length >= 7 ? 3 : 2;
            var (head, tail) = (m[..k], new string(m[^k..].Reverse().ToArray()));
            var near = NearWords.For(db)(db, head, Next(head), tail, Next(tail), m.Length);
            await foreach (var word in near.WithCancellation(ct))
            {
                found.Add(word);
            }
        }
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
