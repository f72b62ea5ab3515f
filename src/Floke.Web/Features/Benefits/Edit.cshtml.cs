using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Benefits;

/// <summary>Edits a benefit from the version the editor saw.</summary>
[Authorize]
public sealed class EditModel(BenefitCommands commands, BenefitQueries queries, OrganizationQueries organizations, IStringLocalizer<SharedResource> l)
    : EditPage, IBenefitFormPage
{
    public int Id { get; private set; }
    [BindProperty] public BenefitForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var benefit = await queries.GetAsync(id, ct);
        if (benefit is null)
        {
            return NotFound();
        }
        if (!benefit.CanEdit)
        {
            return this.Deny();
        }
        (Id, Version) = (id, benefit.Version);
        var number = benefit.Benefit.BeneficiaryOrganizationId is { } receiver ? (await organizations.GetAsync(receiver, ct))?.OrganizationNumber : null;
        Input = BenefitForm.From(benefit, number);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Id = id;
        var input = await Input.ToInputAsync(organizations, ModelState, l, ct);
        if (input is null || !ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.UpdateAsync(id, Version, input, ct);
        if (result.Kind == Infrastructure.ResultKind.Invalid)
        {
            ModelState.AddErrors(result, BenefitForm.ErrorFields);
            return Page();
        }
        return await AfterSaveAsync(result, $"/benefits/{id}", async () => (await queries.GetAsync(id, ct))?.Version);
    }
}
