using Floke.Web.Core.Accounts;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Benefits;

/// <summary>Who may see and change benefits, measurements and investments. Benefits are seen where their initiative is.</summary>
public static class BenefitAccess
{
    /// <summary>Benefits of the initiatives these organisations' members may see.</summary>
    public static IQueryable<Benefit> VisibleTo(this IQueryable<Benefit> benefits, FlokeDbContext db, int[] organizationIds)
    {
        var visible = db.Initiatives.VisibleTo(organizationIds);
        return benefits.Where(b => visible.Any(i => i.Id == b.InitiativeId));
    }

    /// <summary>The initiative owner's members edit its benefits; an adopter's members edit the benefits of their adoption.</summary>
    /// <param name="roles">The reader's active memberships (<see cref="CurrentUser.RolesAsync"/>).</param>
    public static bool CanEdit(IReadOnlyDictionary<int, MemberRole> roles, int ownerOrganizationId, int? adopterOrganizationId) =>
        roles.ContainsKey(adopterOrganizationId ?? ownerOrganizationId);

    /// <summary>Those who edit the benefit, and the members of the organisation where it lands, enter measurements.</summary>
    public static bool CanMeasure(IReadOnlyDictionary<int, MemberRole> roles, int ownerOrganizationId, int? adopterOrganizationId, int? beneficiaryOrganizationId) =>
        CanEdit(roles, ownerOrganizationId, adopterOrganizationId) || (beneficiaryOrganizationId is { } receiver && roles.ContainsKey(receiver));
}
