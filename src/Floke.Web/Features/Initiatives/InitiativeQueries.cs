using Floke.Web.Core.Accounts;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Needs;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Initiatives;

public sealed record PartnerView(int OrganizationId, string Name, OrganizationKind Kind, PartnerRole Role, ParticipationStatus Status);

public sealed record ServedNeed(int Id, string Title);

public sealed record GateDecisionView(int Id, InitiativeStage FromStage, InitiativeStage ToStage, GateOutcome Outcome, string Rationale,
    DateOnly DecidedOn, string DecidedByName);

public sealed record MilestoneView(int Id, string Title, DateOnly DueDate, bool Done);

public sealed record LessonView(int Id, string? WhatWorked, string? WhatDidNotWork, string? DoDifferently, string AuthorName, DateTimeOffset CreatedAt);

/// <summary>An initiative's page: the initiative and what hangs on it — its newest experiments and barriers (50 of each)
/// and how many organisations consider, pilot, use or left it.</summary>
public sealed record InitiativePage(InitiativeView Initiative, IReadOnlyList<Experiments.ExperimentSummary> Experiments,
    IReadOnlyList<Barriers.BarrierSummary> Barriers, Adoptions.AdoptionCounts Adoptions);

/// <summary>An initiative in a list.</summary>
public sealed record InitiativeSummary(int Id, string Title, InitiativeStage Stage, InitiativeVisibility Visibility, Measures Measures,
    InnovationTypes InnovationTypes, int OwnerOrganizationId, string OwnerName, DateTimeOffset UpdatedAt, bool IsDemo);

/// <summary>An initiative with everything its page and the API show, and what the reader may do with it.</summary>
public sealed record InitiativeView(int Id, string Title, string Summary, int OwnerOrganizationId, string OwnerName, Measures Measures,
    InnovationTypes InnovationTypes, OecdFacet? OecdFacet, Novelty Novelty, int? InspiredByInitiativeId, string? InspiredByTitle,
    decimal? BudgetNok, DateOnly? StartDate, DateOnly? EndDate, string? ContactName, string? ContactEmail, InitiativeVisibility Visibility,
    InitiativeStage Stage, string? StopReason, DateTimeOffset? GateRequestedAt, string? GateRequestedBy, string? GateRequestNote,
    bool IsDemo, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version,
    IReadOnlyList<PartnerView> Partners, IReadOnlyList<ServedNeed> Needs, IReadOnlyList<GateDecisionView> GateDecisions, IReadOnlyList<LessonView> Lessons,
    IReadOnlyList<MilestoneView> Milestones)
{
    /// <summary>The share of milestones done, in whole percent; null without milestones.</summary>
    public int? ProgressPercent => Milestones.Count == 0 ? null : (int)Math.Round(100.0 * Milestones.Count(m => m.Done) / Milestones.Count);

    public bool CanEdit { get; init; }
    public bool CanContribute { get; init; }
    public bool CanDecide { get; init; }
    /// <summary>Organisations the reader leads that are invited to take part.</summary>
    public IReadOnlyList<int> InvitationsToAnswer { get; init; } = [];
}

public sealed record InitiativeFilter(
    string? Q = null,
    InitiativeStage? Stage = null,
    Measures? Measure = null,
    InnovationTypes? Type = null,
    OecdFacet? Facet = null,
    OrganizationKind? OrganizationKind = null,
    string? County = null,
    int? Organization = null,
    bool Mine = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    int? MinAdoptions = null,
    bool RealisedGains = false);

/// <summary>A lesson on the public lessons page, with the initiative it came from.</summary>
public sealed record LessonListItem(int Id, int InitiativeId, string InitiativeTitle, InitiativeStage Stage, string OwnerName,
    string? WhatWorked, string? WhatDidNotWork, string? DoDifferently, DateTimeOffset CreatedAt);

public sealed class InitiativeQueries(FlokeDbContext db, CurrentUser user, ListCounts counts)
{
    public const int MaxPageSize = 100;

    /// <summary>The portfolio: published initiatives (with Mine, every initiative of the reader's organisations), filtered and paged.</summary>
    public async Task<Paged<InitiativeSummary>> ListAsync(InitiativeFilter f, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        ListRequest<Initiative, InitiativeSummary> list;
        if (f.Mine)
        {
            // The partnered ones by key: "owner in … or a partner row exists" cannot be answered from indexes (PostgreSQL
            // read every initiative), "owner in … or id in …" can, from two.
            var partnered = await db.InitiativePartners.Where(p => orgIds.Contains(p.OrganizationId)).Select(p => p.InitiativeId).ToArrayAsync(ct);
            list = InitiativeList.Pages.For(db, db.Initiatives.AsNoTracking().Where(i => orgIds.Contains(i.OwnerOrganizationId) || partnered.Contains(i.Id)));
        }
        else
        {
            list = InitiativeList.Pages.For(db).Where(true, InitiativeList.Published);
        }
        list = list
            .Where(InitiativeList.Text, Validation.Clean(f.Q) is { } q ? $"%{q.ToLowerInvariant()}%" : null)
            .Where(InitiativeList.Stage, f.Stage)
            .Where(InitiativeList.Measure, f.Measure is Measures.None ? null : f.Measure)
            .Where(InitiativeList.Type, f.Type is InnovationTypes.None ? null : f.Type)
            .Where(InitiativeList.Facet, f.Facet)
            .Where(InitiativeList.Kind, f.OrganizationKind)
            .Where(InitiativeList.County, Validation.Clean(f.County))
            .Where(InitiativeList.MinAdoptions, f.MinAdoptions is > 0 ? f.MinAdoptions : null)
            .Where(f.RealisedGains, InitiativeList.RealisedGains)
            .Where(InitiativeList.Organization, f.Organization);
        var (page, size) = Paging.Clamp(f.Page, f.PageSize, MaxPageSize);
        var total = await counts.CountAsync("initiatives", f with { Page = 1, PageSize = 0 }, orgIds, list.Query, ct);
        var items = await list.Page(InitiativeList.NewestChange, page, size).ToListAsync(ct);
        return new Paged<InitiativeSummary>(items, page, size, total);
    }

    /// <summary>An initiative in a list.</summary>
    internal static readonly System.Linq.Expressions.Expression<Func<Initiative, InitiativeSummary>> Summary = i => new InitiativeSummary(i.Id,
        i.Title, i.Stage, i.Visibility, i.Measures, i.InnovationTypes, i.OwnerOrganizationId, i.OwnerOrganization!.Name, i.UpdatedAt, i.IsDemo);

    /// <summary>One initiative, or null where it does not exist or the reader may not see it (another organisation's draft).
    /// Two statements, both compiled: the initiative with its owner's name and the title of the one that inspired it
    /// (<see cref="Head"/>), then all its short lists in one (<see cref="Parts"/>). At national scale the page cost its
    /// statements, not its rows: nine of them most of the page's CPU, and of each, building the query and EF Core finding it
    /// in its cache most of the app's share (bench README, "Fifteenth session").</summary>
    public async Task<InitiativeView?> GetAsync(int id, CancellationToken ct) => (await ReadAsync(id, page: false, ct))?.Initiative;

    /// <summary>An initiative's page (<see cref="InitiativePage"/>), or null as <see cref="GetAsync"/>: still two statements,
    /// the experiments, barriers and adoption counts read with the short lists (they were three more; on PostgreSQL the
    /// page was the slowest detail page, bench README "Twenty-first session").</summary>
    public Task<InitiativePage?> PageAsync(int id, CancellationToken ct) => ReadAsync(id, page: true, ct);

    private async Task<InitiativePage?> ReadAsync(int id, bool page, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var head = await Head.For(db)(db, id, orgIds, ct);
        if (head is null)
        {
            return null;
        }
        var i = head.Initiative;
        var parts = (await Parts.For(db)(db, id, orgIds, page).ToListAsync(ct)).ToLookup(r => r.Part);
        var partners = parts[Part.Partner].OrderBy(r => r.At).ThenBy(r => r.Id)
            .Select(r => new PartnerView(r.Id, r.Text1!, (OrganizationKind)r.A, (PartnerRole)r.B, (ParticipationStatus)r.C)).ToList();
        var roles = await user.RolesAsync(ct);
        var view = new InitiativeView(i.Id, i.Title, i.Summary, i.OwnerOrganizationId, head.OwnerName, i.Measures, i.InnovationTypes,
            i.OecdFacet, i.Novelty, head.InspiredByTitle is null ? null : i.InspiredByInitiativeId, head.InspiredByTitle, i.BudgetNok,
            i.StartDate, i.EndDate, i.ContactName, i.ContactEmail, i.Visibility, i.Stage, i.StopReason, i.GateRequestedAt, i.GateRequestedBy,
            i.GateRequestNote, i.IsDemo, i.CreatedAt, i.UpdatedAt, i.Version,
            partners,
            parts[Part.Need].OrderBy(r => r.Text1, Formatting.NorwegianOrder).ThenBy(r => r.Id)
                .Select(r => new ServedNeed(r.Id, r.Text1!)).ToList(),
            parts[Part.GateDecision].OrderBy(r => r.Id)
                .Select(r => new GateDecisionView(r.Id, (InitiativeStage)r.A, (InitiativeStage)r.B, (GateOutcome)r.C, r.Text1!, r.Day!.Value, r.Text2!)).ToList(),
            parts[Part.Lesson].OrderByDescending(r => r.Id)
                .Select(r => new LessonView(r.Id, r.Text1, r.Text2, r.Text3, r.Text4!, r.At!.Value)).ToList(),
            parts[Part.Milestone].OrderBy(r => r.Day).ThenBy(r => r.Id)
                .Select(r => new MilestoneView(r.Id, r.Text1!, r.Day!.Value, r.Flag)).ToList())
        {
            CanEdit = await InitiativeAccess.CanEditAsync(i.OwnerOrganizationId, user, ct),
            CanContribute = await InitiativeAccess.CanContributeAsync(i.OwnerOrganizationId,
                partners.Where(p => p.Status == ParticipationStatus.Accepted).Select(p => p.OrganizationId), user, ct),
            CanDecide = await InitiativeAccess.CanDecideAsync(i.OwnerOrganizationId, user, ct),
            InvitationsToAnswer = partners
                .Where(p => p.Status == ParticipationStatus.Invited && roles.TryGetValue(p.OrganizationId, out var r) && r >= MemberRole.Leader)
                .Select(p => p.OrganizationId).ToList(),
        };
        return new InitiativePage(view,
            [.. parts[Part.Experiment].OrderByDescending(r => r.At).ThenByDescending(r => r.Id)
                .Select(r => new Experiments.ExperimentSummary(r.Id, r.Text1!, id, i.Title, (Experiments.ExperimentStatus)r.A, (Experiments.LegalBasis)r.B,
                    r.C < 0 ? null : (Experiments.ExperimentOutcome)r.C, r.Day, r.At!.Value))],
            [.. parts[Part.Barrier].OrderByDescending(r => r.At2).ThenByDescending(r => r.Id)
                .Select(r => new Barriers.BarrierSummary(r.Id, r.Text1!, r.Text2, (Barriers.BarrierKind)r.A, (Barriers.BarrierStatus)r.B,
                    r.C < 0 ? null : (Barriers.BarrierResolution)r.C, id, i.Title, r.D, r.Text3, r.At!.Value))],
            Adoptions.AdoptionCounts.Of(parts[Part.Adoption].Select(r => ((Adoptions.AdoptionStatus)r.A, r.Flag, r.B))));
    }

    private sealed record HeadRow(Initiative Initiative, string OwnerName, string? InspiredByTitle);

    /// <summary>The initiative of <see cref="GetAsync"/> if the reader may see it, with its owner's name and the title of the
    /// initiative that inspired it (if the reader may see that one), compiled once.</summary>
    private static readonly PerModel<Func<FlokeDbContext, int, int[], CancellationToken, Task<HeadRow?>>> Head = PerModel.Single(
        (FlokeDbContext db, int id, int[] orgIds, CancellationToken ct) => db.Initiatives.AsNoTracking()
            .Where(x => x.Id == id && InitiativeAccess.IsVisibleTo.Invoke(x, orgIds))
            .Select(x => new HeadRow(x, x.OwnerOrganization!.Name, db.Initiatives
                .Where(o => o.Id == x.InspiredByInitiativeId && InitiativeAccess.IsVisibleTo.Invoke(o, orgIds)).Select(o => o.Title).FirstOrDefault()))
            .FirstOrDefault());

    /// <summary>Which of an initiative's short lists a row of <see cref="Parts"/> belongs to.</summary>
    private enum Part
    {
        Partner,
        Need,
        GateDecision,
        Lesson,
        Milestone,
        Experiment,
        Barrier,
        Adoption,
    }

    /// <summary>The short lists of <see cref="GetAsync"/>, compiled once: building the query anew, and EF Core finding it in its
    /// cache by comparing the whole expression, was two thirds of what this statement cost the app.</summary>
    private static readonly PerModel<Func<FlokeDbContext, int, int[], bool, IAsyncEnumerable<UnionRow<Part>>>> Parts = PerModel.Sequence(
        (FlokeDbContext db, int id, int[] orgIds, bool page) =>
            // Partner: organisation, its name, kind, the role and status, when invited.
            // (At2 is the invitation's time again, unread: the union reads a column as its first branch says, and on SQLite a
            // time is stored as a number — a bare NULL here would have At2 read as text.)
            db.InitiativePartners.AsNoTracking().Where(p => p.InitiativeId == id)
                .Select(p => new UnionRow<Part>
                {
                    Part = Part.Partner, Id = p.OrganizationId, A = (int)p.Organization!.Kind, B = (int)p.Role, C = (int)p.Status,
                    Text1 = p.Organization.Name, Text2 = null, Text3 = null, Text4 = null, At = p.InvitedAt, Day = null, Flag = false, D = null,
                    At2 = p.InvitedAt,
                })
            // Need: only the served needs the reader may see (a partner's draft need stays hidden from the public); its title.
            .Concat(db.InitiativeNeeds.Where(n => n.InitiativeId == id).Select(n => n.Need!)
                .Where(n => NeedAccess.IsVisibleTo.Invoke(n, orgIds))
                .Select(n => new UnionRow<Part>
                {
                    Part = Part.Need, Id = n.Id, A = 0, B = 0, C = 0, Text1 = n.Title, Text2 = null, Text3 = null, Text4 = null, At = null,
                    Day = null, Flag = false, D = null, At2 = null,
                }))
            // Gate decision: from and to stage, outcome, rationale, who decided, when.
            .Concat(db.GateDecisions.Where(d => d.InitiativeId == id)
                .Select(d => new UnionRow<Part>
                {
                    Part = Part.GateDecision, Id = d.Id, A = (int)d.FromStage, B = (int)d.ToStage, C = (int)d.Outcome, Text1 = d.Rationale,
                    Text2 = d.DecidedByName, Text3 = null, Text4 = null, At = null, Day = d.DecidedOn, Flag = false, D = null, At2 = null,
                }))
            // Lesson: what worked, what did not, what to do differently, its author, when written.
            .Concat(db.Lessons.Where(x => x.InitiativeId == id)
                .Select(x => new UnionRow<Part>
                {
                    Part = Part.Lesson, Id = x.Id, A = 0, B = 0, C = 0, Text1 = x.WhatWorked, Text2 = x.WhatDidNotWork, Text3 = x.DoDifferently,
                    Text4 = x.AuthorName, At = x.CreatedAt, Day = null, Flag = false, D = null, At2 = null,
                }))
            // Milestone: title, due date, done.
            .Concat(db.Milestones.Where(m => m.InitiativeId == id)
                .Select(m => new UnionRow<Part>
                {
                    Part = Part.Milestone, Id = m.Id, A = 0, B = 0, C = 0, Text1 = m.Title, Text2 = null, Text3 = null, Text4 = null, At = null,
                    Day = m.DueDate, Flag = m.Done, D = null, At2 = null,
                }))
            // For the page only — experiment, the newest 50: title, status, legal basis, outcome (-1 for none), when the act
            // ends, updated.
            // (Ordered and cut after the projection: cut before it, EF Core leaves the projection's repeated NULLs out of the
            // branch. Cut after it, the projection is a subquery, where PostgreSQL takes a bare NULL for text: so no NULL
            // stands for a number or a time here — D and At2 hold values the page does not read.)
            .Concat(db.Experiments.Where(e => page && e.InitiativeId == id)
                .Select(e => new UnionRow<Part>
                {
                    Part = Part.Experiment, Id = e.Id, A = (int)e.Status, B = (int)e.LegalBasis, C = e.Outcome == null ? -1 : (int)e.Outcome, Text1 = e.Title,
                    Text2 = null, Text3 = null, Text4 = null, At = e.UpdatedAt, Day = e.ActEndsOn, Flag = false, D = 0, At2 = e.UpdatedAt,
                })
                .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(50))
            // Barrier, the newest 50: rule, section, kind, status, resolution (-1 for none), the responsible body and its name,
            // reported, updated.
            .Concat(db.Barriers.Where(b => page && b.InitiativeId == id)
                .Select(b => new UnionRow<Part>
                {
                    Part = Part.Barrier, Id = b.Id, A = (int)b.Kind, B = (int)b.Status, C = b.Resolution == null ? -1 : (int)b.Resolution, Text1 = b.Rule,
                    Text2 = b.Section, Text3 = b.ResponsibleOrganization!.Name, Text4 = null, At = b.ReportedAt, Day = null, Flag = false,
                    D = b.ResponsibleOrganizationId, At2 = b.UpdatedAt,
                })
                .OrderByDescending(r => r.At2).ThenByDescending(r => r.Id).Take(50))
            // Adoption: how many have each status, and whether the owner has confirmed them (Flag: not yet).
            .Concat(db.Adoptions.Where(a => page && a.InitiativeId == id).GroupBy(a => new { a.Status, Unconfirmed = a.ConfirmedAt == null })
                .Select(g => new UnionRow<Part>
                {
                    Part = Part.Adoption, Id = 0, A = (int)g.Key.Status, B = g.Count(), C = 0, Text1 = null, Text2 = null, Text3 = null, Text4 = null,
                    At = null, Day = null, Flag = g.Key.Unconfirmed, D = null, At2 = null,
                })));

    /// <summary>The initiatives serving a need, as far as the reader may see them.</summary>
    public async Task<IReadOnlyList<InitiativeSummary>> ForNeedAsync(int needId, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        return await db.InitiativeNeeds.AsNoTracking().Where(n => n.NeedId == needId).Select(n => n.Initiative!)
            .VisibleTo(orgIds).OrderByDescending(i => i.UpdatedAt).Limit(50)
            .Select(i => new InitiativeSummary(i.Id, i.Title, i.Stage, i.Visibility, i.Measures, i.InnovationTypes, i.OwnerOrganizationId,
                i.OwnerOrganization!.Name, i.UpdatedAt, i.IsDemo))
            .ToListAsync(ct);
    }

    /// <summary>Lessons from published initiatives, newest first; stoppedOnly narrows to initiatives that were stopped.</summary>
    public async Task<Paged<LessonListItem>> LessonsAsync(string? q, bool stoppedOnly, int page, int pageSize, CancellationToken ct)
    {
        // The initiative is checked for each lesson (EXISTS) rather than joined: SQLite then reads the lessons newest first (the
        // (CreatedAt, Id) index) and stops at the page, where with a join it may read every published initiative first and
        // sort their lessons (at national scale 200 ms with no lessons at all; bench README, "Twenty-eighth session").
        var query = db.Lessons.AsNoTracking().Where(x => db.Initiatives.Any(i => i.Id == x.InitiativeId && i.Visibility == InitiativeVisibility.Published
            && (!stoppedOnly || i.Stage == InitiativeStage.Stopped)));
        if (Validation.Clean(q) is { } text)
        {
            var pattern = $"%{text.ToLowerInvariant()}%";
            query = query.Where(x => EF.Functions.Like(x.Initiative!.Title.ToLower(), pattern)
                || EF.Functions.Like((x.WhatWorked ?? "").ToLower(), pattern)
                || EF.Functions.Like((x.WhatDidNotWork ?? "").ToLower(), pattern)
                || EF.Functions.Like((x.DoDifferently ?? "").ToLower(), pattern));
        }
        var (p, size) = Paging.Clamp(page, pageSize, MaxPageSize);
        var total = await counts.CountAsync("lessons", (Q: q, Stopped: stoppedOnly), [], query, ct);
        var items = await query.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Page(p, size)
            .Select(x => new LessonListItem(x.Id, x.InitiativeId, x.Initiative!.Title, x.Initiative.Stage, x.Initiative.OwnerOrganization!.Name,
                x.WhatWorked, x.WhatDidNotWork, x.DoDifferently, x.CreatedAt))
            .ToListAsync(ct);
        return new Paged<LessonListItem>(items, p, size, total);
    }

    /// <summary>Needs a writer may link to an initiative: their organisations' needs (newest 100) and those already chosen.</summary>
    public async Task<IReadOnlyList<ServedNeed>> NeedChoicesAsync(IReadOnlyList<int> chosen, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        // Their own by key first, so the list is read by key rather than by checking every need's owners.
        var ids = (await db.NeedOwners.Where(o => orgIds.Contains(o.OrganizationId)).Select(o => o.NeedId).ToListAsync(ct)).Union(chosen).ToArray();
        return await db.Needs.AsNoTracking().VisibleTo(orgIds)
            .Where(n => ids.Contains(n.Id))
            .OrderByDescending(n => n.Id).Limit(100)
            .Select(n => new ServedNeed(n.Id, n.Title)).ToListAsync(ct);
    }
}
