using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Adoptions;

/// <summary>One adoption: what the adopter changed and how it goes; the adopter updates it, the solution's owner confirms it.</summary>
public sealed class DetailsModel(AdoptionQueries queries, AdoptionCommands commands, Benefits.BenefitQueries benefits, IStringLocalizer<SharedResource> l)
    : ActionPage, IAdoptionFormPage
{
    public AdoptionView Adoption { get; private set; } = null!;
    public IReadOnlyList<Benefits.BenefitSummary> Benefits { get; private set; } = [];
    [BindProperty] public AdoptionForm Input { get; set; } = new();

    public async Task<IActionResult> OnPostUpdateAsync(int id, int version, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.UpdateAsync(id, version, Input.ToInput(), ct), l["Adoption.UpdatedMessage"], ct, "Input.");

    public async Task<IActionResult> OnPostConfirmAsync(int id, int version, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.ConfirmAsync(id, version, ct), l["Adoption.ConfirmedMessage"], ct);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var adoption = await queries.GetAsync(id, ct);
        if (adoption is null)
        {
            return false;
        }
        Adoption = adoption;
        if (Request.Method == HttpMethods.Get)
        {
            Input = AdoptionForm.From(adoption);
        }
        Benefits = (await benefits.ListAsync(new Features.Benefits.BenefitFilter(Adoption: id, PageSize: Features.Benefits.BenefitFilter.MaxPageSize), ct)).Items;
        return true;
    }
}
