using Floke.Web.Core.Accounts;
using Floke.Web.Core.Organizations;

namespace Floke.Web.Features.Initiatives;

/// <summary>Who may see and change an initiative. Pages, API and lists all ask here.</summary>
public static class InitiativeAccess
{
    /// <summary>Published initiatives are public; a draft is seen by members of its owner and of invited or accepted partners.</summary>
    public static IQueryable<Initiative> VisibleTo(this IQueryable<Initiative> initiatives, int[] organizationIds) =>
        initiatives.Where(i => i.Visibility == InitiativeVisibility.Published
            || organizationIds.Contains(i.OwnerOrganizationId)
            || i.Partners.Any(p => organizationIds.Contains(p.OrganizationId)));

    /// <summary>The owner's members edit the initiative, invite partners and ask for gate decisions.</summary>
    public static async Task<bool> CanEditAsync(Initiative i, CurrentUser user, CancellationToken ct) =>
        await user.IsMemberOfAsync(i.OwnerOrganizationId, ct);

    /// <summary>The owner's and accepted partners' members add lessons (and, later, experiments).</summary>
    public static async Task<bool> CanContributeAsync(Initiative i, CurrentUser user, CancellationToken ct)
    {
        var roles = await user.RolesAsync(ct);
        return roles.ContainsKey(i.OwnerOrganizationId)
            || i.Partners.Any(p => p.Status == ParticipationStatus.Accepted && roles.ContainsKey(p.OrganizationId));
    }

    /// <summary>Only leaders (and administrators) of the owning organisation decide at a gate.</summary>
    public static Task<bool> CanDecideAsync(Initiative i, CurrentUser user, CancellationToken ct) =>
        user.HasRoleAsync(i.OwnerOrganizationId, MemberRole.Leader, ct);
}
