using Floke.Web.Core.Accounts;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Benefits;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Adoptions;

public sealed record AdoptionSummary(int Id, int InitiativeId, string InitiativeTitle, int OwnerOrganizationId, string OwnerName,
    int AdopterOrganizationId, string AdopterName, string? AdopterCountyNumber, OrganizationKind AdopterKind, AdoptionStatus Status,
    DateTimeOffset? ConfirmedAt, DateTimeOffset UpdatedAt);

public sealed record AdoptionView(AdoptionSummary Adoption, string? AbandonReason, string? Adaptations, string? ContactName, string? ContactEmail,
    string? ConfirmedBy, DateTimeOffset CreatedAt, int Version, IReadOnlyList<int> BenefitIds)
{
    public bool CanEdit { get; init; }
    public bool CanConfirm { get; init; }
}

/// <summary>How many organisations consider, pilot, use or gave up a solution. "Adopted" counts only those that use it —
/// the same figure everywhere (initiative page, spread page, the "adopted by at least" filter).</summary>
public sealed record AdoptionCounts(int Considering, int Piloting, int Adopted, int Abandoned, int Unconfirmed = 0)
{
    public static readonly AdoptionCounts None = new(0, 0, 0, 0);
    public int Total => Considering + Piloting + Adopted + Abandoned;

    /// <summary>The counts of adoptions counted by status and whether the owner has confirmed them.</summary>
    public static AdoptionCounts Of(IEnumerable<(AdoptionStatus Status, bool Unconfirmed, int Count)> rows)
    {
        var all = rows.ToList();
        var d = all.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        return new AdoptionCounts(d.GetValueOrDefault(AdoptionStatus.Considering), d.GetValueOrDefault(AdoptionStatus.Piloting),
            d.GetValueOrDefault(AdoptionStatus.Adopted), d.GetValueOrDefault(AdoptionStatus.Abandoned), all.Where(r => r.Unconfirmed).Sum(r => r.Count));
    }
}

public sealed record MostAdoptedRow(int InitiativeId, string Title, string OwnerName, AdoptionCounts Counts, int Counties);

/// <summary>Adoptions (not abandoned) from owners of one level to adopters of another.</summary>
public sealed record LevelFlow(GovernmentLevel From, GovernmentLevel To, int Adoptions);

public sealed record CountySpread(string? CountyNumber, int Adoptions, int FromOtherCounties);

public sealed record InspirationRow(int InitiativeId, string Title, int InspiredInitiatives);

[System.ComponentModel.ImmutableObject(true)]
public sealed record SpreadReport(IReadOnlyList<MostAdoptedRow> MostAdopted, IReadOnlyList<LevelFlow> ByLevel, IReadOnlyList<CountySpread> ByCounty,
    IReadOnlyList<InspirationRow> MostInspiring, AdoptionCounts Totals, int SolutionsSpread)
{
    /// <summary>When these figures were computed: after a change they may be the previous ones for a while.</summary>
    public DateTimeOffset ComputedAt { get; init; }
}

public sealed class AdoptionQueries(FlokeDbContext db, CurrentUser user, InsightsCache cache, ListCounts counts)
{
    public const int MaxPageSize = 100;
    public const int TopRows = 20;

    /// <summary>An adoption in a list.</summary>
    internal static readonly System.Linq.Expressions.Expression<Func<Adoption, AdoptionSummary>> Summary = a => new AdoptionSummary(
        a.Id, a.InitiativeId, a.Initiative!.Title, a.Initiative.OwnerOrganizationId, a.Initiative.OwnerOrganization!.Name, a.AdopterOrganizationId,
        a.AdopterOrganization!.Name, a.AdopterOrganization.CountyNumber, a.AdopterOrganization.Kind, a.Status, a.ConfirmedAt, a.UpdatedAt);

    private static IQueryable<AdoptionSummary> Summaries(IQueryable<Adoption> adoptions) => adoptions.Select(Summary);

    private async Task<IQueryable<Adoption>> VisibleAsync(CancellationToken ct)
    {
        var visible = db.Initiatives.VisibleTo(await user.OrganizationIdsAsync(ct));
        return db.Adoptions.AsNoTracking().Where(a => visible.Any(i => i.Id == a.InitiativeId));
    }

    public async Task<AdoptionView?> GetAsync(int id, CancellationToken ct)
    {
        var query = (await VisibleAsync(ct)).Where(a => a.Id == id);
        var summary = await Summaries(query).FirstOrDefaultAsync(ct);
        if (summary is null)
        {
            return null;
        }
        var row = await query.Select(a => new
        {
            a.AbandonReason, a.Adaptations, a.ContactName, a.ContactEmail, a.ConfirmedBy, a.CreatedAt, a.Version,
            Benefits = db.Benefits.Where(b => b.AdoptionId == a.Id).OrderBy(b => b.Id).Select(b => b.Id).ToList(),
        }).FirstAsync(ct);
        var roles = await user.RolesAsync(ct);
        return new AdoptionView(summary, row.AbandonReason, row.Adaptations, row.ContactName, row.ContactEmail, row.ConfirmedBy, row.CreatedAt, row.Version, row.Benefits)
        {
            CanEdit = roles.ContainsKey(summary.AdopterOrganizationId),
            CanConfirm = roles.ContainsKey(summary.OwnerOrganizationId) && summary.ConfirmedAt is null,
        };
    }

    public async Task<Paged<AdoptionSummary>> ListAsync(AdoptionFilter f, CancellationToken ct)
    {
        var (page, pageSize) = Paging.Clamp(f.Page, f.PageSize, MaxPageSize);
        var orgIds = await user.OrganizationIdsAsync(ct);
        var list = AdoptionList.OfVisibleInitiative.For(db, orgIds)
            .Where(AdoptionList.Initiative, f.Initiative)
            .Where(AdoptionList.Adopter, f.Adopter)
            .Where(AdoptionList.Status, f.Status)
            .Where(AdoptionList.County, f.County is { Length: > 0 } ? f.County : null);
        // Counting every visible adoption takes tens of milliseconds at national scale: kept until the next save.
        var total = await counts.CountAsync("adoptions", f with { Page = 1, PageSize = 0 }, orgIds, list.Query, ct);
        var items = await list.Page(AdoptionList.NewestChange, page, pageSize).ToListAsync(ct);
        return new Paged<AdoptionSummary>(items, page, pageSize, total);
    }

    /// <summary>Every adoption of one initiative (for the CSV download), at most <see cref="MaxDownload"/>.</summary>
    public async Task<IReadOnlyList<AdoptionSummary>> AllForInitiativeAsync(int initiativeId, CancellationToken ct) =>
        await Summaries((await VisibleAsync(ct)).Where(a => a.InitiativeId == initiativeId).OrderBy(a => a.AdopterOrganization!.Name).ThenBy(a => a.Id)
            .Limit(MaxDownload)).ToListAsync(ct);

    public const int MaxDownload = 10_000;

    /// <summary>Adoptions of the reader's organisations' solutions that no one there has confirmed yet.</summary>
    public async Task<IReadOnlyList<AdoptionSummary>> AwaitingConfirmationAsync(CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        if (orgIds.Length == 0)
        {
            return [];
        }
        return await Summaries(db.Adoptions.AsNoTracking().Where(a => a.ConfirmedAt == null && orgIds.Contains(a.Initiative!.OwnerOrganizationId))
            .OrderBy(a => a.CreatedAt).Limit(MaxPageSize)).ToListAsync(ct);
    }

    private static AdoptionCounts Counts(IEnumerable<(AdoptionStatus Status, int Count)> rows) =>
        AdoptionCounts.Of(rows.Select(r => (r.Status, false, r.Count)));

    /// <summary>The spread of solutions over published initiatives: the most adopted, adoptions between levels and into
    /// counties, and the initiatives that inspired most others.</summary>
    public async Task<SpreadReport> SpreadAsync(CancellationToken ct) => await cache.GetAsync("spread", ComputeSpreadAsync, ct);

    private static async Task<SpreadReport> ComputeSpreadAsync(FlokeDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var adoptions = db.Adoptions.AsNoTracking().Where(a => a.Initiative!.Visibility == InitiativeVisibility.Published);
        // Each initiative's counts by status, streamed in initiative order and folded as they come into the totals, how many
        // solutions are adopted somewhere and the most adopted — not kept as a table of every initiative: at 2.5 × national
        // scale that table did not fit beside full caches under the heap limit, and every computation of the page failed
        // (bench README, "Thirty-first session").
        var byStatus = new Dictionary<AdoptionStatus, int>();
        var solutionsSpread = 0;
        var best = new List<(int Id, AdoptionCounts Counts)>(TopRows + 1);
        var rows = new List<(AdoptionStatus Status, int Count)>(4);
        int? current = null;
        void Fold()
        {
            if (current is not { } id)
            {
                return;
            }
            var c = Counts(rows);
            solutionsSpread += c.Adopted > 0 ? 1 : 0;
            var at = best.FindIndex(b => MoreAdopted(c, id, b.Counts, b.Id));
            if (at >= 0 || best.Count < TopRows)
            {
                best.Insert(at >= 0 ? at : best.Count, (id, c));
                if (best.Count > TopRows)
                {
                    best.RemoveAt(TopRows);
                }
            }
            rows.Clear();
        }
        await foreach (var r in adoptions.GroupBy(a => new { a.InitiativeId, a.Status })
            .Select(g => new { g.Key.InitiativeId, g.Key.Status, Count = g.Count() }).OrderBy(r => r.InitiativeId).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (r.InitiativeId != current)
            {
                Fold();
                current = r.InitiativeId;
            }
            rows.Add((r.Status, r.Count));
            byStatus[r.Status] = byStatus.GetValueOrDefault(r.Status) + r.Count;
        }
        Fold();
        var top = best.Select(b => b.Id).ToArray();
        var titles = await db.Initiatives.AsNoTracking().Where(i => top.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, Owner = i.OwnerOrganization!.Name,
                Counties = db.Adoptions.Where(a => a.InitiativeId == i.Id && a.Status != AdoptionStatus.Abandoned && a.AdopterOrganization!.CountyNumber != null)
                    .Select(a => a.AdopterOrganization!.CountyNumber).Distinct().Count() })
            .ToDictionaryAsync(i => i.Id, ct);
        var mostAdopted = best.Select(b => new MostAdoptedRow(b.Id, titles[b.Id].Title, titles[b.Id].Owner, b.Counts, titles[b.Id].Counties)).ToList();

        var pairs = await adoptions.Where(a => a.Status != AdoptionStatus.Abandoned)
            .GroupBy(a => new { OwnerKind = a.Initiative!.OwnerOrganization!.Kind, AdopterKind = a.AdopterOrganization!.Kind,
                OwnerCounty = a.Initiative.OwnerOrganization.CountyNumber, AdopterCounty = a.AdopterOrganization.CountyNumber })
            .Select(g => new { g.Key.OwnerKind, g.Key.AdopterKind, g.Key.OwnerCounty, g.Key.AdopterCounty, Count = g.Count() }).ToListAsync(ct);
        var byLevel = pairs.GroupBy(p => (From: BenefitRules.Level(p.OwnerKind), To: BenefitRules.Level(p.AdopterKind)))
            .Select(g => new LevelFlow(g.Key.From, g.Key.To, g.Sum(p => p.Count))).OrderBy(r => r.From).ThenBy(r => r.To).ToList();
        var byCounty = pairs.GroupBy(p => p.AdopterCounty)
            .Select(g => new CountySpread(g.Key, g.Sum(p => p.Count), g.Where(p => p.OwnerCounty != g.Key).Sum(p => p.Count)))
            .OrderByDescending(r => r.Adoptions).ThenBy(r => r.CountyNumber).ToList();

        var inspiring = await db.Initiatives.AsNoTracking()
            .Where(i => i.Visibility == InitiativeVisibility.Published && i.InspiredByInitiativeId != null)
            .GroupBy(i => i.InspiredByInitiativeId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id).Limit(TopRows).ToListAsync(ct);
        var inspiringIds = inspiring.Select(i => i.Id).ToArray();
        var inspiringTitles = await db.Initiatives.AsNoTracking().Where(i => inspiringIds.Contains(i.Id) && i.Visibility == InitiativeVisibility.Published)
            .ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        var mostInspiring = inspiring.Where(i => inspiringTitles.ContainsKey(i.Id)).Select(i => new InspirationRow(i.Id, inspiringTitles[i.Id], i.Count)).ToList();

        var totals = Counts(byStatus.Select(s => (s.Key, s.Value)));
        return new SpreadReport(mostAdopted, byLevel, byCounty, mostInspiring, totals, solutionsSpread) { ComputedAt = now };
    }

    /// <summary>Whether a solution comes before another among the most adopted: more adoptions in use, then more pilots,
    /// then more in all, then the older initiative.</summary>
    private static bool MoreAdopted(AdoptionCounts a, int aId, AdoptionCounts b, int bId) =>
        (a.Adopted, a.Piloting, a.Total) != (b.Adopted, b.Piloting, b.Total)
            ? (a.Adopted, a.Piloting, a.Total).CompareTo((b.Adopted, b.Piloting, b.Total)) > 0
            : aId < bId;
}

public sealed record AdoptionFilter(int? Initiative = null, int? Adopter = null, AdoptionStatus? Status = null, string? County = null,
    int Page = 1, int PageSize = Paging.DefaultPageSize);
