using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using LinqKit;

namespace Floke.Web.Features.Barriers;

/// <summary>The list of barriers (<see cref="BarrierQueries.ListAsync"/>): its filters and order, stated once for the pages
/// compiled per combination of filters and for the query built at a request (<see cref="FilteredList{TEntity, TRow}"/>).</summary>
internal static class BarrierList
{
    public static readonly FilteredList<Barrier, BarrierSummary> Pages = new(b => new BarrierSummary(b.Id, b.Rule, b.Section, b.Kind, b.Status,
        b.Resolution, b.InitiativeId, b.Initiative!.Title, b.ResponsibleOrganizationId, b.ResponsibleOrganization!.Name, b.ReportedAt),
        Paging.DefaultPageSize);

    /// <summary>Of a published initiative: what a reader in no organisation sees.</summary>
    public static readonly ListFilter<Barrier> OfPublishedInitiative = Pages.Filter((d, b) => InitiativeAccess.IsPublishedById.Invoke(d, b.InitiativeId));

    /// <summary>Of an initiative the members of the organisations (the reader's) may see.</summary>
    public static readonly ListFilter<Barrier, int[]> OfVisibleInitiative = Pages.Filter<int[]>((d, b, organizations) =>
        InitiativeAccess.IsVisibleById.Invoke(d, b.InitiativeId, organizations));

    public static readonly ListFilter<Barrier, BarrierStatus> Status = Pages.Filter<BarrierStatus>((d, b, s) => b.Status == s);
    public static readonly ListFilter<Barrier, BarrierKind> Kind = Pages.Filter<BarrierKind>((d, b, k) => b.Kind == k);

    /// <summary>The rule's key (<see cref="BarrierRules.NormalizeRule"/>).</summary>
    public static readonly ListFilter<Barrier, string> Rule = Pages.Filter<string>((d, b, key) => b.RuleKey == key);

    public static readonly ListFilter<Barrier, int> Responsible = Pages.Filter<int>((d, b, o) => b.ResponsibleOrganizationId == o);
    public static readonly ListFilter<Barrier, int> Initiative = Pages.Filter<int>((d, b, i) => b.InitiativeId == i);

    public static readonly ListOrder<Barrier> NewestChange = Pages.Order(q => q.OrderByDescending(b => b.UpdatedAt).ThenByDescending(b => b.Id));
}
