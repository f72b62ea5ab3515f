using Floke.Web.Core.Organizations;
using Floke.Web.Features.Barriers;
using Floke.Web.Features.Experiments;
using Floke.Web.Features.Initiatives;
using Floke.Web.Features.Needs;
using Floke.Web.Features.OpenCalls;
using Floke.Web.Infrastructure.Data;
using LinqKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Barrier = Floke.Web.Features.Barriers.Barrier;

namespace Floke.Web.Features.Search;

/// <summary>An item whose search document must be rebuilt. An initiative's key also rebuilds its experiments, lessons and
/// barriers, which follow its visibility.</summary>
public readonly record struct SearchKey(SearchKind Kind, int Id);

/// <summary>Keeps the search documents in step with what they index. <see cref="FlokeDbContext"/> calls
/// <see cref="Changed"/> before each save and <see cref="RefreshAsync"/> after it, in the same transaction, so every
/// change made through EF Core is searchable at once; <see cref="RebuildAsync"/> (CLI <c>search rebuild</c>, and after
/// national seeding) builds everything anew.</summary>
public static class SearchIndexer
{
    private const int Batch = 2_000;

    /// <summary>The tracked entries whose documents a save will change (read before saving; their ids after).</summary>
    public static List<EntityEntry> Changed(ChangeTracker tracker) => tracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsIndexed(e.Entity))
        .ToList();

    /// <summary>Whether a change to <paramref name="entity"/> changes a search document.</summary>
    public static bool IsIndexed(object entity) =>
        entity is Need or NeedOwner or Initiative or InitiativePartner or Experiment or Barrier or Lesson or Organization or OpenCall;

    public static IEnumerable<SearchKey> Keys(IEnumerable<EntityEntry> entries) => entries.Select(e => e.Entity switch
    {
        Need n => new SearchKey(SearchKind.Need, n.Id),
        NeedOwner o => new SearchKey(SearchKind.Need, o.NeedId),
        Initiative i => new SearchKey(SearchKind.Initiative, i.Id),
        InitiativePartner p => new SearchKey(SearchKind.Initiative, p.InitiativeId),
        Experiment x => new SearchKey(SearchKind.Experiment, x.Id),
        Barrier b => new SearchKey(SearchKind.Barrier, b.Id),
        Lesson l => new SearchKey(SearchKind.Lesson, l.Id),
        Organization o => new SearchKey(SearchKind.Organization, o.Id),
        OpenCall c => new SearchKey(SearchKind.OpenCall, c.Id),
        _ => throw new InvalidOperationException(),
    }).Distinct();

    /// <summary>Replaces the documents of <paramref name="keys"/> (removing those whose item is gone).</summary>
    public static async Task RefreshAsync(FlokeDbContext db, IEnumerable<SearchKey> keys, CancellationToken ct)
    {
        var byKind = keys.GroupBy(k => k.Kind).ToDictionary(g => g.Key, g => g.Select(k => k.Id).ToArray());
        int[] Ids(SearchKind kind) => byKind.GetValueOrDefault(kind) ?? [];
        var initiatives = Ids(SearchKind.Initiative);
        var needs = Ids(SearchKind.Need);
        var experiments = Ids(SearchKind.Experiment);
        var lessons = Ids(SearchKind.Lesson);
        var barriers = Ids(SearchKind.Barrier);
        var organizations = Ids(SearchKind.Organization);
        var calls = Ids(SearchKind.OpenCall);

        await db.SearchDocuments.Where(d => (d.Kind == SearchKind.Need && needs.Contains(d.ItemId))
                || (d.InitiativeId != null && initiatives.Contains(d.InitiativeId.Value))
                || (d.Kind == SearchKind.Initiative && initiatives.Contains(d.ItemId))
                || (d.Kind == SearchKind.Experiment && experiments.Contains(d.ItemId))
                || (d.Kind == SearchKind.Lesson && lessons.Contains(d.ItemId))
                || (d.Kind == SearchKind.Barrier && barriers.Contains(d.ItemId))
                || (d.Kind == SearchKind.Organization && organizations.Contains(d.ItemId))
                || (d.Kind == SearchKind.OpenCall && calls.Contains(d.ItemId)))
            .ExecuteDeleteAsync(ct);

        var postgres = db.IsPostgres;
        var documents = new List<SearchDocument>();
        documents.AddRange(await NeedDocuments(db, db.Needs.Where(n => needs.Contains(n.Id)), postgres, ct));
        documents.AddRange(await InitiativeDocuments(db, db.Initiatives.Where(i => initiatives.Contains(i.Id)), postgres, ct));
        documents.AddRange(await ExperimentDocuments(db, db.Experiments.Where(x => experiments.Contains(x.Id) || initiatives.Contains(x.InitiativeId)), postgres, ct));
        documents.AddRange(await LessonDocuments(db, db.Lessons.Where(x => lessons.Contains(x.Id) || initiatives.Contains(x.InitiativeId)), postgres, ct));
        documents.AddRange(await BarrierDocuments(db, db.Barriers.Where(x => barriers.Contains(x.Id) || initiatives.Contains(x.InitiativeId)), postgres, ct));
        documents.AddRange(await OrganizationDocuments(db.Organizations.Where(o => organizations.Contains(o.Id)), postgres, ct));
        documents.AddRange(await OpenCallDocuments(db.OpenCalls.Where(c => calls.Contains(c.Id)), postgres, ct));
        if (organizations.Length > 0)
        {
            // An organisation's kind and county are facets of what it owns.
            foreach (var org in await db.Organizations.AsNoTracking().Where(o => organizations.Contains(o.Id)).Select(o => new { o.Id, o.Kind, o.CountyNumber }).ToListAsync(ct))
            {
                await db.SearchDocuments.Where(d => d.OwnerOrganizationId == org.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.OrganizationKind, org.Kind).SetProperty(d => d.CountyNumber, org.CountyNumber), ct);
            }
        }
        if (documents.Count == 0)
        {
            return;
        }
        db.SearchDocuments.AddRange(documents);
        await db.SaveChangesAsync(ct);
        foreach (var d in documents)
        {
            db.Entry(d).State = EntityState.Detached;
            d.Viewers.ForEach(v => db.Entry(v).State = EntityState.Detached);
        }
        await AddWordsAsync(db, documents, ct);
    }

    /// <summary>Builds every document anew (the CLI's <c>search rebuild</c>); returns how many.</summary>
    public static async Task<int> RebuildAsync(FlokeDbContext db, TextWriter? progress, CancellationToken ct, int keepMatchesFrom = SearchMatchStore.DefaultKeepFrom)
    {
        var postgres = db.IsPostgres;
        await SearchMatchStore.PauseAsync(db, ct);
        if (!postgres)
        {
            // Bulk-write without indexing row by row, then build the full-text index in one pass (see SqliteSearchSql).
            await db.Database.ExecuteSqlRawAsync(SqliteSearchSql.DropTriggers, ct);
        }
        await db.SearchViewers.ExecuteDeleteAsync(ct);
        await db.SearchDocuments.ExecuteDeleteAsync(ct);
        await db.SearchWords.ExecuteDeleteAsync(ct);
        var writer = new BulkWriter(db);
        var nextId = 1;
        var words = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;

        async Task WriteAll(string name, Func<int, Task<List<SearchDocument>>> page)
        {
            for (var after = 0; ;)
            {
                var documents = await page(after);
                if (documents.Count == 0)
                {
                    break;
                }
                after = documents.Max(d => d.ItemId);
                foreach (var d in documents)
                {
                    d.Id = nextId++;
                    d.Viewers.ForEach(v => v.DocumentId = d.Id);
                    words.UnionWith(NorwegianText.CorrectableWords(d.Title + " " + d.Body));
                }
                await writer.WriteAsync(documents, ct);
                await writer.WriteAsync(documents.SelectMany(d => d.Viewers), ct);
                total += documents.Count;
                db.ChangeTracker.Clear();
            }
            progress?.WriteLine($"  search: {name} indexed ({total:N0} documents in all)");
        }

        await WriteAll("needs", after => NeedDocuments(db, db.Needs.Where(n => n.Id > after).OrderBy(n => n.Id).Take(Batch), postgres, ct));
        await WriteAll("initiatives", after => InitiativeDocuments(db, db.Initiatives.Where(i => i.Id > after).OrderBy(i => i.Id).Take(Batch), postgres, ct));
        await WriteAll("experiments", after => ExperimentDocuments(db, db.Experiments.Where(x => x.Id > after).OrderBy(x => x.Id).Take(Batch), postgres, ct));
        await WriteAll("lessons", after => LessonDocuments(db, db.Lessons.Where(x => x.Id > after).OrderBy(x => x.Id).Take(Batch), postgres, ct));
        await WriteAll("barriers", after => BarrierDocuments(db, db.Barriers.Where(x => x.Id > after).OrderBy(x => x.Id).Take(Batch), postgres, ct));
        await WriteAll("organisations", after => OrganizationDocuments(db.Organizations.Where(o => o.Id > after).OrderBy(o => o.Id).Take(Batch), postgres, ct));
        await WriteAll("open calls", after => OpenCallDocuments(db.OpenCalls.Where(c => c.Id > after).OrderBy(c => c.Id).Take(Batch), postgres, ct));
        await writer.WriteAsync(words.Select(w => new SearchWord { Word = w, Reversed = Reverse(w) }), ct);
        await writer.ResetIdentitiesAsync(ct);
        if (!postgres)
        {
            await db.Database.ExecuteSqlRawAsync(SqliteSearchSql.Rebuild, ct);
            await SqliteSearchSql.CreateTriggersAsync(db, ct);
        }
        await SearchMatchStore.ResumeAsync(db, ct);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // The app's logger (EF Core's is the app's): a set that could not be kept is logged, not lost in silence.
        var logger = db.GetService<ILoggerFactory>().CreateLogger(typeof(SearchIndexer));
        var sets = await SearchQueries.KeepCommonWordsAsync(db, keepMatchesFrom, logger, ct);
        progress?.WriteLine($"  search: the matches of {sets:N0} common words kept ({watch.Elapsed.TotalSeconds:N1} s)");
        return total;
    }

    private static string Reverse(string word)
    {
        var chars = word.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static async Task AddWordsAsync(FlokeDbContext db, List<SearchDocument> documents, CancellationToken ct)
    {
        var words = documents.SelectMany(d => NorwegianText.CorrectableWords(d.Title + " " + d.Body)).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var chunk in words.Chunk(200))
        {
            var known = await db.SearchWords.Where(w => chunk.Contains(w.Word)).Select(w => w.Word).ToListAsync(ct);
            var added = chunk.Except(known, StringComparer.Ordinal).Select(w => new SearchWord { Word = w, Reversed = Reverse(w) }).ToList();
            if (added.Count == 0)
            {
                continue;
            }
            db.SearchWords.AddRange(added);
            // Inside the save's transaction a failed insert would abort it on PostgreSQL: go back to this point instead.
            var tx = db.Database.CurrentTransaction;
            if (tx is not null)
            {
                await tx.CreateSavepointAsync("words", ct);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another save added one of them meanwhile: the vocabulary only needs each word once.
                if (tx is not null)
                {
                    await tx.RollbackToSavepointAsync("words", ct);
                }
            }
            added.ForEach(w => db.Entry(w).State = EntityState.Detached);
        }
    }

    private static SearchDocument Document(SearchKind kind, int itemId, int? initiativeId, string title, string body, bool postgres) => new()
    {
        Kind = kind, ItemId = itemId, InitiativeId = initiativeId, Title = Cut(title, 400), Body = body,
        TitleTerms = postgres ? null : NorwegianText.Terms(title), BodyTerms = postgres ? null : NorwegianText.Terms(body),
        FoldedWords = postgres ? NorwegianText.FoldedWords(title + " " + body) : null,
    };

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private static string Join(params string?[] parts) => string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    private static async Task<List<SearchDocument>> NeedDocuments(FlokeDbContext db, IQueryable<Need> needs, bool postgres, CancellationToken ct)
    {
        var rows = await needs.AsNoTracking().Select(n => new
        {
            n.Id, n.Title, n.UserExperience, n.CurrentSituation, n.Status, n.CreatedAt, n.PublishedAt, n.UpdatedAt,
            Owners = n.Owners.OrderBy(o => o.Status == OwnerStatus.Accepted ? 0 : 1).ThenBy(o => o.InvitedAt)
                .Select(o => new { o.OrganizationId, o.Organization!.Kind, o.Organization.CountyNumber }).ToList(),
        }).ToListAsync(ct);
        return rows.Select(n =>
        {
            var d = Document(SearchKind.Need, n.Id, null, n.Title, Join(n.UserExperience, n.CurrentSituation), postgres);
            var owner = n.Owners.FirstOrDefault();
            d.IsPublic = n.Status != NeedStatus.Draft;
            d.OwnerOrganizationId = owner?.OrganizationId;
            d.OrganizationKind = owner?.Kind;
            d.CountyNumber = owner?.CountyNumber;
            d.Year = (n.PublishedAt ?? n.CreatedAt).Year;
            d.UpdatedAt = n.UpdatedAt;
            d.Viewers = d.IsPublic ? [] : [.. n.Owners.Select(o => o.OrganizationId).Distinct().Select(o => new SearchViewer { OrganizationId = o })];
            return d;
        }).ToList();
    }

    private sealed record Parent(int Id, bool IsPublic, int OwnerId, OrganizationKind OwnerKind, string? County, InitiativeStage Stage, Measures Measures, List<int> Viewers);

    private static async Task<Dictionary<int, Parent>> ParentsAsync(FlokeDbContext db, IEnumerable<int> ids, CancellationToken ct)
    {
        var set = ids.Distinct().ToArray();
        return await db.Initiatives.AsNoTracking().Where(i => set.Contains(i.Id))
            .Select(i => new Parent(i.Id, i.Visibility == InitiativeVisibility.Published, i.OwnerOrganizationId, i.OwnerKind, i.OwnerCountyNumber, i.Stage, i.Measures,
                i.Partners.Select(p => p.OrganizationId).ToList()))
            .ToDictionaryAsync(p => p.Id, ct);
    }

    private static SearchDocument Under(SearchDocument d, Parent p, int year, DateTimeOffset updated)
    {
        d.IsPublic = p.IsPublic;
        d.OwnerOrganizationId = p.OwnerId;
        d.OrganizationKind = p.OwnerKind;
        d.CountyNumber = p.County;
        d.Measures = p.Measures;
        d.Year = year;
        d.UpdatedAt = updated;
        d.Viewers = p.IsPublic ? [] : [.. p.Viewers.Append(p.OwnerId).Distinct().Select(o => new SearchViewer { OrganizationId = o })];
        return d;
    }

    private static async Task<List<SearchDocument>> InitiativeDocuments(FlokeDbContext db, IQueryable<Initiative> initiatives, bool postgres, CancellationToken ct)
    {
        var rows = await initiatives.AsNoTracking().Select(i => new { i.Id, i.Title, i.Summary, i.StopReason, i.CreatedAt, i.PublishedAt, i.UpdatedAt }).ToListAsync(ct);
        var parents = await ParentsAsync(db, rows.Select(r => r.Id), ct);
        return rows.Select(i =>
        {
            var d = Under(Document(SearchKind.Initiative, i.Id, i.Id, i.Title, Join(i.Summary, i.StopReason), postgres), parents[i.Id],
                (i.PublishedAt ?? i.CreatedAt).Year, i.UpdatedAt);
            d.Stage = parents[i.Id].Stage;
            return d;
        }).ToList();
    }

    private static async Task<List<SearchDocument>> ExperimentDocuments(FlokeDbContext db, IQueryable<Experiment> experiments, bool postgres, CancellationToken ct)
    {
        var rows = await experiments.AsNoTracking().Select(x => new { x.Id, x.InitiativeId, x.Title, x.Hypothesis, x.Evidence, x.CreatedAt, x.UpdatedAt }).ToListAsync(ct);
        var parents = await ParentsAsync(db, rows.Select(r => r.InitiativeId), ct);
        return rows.Select(x => Under(Document(SearchKind.Experiment, x.Id, x.InitiativeId, x.Title, Join(x.Hypothesis, x.Evidence), postgres),
            parents[x.InitiativeId], x.CreatedAt.Year, x.UpdatedAt)).ToList();
    }

    private static async Task<List<SearchDocument>> LessonDocuments(FlokeDbContext db, IQueryable<Lesson> lessons, bool postgres, CancellationToken ct)
    {
        var rows = await lessons.AsNoTracking().Select(x => new { x.Id, x.InitiativeId, x.Initiative!.Title, x.WhatWorked, x.WhatDidNotWork, x.DoDifferently, x.CreatedAt })
            .ToListAsync(ct);
        var parents = await ParentsAsync(db, rows.Select(r => r.InitiativeId), ct);
        return rows.Select(x => Under(Document(SearchKind.Lesson, x.Id, x.InitiativeId, x.Title, Join(x.WhatWorked, x.WhatDidNotWork, x.DoDifferently), postgres),
            parents[x.InitiativeId], x.CreatedAt.Year, x.CreatedAt)).ToList();
    }

    private static async Task<List<SearchDocument>> BarrierDocuments(FlokeDbContext db, IQueryable<Barrier> barriers, bool postgres, CancellationToken ct)
    {
        var rows = await barriers.AsNoTracking().Select(x => new { x.Id, x.InitiativeId, x.Rule, x.Section, x.Description, x.ReportedAt, x.UpdatedAt }).ToListAsync(ct);
        var parents = await ParentsAsync(db, rows.Select(r => r.InitiativeId), ct);
        return rows.Select(x => Under(Document(SearchKind.Barrier, x.Id, x.InitiativeId, string.IsNullOrWhiteSpace(x.Section) ? x.Rule : $"{x.Rule} {x.Section}",
            x.Description, postgres), parents[x.InitiativeId], x.ReportedAt.Year, x.UpdatedAt)).ToList();
    }

    private static async Task<List<SearchDocument>> OrganizationDocuments(IQueryable<Organization> organizations, bool postgres, CancellationToken ct)
    {
        var rows = await organizations.AsNoTracking().Select(o => new { o.Id, o.Name, o.Description, o.Kind, o.CountyNumber, o.CreatedAt }).ToListAsync(ct);
        return rows.Select(o =>
        {
            var d = Document(SearchKind.Organization, o.Id, null, o.Name, o.Description ?? "", postgres);
            d.IsPublic = true;
            d.OwnerOrganizationId = o.Id;
            d.OrganizationKind = o.Kind;
            d.CountyNumber = o.CountyNumber;
            d.Year = o.CreatedAt.Year;
            d.UpdatedAt = o.CreatedAt;
            return d;
        }).ToList();
    }

    private static async Task<List<SearchDocument>> OpenCallDocuments(IQueryable<OpenCall> calls, bool postgres, CancellationToken ct)
    {
        var rows = await calls.AsNoTracking()
            .Select(Linq.Expr((OpenCall c) => new { c.Id, c.Title, c.Challenge, c.Requirements, c.Status, c.OwnerOrganizationId, c.OwnerKind,
                c.OwnerCountyNumber, c.CreatedAt, c.PublishedAt, c.UpdatedAt, IsPublic = OpenCallAccess.IsPublic.Invoke(c) }).Expand())
            .ToListAsync(ct);
        return rows.Select(c =>
        {
            var d = Document(SearchKind.OpenCall, c.Id, null, c.Title, Join(c.Challenge, c.Requirements), postgres);
            d.IsPublic = c.IsPublic;
            d.OwnerOrganizationId = c.OwnerOrganizationId;
            d.OrganizationKind = c.OwnerKind;
            d.CountyNumber = c.OwnerCountyNumber;
            d.Year = (c.PublishedAt ?? c.CreatedAt).Year;
            d.UpdatedAt = c.UpdatedAt;
            d.Viewers = d.IsPublic ? [] : [new SearchViewer { OrganizationId = c.OwnerOrganizationId }];
            return d;
        }).ToList();
    }
}
