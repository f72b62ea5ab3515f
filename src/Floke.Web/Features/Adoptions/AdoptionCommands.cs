using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Adoptions;

/// <summary>Taking up another organisation's solution, and the owner confirming it; shared by the pages and /api/v1/adoptions.</summary>
public sealed class AdoptionCommands(
    FlokeDbContext db,
    CurrentUser user,
    IValidator<AdoptionInput> validator,
    VersionedSave save,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>A member of <paramref name="adopterOrganizationId"/> records that it adopts a published initiative's solution.</summary>
    public async Task<Result<int>> CreateAsync(int initiativeId, int adopterOrganizationId, AdoptionInput input, CancellationToken ct)
    {
        var initiative = await db.Initiatives.Where(i => i.Id == initiativeId && i.Visibility == InitiativeVisibility.Published)
            .Select(i => new { i.OwnerOrganizationId }).FirstOrDefaultAsync(ct);
        if (initiative is null)
        {
            return user.IsAuthenticated ? Result<int>.Invalid("InitiativeId", l["Adoption.Initiative.Unknown"]) : Result<int>.Forbidden();
        }
        if (!await user.IsMemberOfAsync(adopterOrganizationId, ct))
        {
            return user.IsAuthenticated ? Result<int>.Invalid("AdopterOrganizationId", l["Adoption.Adopter.NotMember"]) : Result<int>.Forbidden();
        }
        if (initiative.OwnerOrganizationId == adopterOrganizationId)
        {
            return Result<int>.Invalid("AdopterOrganizationId", l["Adoption.Adopter.IsOwner"]);
        }
        if (await db.Adoptions.AnyAsync(a => a.InitiativeId == initiativeId && a.AdopterOrganizationId == adopterOrganizationId, ct))
        {
            return Result<int>.Invalid("AdopterOrganizationId", l["Adoption.Adopter.Already"]);
        }
        input = Clean(input);
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var adoption = new Adoption { InitiativeId = initiativeId, AdopterOrganizationId = adopterOrganizationId, CreatedAt = now };
        Apply(adoption, input, now);
        db.Adoptions.Add(adoption);
        await db.SaveChangesAsync(ct);
        return Result.Ok(adoption.Id);
    }

    /// <summary>The adopter's members change status, adaptations or contact, from the version they saw.</summary>
    public async Task<Result<int>> UpdateAsync(int id, int version, AdoptionInput input, CancellationToken ct)
    {
        var adoption = await LoadAsync(id, ct);
        if (adoption is null)
        {
            return Result<int>.NotFound();
        }
        if (!await user.IsMemberOfAsync(adoption.AdopterOrganizationId, ct))
        {
            return Result<int>.Forbidden();
        }
        input = Clean(input);
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        return await save.SaveAsync(adoption, version, a => Apply(a, input, clock.GetUtcNow()), ct);
    }

    /// <summary>A member of the solution's owner confirms that the adoption is real.</summary>
    public async Task<Result<int>> ConfirmAsync(int id, int version, CancellationToken ct)
    {
        var adoption = await LoadAsync(id, ct);
        if (adoption is null)
        {
            return Result<int>.NotFound();
        }
        if (!await user.IsMemberOfAsync(adoption.Initiative!.OwnerOrganizationId, ct))
        {
            return Result<int>.Forbidden();
        }
        if (adoption.ConfirmedAt is not null)
        {
            return Result.Ok(adoption.Version);
        }
        var name = AuditActor.From(user.Principal).Name;
        return await save.SaveAsync(adoption, version, a => (a.ConfirmedAt, a.ConfirmedBy) = (clock.GetUtcNow(), name), ct);
    }

    private async Task<Adoption?> LoadAsync(int id, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var visible = db.Initiatives.VisibleTo(orgIds);
        return await db.Adoptions.Include(a => a.Initiative).Where(a => visible.Any(i => i.Id == a.InitiativeId)).FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    private static AdoptionInput Clean(AdoptionInput input) => input with
    {
        AbandonReason = input.Status == AdoptionStatus.Abandoned ? Validation.Clean(input.AbandonReason) : null,
        Adaptations = Validation.Clean(input.Adaptations),
        ContactName = Validation.Clean(input.ContactName),
        ContactEmail = Validation.Clean(input.ContactEmail),
    };

    private static void Apply(Adoption a, AdoptionInput input, DateTimeOffset now)
    {
        a.Status = input.Status!.Value;
        a.AbandonReason = input.AbandonReason;
        a.Adaptations = input.Adaptations;
        a.ContactName = input.ContactName;
        a.ContactEmail = input.ContactEmail;
        a.UpdatedAt = now;
    }
}
