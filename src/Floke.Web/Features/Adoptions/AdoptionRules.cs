using Floke.Web.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Adoptions;

public sealed record AdoptionInput(AdoptionStatus? Status, string? AbandonReason, string? Adaptations, string? ContactName, string? ContactEmail);

public static class AdoptionRules
{
    public const int TextMaxLength = 4000;
}

public sealed class AdoptionInputValidator : AbstractValidator<AdoptionInput>
{
    public AdoptionInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Status).NotNull().IsInEnum().WithName(_ => l["Adoption.Status"]);
        RuleFor(x => x.AbandonReason).NotEmpty().WithMessage(_ => l["Adoption.AbandonReason.Required"]).When(x => x.Status == AdoptionStatus.Abandoned);
        RuleFor(x => x.AbandonReason).MaximumLength(AdoptionRules.TextMaxLength).WithName(_ => l["Adoption.AbandonReason"]);
        RuleFor(x => x.Adaptations).MaximumLength(AdoptionRules.TextMaxLength).WithName(_ => l["Adoption.Adaptations"]);
        RuleFor(x => x.ContactName).MaximumLength(200).WithName(_ => l["Initiative.ContactName"]);
        RuleFor(x => x.ContactEmail).EmailAddress().MaximumLength(256).WithName(_ => l["Initiative.ContactEmail"]);
    }
}
