using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Core.Organizations;

/// <summary>Edits an organisation (its administrators). A stale save shows the other change and keeps this person's text.</summary>
[Authorize]
public sealed class EditModel(OrganizationCommands commands, OrganizationQueries queries) : PageModel, IOrganizationFormPage
{
    public int Id { get; private set; }
    [BindProperty] public OrganizationForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Id = id;
        var org = await queries.GetAsync(id, ct);
        if (org is null)
        {
            return NotFound();
        }
        if (!(await queries.RelationAsync(id, ct)).IsAdministrator)
        {
            return this.Deny();
        }
        Input = OrganizationForm.From(org);
        Version = org.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.UpdateAsync(id, Version, Input.ToInput(), ct);
        switch (result.Kind)
        {
            case ResultKind.Ok:
                return Redirect($"/organizations/{id}");
            case ResultKind.NotFound:
                return NotFound();
            case ResultKind.Forbidden:
                return this.Deny();
            case ResultKind.Conflict:
                Conflict = result.Detail;
                Version = (await queries.GetAsync(id, ct))?.Version ?? Version;
                ModelState.Remove(nameof(Version));
                return Page();
            default:
                ModelState.AddErrors(result);
                return Page();
        }
    }
}
