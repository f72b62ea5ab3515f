using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.OpenCalls;

/// <summary>The list of calls (<see cref="OpenCallQueries.ListAsync"/>): its filters and orders, stated once for the pages
/// compiled per combination of filters and for the query built at a request (<see cref="FilteredList{TEntity, TRow}"/>).</summary>
internal static class OpenCallList
{
    /// <summary>A call in a list as read; its phase is told from status, deadline and the clock when it is shown.</summary>
    public sealed record Row(int Id, string Title, OpenCallStatus Status, DateTimeOffset Deadline, decimal? BudgetNok, int OwnerOrganizationId,
        string OwnerName, DateTimeOffset? PublishedAt, bool IsDemo);

    public static readonly System.Linq.Expressions.Expression<Func<OpenCall, Row>> RowOf = c => new Row(c.Id, c.Title, c.Status, c.Deadline,
        c.BudgetNok, c.OwnerOrganizationId, c.Owner!.Name, c.PublishedAt, c.IsDemo);

    public static readonly FilteredList<OpenCall, Row> Pages = new(RowOf, Paging.DefaultPageSize);

    public static readonly ListFilter<OpenCall> Public = Pages.Filter((d, c) => OpenCallAccess.IsPublic.Invoke(c));

    /// <summary>The calls of the reader's organisations (their ids), drafts too.</summary>
    public static readonly ListFilter<OpenCall, int[]> OwnedBy = Pages.Filter<int[]>((d, c, organizations) => organizations.Contains(c.OwnerOrganizationId));

    /// <summary>A <c>LIKE</c> pattern, lower case, in title or challenge.</summary>
    public static readonly ListFilter<OpenCall, string> Text = Pages.Filter<string>((d, c, pattern) =>
        EF.Functions.Like(c.Title.ToLower(), pattern) || EF.Functions.Like(c.Challenge.ToLower(), pattern));

    public static readonly ListFilter<OpenCall, OrganizationKind> OwnerKind = Pages.Filter<OrganizationKind>((d, c, k) => c.OwnerKind == k);
    public static readonly ListFilter<OpenCall, string> County = Pages.Filter<string>((d, c, county) => c.OwnerCountyNumber == county);
    public static readonly ListFilter<OpenCall, int> Organization = Pages.Filter<int>((d, c, o) => c.OwnerOrganizationId == o);

    // The phases (OpenCallRules.Phase), the clock's moment the value of those it decides.
    public static readonly ListFilter<OpenCall> Draft = Pages.Filter((d, c) => c.Status == OpenCallStatus.Draft);
    public static readonly ListFilter<OpenCall, DateTimeOffset> OpenAt = Pages.Filter<DateTimeOffset>((d, c, now) => c.Status == OpenCallStatus.Published && c.Deadline > now);
    public static readonly ListFilter<OpenCall, DateTimeOffset> EvaluatingAt = Pages.Filter<DateTimeOffset>((d, c, now) => c.Status == OpenCallStatus.Published && c.Deadline <= now);
    public static readonly ListFilter<OpenCall> Awarded = Pages.Filter((d, c) => c.Status == OpenCallStatus.Awarded);
    public static readonly ListFilter<OpenCall> Cancelled = Pages.Filter((d, c) => c.Status == OpenCallStatus.Cancelled);

    /// <summary>Open calls: the nearest deadline first.</summary>
    public static readonly ListOrder<OpenCall> ByDeadline = Pages.Order(q => q.OrderBy(c => c.Deadline).ThenBy(c => c.Id));

    /// <summary>The public list: newest publication first (every call in it was published; the PublishedAt index serves it).</summary>
    public static readonly ListOrder<OpenCall> NewestPublished = Pages.Order(q => q.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id));

    /// <summary>The reader's own, with drafts never published: the latest change first.</summary>
    public static readonly ListOrder<OpenCall> NewestChange = Pages.Order(q => q.OrderByDescending(c => c.PublishedAt ?? c.UpdatedAt).ThenByDescending(c => c.Id));
}
