using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;

namespace Floke.Web.Features.Barriers;

/// <summary>The list of barriers (<see cref="BarrierQueries.ListAsync"/>): its filters and order, stated once for the pages
/// compiled per combination of filters and for the query built at a request (<see cref="FilteredList{TEntity, TRow}"/>).</summary>
internal static class BarrierList
{
    public static readonly FilteredList<Barrier, BarrierSummary> Pages = new(b => new BarrierSummary(b.Id, b.Rule, b.Section, b.Kind, b.Status,
        b.Resolution, b.InitiativeId, b.Initiative!.Title, b.ResponsibleOrganizationId, b.ResponsibleOrganization!.Name, b.ReportedAt),
        Paging.DefaultPageSize);

    /// <summary>Of an initiative the reader may see: every request starts here.</summary>
    public static readonly OfVisibleInitiative<Barrier, BarrierSummary> OfVisibleInitiative = new(Pages, b => b.InitiativeId);

    public static readonly ListFilter<Barrier, BarrierStatus> Status = Pages.Filter<BarrierStatus>((d, b, s) => b.Status == s);
    public static readonly ListFilter<Barrier, BarrierKind> Kind = Pages.Filter<BarrierKind>((d, b, k) => b.Kind == k);

    /// <summary>The rule's key (<see cref="BarrierRules.NormalizeRule"/>).</summary>
    public static readonly ListFilter<Barrier, string> Rule = Pages.Filter<string>((d, b, key) => b.RuleKey == key);

    public static readonly ListFilter<Barrier, int> Responsible = Pages.Filter<int>((d, b, o) => b.ResponsibleOrganizationId == o);
    public static readonly ListFilter<Barrier, int> Initiative = Pages.Filter<int>((d, b, i) => b.InitiativeId == i);

    public static readonly ListOrder<Barrier> NewestChange = Pages.Order(q => q.OrderByDescending(b => b.UpdatedAt).ThenByDescending(b => b.Id));
}
