using System.Runtime.InteropServices;
using Floke.Web.Core.Accounts;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Needs;

public sealed record NeedOwnerView(int OrganizationId, string Name, OrganizationKind Kind, OwnerStatus Status);

/// <summary>A need in a list.</summary>
public sealed record NeedSummary(int Id, string Title, NeedStatus Status, AffectedGroups AffectedGroups, Sectors Sectors,
    GovernmentLevels Levels, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, bool IsDemo, IReadOnlyList<NeedOwnerView> Owners);

/// <summary>A need with everything its page and the API show, and what the reader may do with it.</summary>
public sealed record NeedView(int Id, string Title, NeedStatus Status, AffectedGroups AffectedGroups, string UserExperience,
    string? CurrentSituation, Sectors Sectors, GovernmentLevels Levels, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt, bool IsDemo, int Version, IReadOnlyList<NeedOwnerView> Owners)
{
    public bool CanEdit { get; init; }
    /// <summary>Organisations the reader leads that are invited to co-own this need.</summary>
    public IReadOnlyList<int> InvitationsToAnswer { get; init; } = [];
}

public sealed record NeedFilter(
    string? Q = null,
    AffectedGroups? Affected = null,
    Sectors? Sector = null,
    GovernmentLevels? Level = null,
    int? Organization = null,
    NeedStatus? Status = null,
    bool Mine = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize);

public sealed class NeedQueries(FlokeDbContext db, CurrentUser user, ListCounts counts)
{
    public const int MaxPageSize = 100;

    private static readonly NeedFilter Unfiltered = new(Page: 1, PageSize: 0);

    /// <summary>A need in a list without its owners, which are read for the whole page in a second statement
    /// (<see cref="OwnersOf"/>). Not a nested projection with <c>AsSplitQuery</c>: the same two statements, but EF Core's
    /// shaper for a nested collection builds delegates for every row it reads (<c>DynamicMethod.CreateDelegate</c>, ~7 % of
    /// the needs list's CPU in a profile, dotnet/efcore#35210) — bench README, "Twenty-ninth session".</summary>
    private sealed record NeedRow(int Id, string Title, NeedStatus Status, AffectedGroups AffectedGroups, Sectors Sectors,
        GovernmentLevels Levels, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, bool IsDemo);

    private static readonly System.Linq.Expressions.Expression<Func<Need, NeedRow>> Row = n => new NeedRow(n.Id, n.Title, n.Status,
        n.AffectedGroups, n.Sectors, n.Levels, n.PublishedAt, n.UpdatedAt, n.IsDemo);

    private sealed record OwnerRow(int NeedId, NeedOwnerView Owner);

    /// <summary>The owners of the needs <c>ids</c> (a page's), by need and organisation — the order a need's own page has
    /// them in is by invitation; a list shows the accepted ones' names.</summary>
    private static readonly PerModel<Func<FlokeDbContext, int[], IAsyncEnumerable<OwnerRow>>> OwnersOf = PerModel.Sequence(
        (FlokeDbContext db, int[] ids) => db.NeedOwners.AsNoTracking().Where(o => ids.Contains(o.NeedId))
            .OrderBy(o => o.NeedId).ThenBy(o => o.OrganizationId)
            .Select(o => new OwnerRow(o.NeedId, new NeedOwnerView(o.OrganizationId, o.Organization!.Name, o.Organization.Kind, o.Status))));

    /// <summary>The first page of the public list with no filter, compiled for each page size asked for (the list's 20, the
    /// front page's 5; sizes are clamped, so there are few). A compiled query writes its constant size into the SQL
    /// (<c>LIMIT 20</c>, as <see cref="Paging.Page"/> does for the others).</summary>
    private static PerModel<Func<FlokeDbContext, IAsyncEnumerable<NeedRow>>> PublishedFirstPage(int size) =>
        PublishedFirstPages.GetOrAdd(size, static size => PerModel.Sequence((FlokeDbContext db) => db.Needs.AsNoTracking()
            .Where(n => n.Status == NeedStatus.Published).OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Take(size).Select(Row)));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, PerModel<Func<FlokeDbContext, IAsyncEnumerable<NeedRow>>>> PublishedFirstPages = new();

    /// <summary>The page's needs with their owners: one statement for all the owners of the page.</summary>
    private async Task<List<NeedSummary>> WithOwnersAsync(List<NeedRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var owners = new Dictionary<int, List<NeedOwnerView>>(rows.Count);
        await foreach (var o in OwnersOf.For(db)(db, [.. rows.Select(r => r.Id)]).WithCancellation(ct))
        {
            (CollectionsMarshal.GetValueRefOrAddDefault(owners, o.NeedId, out _) ??= []).Add(o.Owner);
        }
        return [.. rows.Select(r => new NeedSummary(r.Id, r.Title, r.Status, r.AffectedGroups, r.Sectors, r.Levels, r.PublishedAt,
            r.UpdatedAt, r.IsDemo, owners.GetValueOrDefault(r.Id) ?? []))];
    }

    /// <summary>Needs the reader may see, newest first: published ones for everyone; with Mine, the drafts of the reader's organisations too.</summary>
    public async Task<Paged<NeedSummary>> ListAsync(NeedFilter f, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var query = db.Needs.AsNoTracking();
        query = f.Mine
            ? query.Where(n => db.NeedOwners.Where(o => orgIds.Contains(o.OrganizationId)).Select(o => o.NeedId).Contains(n.Id)) // by key, from the owners' index
            : query.Where(n => n.Status == NeedStatus.Published);
        if (f.Mine && f.Status is { } status)
        {
            query = query.Where(n => n.Status == status);
        }
        if (Validation.Clean(f.Q) is { } q)
        {
            var pattern = $"%{q.ToLowerInvariant()}%";
            query = query.Where(n => EF.Functions.Like(n.Title.ToLower(), pattern) || EF.Functions.Like(n.UserExperience.ToLower(), pattern));
        }
        if (f.Affected is { } affected and not AffectedGroups.None)
        {
            query = query.Where(n => (n.AffectedGroups & affected) != 0);
        }
        if (f.Sector is { } sector and not Sectors.None)
        {
            query = query.Where(n => (n.Sectors & sector) != 0);
        }
        if (f.Level is { } level and not GovernmentLevels.None)
        {
            query = query.Where(n => (n.Levels & level) != 0);
        }
        if (f.Organization is { } org)
        {
            query = query.Where(n => n.Owners.Any(o => o.OrganizationId == org && o.Status == OwnerStatus.Accepted));
        }
        var (page, size) = Paging.Clamp(f.Page, f.PageSize, MaxPageSize);
        var whole = f with { Page = 1, PageSize = 0 }; // the filter alone, without its page
        var total = await counts.CountAsync("needs", whole, orgIds, query, ct);
        // The public list is ordered by publication date alone, so the (Status, PublishedAt) index serves it at national scale;
        // the reader's own list, with drafts that have no publication date, by the latest change.
        if (whole == Unfiltered && page == 1)
        {
            // As the list first opens (and the front page's newest needs): compiled, the same query as below.
            var published = await PublishedFirstPage(size).For(db)(db).ToListAsync(ct);
            return new Paged<NeedSummary>(await WithOwnersAsync(published, ct), page, size, total);
        }
        var ordered = f.Mine
            ? query.OrderByDescending(n => n.PublishedAt ?? n.UpdatedAt).ThenByDescending(n => n.Id)
            : query.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id);
        var items = await ordered.Page(page, size).Select(Row).ToListAsync(ct);
        return new Paged<NeedSummary>(await WithOwnersAsync(items, ct), page, size, total);
    }

    /// <summary>One need, or null where it does not exist or the reader may not see it (another organisation's draft).</summary>
    public async Task<NeedView?> GetAsync(int id, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        // Split: in one query the owners come from a LEFT JOIN on a joined subquery, which SQLite builds whole — every
        // owner of every need — before picking this need's.
        var need = await db.Needs.AsNoTracking().Include(n => n.Owners).ThenInclude(o => o.Organization)
            .VisibleTo(orgIds).AsSplitQuery().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null)
        {
            return null;
        }
        var roles = await user.RolesAsync(ct);
        return new NeedView(need.Id, need.Title, need.Status, need.AffectedGroups, need.UserExperience, need.CurrentSituation,
            need.Sectors, need.Levels, need.CreatedAt, need.UpdatedAt, need.PublishedAt, need.IsDemo, need.Version,
            need.Owners.OrderBy(o => o.InvitedAt).Select(o => new NeedOwnerView(o.OrganizationId, o.Organization!.Name, o.Organization.Kind, o.Status)).ToList())
        {
            CanEdit = await NeedAccess.CanEditAsync(need, user, ct),
            InvitationsToAnswer = need.Owners
                .Where(o => o.Status == OwnerStatus.Invited && roles.TryGetValue(o.OrganizationId, out var r) && r >= MemberRole.Leader)
                .Select(o => o.OrganizationId).ToList(),
        };
    }
}
