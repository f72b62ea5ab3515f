using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.OpenCalls;

/// <summary>Answering an open call and scoring the answers; shared by the proposal pages and /api/v1/proposals.</summary>
public sealed class ProposalCommands(
    FlokeDbContext db,
    CurrentUser user,
    IValidator<ProposalInput> validator,
    VersionedSave save,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Writes a proposal to an open call as a draft of one of the writer's organisations (not the call's owner).
    /// An organisation has at most one proposal to a call that it has not withdrawn.</summary>
    public async Task<Result<int>> CreateAsync(int callId, int organizationId, ProposalInput input, CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return Result<int>.Forbidden();
        }
        var orgIds = await user.OrganizationIdsAsync(ct);
        var call = await db.OpenCalls.AsNoTracking().VisibleTo(orgIds).Where(c => c.Id == callId)
            .Select(c => new { c.Status, c.Deadline, c.OwnerOrganizationId }).FirstOrDefaultAsync(ct);
        if (call is null)
        {
            return Result<int>.NotFound();
        }
        if (OpenCallRules.Phase(call.Status, call.Deadline, clock.GetUtcNow()) != OpenCallPhase.Open)
        {
            return Result<int>.Invalid("OpenCallId", l["Proposal.CallNotOpen"]);
        }
        if (!orgIds.Contains(organizationId))
        {
            return Result<int>.Invalid("OrganizationId", l["Proposal.Organization.NotMember"]);
        }
        if (organizationId == call.OwnerOrganizationId)
        {
            return Result<int>.Invalid("OrganizationId", l["Proposal.Organization.IsOwner"]);
        }
        if (await db.Proposals.AnyAsync(p => p.OpenCallId == callId && p.OrganizationId == organizationId && p.Status != ProposalStatus.Withdrawn, ct))
        {
            return Result<int>.Invalid("OrganizationId", l["Proposal.Organization.AlreadyAnswered"]);
        }
        input = Clean(input);
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var proposal = new Proposal { OpenCallId = callId, OrganizationId = organizationId, Title = "", Solution = "", Status = ProposalStatus.Draft, CreatedAt = now };
        Apply(proposal, input, now);
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return Result.Ok(proposal.Id);
    }

    /// <summary>The proposing organisation edits its proposal until the deadline (a submitted one stays submitted).</summary>
    public async Task<Result<int>> UpdateAsync(int id, int version, ProposalInput input, CancellationToken ct)
    {
        var (proposal, failure) = await LoadForAuthorAsync(id, ct);
        if (proposal is null)
        {
            return failure!.As<int>();
        }
        input = Clean(input);
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        return await save.SaveAsync(proposal, version, p => Apply(p, input, clock.GetUtcNow()), ct);
    }

    /// <summary>Submits a draft (or a withdrawn proposal again) before the deadline; from then on the jury sees it.</summary>
    public async Task<Result<ProposalStatus>> SubmitAsync(int id, CancellationToken ct) => await SetStatusAsync(id, ProposalStatus.Submitted, ct);

    /// <summary>Withdraws a proposal before the deadline; it is no longer evaluated.</summary>
    public async Task<Result<ProposalStatus>> WithdrawAsync(int id, CancellationToken ct) => await SetStatusAsync(id, ProposalStatus.Withdrawn, ct);

    /// <summary>A jury member scores a submitted proposal on each criterion (0–10, with an optional comment) after the
    /// deadline and before the award. A jury member who belongs to the proposing organisation may not score it.</summary>
    public async Task<Result<int>> ScoreAsync(int id, IReadOnlyList<ScoreInput> scores, CancellationToken ct)
    {
        var userId = user.UserId;
        if (userId is null)
        {
            return Result<int>.Forbidden();
        }
        var roles = await user.RolesAsync(ct);
        var proposal = await db.Proposals.Include(p => p.OpenCall!).ThenInclude(c => c.Criteria).Include(p => p.OpenCall!).ThenInclude(c => c.Jury)
            .Include(p => p.Scores.Where(s => s.UserId == userId)).AsSplitQuery()
            .VisibleTo([.. roles.Keys], OpenCallAccess.LeadIds(roles), userId).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null)
        {
            return Result<int>.NotFound();
        }
        var call = proposal.OpenCall!;
        if (!call.Jury.Any(j => j.UserId == userId))
        {
            return Result<int>.Forbidden();
        }
        if (roles.ContainsKey(proposal.OrganizationId))
        {
            return Result<int>.Invalid("Scores", l["Proposal.Score.Conflict"]);
        }
        var phase = OpenCallRules.Phase(call.Status, call.Deadline, clock.GetUtcNow());
        if (phase != OpenCallPhase.Evaluating || proposal.Status != ProposalStatus.Submitted)
        {
            return Result<int>.Invalid("Scores", l[phase == OpenCallPhase.Open ? "Proposal.Score.BeforeDeadline" : "Proposal.Score.NotOpen"]);
        }
        var errors = new Dictionary<string, string[]>();
        var criteria = call.Criteria.Select(c => c.Id).ToHashSet();
        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            if (!criteria.Contains(s.CriterionId))
            {
                errors[$"Scores[{i}].CriterionId"] = [l["Proposal.Score.UnknownCriterion"]];
            }
            else if (s.Score is not (>= 0 and <= OpenCallRules.MaxScore) && (s.Score is not null || Validation.Clean(s.Comment) is not null))
            {
                errors[$"Scores[{i}].Score"] = [l["Proposal.Score.Range", OpenCallRules.MaxScore]];
            }
            if (Validation.Clean(s.Comment) is { Length: > OpenCallRules.CommentMaxLength })
            {
                errors[$"Scores[{i}].Comment"] = [l["Validation.TooLong", OpenCallRules.CommentMaxLength]];
            }
        }
        if (scores.GroupBy(s => s.CriterionId).Any(g => g.Count() > 1))
        {
            errors["Scores"] = [l["Proposal.Score.Duplicate"]];
        }
        if (errors.Count > 0)
        {
            return Result<int>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        foreach (var s in scores.Where(s => s.Score is not null))
        {
            var existing = proposal.Scores.FirstOrDefault(x => x.CriterionId == s.CriterionId);
            if (existing is null)
            {
                proposal.Scores.Add(new ProposalScore
                {
                    ProposalId = id, CriterionId = s.CriterionId, UserId = userId, OpenCallId = call.Id,
                    Score = s.Score!.Value, Comment = Validation.Clean(s.Comment), ScoredAt = now,
                });
            }
            else if (existing.Score != s.Score || existing.Comment != Validation.Clean(s.Comment))
            {
                existing.Score = s.Score!.Value;
                existing.Comment = Validation.Clean(s.Comment);
                existing.ScoredAt = now;
            }
        }
        await db.SaveChangesAsync(ct);
        return Result.Ok(proposal.Scores.Count);
    }

    private async Task<Result<ProposalStatus>> SetStatusAsync(int id, ProposalStatus status, CancellationToken ct)
    {
        var (proposal, failure) = await LoadForAuthorAsync(id, ct);
        if (proposal is null)
        {
            return failure!.As<ProposalStatus>();
        }
        if (proposal.Status != status)
        {
            var now = clock.GetUtcNow();
            proposal.Status = status;
            proposal.SubmittedAt = status == ProposalStatus.Submitted ? now : proposal.SubmittedAt;
            proposal.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return Result.Ok(proposal.Status);
    }

    // Only the proposing organisation's members change a proposal, and only while the call is open.
    private async Task<(Proposal? Proposal, Result<bool>? Failure)> LoadForAuthorAsync(int id, CancellationToken ct)
    {
        var roles = await user.RolesAsync(ct);
        var proposal = await db.Proposals.Include(p => p.OpenCall)
            .VisibleTo([.. roles.Keys], OpenCallAccess.LeadIds(roles), user.UserId).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null)
        {
            return (null, Result<bool>.NotFound());
        }
        if (!roles.ContainsKey(proposal.OrganizationId))
        {
            return (null, Result<bool>.Forbidden());
        }
        if (OpenCallRules.Phase(proposal.OpenCall!.Status, proposal.OpenCall.Deadline, clock.GetUtcNow()) != OpenCallPhase.Open)
        {
            return (null, Result<bool>.Invalid("Status", l["Proposal.CallNotOpen"]));
        }
        return (proposal, null);
    }

    private static ProposalInput Clean(ProposalInput i) => i with { Title = Validation.Clean(i.Title), Solution = Validation.Clean(i.Solution) };

    private static void Apply(Proposal p, ProposalInput i, DateTimeOffset now)
    {
        p.Title = i.Title!;
        p.Solution = i.Solution!;
        p.PriceNok = i.PriceNok;
        p.UpdatedAt = now;
    }
}
