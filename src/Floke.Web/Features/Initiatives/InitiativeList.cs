using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Initiatives;

/// <summary>The portfolio's list (<see cref="InitiativeQueries.ListAsync"/>): its filters, each a rule of the database, the
/// initiative and the filter's value, stated once for the pages compiled per combination of filters and for the query
/// built at a request (the total, the reader's own list, other page sizes) — <see cref="FilteredList{TEntity, TRow}"/>.</summary>
internal static class InitiativeList
{
    public static readonly FilteredList<Initiative, InitiativeSummary> Pages = new(InitiativeQueries.Summary, Paging.DefaultPageSize);

    public static readonly ListFilter<Initiative> Published = Pages.Filter((d, i) => i.Visibility == InitiativeVisibility.Published);

    /// <summary>A <c>LIKE</c> pattern, lower case, in title or summary.</summary>
    public static readonly ListFilter<Initiative, string> Text = Pages.Filter<string>((d, i, pattern) =>
        EF.Functions.Like(i.Title.ToLower(), pattern) || EF.Functions.Like(i.Summary.ToLower(), pattern));

    public static readonly ListFilter<Initiative, InitiativeStage> Stage = Pages.Filter<InitiativeStage>((d, i, s) => i.Stage == s);
    public static readonly ListFilter<Initiative, Measures> Measure = Pages.Filter<Measures>((d, i, m) => (i.Measures & m) != 0);
    public static readonly ListFilter<Initiative, InnovationTypes> Type = Pages.Filter<InnovationTypes>((d, i, t) => (i.InnovationTypes & t) != 0);
    public static readonly ListFilter<Initiative, OecdFacet> Facet = Pages.Filter<OecdFacet>((d, i, f) => i.OecdFacet == f);
    public static readonly ListFilter<Initiative, OrganizationKind> Kind = Pages.Filter<OrganizationKind>((d, i, k) => i.OwnerKind == k);
    public static readonly ListFilter<Initiative, string> County = Pages.Filter<string>((d, i, c) => i.OwnerCountyNumber == c);

    /// <summary>Counted as everywhere: organisations that use the solution (status Adopted).</summary>
    public static readonly ListFilter<Initiative, int> MinAdoptions = Pages.Filter<int>((d, i, n) =>
        d.Adoptions.Count(a => a.InitiativeId == i.Id && a.Status == Adoptions.AdoptionStatus.Adopted) >= n);

    public static readonly ListFilter<Initiative> RealisedGains = Pages.Filter((d, i) =>
        d.Benefits.Any(b => b.InitiativeId == i.Id && !b.IsDisbenefit && b.RealisedValue > 0));

    /// <summary>Owned by the organisation, or with it as an accepted partner.</summary>
    public static readonly ListFilter<Initiative, int> Organization = Pages.Filter<int>((d, i, o) =>
        i.OwnerOrganizationId == o || i.Partners.Any(p => p.OrganizationId == o && p.Status == ParticipationStatus.Accepted));

    public static readonly ListOrder<Initiative> NewestChange = Pages.Order(q => q.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id));
}
