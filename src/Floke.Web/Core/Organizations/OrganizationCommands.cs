using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Core.Organizations;

/// <summary>Registering and editing organisations; shared by the pages and /api/v1/organizations.</summary>
public sealed class OrganizationCommands(
    FlokeDbContext db,
    CurrentUser user,
    IValidator<OrganizationInput> validator,
    VersionedSave save,
    TimeProvider clock,
    Geography.Geography geography,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Registers an organisation; the person who registers it becomes its administrator.</summary>
    public async Task<Result<int>> CreateAsync(OrganizationInput input, CancellationToken ct)
    {
        if (user.UserId is not { } userId)
        {
            return Result<int>.Forbidden();
        }
        input = Clean(input);
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        if (await db.Organizations.AnyAsync(o => o.OrganizationNumber == input.OrganizationNumber, ct))
        {
            return Result<int>.Invalid(nameof(OrganizationInput.OrganizationNumber), l["Org.Number.Taken"]);
        }
        var now = clock.GetUtcNow();
        var org = new Organization { Name = "", OrganizationNumber = "", CreatedAt = now };
        Apply(org, input);
        org.Memberships.Add(new Membership { UserId = userId, Role = MemberRole.Administrator, Status = MembershipStatus.Active, RequestedAt = now, DecidedAt = now });
        db.Organizations.Add(org);
        await db.SaveChangesAsync(ct);
        user.Refresh();
        return Result.Ok(org.Id);
    }

    /// <summary>Edits an organisation: only its administrators (or a platform administrator), and only from the version they saw.</summary>
    public async Task<Result<int>> UpdateAsync(int id, int version, OrganizationInput input, CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
        {
            return Result<int>.NotFound();
        }
        if (!await user.HasRoleAsync(id, MemberRole.Administrator, ct) && !await user.IsPlatformAdminAsync(ct))
        {
            return Result<int>.Forbidden();
        }
        input = Clean(input);
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        if (await db.Organizations.AnyAsync(o => o.Id != id && o.OrganizationNumber == input.OrganizationNumber, ct))
        {
            return Result<int>.Invalid(nameof(OrganizationInput.OrganizationNumber), l["Org.Number.Taken"]);
        }
        // One transaction, so the initiatives never show the old county while the organisation has the new one, and cached
        // counts and figures are marked stale once both are committed.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saved = await save.SaveAsync(org, version, o => Apply(o, input), ct);
        if (saved.IsOk)
        {
            // The initiatives and open calls keep their owner's county and kind for the list filters and insights.
            await db.Initiatives.Where(i => i.OwnerOrganizationId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.OwnerCountyNumber, org.CountyNumber).SetProperty(i => i.OwnerKind, org.Kind), ct);
            await db.OpenCalls.Where(c => c.OwnerOrganizationId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerCountyNumber, org.CountyNumber).SetProperty(c => c.OwnerKind, org.Kind), ct);
            await tx.CommitWrittenAsync();
        }
        return saved;
    }

    /// <summary>A platform administrator confirms that the organisation is who it says it is.</summary>
    public async Task<Result<bool>> SetVerifiedAsync(int id, bool verified, CancellationToken ct)
    {
        if (!await user.IsPlatformAdminAsync(ct))
        {
            return Result<bool>.Forbidden();
        }
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null)
        {
            return Result<bool>.NotFound();
        }
        org.IsVerified = verified;
        await db.SaveChangesAsync(ct);
        return Result.Ok(verified);
    }

    private static OrganizationInput Clean(OrganizationInput i) => i with
    {
        Name = Validation.Clean(i.Name),
        OrganizationNumber = Validation.Clean(OrganizationNumber.Normalize(i.OrganizationNumber)),
        MunicipalityNumber = Validation.Clean(i.MunicipalityNumber),
        CountyNumber = Validation.Clean(i.CountyNumber),
        Description = Validation.Clean(i.Description),
        Website = Validation.Clean(i.Website),
    };

    private void Apply(Organization org, OrganizationInput i)
    {
        org.Name = i.Name!;
        org.OrganizationNumber = i.OrganizationNumber!;
        org.Kind = i.Kind!.Value;
        org.MunicipalityNumber = i.MunicipalityNumber;
        // A municipality lies in one county: derive it, so that filtering by county finds the municipality's organisations.
        org.CountyNumber = i.CountyNumber ?? geography.FindMunicipality(i.MunicipalityNumber)?.CountyNumber;
        org.Description = i.Description;
        org.Website = i.Website;
    }
}
