using System.Security.Claims;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Core.Accounts;

/// <summary>The signed-in person of this request and their active roles, loaded once per request.
/// Every rights decision in pages and API goes through this one object.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, FlokeDbContext db)
{
    private Dictionary<int, MemberRole>? _roles;
    private bool? _isPlatformAdmin;

    public ClaimsPrincipal? Principal => http.HttpContext?.User;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public bool IsAuthenticated => UserId is not null;

    /// <summary>Active memberships: organisation id → role.</summary>
    public async Task<IReadOnlyDictionary<int, MemberRole>> RolesAsync(CancellationToken ct = default)
    {
        if (_roles is null)
        {
            var id = UserId;
            _roles = id is null
                ? []
                : await db.Memberships.AsNoTracking()
                    .Where(m => m.UserId == id && m.Status == MembershipStatus.Active)
                    .ToDictionaryAsync(m => m.OrganizationId, m => m.Role, ct);
        }
        return _roles;
    }

    public async Task<bool> IsPlatformAdminAsync(CancellationToken ct = default)
    {
        if (_isPlatformAdmin is null)
        {
            var id = UserId;
            _isPlatformAdmin = id is not null && await db.Users.AnyAsync(u => u.Id == id && u.IsPlatformAdmin, ct);
        }
        return _isPlatformAdmin.Value;
    }

    public async Task<bool> IsMemberOfAsync(int organizationId, CancellationToken ct = default) =>
        (await RolesAsync(ct)).ContainsKey(organizationId);

    public async Task<bool> HasRoleAsync(int organizationId, MemberRole atLeast, CancellationToken ct = default) =>
        (await RolesAsync(ct)).TryGetValue(organizationId, out var role) && role >= atLeast;

    /// <summary>Ids of the organisations this person is an active member of.</summary>
    public async Task<int[]> OrganizationIdsAsync(CancellationToken ct = default) => [.. (await RolesAsync(ct)).Keys];

    /// <summary>Forgets the cached roles after this request changed them.</summary>
    public void Refresh()
    {
        _roles = null;
        _isPlatformAdmin = null;
    }
}
