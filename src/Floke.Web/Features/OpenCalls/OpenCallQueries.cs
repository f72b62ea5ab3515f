using Floke.Web.Core.Accounts;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using LinqKit;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.OpenCalls;

/// <summary>A call in a list.</summary>
public sealed record OpenCallSummary(int Id, string Title, OpenCallPhase Phase, DateTimeOffset Deadline, decimal? BudgetNok,
    int OwnerOrganizationId, string OwnerName, DateTimeOffset? PublishedAt, bool IsDemo);

public sealed record CriterionView(int Id, string Name, string? Description, int Weight);

public sealed record JuryMemberView(string UserId, string Name, string Email);

/// <summary>The awarded proposal, public with the award.</summary>
public sealed record AwardView(int ProposalId, string ProposalTitle, int OrganizationId, string OrganizationName, string Rationale, DateTimeOffset AwardedAt);

/// <summary>A proposal of one of the reader's organisations to this call.</summary>
public sealed record OwnProposal(int Id, string Title, string OrganizationName, ProposalStatus Status);

/// <summary>A call with everything its page and the API show, and what the reader may do with it.</summary>
public sealed record OpenCallView(int Id, string Title, OpenCallStatus Status, OpenCallPhase Phase, string Challenge, string? Requirements,
    decimal? BudgetNok, DateTimeOffset Deadline, int OwnerOrganizationId, string OwnerName, int? NeedId, string? NeedTitle,
    IReadOnlyList<CriterionView> Criteria, string? CancelReason, AwardView? Award, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt, bool IsDemo, int Version)
{
    /// <summary>Submitted proposals; told once the deadline has passed.</summary>
    public int? ProposalCount { get; init; }
    public bool CanEdit { get; init; }
    public bool IsLeader { get; init; }
    public bool CanEvaluate { get; init; }
    /// <summary>The jury, shown to the owner's leaders only (people's names are not public).</summary>
    public IReadOnlyList<JuryMemberView> Jury { get; init; } = [];
    public IReadOnlyList<OwnProposal> MyProposals { get; init; } = [];
}

/// <summary>A submitted proposal as the jury sees it: each criterion's mean score, the weighted total and how many scored.</summary>
public sealed record EvaluatedProposal(int Id, string Title, int OrganizationId, string OrganizationName, decimal? PriceNok,
    DateTimeOffset? SubmittedAt, IReadOnlyList<decimal?> CriterionMeans, decimal? WeightedScore, int JuryScored, bool ScoredByMe);

public sealed record Evaluation(int CallId, string Title, OpenCallPhase Phase, IReadOnlyList<CriterionView> Criteria, int JurySize,
    IReadOnlyList<EvaluatedProposal> Proposals, bool CanAward, bool IsJuryMember, int? AwardedProposalId);

public sealed record ScoreView(int CriterionId, int Score, string? Comment);

/// <summary>A proposal with its call, and what the reader may do with it.</summary>
public sealed record ProposalView(int Id, int OpenCallId, string CallTitle, OpenCallPhase CallPhase, DateTimeOffset Deadline,
    int OrganizationId, string OrganizationName, string Title, string Solution, decimal? PriceNok, ProposalStatus Status,
    DateTimeOffset? SubmittedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool IsDemo, bool IsAwarded, int Version,
    IReadOnlyList<CriterionView> Criteria)
{
    public bool CanEdit { get; init; }
    public bool CanScore { get; init; }
    /// <summary>The reader's own scores, when on the jury.</summary>
    public IReadOnlyList<ScoreView> MyScores { get; init; } = [];
}

/// <summary>A proposal in the list of the reader's organisations' proposals.</summary>
public sealed record ProposalSummary(int Id, string Title, ProposalStatus Status, int OrganizationId, string OrganizationName, int OpenCallId,
    string CallTitle, OpenCallPhase CallPhase, DateTimeOffset Deadline, bool IsAwarded, DateTimeOffset UpdatedAt);

/// <summary>A call the reader sits on the jury of, still to be awarded.</summary>
public sealed record JuryAssignment(int OpenCallId, string Title, OpenCallPhase Phase, DateTimeOffset Deadline, int Submitted);

public sealed record OpenCallFilter(
    string? Q = null,
    OpenCallPhase? Phase = null,
    OrganizationKind? OwnerKind = null,
    string? County = null,
    int? Organization = null,
    bool Mine = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize);

public sealed class OpenCallQueries(FlokeDbContext db, CurrentUser user, ListCounts counts, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>Calls the reader may see. Open ones come by deadline, soonest first; the others newest first. With Mine,
    /// every call of the reader's organisations, drafts too.</summary>
    public async Task<Paged<OpenCallSummary>> ListAsync(OpenCallFilter f, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var now = clock.GetUtcNow();
        var scoped = (f.Mine ? OpenCallList.Pages.For(db).Where(OpenCallList.OwnedBy, orgIds) : OpenCallList.Pages.For(db).Where(true, OpenCallList.Public))
            .Where(OpenCallList.Text, Validation.Clean(f.Q) is { } q ? $"%{q.ToLowerInvariant()}%" : null)
            .Where(OpenCallList.OwnerKind, f.OwnerKind)
            .Where(OpenCallList.County, Validation.Clean(f.County))
            .Where(OpenCallList.Organization, f.Organization);
        var list = scoped
            .Where(f.Phase == OpenCallPhase.Draft, OpenCallList.Draft)
            .Where(OpenCallList.OpenAt, f.Phase == OpenCallPhase.Open ? now : null)
            .Where(OpenCallList.EvaluatingAt, f.Phase == OpenCallPhase.Evaluating ? now : null)
            .Where(f.Phase == OpenCallPhase.Awarded, OpenCallList.Awarded)
            .Where(f.Phase == OpenCallPhase.Cancelled, OpenCallList.Cancelled);
        var (page, size) = Paging.Clamp(f.Page, f.PageSize, MaxPageSize);
        // Which calls are open or under evaluation changes with the clock as well as with saves: those counts are kept until
        // the earliest deadline still ahead among the published calls of the list passes (the (Status, Deadline) index
        // finds it), when one of them moves from open to under evaluation.
        var counted = f with { Page = 1, PageSize = 0 };
        var total = f.Phase is OpenCallPhase.Open or OpenCallPhase.Evaluating
            ? await counts.CountUntilAsync("calls", counted, orgIds, list.Query, now,
                token => scoped.Where(OpenCallList.OpenAt, now).Query().OrderBy(c => c.Deadline).Select(c => (DateTimeOffset?)c.Deadline).FirstOrDefaultAsync(token), ct)
            : await counts.CountAsync("calls", counted, orgIds, list.Query, ct);
        var order = f.Phase == OpenCallPhase.Open ? OpenCallList.ByDeadline : f.Mine ? OpenCallList.NewestChange : OpenCallList.NewestPublished;
        var rows = await list.Page(order, page, size).ToListAsync(ct);
        return new Paged<OpenCallSummary>(Summaries(rows, now), page, size, total);
    }

    /// <summary>The calls the reader may see that ask to solve a need, for the need's page.</summary>
    public async Task<IReadOnlyList<OpenCallSummary>> ForNeedAsync(int needId, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        return Summaries(await db.OpenCalls.AsNoTracking().VisibleTo(orgIds).Where(c => c.NeedId == needId)
            .OrderByDescending(c => c.PublishedAt ?? c.UpdatedAt).Limit(MaxPageSize).Select(OpenCallList.RowOf).ToListAsync(ct), clock.GetUtcNow());
    }

    private static List<OpenCallSummary> Summaries(List<OpenCallList.Row> rows, DateTimeOffset now) =>
        [.. rows.Select(c => new OpenCallSummary(c.Id, c.Title, OpenCallRules.Phase(c.Status, c.Deadline, now), c.Deadline,
            c.BudgetNok, c.OwnerOrganizationId, c.OwnerName, c.PublishedAt, c.IsDemo))];

    /// <summary>One call, or null where it does not exist or the reader may not see it (another organisation's draft).</summary>
    public async Task<OpenCallView?> GetAsync(int id, CancellationToken ct)
    {
        var roles = await user.RolesAsync(ct);
        var orgIds = roles.Keys.ToArray();
        var head = await Head.For(db)(db, id, orgIds, ct);
        if (head is null)
        {
            return null;
        }
        var call = head.Call;
        var isLeader = OpenCallAccess.IsLeader(call, roles);
        var parts = (await Parts.For(db)(db, id, orgIds, call.AwardedProposalId ?? 0, isLeader).ToListAsync(ct)).ToLookup(r => r.Part);
        call.Jury = [.. parts[Part.Juror].Select(r => new JuryMember { OpenCallId = id, UserId = r.Text1! })];
        var proposals = parts[Part.Proposal].ToList();
        var phase = OpenCallRules.Phase(call.Status, call.Deadline, clock.GetUtcNow());
        var award = parts[Part.Award].Select(r => new AwardView(r.Id, r.Text1!, r.B, r.Text2!, call.AwardRationale ?? "", call.AwardedAt ?? call.UpdatedAt))
            .FirstOrDefault();
        return new OpenCallView(call.Id, call.Title, call.Status, phase, call.Challenge, call.Requirements, call.BudgetNok, call.Deadline,
            call.OwnerOrganizationId, head.OwnerName, head.NeedTitle is null ? null : call.NeedId, head.NeedTitle,
            [.. parts[Part.Criterion].OrderBy(r => r.B).ThenBy(r => r.Id).Select(r => new CriterionView(r.Id, r.Text1!, r.Text2, r.A))],
            call.CancelReason, award, call.CreatedAt, call.UpdatedAt, call.PublishedAt, call.IsDemo, call.Version)
        {
            ProposalCount = phase is OpenCallPhase.Evaluating or OpenCallPhase.Awarded
                ? proposals.Count(p => (ProposalStatus)p.A == ProposalStatus.Submitted) : null,
            CanEdit = roles.ContainsKey(call.OwnerOrganizationId) && phase is OpenCallPhase.Draft or OpenCallPhase.Open,
            IsLeader = isLeader,
            CanEvaluate = OpenCallAccess.CanEvaluate(call, user.UserId, roles),
            Jury = isLeader
                ? [.. parts[Part.Juror].OrderBy(r => r.Text2, Formatting.NorwegianOrder).Select(r => new JuryMemberView(r.Text1!, r.Text2!, r.Text3!))]
                : [],
            MyProposals = [.. proposals.Where(p => orgIds.Contains(p.B))
                .Select(p => new OwnProposal(p.Id, p.Text1!, p.Text2!, (ProposalStatus)p.A))],
        };
    }

    private sealed record HeadRow(OpenCall Call, string OwnerName, string? NeedTitle);

    /// <summary>The call of <see cref="GetAsync"/> if the reader may see it, with its owner's name and the title of the need it
    /// answers (if the reader may see that need), compiled once.</summary>
    private static readonly PerModel<Func<FlokeDbContext, int, int[], CancellationToken, Task<HeadRow?>>> Head = PerModel.Single(
        (FlokeDbContext db, int id, int[] orgIds, CancellationToken ct) => db.OpenCalls.AsNoTracking()
            .Where(c => c.Id == id && OpenCallAccess.IsVisibleTo.Invoke(c, orgIds))
            .Select(c => new HeadRow(c, c.Owner!.Name, db.Needs
                .Where(n => n.Id == c.NeedId && Needs.NeedAccess.IsVisibleTo.Invoke(n, orgIds)).Select(n => n.Title).FirstOrDefault()))
            .FirstOrDefault());

    /// <summary>Which of a call's short lists a row of <see cref="Parts"/> belongs to.</summary>
    private enum Part
    {
        Criterion,
        Juror,
        Proposal,
        Award,
    }

    /// <summary>The short lists of <see cref="GetAsync"/> in one statement, compiled once (they were four to seven round trips, the
    /// call's page the slowest detail page on PostgreSQL; bench README, "Twenty-first session").</summary>
    private static readonly PerModel<Func<FlokeDbContext, int, int[], int, bool, IAsyncEnumerable<UnionRow<Part>>>> Parts = PerModel.Sequence(
        (FlokeDbContext db, int id, int[] orgIds, int awardedId, bool juryNames) =>
            // Criterion: name, description, weight, place.
            db.OpenCallCriteria.AsNoTracking().Where(c => c.OpenCallId == id)
                .Select(c => new UnionRow<Part>
                {
                    Part = Part.Criterion, Id = c.Id, A = c.Weight, B = c.SortOrder, C = 0, Text1 = c.Name, Text2 = c.Description, Text3 = null,
                    Text4 = null, At = null, Day = null, Flag = false, D = null, At2 = null,
                })
            // Juror: who (the reader may be one), and their name and email for the owner's leaders only.
            .Concat(db.JuryMembers.Where(j => j.OpenCallId == id).Join(db.Users, j => j.UserId, u => u.Id, (j, u) => new UnionRow<Part>
            {
                Part = Part.Juror, Id = 0, A = 0, B = 0, C = 0, Text1 = j.UserId, Text2 = juryNames ? u.DisplayName : null,
                Text3 = juryNames ? u.Email : null, Text4 = null, At = null, Day = null, Flag = false, D = null, At2 = null,
            }))
            // Proposal: the submitted ones (counted once the deadline has passed) and the reader's organisations' own: status,
            // organisation, and for their own the title and the organisation's name (others' are not read).
            .Concat(db.Proposals.Where(p => p.OpenCallId == id && (p.Status == ProposalStatus.Submitted || orgIds.Contains(p.OrganizationId)))
                .Select(p => new UnionRow<Part>
                {
                    Part = Part.Proposal, Id = p.Id, A = (int)p.Status, B = p.OrganizationId, C = 0,
                    Text1 = orgIds.Contains(p.OrganizationId) ? p.Title : null, Text2 = orgIds.Contains(p.OrganizationId) ? p.Organization!.Name : null,
                    Text3 = null, Text4 = null, At = null, Day = null, Flag = false, D = null, At2 = null,
                }))
            // Award: the awarded proposal, public with the award: title, organisation and its name.
            .Concat(db.Proposals.Where(p => p.Id == awardedId)
                .Select(p => new UnionRow<Part>
                {
                    Part = Part.Award, Id = p.Id, A = 0, B = p.OrganizationId, C = 0, Text1 = p.Title, Text2 = p.Organization!.Name,
                    Text3 = null, Text4 = null, At = null, Day = null, Flag = false, D = null, At2 = null,
                })));

    /// <summary>The submitted proposals with their scores, best first, for the jury and the owner's leaders; null for anyone else.</summary>
    public async Task<Evaluation?> EvaluationAsync(int id, CancellationToken ct)
    {
        var roles = await user.RolesAsync(ct);
        var call = await db.OpenCalls.AsNoTracking().Include(c => c.Criteria).Include(c => c.Jury).AsSplitQuery()
            .VisibleTo([.. roles.Keys]).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null || !OpenCallAccess.CanEvaluate(call, user.UserId, roles))
        {
            return null;
        }
        var criteria = call.Criteria.OrderBy(c => c.SortOrder).ToList();
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.OpenCallId == id && p.Status == ProposalStatus.Submitted)
            .Select(p => new { p.Id, p.Title, p.OrganizationId, OrganizationName = p.Organization!.Name, p.PriceNok, p.SubmittedAt })
            .ToListAsync(ct);
        var scores = await db.ProposalScores.AsNoTracking().Where(s => s.OpenCallId == id)
            .Select(s => new { s.ProposalId, s.CriterionId, s.UserId, s.Score }).ToListAsync(ct);
        var byProposal = scores.ToLookup(s => s.ProposalId);
        var weights = criteria.Select(c => (c.Id, c.Weight)).ToList();
        var evaluated = proposals.Select(p =>
        {
            var mine = byProposal[p.Id].ToList();
            return new EvaluatedProposal(p.Id, p.Title, p.OrganizationId, p.OrganizationName, p.PriceNok, p.SubmittedAt,
                [.. criteria.Select(c => mine.Where(s => s.CriterionId == c.Id).Select(s => (decimal?)s.Score).Average() is { } m ? decimal.Round(m, 1) : (decimal?)null)],
                OpenCallRules.WeightedScore(weights, mine.Select(s => (s.CriterionId, s.Score))),
                mine.Select(s => s.UserId).Distinct().Count(), mine.Any(s => s.UserId == user.UserId));
        }).OrderByDescending(p => p.WeightedScore ?? -1).ThenBy(p => p.SubmittedAt).ToList();
        var phase = OpenCallRules.Phase(call.Status, call.Deadline, clock.GetUtcNow());
        return new Evaluation(call.Id, call.Title, phase, [.. criteria.Select(c => new CriterionView(c.Id, c.Name, c.Description, c.Weight))],
            call.Jury.Count, evaluated, OpenCallAccess.IsLeader(call, roles) && phase == OpenCallPhase.Evaluating,
            call.Jury.Any(j => j.UserId == user.UserId), call.AwardedProposalId);
    }

    /// <summary>One proposal, or null where the reader may not see it.</summary>
    public async Task<ProposalView?> GetProposalAsync(int id, CancellationToken ct)
    {
        var roles = await user.RolesAsync(ct);
        var userId = user.UserId;
        var p = await db.Proposals.AsNoTracking().VisibleTo([.. roles.Keys], OpenCallAccess.LeadIds(roles), userId)
            .Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id, p.OpenCallId, CallTitle = p.OpenCall!.Title, CallStatus = p.OpenCall.Status, p.OpenCall.Deadline, p.OpenCall.AwardedProposalId,
                OnJury = p.OpenCall.Jury.Any(j => j.UserId == userId),
                p.OrganizationId, OrganizationName = p.Organization!.Name, p.Title, p.Solution, p.PriceNok, p.Status, p.SubmittedAt,
                p.CreatedAt, p.UpdatedAt, p.IsDemo, p.Version,
            })
            .FirstOrDefaultAsync(ct);
        if (p is null)
        {
            return null;
        }
        var criteria = await db.OpenCallCriteria.AsNoTracking().Where(c => c.OpenCallId == p.OpenCallId).OrderBy(c => c.SortOrder)
            .Select(c => new CriterionView(c.Id, c.Name, c.Description, c.Weight)).ToListAsync(ct);
        var myScores = p.OnJury
            ? await db.ProposalScores.AsNoTracking().Where(s => s.ProposalId == id && s.UserId == userId)
                .Select(s => new ScoreView(s.CriterionId, s.Score, s.Comment)).ToListAsync(ct)
            : [];
        var phase = OpenCallRules.Phase(p.CallStatus, p.Deadline, clock.GetUtcNow());
        var author = roles.ContainsKey(p.OrganizationId);
        return new ProposalView(p.Id, p.OpenCallId, p.CallTitle, phase, p.Deadline, p.OrganizationId, p.OrganizationName, p.Title, p.Solution,
            p.PriceNok, p.Status, p.SubmittedAt, p.CreatedAt, p.UpdatedAt, p.IsDemo, p.AwardedProposalId == p.Id, p.Version, criteria)
        {
            CanEdit = author && phase == OpenCallPhase.Open,
            CanScore = p.OnJury && !author && phase == OpenCallPhase.Evaluating && p.Status == ProposalStatus.Submitted,
            MyScores = myScores,
        };
    }

    /// <summary>The proposals of the reader's organisations, latest change first.</summary>
    public async Task<Paged<ProposalSummary>> MyProposalsAsync(int page, int pageSize, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var query = db.Proposals.AsNoTracking().Where(p => orgIds.Contains(p.OrganizationId));
        var (p, size) = Paging.Clamp(page, pageSize, MaxPageSize);
        var total = await counts.CountAsync("my-proposals", 0, orgIds, query, ct);
        var now = clock.GetUtcNow();
        var rows = await query.OrderByDescending(x => x.UpdatedAt).ThenByDescending(x => x.Id).Page(p, size)
            .Select(x => new
            {
                x.Id, x.Title, x.Status, x.OrganizationId, OrganizationName = x.Organization!.Name, x.OpenCallId, CallTitle = x.OpenCall!.Title,
                CallStatus = x.OpenCall.Status, x.OpenCall.Deadline, Awarded = x.OpenCall.AwardedProposalId == x.Id, x.UpdatedAt,
            })
            .ToListAsync(ct);
        return new Paged<ProposalSummary>([.. rows.Select(x => new ProposalSummary(x.Id, x.Title, x.Status, x.OrganizationId, x.OrganizationName,
            x.OpenCallId, x.CallTitle, OpenCallRules.Phase(x.CallStatus, x.Deadline, now), x.Deadline, x.Awarded, x.UpdatedAt))], p, size, total);
    }

    /// <summary>The published calls the reader is on the jury of, soonest deadline first.</summary>
    public async Task<IReadOnlyList<JuryAssignment>> JuryAssignmentsAsync(CancellationToken ct)
    {
        var userId = user.UserId;
        var now = clock.GetUtcNow();
        var rows = await db.OpenCalls.AsNoTracking().Where(c => c.Status == OpenCallStatus.Published && c.Jury.Any(j => j.UserId == userId))
            .OrderBy(c => c.Deadline).Limit(MaxPageSize)
            .Select(c => new { c.Id, c.Title, c.Status, c.Deadline, Submitted = db.Proposals.Count(p => p.OpenCallId == c.Id && p.Status == ProposalStatus.Submitted) })
            .ToListAsync(ct);
        return [.. rows.Select(c => new JuryAssignment(c.Id, c.Title, OpenCallRules.Phase(c.Status, c.Deadline, now), c.Deadline, c.Submitted))];
    }
}
