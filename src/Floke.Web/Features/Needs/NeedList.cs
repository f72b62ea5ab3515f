using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Needs;

/// <summary>The list of needs (<see cref="NeedQueries.ListAsync"/>): its filters and orders, stated once for the pages
/// compiled per combination of filters and for the query built at a request (<see cref="FilteredList{TEntity, TRow}"/>).</summary>
internal static class NeedList
{
    /// <summary>A need in a list without its owners, which are read for the whole page in a second statement
    /// (<see cref="NeedQueries"/>' <c>OwnersOf</c>). Not a nested projection with <c>AsSplitQuery</c>: the same two statements,
    /// but EF Core's shaper for a nested collection builds delegates for every row it reads (<c>DynamicMethod.CreateDelegate</c>,
    /// ~7 % of the needs list's CPU in a profile, dotnet/efcore#35210) — bench README, "Twenty-ninth session".</summary>
    public sealed record Row(int Id, string Title, NeedStatus Status, AffectedGroups AffectedGroups, Sectors Sectors,
        GovernmentLevels Levels, DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt, bool IsDemo);

    /// <summary>Compiled at the list's size, the front page's 5 and an organisation page's 10.</summary>
    public static readonly FilteredList<Need, Row> Pages = new(n => new Row(n.Id, n.Title, n.Status, n.AffectedGroups, n.Sectors, n.Levels,
        n.PublishedAt, n.UpdatedAt, n.IsDemo), Paging.DefaultPageSize, 5, 10);

    public static readonly ListFilter<Need> Published = Pages.Filter((d, n) => n.Status == NeedStatus.Published);

    /// <summary>The needs the organisations (the reader's, their ids) own or are invited to own, drafts too — by key,
    /// from the owners' index.</summary>
    public static readonly ListFilter<Need, int[]> OwnedBy = Pages.Filter<int[]>((d, n, organizations) =>
        d.NeedOwners.Where(o => organizations.Contains(o.OrganizationId)).Select(o => o.NeedId).Contains(n.Id));

    public static readonly ListFilter<Need, NeedStatus> Status = Pages.Filter<NeedStatus>((d, n, s) => n.Status == s);

    /// <summary>A <c>LIKE</c> pattern, lower case, in title or the user's experience.</summary>
    public static readonly ListFilter<Need, string> Text = Pages.Filter<string>((d, n, pattern) =>
        EF.Functions.Like(n.Title.ToLower(), pattern) || EF.Functions.Like(n.UserExperience.ToLower(), pattern));

    public static readonly ListFilter<Need, AffectedGroups> Affected = Pages.Filter<AffectedGroups>((d, n, a) => (n.AffectedGroups & a) != 0);
    public static readonly ListFilter<Need, Sectors> Sector = Pages.Filter<Sectors>((d, n, s) => (n.Sectors & s) != 0);
    public static readonly ListFilter<Need, GovernmentLevels> Level = Pages.Filter<GovernmentLevels>((d, n, l) => (n.Levels & l) != 0);

    /// <summary>Owned by the organisation (accepted as owner).</summary>
    public static readonly ListFilter<Need, int> Organization = Pages.Filter<int>((d, n, o) =>
        n.Owners.Any(x => x.OrganizationId == o && x.Status == OwnerStatus.Accepted));

    /// <summary>The public list: by publication date alone, so the (Status, PublishedAt) index serves it at national scale.</summary>
    public static readonly ListOrder<Need> NewestPublished = Pages.Order(q => q.OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id));

    /// <summary>The reader's own, with drafts that have no publication date: the latest change first.</summary>
    public static readonly ListOrder<Need> NewestChange = Pages.Order(q => q.OrderByDescending(n => n.PublishedAt ?? n.UpdatedAt).ThenByDescending(n => n.Id));
}
