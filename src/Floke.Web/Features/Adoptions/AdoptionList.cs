using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Features.Adoptions;

/// <summary>The list of adoptions (<see cref="AdoptionQueries.ListAsync"/>): its filters and order, stated once for the pages
/// compiled per combination of filters and for the query built at a request (<see cref="FilteredList{TEntity, TRow}"/>).</summary>
internal static class AdoptionList
{
    public static readonly FilteredList<Adoption, AdoptionSummary> Pages = new(AdoptionQueries.Summary, Paging.DefaultPageSize);

    /// <summary>Of an initiative the reader may see: every request starts here.</summary>
    public static readonly OfVisibleInitiative<Adoption, AdoptionSummary> OfVisibleInitiative = new(Pages, a => a.InitiativeId);

    public static readonly ListFilter<Adoption, int> Initiative = Pages.Filter<int>((d, a, i) => a.InitiativeId == i);
    public static readonly ListFilter<Adoption, int> Adopter = Pages.Filter<int>((d, a, o) => a.AdopterOrganizationId == o);
    public static readonly ListFilter<Adoption, AdoptionStatus> Status = Pages.Filter<AdoptionStatus>((d, a, s) => a.Status == s);

    /// <summary>The adopter's county (its number).</summary>
    public static readonly ListFilter<Adoption, string> County = Pages.Filter<string>((d, a, c) => a.AdopterOrganization!.CountyNumber == c);

    public static readonly ListOrder<Adoption> NewestChange = Pages.Order(q => q.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id));
}
