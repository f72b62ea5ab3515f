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

    private sealed record OwnerRow(int NeedId, NeedOwnerView Owner);

    /// <summary>The owners of the needs <c>ids</c> (a page's), by need and organisation — the order a need's own page has
    /// them in is by invitation; a list shows the accepted ones' names.</summary>
    private static readonly PerModel<Func<FlokeDbContext, int[], IAsyncEnumerable<OwnerRow>>> OwnersOf = PerModel.Sequence(
        (FlokeDbContext db, int[] ids) => db.NeedOwners.AsNoTracking().Where(o => ids.Contains(o.NeedId))
            .OrderBy(o => o.NeedId).ThenBy(o => o.OrganizationId)
            .Select(o => new OwnerRow(o.NeedId, new NeedOwnerView(o.OrganizationId, o.Organization!.Name, o.Organization.Kind, o.Status))));

    /// <summary>The page's needs with their owners: one statement for all the owners of the page.</summary>
    private async Task<List<NeedSummary>> WithOwnersAsync(List<NeedList.Row> rows, CancellationToken ct)
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
        var list = (f.Mine
                ? NeedList.Pages.For(db).Where(NeedList.OwnedBy, orgIds).Where(NeedList.Status, f.Status)
                : NeedList.Pages.For(db).Where(true, NeedList.Published))
            .Where(NeedList.Text, Validation.Clean(f.Q) is { } q ? $"%{q.ToLowerInvariant()}%" : null)
            .Where(NeedList.Affected, f.Affected is AffectedGroups.None ? null : f.Affected)
            .Where(NeedList.Sector, f.Sector is Sectors.None ? null : f.Sector)
            .Where(NeedList.Level, f.Level is GovernmentLevels.None ? null : f.Level)
            .Where(NeedList.Organization, f.Organization);
        var (page, size) = Paging.Clamp(f.Page, f.PageSize, MaxPageSize);
        var total = await counts.CountAsync("needs", f with { Page = 1, PageSize = 0 }, orgIds, list.Query, ct);
        var rows = await list.Page(f.Mine ? NeedList.NewestChange : NeedList.NewestPublished, page, size).ToListAsync(ct);
        return new Paged<NeedSummary>(await WithOwnersAsync(rows, ct), page, size, total);
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
