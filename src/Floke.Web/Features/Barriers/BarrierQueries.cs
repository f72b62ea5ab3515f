using Floke.Web.Core.Accounts;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Barriers;

public sealed record BarrierSummary(int Id, string Rule, string? Section, BarrierKind Kind, BarrierStatus Status, BarrierResolution? Resolution,
    int InitiativeId, string InitiativeTitle, int? ResponsibleOrganizationId, string? ResponsibleName, DateTimeOffset ReportedAt);

public sealed record StepView(int Id, BarrierStatus Status, BarrierResolution? Resolution, string Note, DateOnly Date, string ByName);

public sealed record BarrierView(int Id, string Rule, string? Section, BarrierKind Kind, string Description, BarrierStatus Status,
    BarrierResolution? Resolution, int InitiativeId, string InitiativeTitle, int? ResponsibleOrganizationId, string? ResponsibleName,
    DateTimeOffset ReportedAt, IReadOnlyList<StepView> Steps)
{
    public bool CanRespond { get; init; }
}

/// <summary>One row of the register: a rule, or a responsible body, with how many barriers and initiatives it concerns.</summary>
public sealed record RegisterRow(string Key, string Name, int? OrganizationId, int Barriers, int Open, int Resolved, int Initiatives);

public sealed record Register(IReadOnlyList<RegisterRow> ByRule, IReadOnlyList<RegisterRow> ByResponsible, int Total, int Open);

public sealed record BarrierFilter(BarrierStatus? Status = null, BarrierKind? Kind = null, string? Rule = null, int? Responsible = null,
    int? Initiative = null, int Page = 1, int PageSize = Paging.DefaultPageSize);

public sealed class BarrierQueries(FlokeDbContext db, CurrentUser user, ListCounts counts, InsightsCache cache)
{
    public const int MaxPageSize = 100;
    public const int RegisterRows = 50;

    private async Task<IQueryable<Barrier>> VisibleAsync(CancellationToken ct) => Visible(db, await user.OrganizationIdsAsync(ct));

    /// <summary>The barriers of the initiatives readers in <paramref name="orgIds"/> may see.</summary>
    private static IQueryable<Barrier> Visible(FlokeDbContext db, int[] orgIds)
    {
        var visible = db.Initiatives.VisibleTo(orgIds);
        return db.Barriers.AsNoTracking().Where(b => visible.Any(i => i.Id == b.InitiativeId));
    }

    public async Task<Paged<BarrierSummary>> ListAsync(BarrierFilter f, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var list = BarrierList.OfVisibleInitiative.For(db, orgIds)
            .Where(BarrierList.Status, f.Status)
            .Where(BarrierList.Kind, f.Kind)
            .Where(BarrierList.Rule, Validation.Clean(f.Rule) is { } rule ? BarrierRules.NormalizeRule(rule) : null)
            .Where(BarrierList.Responsible, f.Responsible)
            .Where(BarrierList.Initiative, f.Initiative);
        var (page, size) = Paging.Clamp(f.Page, f.PageSize, MaxPageSize);
        var total = await counts.CountAsync("barriers", f with { Page = 1, PageSize = 0 }, orgIds, list.Query, ct);
        var items = await list.Page(BarrierList.NewestChange, page, size).ToListAsync(ct);
        return new Paged<BarrierSummary>(items, page, size, total);
    }

    public async Task<BarrierView?> GetAsync(int id, CancellationToken ct)
    {
        var b = await (await VisibleAsync(ct)).Include(x => x.Initiative).Include(x => x.ResponsibleOrganization).Include(x => x.Steps)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null)
        {
            return null;
        }
        return new BarrierView(b.Id, b.Rule, b.Section, b.Kind, b.Description, b.Status, b.Resolution, b.InitiativeId, b.Initiative!.Title,
            b.ResponsibleOrganizationId, b.ResponsibleOrganization?.Name, b.ReportedAt,
            b.Steps.OrderBy(s => s.Id).Select(s => new StepView(s.Id, s.Status, s.Resolution, s.Note, s.Date, s.ByName)).ToList())
        {
            CanRespond = await BarrierAccess.CanRespondAsync(b, user, ct),
        };
    }

    /// <summary>What blocks innovation most: barriers grouped by rule and by responsible body, with counts of barriers,
    /// open ones, resolved ones and initiatives affected. Counted in the database, over what the reader may see.</summary>
    /// <remarks>It reads every barrier the reader may see (tagged <see cref="Tags.Aggregate"/>): for readers in no
    /// organisation — the public, all seeing the same — it is computed once and kept with the national figures; members,
    /// who also see their own drafts' barriers, have theirs computed.</remarks>
    public async Task<Register> RegisterAsync(CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        return orgIds.Length == 0
            ? await cache.GetAsync("barriers:register", (context, _, c) => ComputeRegisterAsync(context, Visible(context, []), c), ct)
            : await ComputeRegisterAsync(db, Visible(db, orgIds), ct);
    }

    private static async Task<Register> ComputeRegisterAsync(FlokeDbContext db, IQueryable<Barrier> barriers, CancellationToken ct)
    {
        var visible = barriers.TagWith(Tags.Aggregate);
        var byRule = await visible.GroupBy(b => b.RuleKey)
            .Select(g => new
            {
                Key = g.Key,
                Name = g.Min(b => b.Rule),
                Barriers = g.Count(),
                Open = g.Count(b => b.Status == BarrierStatus.Reported || b.Status == BarrierStatus.UnderReview),
                Resolved = g.Count(b => b.Status == BarrierStatus.Resolved),
                Initiatives = g.Select(b => b.InitiativeId).Distinct().Count(),
            })
            .OrderByDescending(r => r.Barriers).ThenBy(r => r.Key).Limit(RegisterRows).ToListAsync(ct);
        var byResponsible = await visible.Where(b => b.ResponsibleOrganizationId != null).GroupBy(b => b.ResponsibleOrganizationId!.Value)
            .Select(g => new
            {
                Id = g.Key,
                Barriers = g.Count(),
                Open = g.Count(b => b.Status == BarrierStatus.Reported || b.Status == BarrierStatus.UnderReview),
                Resolved = g.Count(b => b.Status == BarrierStatus.Resolved),
                Initiatives = g.Select(b => b.InitiativeId).Distinct().Count(),
            })
            .OrderByDescending(r => r.Barriers).ThenBy(r => r.Id).Limit(RegisterRows).ToListAsync(ct);
        var ids = byResponsible.Select(r => r.Id).ToArray();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var totals = await visible.GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Open = g.Count(b => b.Status == BarrierStatus.Reported || b.Status == BarrierStatus.UnderReview) })
            .FirstOrDefaultAsync(ct);
        return new Register(
            byRule.Select(r => new RegisterRow(r.Key, r.Name ?? r.Key, null, r.Barriers, r.Open, r.Resolved, r.Initiatives)).ToList(),
            byResponsible.Select(r => new RegisterRow(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), names.GetValueOrDefault(r.Id, "?"), r.Id,
                r.Barriers, r.Open, r.Resolved, r.Initiatives)).ToList(),
            totals?.Total ?? 0, totals?.Open ?? 0);
    }
}
