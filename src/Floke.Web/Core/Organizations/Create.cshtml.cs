using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Core.Organizations;

/// <summary>Registers an organisation; the person who registers it becomes its administrator.</summary>
[Authorize]
public sealed class CreateModel(OrganizationCommands commands) : PageModel, IOrganizationFormPage
{
    [BindProperty] public OrganizationForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.CreateAsync(Input.ToInput(), ct);
        if (result.IsOk)
        {
            return Redirect($"/organizations/{result.Value}");
        }
        ModelState.AddErrors(result);
        return Page();
    }
}
