using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Core.Organizations;

/// <summary>An organisation as lists, pages and the API show it. Organisations are public.</summary>
public sealed record OrganizationView(
    int Id,
    string Name,
    string OrganizationNumber,
    OrganizationKind Kind,
    string? MunicipalityNumber,
    string? CountyNumber,
    string? Description,
    string? Website,
    bool IsVerified,
    bool IsDemo,
    DateTimeOffset CreatedAt,
    int Version);

public sealed record OrganizationFilter(string? Q = null, OrganizationKind? Kind = null, string? County = null, bool? Verified = null, int Page = 1, int PageSize = Paging.DefaultPageSize);

/// <summary>The signed-in person's relation to an organisation.</summary>
public sealed record MyRelation(MemberRole? Role, bool HasPendingRequest, bool IsPlatformAdmin)
{
    public bool IsAdministrator => Role == MemberRole.Administrator || IsPlatformAdmin;
}

public sealed class OrganizationQueries(FlokeDbContext db, CurrentUser user, AuditQueries audit, ListCounts counts)
{
    public const int MaxPageSize = 100;

    public async Task<Paged<OrganizationView>> ListAsync(OrganizationFilter f, CancellationToken ct)
    {
        var query = db.Organizations.AsNoTracking();
        if (Validation.Clean(f.Q) is { } q)
        {
            var pattern = $"%{q.ToLowerInvariant()}%";
            query = query.Where(o => EF.Functions.Like(o.Name.ToLower(), pattern) || o.OrganizationNumber == q);
        }
        if (f.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }
        if (Validation.Clean(f.County) is { } county)
        {
            query = query.Where(o => o.CountyNumber == county);
        }
        if (f.Verified is { } verified)
        {
            query = query.Where(o => o.IsVerified == verified);
        }
        var (page, size) = Paging.Clamp(f.Page, f.PageSize, MaxPageSize);
        var total = await counts.CountAsync("organizations", f with { Page = 1, PageSize = 0 }, [], query, ct);
        var items = await query.OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Page(page, size)
            .Select(Projection)
            .ToListAsync(ct);
        return new Paged<OrganizationView>(items, page, size, total);
    }

    public Task<OrganizationView?> GetAsync(int id, CancellationToken ct) =>
        db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(Projection).FirstOrDefaultAsync(ct);

    public async Task<MyRelation> RelationAsync(int id, CancellationToken ct)
    {
        if (user.UserId is not { } userId)
        {
            return new MyRelation(null, false, false);
        }
        var roles = await user.RolesAsync(ct);
        var pending = !roles.ContainsKey(id) && await db.Memberships.AnyAsync(m => m.OrganizationId == id && m.UserId == userId && m.Status == MembershipStatus.Pending, ct);
        return new MyRelation(roles.TryGetValue(id, out var r) ? r : null, pending, await user.IsPlatformAdminAsync(ct));
    }

    /// <summary>An organisation's history. Who belongs to it is for its members and platform administrators;
    /// everyone else sees the changes to the organisation itself.</summary>
    public async Task<Paged<HistoryItem>> HistoryAsync(int id, int page, int pageSize, CancellationToken ct)
    {
        var insider = await user.IsMemberOfAsync(id, ct) || await user.IsPlatformAdminAsync(ct);
        var root = new AuditRoot(nameof(Organization), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return insider ? await audit.HistoryAsync(root, page, pageSize, ct) : await audit.HistoryAsync(root, page, pageSize, ct, nameof(Membership));
    }

    /// <summary>The organisation with this number, as people type it into forms ("958 935 420"); null when none is registered.</summary>
    public Task<int?> IdByNumberAsync(string? number, CancellationToken ct)
    {
        var normalized = OrganizationNumber.Normalize(number);
        return db.Organizations.AsNoTracking().Where(o => o.OrganizationNumber == normalized).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The organisations the signed-in person belongs to, for choosing an owner.</summary>
    /// <param name="kinds">Only organisations of these kinds (e.g. public bodies, for an open call).</param>
    public async Task<IReadOnlyList<(int Id, string Name)>> MineAsync(CancellationToken ct, Func<OrganizationKind, bool>? kinds = null)
    {
        var ids = await user.OrganizationIdsAsync(ct);
        var rows = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Kind }).ToListAsync(ct);
        return rows.Where(r => kinds is null || kinds(r.Kind)).Select(r => (r.Id, r.Name)).ToList();
    }

    private static readonly System.Linq.Expressions.Expression<Func<Organization, OrganizationView>> Projection = o =>
        new OrganizationView(o.Id, o.Name, o.OrganizationNumber, o.Kind, o.MunicipalityNumber, o.CountyNumber,
            o.Description, o.Website, o.IsVerified, o.IsDemo, o.CreatedAt, o.Version);
}
