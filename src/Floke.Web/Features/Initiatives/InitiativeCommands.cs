using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Needs;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Initiatives;

/// <summary>Running an initiative: write it, bring in partners, ask for and decide gates, keep lessons.
/// One handler per use case, shared by the pages and /api/v1/initiatives.</summary>
public sealed class InitiativeCommands(
    FlokeDbContext db,
    CurrentUser user,
    IValidator<InitiativeInput> validator,
    IValidator<GateInput> gateValidator,
    IValidator<LessonInput> lessonValidator,
    IValidator<MilestoneInput> milestoneValidator,
    VersionedSave save,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Starts an initiative at the idea stage, as a draft owned by one of the writer's organisations.</summary>
    public async Task<Result<int>> CreateAsync(int ownerOrganizationId, InitiativeInput input, CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return Result<int>.Forbidden();
        }
        if (!await user.IsMemberOfAsync(ownerOrganizationId, ct))
        {
            return Result<int>.Invalid("OwnerOrganizationId", l["Initiative.Owner.NotMember"]);
        }
        input = Clean(input);
        if (await ErrorsAsync(input, null, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var owner = await db.Organizations.Where(o => o.Id == ownerOrganizationId).Select(o => new { o.CountyNumber, o.Kind }).FirstAsync(ct);
        var initiative = new Initiative
        {
            Title = "", Summary = "", OwnerOrganizationId = ownerOrganizationId, OwnerCountyNumber = owner.CountyNumber, OwnerKind = owner.Kind,
            Stage = InitiativeStage.Idea, Visibility = InitiativeVisibility.Draft, CreatedAt = now,
        };
        Apply(initiative, input, now);
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(ct);
        return Result.Ok(initiative.Id);
    }

    /// <summary>Edits an initiative from the version the writer saw; a stale version is a conflict, never an overwrite.</summary>
    public async Task<Result<int>> UpdateAsync(int id, int version, InitiativeInput input, CancellationToken ct)
    {
        var (initiative, failure) = await LoadAsync(id, InitiativeAccess.CanEditAsync, ct);
        if (initiative is null)
        {
            return failure!.As<int>();
        }
        input = Clean(input);
        if (await ErrorsAsync(input, id, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        return await save.SaveAsync(initiative, version, i => Apply(i, input, clock.GetUtcNow()), ct);
    }

    /// <summary>Publishes a draft, or takes a published initiative back to draft.</summary>
    public async Task<Result<InitiativeVisibility>> SetVisibilityAsync(int id, InitiativeVisibility visibility, CancellationToken ct)
    {
        var (initiative, failure) = await LoadAsync(id, InitiativeAccess.CanEditAsync, ct);
        if (initiative is null)
        {
            return failure!.As<InitiativeVisibility>();
        }
        if (!Enum.IsDefined(visibility))
        {
            return Result<InitiativeVisibility>.Invalid("Visibility", l["Validation.UnknownValue"]);
        }
        if (initiative.Visibility != visibility)
        {
            var now = clock.GetUtcNow();
            initiative.Visibility = visibility;
            initiative.UpdatedAt = now;
            initiative.PublishedAt ??= visibility == InitiativeVisibility.Published ? now : null;
            await db.SaveChangesAsync(ct);
        }
        return Result.Ok(initiative.Visibility);
    }

    /// <summary>Invites an organisation to take part with a role; it takes part once one of its leaders accepts.</summary>
    public async Task<Result<bool>> InvitePartnerAsync(int id, int organizationId, PartnerRole role, CancellationToken ct)
    {
        var (initiative, failure) = await LoadAsync(id, InitiativeAccess.CanEditAsync, ct);
        if (initiative is null)
        {
            return failure!;
        }
        if (!Enum.IsDefined(role))
        {
            return Result<bool>.Invalid("Role", l["Validation.UnknownValue"]);
        }
        if (organizationId == initiative.OwnerOrganizationId || initiative.Partners.Any(p => p.OrganizationId == organizationId))
        {
            return Result<bool>.Invalid("OrganizationId", l["Initiative.Partner.Already"]);
        }
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            return Result<bool>.Invalid("OrganizationId", l["Need.Owner.UnknownOrganization"]);
        }
        initiative.Partners.Add(new InitiativePartner { OrganizationId = organizationId, Role = role, Status = ParticipationStatus.Invited, InvitedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return Result.Ok(true);
    }

    /// <summary>A leader of the invited organisation accepts or declines taking part.</summary>
    public async Task<Result<bool>> AnswerPartnershipAsync(int id, int organizationId, bool accept, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var partner = await db.InitiativePartners
            .Where(p => p.InitiativeId == id && p.OrganizationId == organizationId)
            .Where(p => db.Initiatives.VisibleTo(orgIds).Any(i => i.Id == p.InitiativeId))
            .FirstOrDefaultAsync(ct);
        if (partner is null)
        {
            return Result<bool>.NotFound();
        }
        if (!await user.HasRoleAsync(organizationId, MemberRole.Leader, ct))
        {
            return Result<bool>.Forbidden();
        }
        if (partner.Status != ParticipationStatus.Invited)
        {
            return Result<bool>.Invalid("OrganizationId", l["Need.Owner.NotInvited"]);
        }
        if (accept)
        {
            partner.Status = ParticipationStatus.Accepted;
            partner.AcceptedAt = clock.GetUtcNow();
        }
        else
        {
            db.InitiativePartners.Remove(partner);
        }
        await db.SaveChangesAsync(ct);
        return Result.Ok(accept);
    }

    /// <summary>A member of the owner asks its leaders for a gate decision.</summary>
    public async Task<Result<bool>> RequestGateAsync(int id, string? note, CancellationToken ct)
    {
        var (initiative, failure) = await LoadAsync(id, InitiativeAccess.CanEditAsync, ct);
        if (initiative is null)
        {
            return failure!;
        }
        note = Validation.Clean(note);
        if (note?.Length > InitiativeRules.NoteMaxLength)
        {
            return Result<bool>.Invalid("Note", l["Validation.TooLong", InitiativeRules.NoteMaxLength]);
        }
        if (initiative.Stage == InitiativeStage.Stopped)
        {
            return Result<bool>.Invalid("Note", l["Gate.AlreadyStopped"]);
        }
        initiative.GateRequestedAt = clock.GetUtcNow();
        initiative.GateRequestedBy = AuditActor.From(user.Principal).Name;
        initiative.GateRequestNote = note;
        await db.SaveChangesAsync(ct);
        return Result.Ok(true);
    }

    /// <summary>A leader of the owner decides at the gate: go moves to the next stage, hold keeps it, stop ends the
    /// initiative with its reason and lessons. The decision and its rationale stay on record.</summary>
    public async Task<Result<int>> DecideGateAsync(int id, int version, GateInput input, CancellationToken ct)
    {
        var (initiative, failure) = await LoadAsync(id, InitiativeAccess.CanDecideAsync, ct);
        if (initiative is null)
        {
            return failure!.As<int>();
        }
        input = input with
        {
            Rationale = Validation.Clean(input.Rationale),
            StopReason = Validation.Clean(input.StopReason),
            WhatWorked = Validation.Clean(input.WhatWorked),
            WhatDidNotWork = Validation.Clean(input.WhatDidNotWork),
            DoDifferently = Validation.Clean(input.DoDifferently),
        };
        if (await gateValidator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        if (initiative.Stage == InitiativeStage.Stopped)
        {
            return Result<int>.Invalid(nameof(GateInput.Outcome), l["Gate.AlreadyStopped"]);
        }
        var outcome = input.Outcome!.Value;
        var next = outcome switch
        {
            GateOutcome.Go => InitiativeRules.NextStage(initiative.Stage),
            GateOutcome.Stop => InitiativeStage.Stopped,
            _ => initiative.Stage,
        };
        if (next is null)
        {
            return Result<int>.Invalid(nameof(GateInput.Outcome), l["Gate.NoNextStage"]);
        }
        var actor = AuditActor.From(user.Principal);
        var now = clock.GetUtcNow();
        return await save.SaveAsync(initiative, version, i =>
        {
            i.GateDecisions.Add(new GateDecision
            {
                FromStage = i.Stage, ToStage = next.Value, Outcome = outcome, Rationale = input.Rationale!,
                DecidedOn = input.DecidedOn ?? Formatting.Day(now),
                DecidedByUserId = user.UserId!, DecidedByName = actor.Name ?? "", RecordedAt = now,
            });
            if (outcome == GateOutcome.Stop)
            {
                i.StopReason = input.StopReason;
                i.Lessons.Add(new Lesson
                {
                    WhatWorked = input.WhatWorked, WhatDidNotWork = input.WhatDidNotWork, DoDifferently = input.DoDifferently,
                    AuthorUserId = user.UserId!, AuthorName = actor.Name ?? "", CreatedAt = now,
                });
            }
            i.Stage = next.Value;
            i.GateRequestedAt = null;
            i.GateRequestedBy = null;
            i.GateRequestNote = null;
            i.UpdatedAt = now;
        }, ct);
    }

    /// <summary>Records what was learnt; the owner's and accepted partners' members may write lessons.</summary>
    public async Task<Result<int>> AddLessonAsync(int id, LessonInput input, CancellationToken ct)
    {
        var (initiative, failure) = await LoadAsync(id, InitiativeAccess.CanContributeAsync, ct);
        if (initiative is null)
        {
            return failure!.As<int>();
        }
        input = new LessonInput(Validation.Clean(input.WhatWorked), Validation.Clean(input.WhatDidNotWork), Validation.Clean(input.DoDifferently));
        if (await lessonValidator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        var lesson = new Lesson
        {
            InitiativeId = id, WhatWorked = input.WhatWorked, WhatDidNotWork = input.WhatDidNotWork, DoDifferently = input.DoDifferently,
            AuthorUserId = user.UserId!, AuthorName = AuditActor.From(user.Principal).Name ?? "", CreatedAt = clock.GetUtcNow(),
        };
        db.Lessons.Add(lesson);
        await db.SaveChangesAsync(ct);
        return Result.Ok(lesson.Id);
    }

    /// <summary>Adds a milestone (the owner's members).</summary>
    public async Task<Result<int>> AddMilestoneAsync(int id, MilestoneInput input, CancellationToken ct)
    {
        var (initiative, failure) = await LoadAsync(id, InitiativeAccess.CanEditAsync, ct);
        if (initiative is null)
        {
            return failure!.As<int>();
        }
        input = input with { Title = Validation.Clean(input.Title) };
        if (await milestoneValidator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        var milestone = new Milestone { InitiativeId = id, Title = input.Title!, DueDate = input.DueDate!.Value };
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(ct);
        return Result.Ok(milestone.Id);
    }

    /// <summary>Marks a milestone done or not done (the owner's members).</summary>
    public async Task<Result<bool>> SetMilestoneDoneAsync(int id, int milestoneId, bool done, CancellationToken ct)
    {
        var (initiative, failure) = await LoadAsync(id, InitiativeAccess.CanEditAsync, ct);
        if (initiative is null)
        {
            return failure!;
        }
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.InitiativeId == id, ct);
        if (milestone is null)
        {
            return Result<bool>.NotFound();
        }
        if (milestone.Done != done)
        {
            milestone.Done = done;
            milestone.DoneAt = done ? clock.GetUtcNow() : null;
            await db.SaveChangesAsync(ct);
        }
        return Result.Ok(done);
    }

    /// <summary>Removes a milestone (the owner's members); the audit trail keeps what it was.</summary>
    public async Task<Result<bool>> RemoveMilestoneAsync(int id, int milestoneId, CancellationToken ct)
    {
        var (initiative, failure) = await LoadAsync(id, InitiativeAccess.CanEditAsync, ct);
        if (initiative is null)
        {
            return failure!;
        }
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.InitiativeId == id, ct);
        if (milestone is null)
        {
            return Result<bool>.NotFound();
        }
        db.Milestones.Remove(milestone);
        await db.SaveChangesAsync(ct);
        return Result.Ok(true);
    }

    // Another organisation's draft answers "not found", not "forbidden", so that its existence is not revealed.
    private async Task<(Initiative? Initiative, Result<bool>? Failure)> LoadAsync(int id,
        Func<Initiative, CurrentUser, CancellationToken, Task<bool>> may, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var initiative = await db.Initiatives.Include(i => i.Partners).Include(i => i.Needs)
            .VisibleTo(orgIds).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (initiative is null)
        {
            return (null, Result<bool>.NotFound());
        }
        return await may(initiative, user, ct) ? (initiative, null) : (null, Result<bool>.Forbidden());
    }

    /// <summary>Field rules, then the rules that need the database: the needs and the inspiring initiative must be ones the writer can see.</summary>
    private async Task<IReadOnlyDictionary<string, string[]>?> ErrorsAsync(InitiativeInput input, int? self, CancellationToken ct)
    {
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return errors;
        }
        var orgIds = await user.OrganizationIdsAsync(ct);
        var needIds = input.NeedIds.Distinct().ToArray();
        if (needIds.Length > 0 && await db.Needs.VisibleTo(orgIds).CountAsync(n => needIds.Contains(n.Id), ct) != needIds.Length)
        {
            return new Dictionary<string, string[]> { ["NeedIds"] = [l["Initiative.Needs.Unknown"]] };
        }
        if (input.InspiredByInitiativeId is { } inspiredBy
            && (inspiredBy == self || !await db.Initiatives.VisibleTo(orgIds).AnyAsync(i => i.Id == inspiredBy, ct)))
        {
            return new Dictionary<string, string[]> { ["InspiredByInitiativeId"] = [l["Initiative.InspiredBy.Unknown"]] };
        }
        return null;
    }

    private static InitiativeInput Clean(InitiativeInput i) => i with
    {
        Title = Validation.Clean(i.Title),
        Summary = Validation.Clean(i.Summary),
        ContactName = Validation.Clean(i.ContactName),
        ContactEmail = Validation.Clean(i.ContactEmail),
        NeedIds = i.NeedIds ?? [],
    };

    private static void Apply(Initiative i, InitiativeInput input, DateTimeOffset now)
    {
        i.Title = input.Title!;
        i.Summary = input.Summary!;
        i.Measures = input.Measures;
        i.InnovationTypes = input.InnovationTypes;
        i.OecdFacet = input.OecdFacet;
        i.Novelty = input.Novelty!.Value;
        i.InspiredByInitiativeId = input.InspiredByInitiativeId;
        i.BudgetNok = input.BudgetNok;
        i.StartDate = input.StartDate;
        i.EndDate = input.EndDate;
        i.ContactName = input.ContactName;
        i.ContactEmail = input.ContactEmail;
        i.UpdatedAt = now;
        var wanted = input.NeedIds.Distinct().ToHashSet();
        i.Needs.RemoveAll(n => !wanted.Contains(n.NeedId));
        foreach (var needId in wanted.Where(w => i.Needs.All(n => n.NeedId != w)))
        {
            i.Needs.Add(new InitiativeNeed { NeedId = needId });
        }
    }
}
