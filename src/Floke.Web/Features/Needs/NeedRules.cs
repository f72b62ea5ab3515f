using Floke.Web.Resources;
using Floke.Web.Infrastructure.Api;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Needs;

/// <summary>What a person writes about a need, on the page and in the API alike.</summary>
public sealed record NeedInput(
    string? Title,
    AffectedGroups AffectedGroups,
    string? UserExperience,
    string? CurrentSituation,
    Sectors Sectors,
    GovernmentLevels Levels);

public static class NeedRules
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
}

public sealed class NeedInputValidator : AbstractValidator<NeedInput>
{
    public NeedInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().MinimumLength(5).MaximumLength(NeedRules.TitleMaxLength).WithName(_ => l["Need.Title"]);
        RuleFor(x => x.UserExperience).NotEmpty().MaximumLength(NeedRules.TextMaxLength).WithName(_ => l["Need.UserExperience"]);
        RuleFor(x => x.CurrentSituation).MaximumLength(NeedRules.TextMaxLength).WithName(_ => l["Need.CurrentSituation"]);
        RuleFor(x => x.AffectedGroups)
            .Must(g => g != AffectedGroups.None).WithMessage(_ => l["Need.AffectedGroups.Required"])
            .Must(g => (g & ~Flags.All<AffectedGroups>()) == 0).WithMessage(_ => l["Validation.UnknownValue"]);
        RuleFor(x => x.Sectors).Must(s => (s & ~Flags.All<Sectors>()) == 0).WithMessage(_ => l["Validation.UnknownValue"]);
        RuleFor(x => x.Levels).Must(s => (s & ~Flags.All<GovernmentLevels>()) == 0).WithMessage(_ => l["Validation.UnknownValue"]);
    }
}
