using System.Linq.Expressions;
using Floke.Web.Core.Accounts;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Initiatives;

/// <summary>Who may see and change an initiative. Pages, API and lists all ask here.</summary>
public static class InitiativeAccess
{
    /// <summary>Published initiatives are public; a draft is seen by members of its owner and of invited or accepted partners.</summary>
    public static IQueryable<Initiative> VisibleTo(this IQueryable<Initiative> initiatives, int[] organizationIds) =>
        // A reader in no organisation sees the published ones: said as such, because PostgreSQL cannot drop the
        // "owner or partner in an empty list" tests itself and would check every row's partners (170 against 20 ms
        // for a count over 200,000 initiatives).
        organizationIds.Length == 0
            ? initiatives.Where(i => i.Visibility == InitiativeVisibility.Published)
            : initiatives.Where(Linq.Expr((Initiative i) => IsVisibleTo.Invoke(i, organizationIds)).Expand());

    /// <summary>The rule of <see cref="VisibleTo"/> as one expression, for any number of organisations (none for a visitor).
    /// A compiled query cannot call <see cref="VisibleTo"/>; it says <c>InitiativeAccess.IsVisibleTo.Invoke(i, orgIds)</c>
    /// and is expanded (LinqKit's <c>Expand</c>) once when it is compiled. Looking up one initiative, the rule's parts for
    /// members cost nothing for a visitor; lists use <see cref="VisibleTo"/>, which leaves them out.</summary>
    public static readonly Expression<Func<Initiative, int[], bool>> IsVisibleTo = (i, organizationIds) =>
        i.Visibility == InitiativeVisibility.Published
        || organizationIds.Contains(i.OwnerOrganizationId)
        || i.Partners.Any(p => organizationIds.Contains(p.OrganizationId));

    /// <summary>For lists of what hangs on an initiative (experiments, barriers, adoptions) as <see cref="FilteredList{TEntity, TRow}"/>
    /// filters: the initiative <c>id</c> is published — what a reader in no organisation sees, said as such for the reason
    /// <see cref="VisibleTo"/> gives.</summary>
    public static readonly Expression<Func<FlokeDbContext, int, bool>> IsPublishedById = (d, id) =>
        d.Initiatives.Any(i => i.Id == id && i.Visibility == InitiativeVisibility.Published);

    /// <summary>As <see cref="IsPublishedById"/>, for a reader in the organisations <c>organizationIds</c> (not empty).</summary>
    public static readonly Expression<Func<FlokeDbContext, int, int[], bool>> IsVisibleById = (d, id, organizationIds) =>
        d.Initiatives.Any(i => i.Id == id && IsVisibleTo.Invoke(i, organizationIds));

    /// <summary>The owner's members edit the initiative, invite partners and ask for gate decisions.</summary>
    public static Task<bool> CanEditAsync(Initiative i, CurrentUser user, CancellationToken ct) =>
        CanEditAsync(i.OwnerOrganizationId, user, ct);

    public static async Task<bool> CanEditAsync(int ownerId, CurrentUser user, CancellationToken ct) =>
        await user.IsMemberOfAsync(ownerId, ct);

    /// <summary>The owner's and accepted partners' members add lessons (and, later, experiments).</summary>
    public static Task<bool> CanContributeAsync(Initiative i, CurrentUser user, CancellationToken ct) =>
        CanContributeAsync(i.OwnerOrganizationId, i.Partners.Where(p => p.Status == ParticipationStatus.Accepted).Select(p => p.OrganizationId),
            user, ct);

    public static async Task<bool> CanContributeAsync(int ownerId, IEnumerable<int> acceptedPartnerIds, CurrentUser user, CancellationToken ct)
    {
        var roles = await user.RolesAsync(ct);
        return roles.ContainsKey(ownerId) || acceptedPartnerIds.Any(roles.ContainsKey);
    }

    /// <summary>Only leaders (and administrators) of the owning organisation decide at a gate.</summary>
    public static Task<bool> CanDecideAsync(Initiative i, CurrentUser user, CancellationToken ct) =>
        CanDecideAsync(i.OwnerOrganizationId, user, ct);

    public static Task<bool> CanDecideAsync(int ownerId, CurrentUser user, CancellationToken ct) =>
        user.HasRoleAsync(ownerId, MemberRole.Leader, ct);

    /// <summary>The initiative someone adds an experiment or a barrier to: one they may see (else the field is invalid,
    /// or, for a visitor, forbidden) and may contribute to (else forbidden).</summary>
    public static async Task<Result<Initiative>> ForContributionAsync(this FlokeDbContext db, CurrentUser user, int initiativeId,
        string unknownMessage, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var initiative = await db.Initiatives.Include(i => i.Partners).VisibleTo(orgIds).FirstOrDefaultAsync(i => i.Id == initiativeId, ct);
        if (initiative is null)
        {
            return user.IsAuthenticated ? Result<Initiative>.Invalid("InitiativeId", unknownMessage) : Result<Initiative>.Forbidden();
        }
        return await CanContributeAsync(initiative, user, ct) ? Result.Ok(initiative) : Result<Initiative>.Forbidden();
    }
}

/// <summary>"Of an initiative the reader may see", for a <see cref="FilteredList{TEntity, TRow}"/> of what hangs on
/// initiatives (experiments, barriers, adoptions): two filters, because for a reader in no organisation the rule is said
/// as "published" (<see cref="InitiativeAccess.VisibleTo"/> gives why). Declare it once beside the list's other filters.</summary>
public sealed class OfVisibleInitiative<TEntity, TRow> where TEntity : class
{
    private readonly FilteredList<TEntity, TRow> _list;
    private readonly ListFilter<TEntity> _published;
    private readonly ListFilter<TEntity, int[]> _visible;

    /// <param name="initiativeId">The item's initiative.</param>
    public OfVisibleInitiative(FilteredList<TEntity, TRow> list, Expression<Func<TEntity, int>> initiativeId)
    {
        _list = list;
        _published = list.Filter((d, e) => InitiativeAccess.IsPublishedById.Invoke(d, initiativeId.Invoke(e)));
        _visible = list.Filter<int[]>((d, e, organizations) => InitiativeAccess.IsVisibleById.Invoke(d, initiativeId.Invoke(e), organizations));
    }

    /// <summary>The list for one request of a reader in <paramref name="organizationIds"/>: the items of initiatives they may see.</summary>
    public ListRequest<TEntity, TRow> For(FlokeDbContext db, int[] organizationIds) =>
        organizationIds.Length == 0 ? _list.For(db).Where(true, _published) : _list.For(db).Where(_visible, organizationIds);
}
