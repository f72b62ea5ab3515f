using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Benefits;

/// <summary>What each organisation puts into an initiative, by year; shared by the pages and /api/v1/investments.
/// The owner's members record anyone's contribution (a funder's, say); an accepted partner's members their own.</summary>
public sealed class InvestmentCommands(
    FlokeDbContext db,
    CurrentUser user,
    IValidator<InvestmentInput> validator,
    VersionedSave save,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    public async Task<Result<int>> CreateAsync(int initiativeId, InvestmentInput input, CancellationToken ct)
    {
        var target = await db.ForContributionAsync(user, initiativeId, l["Experiment.Initiative.Unknown"], ct);
        if (!target.IsOk)
        {
            return target.As<int>();
        }
        if (await CheckAsync(target.Value!, input, null, ct) is { } failure)
        {
            return failure;
        }
        var investment = new Investment { InitiativeId = initiativeId, RecordedAt = clock.GetUtcNow() };
        Apply(investment, input);
        db.Investments.Add(investment);
        await db.SaveChangesAsync(ct);
        return Result.Ok(investment.Id);
    }

    public async Task<Result<int>> UpdateAsync(int id, int version, InvestmentInput input, CancellationToken ct)
    {
        var (investment, initiative, failure) = await LoadAsync(id, ct);
        if (investment is null)
        {
            return failure!;
        }
        if (await CheckAsync(initiative!, input, id, ct) is { } invalid)
        {
            return invalid;
        }
        return await save.SaveAsync(investment, version, i => Apply(i, input), ct);
    }

    public async Task<Result<int>> DeleteAsync(int id, int version, CancellationToken ct)
    {
        var (investment, _, failure) = await LoadAsync(id, ct);
        if (investment is null)
        {
            return failure!;
        }
        if (investment.Version != version)
        {
            return Result<int>.Conflict(l["Investment.ChangedMeanwhile"]);
        }
        db.Investments.Remove(investment);
        await db.SaveChangesAsync(ct);
        return Result.Ok(id);
    }

    private async Task<(Investment?, Initiative?, Result<int>?)> LoadAsync(int id, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var visible = db.Initiatives.VisibleTo(orgIds);
        var investment = await db.Investments.Include(i => i.Initiative).ThenInclude(i => i!.Partners)
            .Where(i => visible.Any(v => v.Id == i.InitiativeId)).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (investment is null)
        {
            return (null, null, Result<int>.NotFound());
        }
        var mayChange = await InitiativeAccess.CanEditAsync(investment.Initiative!, user, ct)
            || (await InitiativeAccess.CanContributeAsync(investment.Initiative!, user, ct) && await user.IsMemberOfAsync(investment.OrganizationId, ct));
        return mayChange ? (investment, investment.Initiative, null) : (null, null, Result<int>.Forbidden());
    }

    private async Task<Result<int>?> CheckAsync(Initiative initiative, InvestmentInput input, int? existing, CancellationToken ct)
    {
        input = input with { Note = Validation.Clean(input.Note) };
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        var organization = input.OrganizationId!.Value;
        if (!await db.Organizations.AnyAsync(o => o.Id == organization, ct))
        {
            return Result<int>.Invalid(nameof(InvestmentInput.OrganizationId), l["Need.Owner.UnknownOrganization"]);
        }
        // A partner records its own contribution; the owner's members may record anyone's.
        if (!await InitiativeAccess.CanEditAsync(initiative, user, ct) && !await user.IsMemberOfAsync(organization, ct))
        {
            return Result<int>.Invalid(nameof(InvestmentInput.OrganizationId), l["Investment.Organization.NotYours"]);
        }
        if (await db.Investments.AnyAsync(i => i.InitiativeId == initiative.Id && i.OrganizationId == organization && i.Year == input.Year && i.Id != existing, ct))
        {
            return Result<int>.Invalid(nameof(InvestmentInput.Year), l["Investment.Year.Taken"]);
        }
        return null;
    }

    private static void Apply(Investment i, InvestmentInput input)
    {
        i.OrganizationId = input.OrganizationId!.Value;
        i.Year = input.Year!.Value;
        i.AmountNok = input.AmountNok;
        i.PersonHours = input.PersonHours;
        i.Note = Validation.Clean(input.Note);
    }
}
