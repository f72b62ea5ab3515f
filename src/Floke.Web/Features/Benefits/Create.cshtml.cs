using Floke.Web.Core.Organizations;
using Floke.Web.Features.Adoptions;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Benefits;

/// <summary>A page that shows the benefit form (create and edit), so one partial renders the fields for both.</summary>
public interface IBenefitFormPage
{
    BenefitForm Input { get; }
}

/// <summary>Plans a benefit of an initiative (its owner's members), or of an adoption (the adopter's members).</summary>
[Authorize]
public sealed class CreateModel(BenefitCommands commands, BenefitQueries benefits, AdoptionQueries adoptions, OrganizationQueries organizations,
    IStringLocalizer<SharedResource> l) : PageModel, IBenefitFormPage
{
    [BindProperty(SupportsGet = true)] public int? Initiative { get; set; }
    [BindProperty(SupportsGet = true)] public int? Adoption { get; set; }
    [BindProperty] public BenefitForm Input { get; set; } = new();
    public string Title { get; private set; } = "";
    public string BackUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (found, allowed) = await LoadAsync(ct);
        return !found ? NotFound() : allowed ? Page() : this.Deny();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await LoadAsync(ct)).Found)
        {
            return NotFound();
        }
        var input = await Input.ToInputAsync(organizations, ModelState, l, ct);
        if (input is null || !ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.CreateAsync(Initiative, Adoption, input, ct);
        switch (result.Kind)
        {
            case ResultKind.Ok:
                return Redirect($"/benefits/{result.Value}");
            case ResultKind.Forbidden:
                return this.Deny();
        }
        ModelState.AddErrors(result, BenefitForm.ErrorFields);
        return Page();
    }

    private async Task<(bool Found, bool Allowed)> LoadAsync(CancellationToken ct)
    {
        if (Adoption is { } adoptionId)
        {
            var adoption = await adoptions.GetAsync(adoptionId, ct);
            if (adoption is null)
            {
                return (false, false);
            }
            (Title, BackUrl) = (adoption.Adoption.InitiativeTitle, $"/adoptions/{adoptionId}");
            return (true, adoption.CanEdit);
        }
        var map = Initiative is { } id ? await benefits.MapAsync(id, ct) : null;
        if (map is null)
        {
            return (false, false);
        }
        (Title, BackUrl) = (map.Title, $"/initiatives/{map.InitiativeId}/benefits");
        return (true, map.CanEdit);
    }
}
