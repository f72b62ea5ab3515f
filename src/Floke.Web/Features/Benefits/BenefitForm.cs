using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Benefits;

/// <summary>The benefit form's fields as a browser posts them; the receiving organisation is typed as its organisation number.</summary>
public sealed class BenefitForm
{
    public string? Description { get; set; }
    public BenefitKind? Kind { get; set; } = BenefitKind.BudgetSaving;
    public string? Unit { get; set; }
    public BenefitDirection? Direction { get; set; } = BenefitDirection.HigherIsBetter;
    public bool IsDisbenefit { get; set; }
    public decimal? BaselineValue { get; set; }
    public DateOnly? BaselineDate { get; set; }
    public decimal? TargetValue { get; set; }
    public DateOnly? TargetDate { get; set; }
    public string? ResponsibleName { get; set; }
    public string? BeneficiaryNumber { get; set; }
    public BeneficiaryGroup? BeneficiaryGroup { get; set; }

    public static BenefitForm From(BenefitView v, string? beneficiaryNumber) => new()
    {
        Description = v.Benefit.Description, Kind = v.Benefit.Kind, Unit = BenefitRules.FixedUnit(v.Benefit.Kind) is null ? v.Benefit.Unit : null,
        Direction = v.Benefit.Direction, IsDisbenefit = v.Benefit.IsDisbenefit, BaselineValue = v.Benefit.BaselineValue, BaselineDate = v.Benefit.BaselineDate,
        TargetValue = v.Benefit.TargetValue, TargetDate = v.Benefit.TargetDate, ResponsibleName = v.ResponsibleName, BeneficiaryNumber = beneficiaryNumber,
        BeneficiaryGroup = v.Benefit.BeneficiaryGroup,
    };

    /// <summary>The input for the commands, looking up the organisation number; null (with the error on the field) when unknown.</summary>
    public async Task<BenefitInput?> ToInputAsync(OrganizationQueries organizations, ModelStateDictionary modelState, IStringLocalizer<SharedResource> l,
        CancellationToken ct)
    {
        int? receiver = null;
        if (!string.IsNullOrWhiteSpace(BeneficiaryNumber))
        {
            receiver = await organizations.IdByNumberAsync(BeneficiaryNumber, ct);
            if (receiver is null)
            {
                modelState.AddModelError("Input.BeneficiaryNumber", l["Need.Owner.UnknownOrganization"]);
                return null;
            }
        }
        return new BenefitInput(Description, Kind, Unit, Direction, IsDisbenefit, BaselineValue, BaselineDate, TargetValue, TargetDate, ResponsibleName,
            receiver, BeneficiaryGroup);
    }

    /// <summary>Puts the handler's errors beside the form's fields (the receiving organisation beside its number).</summary>
    public static void AddErrors<T>(ModelStateDictionary modelState, Result<T> result)
    {
        foreach (var (field, messages) in result.Errors)
        {
            var key = field == nameof(BenefitInput.BeneficiaryOrganizationId) ? "Input.BeneficiaryNumber"
                : field is "InitiativeId" or "AdoptionId" ? "" : $"Input.{field}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}
