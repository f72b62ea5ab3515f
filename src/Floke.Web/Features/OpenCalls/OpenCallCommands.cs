using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Features.Needs;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.OpenCalls;

/// <summary>Writing, publishing, judging and awarding open calls; one handler per use case, shared by pages and /api/v1/calls.</summary>
public sealed class OpenCallCommands(
    FlokeDbContext db,
    CurrentUser user,
    IValidator<OpenCallInput> validator,
    VersionedSave save,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Writes a new call as a draft owned by one of the writer's organisations, which must be a public body.</summary>
    public async Task<Result<int>> CreateAsync(int ownerOrganizationId, OpenCallInput input, CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return Result<int>.Forbidden();
        }
        if (!await user.IsMemberOfAsync(ownerOrganizationId, ct))
        {
            return Result<int>.Invalid("OwnerOrganizationId", l["OpenCall.Owner.NotMember"]);
        }
        var owner = await db.Organizations.AsNoTracking().Where(o => o.Id == ownerOrganizationId)
            .Select(o => new { o.Kind, o.CountyNumber }).SingleAsync(ct);
        if (!OpenCallAccess.MayOwnCalls(owner.Kind))
        {
            return Result<int>.Invalid("OwnerOrganizationId", l["OpenCall.Owner.NotPublicBody"]);
        }
        input = Clean(input);
        if (await ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var call = new OpenCall
        {
            Title = "", Challenge = "", Status = OpenCallStatus.Draft, CreatedAt = now,
            OwnerOrganizationId = ownerOrganizationId, OwnerKind = owner.Kind, OwnerCountyNumber = owner.CountyNumber,
        };
        Apply(call, input, now, criteria: true);
        db.OpenCalls.Add(call);
        await db.SaveChangesAsync(ct);
        return Result.Ok(call.Id);
    }

    /// <summary>Edits a call from the version the writer saw. A draft changes freely; a published call still open for
    /// proposals may have its texts corrected and its deadline moved later, but its criteria and budget stay as announced.</summary>
    public async Task<Result<int>> UpdateAsync(int id, int version, OpenCallInput input, CancellationToken ct)
    {
        var (call, failure) = await LoadAsync(id, leader: false, ct);
        if (call is null)
        {
            return failure!.As<int>();
        }
        var now = clock.GetUtcNow();
        if (OpenCallRules.Phase(call.Status, call.Deadline, now) is not (OpenCallPhase.Draft or OpenCallPhase.Open))
        {
            return Result<int>.Invalid("Status", l["OpenCall.Closed"]);
        }
        input = Clean(input);
        if (await ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        var published = call.Status == OpenCallStatus.Published;
        if (published)
        {
            var announced = call.Criteria.OrderBy(c => c.SortOrder).Select(c => (c.Name, c.Description, c.Weight));
            if (!announced.SequenceEqual(input.Criteria.Select(c => (c.Name!, c.Description, c.Weight!.Value))))
            {
                return Result<int>.Invalid("Criteria", l["OpenCall.Criteria.Locked"]);
            }
            if (input.BudgetNok != call.BudgetNok)
            {
                return Result<int>.Invalid("BudgetNok", l["OpenCall.Budget.Locked"]);
            }
            if (OpenCallRules.DeadlineOn(input.Deadline!.Value) < call.Deadline)
            {
                return Result<int>.Invalid("Deadline", l["OpenCall.Deadline.NotEarlier"]);
            }
        }
        return await save.SaveAsync(call, version, c => Apply(c, input, now, criteria: !published), ct);
    }

    /// <summary>A leader publishes a draft: from then on anyone may read it and organisations may answer until the deadline.</summary>
    public async Task<Result<OpenCallStatus>> PublishAsync(int id, CancellationToken ct)
    {
        var (call, failure) = await LoadAsync(id, leader: true, ct);
        if (call is null)
        {
            return failure!.As<OpenCallStatus>();
        }
        if (call.Status != OpenCallStatus.Draft)
        {
            return Result<OpenCallStatus>.Invalid("Status", l["OpenCall.Status.NotAllowed"]);
        }
        var now = clock.GetUtcNow();
        if (call.Deadline <= now)
        {
            return Result<OpenCallStatus>.Invalid("Deadline", l["OpenCall.Deadline.Past"]);
        }
        call.Status = OpenCallStatus.Published;
        call.PublishedAt = now;
        call.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Result.Ok(call.Status);
    }

    /// <summary>A leader cancels a call that has not been awarded, with the reason on record.</summary>
    public async Task<Result<OpenCallStatus>> CancelAsync(int id, string? reason, CancellationToken ct)
    {
        var (call, failure) = await LoadAsync(id, leader: true, ct);
        if (call is null)
        {
            return failure!.As<OpenCallStatus>();
        }
        if (call.Status is not (OpenCallStatus.Draft or OpenCallStatus.Published))
        {
            return Result<OpenCallStatus>.Invalid("Status", l["OpenCall.Status.NotAllowed"]);
        }
        reason = Validation.Clean(reason);
        if (reason is null || reason.Length > OpenCallRules.ReasonMaxLength)
        {
            return Result<OpenCallStatus>.Invalid("Reason", l["OpenCall.Cancel.ReasonRequired", OpenCallRules.ReasonMaxLength]);
        }
        call.Status = OpenCallStatus.Cancelled;
        call.CancelReason = reason;
        call.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return Result.Ok(call.Status);
    }

    /// <summary>A leader appoints a registered person, found by e-mail address, to the jury.</summary>
    public async Task<Result<string>> AddJuryMemberAsync(int id, string? email, CancellationToken ct)
    {
        var (call, failure) = await LoadAsync(id, leader: true, ct);
        if (call is null)
        {
            return failure!.As<string>();
        }
        if (call.Status is OpenCallStatus.Awarded or OpenCallStatus.Cancelled)
        {
            return Result<string>.Invalid("Email", l["OpenCall.Closed"]);
        }
        var normalized = Validation.Clean(email)?.ToUpperInvariant();
        var userId = normalized is null ? null : await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return Result<string>.Invalid("Email", l["OpenCall.Jury.UnknownPerson"]);
        }
        if (call.Jury.Any(j => j.UserId == userId))
        {
            return Result<string>.Invalid("Email", l["OpenCall.Jury.Already"]);
        }
        call.Jury.Add(new JuryMember { OpenCallId = call.Id, UserId = userId, AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return Result.Ok(userId);
    }

    /// <summary>A leader removes a jury member who has not scored yet; scores given stay on record with their author.</summary>
    public async Task<Result<bool>> RemoveJuryMemberAsync(int id, string userId, CancellationToken ct)
    {
        var (call, failure) = await LoadAsync(id, leader: true, ct);
        if (call is null)
        {
            return failure!;
        }
        var member = call.Jury.FirstOrDefault(j => j.UserId == userId);
        if (member is null)
        {
            return Result<bool>.NotFound();
        }
        if (await db.ProposalScores.AnyAsync(s => s.OpenCallId == id && s.UserId == userId, ct))
        {
            return Result<bool>.Invalid("UserId", l["OpenCall.Jury.HasScored"]);
        }
        call.Jury.Remove(member);
        await db.SaveChangesAsync(ct);
        return Result.Ok(true);
    }

    /// <summary>After the deadline a leader awards the call to one submitted proposal, with the rationale on record. The
    /// awarded proposal becomes public; the others stay with their authors, the jury and the owner's leaders.</summary>
    public async Task<Result<int>> AwardAsync(int id, int proposalId, string? rationale, CancellationToken ct)
    {
        var (call, failure) = await LoadAsync(id, leader: true, ct);
        if (call is null)
        {
            return failure!.As<int>();
        }
        var now = clock.GetUtcNow();
        var phase = OpenCallRules.Phase(call.Status, call.Deadline, now);
        if (phase != OpenCallPhase.Evaluating)
        {
            return Result<int>.Invalid("ProposalId", l[phase == OpenCallPhase.Open ? "OpenCall.Award.BeforeDeadline" : "OpenCall.Closed"]);
        }
        if (!await db.Proposals.AnyAsync(p => p.Id == proposalId && p.OpenCallId == id && p.Status == ProposalStatus.Submitted, ct))
        {
            return Result<int>.Invalid("ProposalId", l["OpenCall.Award.UnknownProposal"]);
        }
        rationale = Validation.Clean(rationale);
        if (rationale is null || rationale.Length > OpenCallRules.ReasonMaxLength)
        {
            return Result<int>.Invalid("Rationale", l["OpenCall.Award.RationaleRequired", OpenCallRules.ReasonMaxLength]);
        }
        call.Status = OpenCallStatus.Awarded;
        call.AwardedProposalId = proposalId;
        call.AwardRationale = rationale;
        call.AwardedAt = now;
        call.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Result.Ok(proposalId);
    }

    // Another organisation's draft answers "not found", so that its existence is not revealed.
    private async Task<(OpenCall? Call, Result<bool>? Failure)> LoadAsync(int id, bool leader, CancellationToken ct)
    {
        var roles = await user.RolesAsync(ct);
        var call = await db.OpenCalls.Include(c => c.Criteria).Include(c => c.Jury).AsSplitQuery()
            .VisibleTo([.. roles.Keys]).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return (null, Result<bool>.NotFound());
        }
        var allowed = leader ? OpenCallAccess.IsLeader(call, roles) : roles.ContainsKey(call.OwnerOrganizationId);
        return allowed ? (call, null) : (null, Result<bool>.Forbidden());
    }

    private async Task<IReadOnlyDictionary<string, string[]>?> ErrorsAsync(OpenCallInput input, CancellationToken ct)
    {
        var errors = (await validator.ErrorsAsync(input, ct))?.ToDictionary() ?? [];
        if (input.NeedId is { } needId)
        {
            var orgIds = await user.OrganizationIdsAsync(ct);
            if (!await db.Needs.VisibleTo(orgIds).AnyAsync(n => n.Id == needId, ct))
            {
                errors["NeedId"] = [l["OpenCall.Need.Unknown"]];
            }
        }
        return errors.Count == 0 ? null : errors;
    }

    private static OpenCallInput Clean(OpenCallInput i) => i with
    {
        Title = Validation.Clean(i.Title),
        Challenge = Validation.Clean(i.Challenge),
        Requirements = Validation.Clean(i.Requirements),
        Criteria = OpenCallRules.Filled(i.Criteria),
    };

    private static void Apply(OpenCall call, OpenCallInput i, DateTimeOffset now, bool criteria)
    {
        call.Title = i.Title!;
        call.Challenge = i.Challenge!;
        call.Requirements = i.Requirements;
        call.BudgetNok = i.BudgetNok;
        call.Deadline = OpenCallRules.DeadlineOn(i.Deadline!.Value);
        call.NeedId = i.NeedId;
        call.UpdatedAt = now;
        if (criteria)
        {
            call.Criteria.Clear();
            call.Criteria.AddRange(i.Criteria.Select((c, n) => new OpenCallCriterion { Name = c.Name!, Description = c.Description, Weight = c.Weight!.Value, SortOrder = n }));
        }
    }
}
