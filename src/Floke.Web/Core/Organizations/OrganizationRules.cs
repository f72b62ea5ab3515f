using Floke.Web.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Core.Organizations;

/// <summary>What a person fills in about an organisation, on the page and in the API alike.</summary>
public sealed record OrganizationInput(
    string? Name,
    string? OrganizationNumber,
    OrganizationKind? Kind,
    string? MunicipalityNumber,
    string? CountyNumber,
    string? Description,
    string? Website);

public static class OrganizationRules
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
}

public sealed class OrganizationInputValidator : AbstractValidator<OrganizationInput>
{
    public OrganizationInputValidator(IStringLocalizer<SharedResource> l, Geography.Geography geography)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(OrganizationRules.NameMaxLength).WithName(_ => l["Org.Name"]);
        RuleFor(x => x.OrganizationNumber)
            .NotEmpty().WithName(_ => l["Org.Number"])
            .Must(OrganizationNumber.IsValid).WithMessage(_ => l["Org.Number.Invalid"]);
        RuleFor(x => x.Kind).NotNull().IsInEnum().WithName(_ => l["Org.Kind"]);
        RuleFor(x => x.MunicipalityNumber)
            .Must(n => geography.FindMunicipality(n) is not null).WithMessage(_ => l["Org.Municipality.Invalid"])
            .When(x => !string.IsNullOrWhiteSpace(x.MunicipalityNumber));
        RuleFor(x => x.MunicipalityNumber)
            .NotEmpty().WithMessage(_ => l["Org.Municipality.Required"])
            .When(x => x.Kind == OrganizationKind.Municipality);
        RuleFor(x => x.CountyNumber)
            .Must(n => geography.FindCounty(n) is not null).WithMessage(_ => l["Org.County.Invalid"])
            .When(x => !string.IsNullOrWhiteSpace(x.CountyNumber));
        RuleFor(x => x.CountyNumber)
            .NotEmpty().WithMessage(_ => l["Org.County.Required"])
            .When(x => x.Kind == OrganizationKind.County);
        RuleFor(x => x.CountyNumber)
            .Must((x, county) => geography.FindMunicipality(x.MunicipalityNumber)?.CountyNumber == county)
            .WithMessage(_ => l["Org.County.Mismatch"])
            .When(x => !string.IsNullOrWhiteSpace(x.CountyNumber) && geography.FindMunicipality(x.MunicipalityNumber) is not null);
        RuleFor(x => x.Description).MaximumLength(OrganizationRules.DescriptionMaxLength).WithName(_ => l["Org.Description"]);
        RuleFor(x => x.Website)
            .MaximumLength(300)
            .Must(w => Uri.TryCreate(w, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
            .WithMessage(_ => l["Org.Website.Invalid"])
            .When(x => !string.IsNullOrWhiteSpace(x.Website));
    }
}
