using Floke.Web.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Barriers;

public sealed record BarrierInput(string? Rule, string? Section, BarrierKind? Kind, string? Description, int? ResponsibleOrganizationId);

public sealed record StepInput(BarrierStatus? Status, BarrierResolution? Resolution, string? Note, DateOnly? Date);

public static class BarrierRules
{
    public const int RuleMaxLength = 200;
    public const int TextMaxLength = 4000;

    /// <summary>Reported → under review → resolved or rejected; a barrier can also be resolved or rejected straight away.</summary>
    public static bool CanMove(BarrierStatus from, BarrierStatus to) => (from, to) switch
    {
        (BarrierStatus.Reported, BarrierStatus.UnderReview or BarrierStatus.Resolved or BarrierStatus.Rejected) => true,
        (BarrierStatus.UnderReview, BarrierStatus.Resolved or BarrierStatus.Rejected) => true,
        _ => false,
    };

    /// <summary>The register groups "Forvaltningsloven " and "forvaltningsloven" together.</summary>
    public static string NormalizeRule(string rule) => string.Join(' ', rule.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

public sealed class BarrierInputValidator : AbstractValidator<BarrierInput>
{
    public BarrierInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Rule).NotEmpty().MaximumLength(BarrierRules.RuleMaxLength).WithName(_ => l["Barrier.Rule"]);
        RuleFor(x => x.Section).MaximumLength(100).WithName(_ => l["Barrier.Section"]);
        RuleFor(x => x.Kind).NotNull().IsInEnum().WithName(_ => l["Barrier.Kind"]);
        RuleFor(x => x.Description).NotEmpty().MaximumLength(BarrierRules.TextMaxLength).WithName(_ => l["Barrier.Description"]);
    }
}

public sealed class StepInputValidator : AbstractValidator<StepInput>
{
    public StepInputValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.Status).NotNull().IsInEnum().WithName(_ => l["Barrier.Status"]);
        RuleFor(x => x.Note).NotEmpty().MaximumLength(BarrierRules.TextMaxLength).WithName(_ => l["Barrier.Note"]);
        RuleFor(x => x.Resolution).NotNull().IsInEnum().WithMessage(_ => l["Barrier.Resolution.Required"]).When(x => x.Status == BarrierStatus.Resolved);
        RuleFor(x => x.Resolution).Null().WithMessage(_ => l["Barrier.Resolution.OnlyWhenResolved"]).When(x => x.Status != BarrierStatus.Resolved);
        RuleFor(x => x.Date)
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
            .WithMessage(_ => l["Gate.DecidedOn.Future"]);
    }
}
