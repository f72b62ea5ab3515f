using System.Linq.Expressions;
using Floke.Web.Core.Accounts;
using Floke.Web.Core.Organizations;
using LinqKit;

namespace Floke.Web.Features.Needs;

/// <summary>Who may see and change a need. Pages, API and lists all ask here.</summary>
public static class NeedAccess
{
    /// <summary>Published and archived needs are public; a draft is seen by members of its owners and invited co-owners.</summary>
    public static IQueryable<Need> VisibleTo(this IQueryable<Need> needs, int[] organizationIds) =>
        organizationIds.Length == 0 // said as such for PostgreSQL (see InitiativeAccess.VisibleTo)
            ? needs.Where(n => n.Status != NeedStatus.Draft)
            : needs.Where(Linq.Expr((Need n) => IsVisibleTo.Invoke(n, organizationIds)).Expand());

    /// <summary>The rule of <see cref="VisibleTo"/> as one expression, for any number of organisations (none for a visitor).
    /// A compiled query cannot call <see cref="VisibleTo"/>; it says <c>NeedAccess.IsVisibleTo.Invoke(n, orgIds)</c> and is
    /// expanded (LinqKit's <c>Expand</c>) once when it is compiled.</summary>
    public static readonly Expression<Func<Need, int[], bool>> IsVisibleTo = (n, organizationIds) =>
        n.Status != NeedStatus.Draft || n.Owners.Any(o => organizationIds.Contains(o.OrganizationId));

    /// <summary>Members of an owner that has accepted may edit, publish, archive and invite.</summary>
    public static async Task<bool> CanEditAsync(Need need, CurrentUser user, CancellationToken ct)
    {
        var roles = await user.RolesAsync(ct);
        return need.Owners.Any(o => o.Status == OwnerStatus.Accepted && roles.ContainsKey(o.OrganizationId));
    }

    /// <summary>An invitation to co-own commits the organisation, so its leaders or administrators answer it.</summary>
    public static Task<bool> CanAnswerInvitationAsync(int organizationId, CurrentUser user, CancellationToken ct) =>
        user.HasRoleAsync(organizationId, MemberRole.Leader, ct);
}
