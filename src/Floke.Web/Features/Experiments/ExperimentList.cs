using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Experiments;

/// <summary>The list of experiments (<see cref="ExperimentQueries.ListAsync"/>): its filters and order, stated once for the
/// pages compiled per combination of filters and for the query built at a request (<see cref="FilteredList{TEntity, TRow}"/>).</summary>
internal static class ExperimentList
{
    public static readonly FilteredList<Experiment, ExperimentSummary> Pages = new(e => new ExperimentSummary(e.Id, e.Title, e.InitiativeId,
        e.Initiative!.Title, e.Status, e.LegalBasis, e.Outcome, e.ActEndsOn, e.UpdatedAt), Paging.DefaultPageSize);

    /// <summary>Of an initiative the reader may see: every request starts here.</summary>
    public static readonly OfVisibleInitiative<Experiment, ExperimentSummary> OfVisibleInitiative = new(Pages, e => e.InitiativeId);

    public static readonly ListFilter<Experiment, ExperimentStatus> Status = Pages.Filter<ExperimentStatus>((d, e, s) => e.Status == s);
    public static readonly ListFilter<Experiment, ExperimentOutcome> Outcome = Pages.Filter<ExperimentOutcome>((d, e, o) => e.Outcome == o);
    public static readonly ListFilter<Experiment, LegalBasis> Basis = Pages.Filter<LegalBasis>((d, e, b) => e.LegalBasis == b);
    public static readonly ListFilter<Experiment, int> Initiative = Pages.Filter<int>((d, e, i) => e.InitiativeId == i);

    /// <summary>A <c>LIKE</c> pattern, lower case, in title or hypothesis.</summary>
    public static readonly ListFilter<Experiment, string> Text = Pages.Filter<string>((d, e, pattern) =>
        EF.Functions.Like(e.Title.ToLower(), pattern) || EF.Functions.Like(e.Hypothesis.ToLower(), pattern));

    public static readonly ListOrder<Experiment> NewestChange = Pages.Order(q => q.OrderByDescending(e => e.UpdatedAt).ThenByDescending(e => e.Id));
}
