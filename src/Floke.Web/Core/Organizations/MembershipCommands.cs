using Floke.Web.Core.Accounts;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Core.Organizations;

/// <summary>One person's membership as the members page and API show it.</summary>
public sealed record MemberView(int Id, string UserId, string DisplayName, string? Email, MemberRole Role, MembershipStatus Status, DateTimeOffset RequestedAt);

/// <summary>Asking to join an organisation and deciding such requests; shared by pages and API.</summary>
public sealed class MembershipCommands(FlokeDbContext db, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The signed-in person asks to join; an administrator of the organisation decides.</summary>
    public async Task<Result<int>> RequestToJoinAsync(int organizationId, CancellationToken ct)
    {
        if (user.UserId is not { } userId)
        {
            return Result<int>.Forbidden();
        }
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            return Result<int>.NotFound();
        }
        var existing = await db.Memberships.FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == userId, ct);
        if (existing is { Status: MembershipStatus.Active or MembershipStatus.Pending })
        {
            return Result<int>.Invalid("Membership", l["Member.AlreadyRequested"]);
        }
        var membership = existing ?? new Membership { UserId = userId, OrganizationId = organizationId };
        membership.Role = MemberRole.Member;
        membership.Status = MembershipStatus.Pending;
        membership.RequestedAt = clock.GetUtcNow();
        membership.DecidedAt = null;
        if (existing is null)
        {
            db.Memberships.Add(membership);
        }
        await db.SaveChangesAsync(ct);
        return Result.Ok(membership.Id);
    }

    /// <summary>An administrator approves a request with a role, changes a member's role, or declines.</summary>
    public async Task<Result<MemberView>> DecideAsync(int organizationId, int membershipId, bool approve, MemberRole? role, CancellationToken ct)
    {
        var membership = await db.Memberships.Include(m => m.User)
            .FirstOrDefaultAsync(m => m.Id == membershipId && m.OrganizationId == organizationId, ct);
        if (membership is null)
        {
            return Result<MemberView>.NotFound();
        }
        if (!await CanManageAsync(organizationId, ct))
        {
            return Result<MemberView>.Forbidden();
        }
        if (approve && (role is null || !Enum.IsDefined(role.Value)))
        {
            return Result<MemberView>.Invalid("Role", l["Member.Role.Required"]);
        }
        // An organisation must keep at least one administrator, or nobody could manage it any more.
        var losesAdmin = membership is { Status: MembershipStatus.Active, Role: MemberRole.Administrator } && (!approve || role != MemberRole.Administrator);
        if (losesAdmin && !await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.Id != membershipId
                && m.Status == MembershipStatus.Active && m.Role == MemberRole.Administrator, ct))
        {
            return Result<MemberView>.Invalid("Role", l["Member.LastAdmin"]);
        }
        membership.Status = approve ? MembershipStatus.Active : MembershipStatus.Declined;
        membership.Role = approve ? role!.Value : membership.Role;
        membership.DecidedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        user.Refresh();
        return Result.Ok(ToView(membership));
    }

    /// <summary>Members and pending requests, for the organisation's administrators.</summary>
    public async Task<Result<IReadOnlyList<MemberView>>> ListAsync(int organizationId, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            return Result<IReadOnlyList<MemberView>>.NotFound();
        }
        if (!await CanManageAsync(organizationId, ct))
        {
            return Result<IReadOnlyList<MemberView>>.Forbidden();
        }
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.Status != MembershipStatus.Declined)
            .OrderBy(m => m.Status).ThenBy(m => m.User!.DisplayName)
            .Select(m => new MemberView(m.Id, m.UserId, m.User!.DisplayName, m.User.Email, m.Role, m.Status, m.RequestedAt))
            .Limit(500)
            .ToListAsync(ct);
        return Result.Ok<IReadOnlyList<MemberView>>(rows);
    }

    // Platform administrators may act for an organisation that has no administrator yet (e.g. demo data).
    private async Task<bool> CanManageAsync(int organizationId, CancellationToken ct) =>
        await user.HasRoleAsync(organizationId, MemberRole.Administrator, ct) || await user.IsPlatformAdminAsync(ct);

    private static MemberView ToView(Membership m) =>
        new(m.Id, m.UserId, m.User?.DisplayName ?? "", m.User?.Email, m.Role, m.Status, m.RequestedAt);
}
