using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using LinqKit;

namespace Floke.Web.Features.Adoptions;

/// <summary>The list of adoptions (<see cref="AdoptionQueries.ListAsync"/>): its filters and order, stated once for the pages
/// compiled per combination of filters and for the query built at a request (<see cref="FilteredList{TEntity, TRow}"/>).</summary>
internal static class AdoptionList
{
    public static readonly FilteredList<Adoption, AdoptionSummary> Pages = new(AdoptionQueries.Summary, Paging.DefaultPageSize);

    /// <summary>Of a published initiative: what a reader in no organisation sees.</summary>
    public static readonly ListFilter<Adoption> OfPublishedInitiative = Pages.Filter((d, a) => InitiativeAccess.IsPublishedById.Invoke(d, a.InitiativeId));

    /// <summary>Of an initiative the members of the organisations (the reader's) may see.</summary>
    public static readonly ListFilter<Adoption, int[]> OfVisibleInitiative = Pages.Filter<int[]>((d, a, organizations) =>
        InitiativeAccess.IsVisibleById.Invoke(d, a.InitiativeId, organizations));

    public static readonly ListFilter<Adoption, int> Initiative = Pages.Filter<int>((d, a, i) => a.InitiativeId == i);
    public static readonly ListFilter<Adoption, int> Adopter = Pages.Filter<int>((d, a, o) => a.AdopterOrganizationId == o);
    public static readonly ListFilter<Adoption, AdoptionStatus> Status = Pages.Filter<AdoptionStatus>((d, a, s) => a.Status == s);

    /// <summary>The adopter's county (its number).</summary>
    public static readonly ListFilter<Adoption, string> County = Pages.Filter<string>((d, a, c) => a.AdopterOrganization!.CountyNumber == c);

    public static readonly ListOrder<Adoption> NewestChange = Pages.Order(q => q.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id));
}
