using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Needs;

/// <summary>Writing, publishing and co-owning needs; one handler per use case, shared by pages and /api/v1/needs.</summary>
public sealed class NeedCommands(
    FlokeDbContext db,
    CurrentUser user,
    IValidator<NeedInput> validator,
    VersionedSave save,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Writes a new need as a draft owned by one of the writer's organisations.</summary>
    public async Task<Result<int>> CreateAsync(int ownerOrganizationId, NeedInput input, CancellationToken ct)
    {
        if (!user.IsAuthenticated)
        {
            return Result<int>.Forbidden();
        }
        if (!await user.IsMemberOfAsync(ownerOrganizationId, ct))
        {
            return Result<int>.Invalid("OwnerOrganizationId", l["Need.Owner.NotMember"]);
        }
        input = Clean(input);
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var need = new Need { Title = "", UserExperience = "", Status = NeedStatus.Draft, CreatedAt = now };
        Apply(need, input, now);
        need.Owners.Add(new NeedOwner { OrganizationId = ownerOrganizationId, Status = OwnerStatus.Accepted, InvitedAt = now, AcceptedAt = now });
        db.Needs.Add(need);
        await db.SaveChangesAsync(ct);
        return Result.Ok(need.Id);
    }

    /// <summary>Edits a need from the version the writer saw; a stale version is a conflict, never an overwrite.</summary>
    public async Task<Result<int>> UpdateAsync(int id, int version, NeedInput input, CancellationToken ct)
    {
        var (need, failure) = await LoadForEditAsync(id, ct);
        if (need is null)
        {
            return failure!.As<int>();
        }
        input = Clean(input);
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        return await save.SaveAsync(need, version, n => Apply(n, input, clock.GetUtcNow()), ct);
    }

    /// <summary>Publishes a draft, archives a published need, or publishes an archived one again.</summary>
    public async Task<Result<NeedStatus>> SetStatusAsync(int id, NeedStatus status, CancellationToken ct)
    {
        var (need, failure) = await LoadForEditAsync(id, ct);
        if (need is null)
        {
            return failure!.As<NeedStatus>();
        }
        var allowed = (need.Status, status) switch
        {
            (NeedStatus.Draft, NeedStatus.Published) => true,
            (NeedStatus.Published, NeedStatus.Archived) => true,
            (NeedStatus.Archived, NeedStatus.Published) => true,
            _ => need.Status == status,
        };
        if (!allowed)
        {
            return Result<NeedStatus>.Invalid("Status", l["Need.Status.NotAllowed"]);
        }
        if (need.Status != status)
        {
            var now = clock.GetUtcNow();
            need.Status = status;
            need.UpdatedAt = now;
            need.PublishedAt = status == NeedStatus.Published ? need.PublishedAt ?? now : need.PublishedAt;
            await db.SaveChangesAsync(ct);
        }
        return Result.Ok(need.Status);
    }

    /// <summary>Invites another organisation to co-own the need; it owns it once it accepts.</summary>
    public async Task<Result<bool>> InviteOwnerAsync(int id, int organizationId, CancellationToken ct)
    {
        var (need, failure) = await LoadForEditAsync(id, ct);
        if (need is null)
        {
            return failure!.As<bool>();
        }
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            return Result<bool>.Invalid("OrganizationId", l["Need.Owner.UnknownOrganization"]);
        }
        if (need.Owners.Any(o => o.OrganizationId == organizationId))
        {
            return Result<bool>.Invalid("OrganizationId", l["Need.Owner.AlreadyOwner"]);
        }
        need.Owners.Add(new NeedOwner { OrganizationId = organizationId, Status = OwnerStatus.Invited, InvitedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return Result.Ok(true);
    }

    /// <summary>A leader of an invited organisation accepts (or declines) co-ownership.</summary>
    public async Task<Result<bool>> AnswerInvitationAsync(int id, int organizationId, bool accept, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var owner = await db.NeedOwners.Include(o => o.Need)
            .Where(o => o.NeedId == id && o.OrganizationId == organizationId)
            .Where(o => o.Need!.Status != NeedStatus.Draft || o.Need.Owners.Any(x => orgIds.Contains(x.OrganizationId)))
            .FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return Result<bool>.NotFound();
        }
        if (!await NeedAccess.CanAnswerInvitationAsync(organizationId, user, ct))
        {
            return Result<bool>.Forbidden();
        }
        if (owner.Status != OwnerStatus.Invited)
        {
            return Result<bool>.Invalid("OrganizationId", l["Need.Owner.NotInvited"]);
        }
        if (accept)
        {
            owner.Status = OwnerStatus.Accepted;
            owner.AcceptedAt = clock.GetUtcNow();
        }
        else
        {
            db.NeedOwners.Remove(owner);
        }
        await db.SaveChangesAsync(ct);
        return Result.Ok(accept);
    }

    // Another organisation's draft answers "not found", not "forbidden", so that its existence is not revealed.
    private async Task<(Need? Need, Result<bool>? Failure)> LoadForEditAsync(int id, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var need = await db.Needs.Include(n => n.Owners).VisibleTo(orgIds).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null)
        {
            return (null, Result<bool>.NotFound());
        }
        return await NeedAccess.CanEditAsync(need, user, ct) ? (need, null) : (null, Result<bool>.Forbidden());
    }

    private static NeedInput Clean(NeedInput i) => i with
    {
        Title = Validation.Clean(i.Title),
        UserExperience = Validation.Clean(i.UserExperience),
        CurrentSituation = Validation.Clean(i.CurrentSituation),
    };

    private static void Apply(Need need, NeedInput i, DateTimeOffset now)
    {
        need.Title = i.Title!;
        need.AffectedGroups = i.AffectedGroups;
        need.UserExperience = i.UserExperience!;
        need.CurrentSituation = i.CurrentSituation;
        need.Sectors = i.Sectors;
        need.Levels = i.Levels;
        need.UpdatedAt = now;
    }
}
