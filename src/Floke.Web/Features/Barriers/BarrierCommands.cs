using Floke.Web.Core.Accounts;
using Floke.Web.Core.Audit;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Resources;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Barriers;

/// <summary>Reporting barriers and answering them; shared by the pages and /api/v1/barriers.</summary>
public sealed class BarrierCommands(
    FlokeDbContext db,
    CurrentUser user,
    IValidator<BarrierInput> validator,
    IValidator<StepInput> stepValidator,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>Reports what blocks an initiative (its owner's and accepted partners' members).</summary>
    public async Task<Result<int>> ReportAsync(int initiativeId, BarrierInput input, CancellationToken ct)
    {
        var target = await db.ForContributionAsync(user, initiativeId, l["Experiment.Initiative.Unknown"], ct);
        if (!target.IsOk)
        {
            return target.As<int>();
        }
        input = input with { Rule = Validation.Clean(input.Rule), Section = Validation.Clean(input.Section), Description = Validation.Clean(input.Description) };
        if (await validator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<int>.Invalid(errors);
        }
        if (input.ResponsibleOrganizationId is { } responsible && !await db.Organizations.AnyAsync(o => o.Id == responsible, ct))
        {
            return Result<int>.Invalid(nameof(BarrierInput.ResponsibleOrganizationId), l["Need.Owner.UnknownOrganization"]);
        }
        var now = clock.GetUtcNow();
        var barrier = new Barrier
        {
            InitiativeId = initiativeId, Rule = input.Rule!, RuleKey = BarrierRules.NormalizeRule(input.Rule!), Section = input.Section,
            Kind = input.Kind!.Value, Description = input.Description!, ResponsibleOrganizationId = input.ResponsibleOrganizationId,
            Status = BarrierStatus.Reported, ReportedAt = now, UpdatedAt = now,
        };
        db.Barriers.Add(barrier);
        await db.SaveChangesAsync(ct);
        return Result.Ok(barrier.Id);
    }

    /// <summary>The responsible body's members (or, where none is named, platform administrators) move a barrier on:
    /// under review, resolved (by clarification, exemption, sandbox or rule change) or rejected — each step with a note.</summary>
    public async Task<Result<BarrierStatus>> AddStepAsync(int id, StepInput input, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var visible = db.Initiatives.VisibleTo(orgIds);
        var barrier = await db.Barriers.Where(b => visible.Any(i => i.Id == b.InitiativeId)).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (barrier is null)
        {
            return Result<BarrierStatus>.NotFound();
        }
        if (!await BarrierAccess.CanRespondAsync(barrier, user, ct))
        {
            return Result<BarrierStatus>.Forbidden();
        }
        input = input with { Note = Validation.Clean(input.Note) };
        if (await stepValidator.ErrorsAsync(input, ct) is { } errors)
        {
            return Result<BarrierStatus>.Invalid(errors);
        }
        if (!BarrierRules.CanMove(barrier.Status, input.Status!.Value))
        {
            return Result<BarrierStatus>.Invalid(nameof(StepInput.Status), l["Barrier.Status.NotAllowed"]);
        }
        var now = clock.GetUtcNow();
        barrier.Status = input.Status.Value;
        barrier.Resolution = input.Resolution;
        barrier.UpdatedAt = now;
        barrier.Steps.Add(new BarrierStep
        {
            Status = input.Status.Value, Resolution = input.Resolution, Note = input.Note!, RecordedAt = now,
            Date = input.Date ?? Formatting.Day(now),
            ByName = AuditActor.From(user.Principal).Name ?? "",
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two people answered at once: the first answer stands, the second is told instead of writing over it.
            return Result<BarrierStatus>.Conflict(l["Barrier.AnsweredMeanwhile"]);
        }
        return Result.Ok(barrier.Status);
    }
}

public static class BarrierAccess
{
    public static async Task<bool> CanRespondAsync(Barrier barrier, CurrentUser user, CancellationToken ct) =>
        barrier.ResponsibleOrganizationId is { } responsible
            ? await user.IsMemberOfAsync(responsible, ct) || await user.IsPlatformAdminAsync(ct)
            : await user.IsPlatformAdminAsync(ct);
}
