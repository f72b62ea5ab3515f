using Floke.Web.Core.Organizations;
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

    /// <summary>Where the handler's errors go on this form: the receiving organisation beside its number, the initiative or
    /// adoption (never typed) in the summary.</summary>
    public static readonly IReadOnlyDictionary<string, string> ErrorFields = new Dictionary<string, string>
    {
        [nameof(BenefitInput.BeneficiaryOrganizationId)] = "Input.BeneficiaryNumber",
        ["InitiativeId"] = "",
        ["AdoptionId"] = "",
    };
}
