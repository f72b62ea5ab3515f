using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Floke.Web.Core.Organizations;

/// <summary>Edits an organisation (its administrators). A stale save shows the other change and keeps this person's text.</summary>
[Authorize]
public sealed class EditModel(OrganizationCommands commands, OrganizationQueries queries) : EditPage, IOrganizationFormPage
{
    public int Id { get; private set; }
    [BindProperty] public OrganizationForm Input { get; set; } = new();

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
        return await AfterSaveAsync(result, $"/organizations/{id}", async () => (await queries.GetAsync(id, ct))?.Version);
    }
}
