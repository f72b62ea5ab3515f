using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Floke.Web.Features.Needs;

/// <summary>Edits a need. A save on top of someone else's newer save shows their change and keeps what this person typed.</summary>
[Authorize]
public sealed class EditModel(NeedCommands commands, NeedQueries queries) : EditPage, INeedFormPage
{
    public int Id { get; private set; }
    [BindProperty] public NeedForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Id = id;
        var need = await queries.GetAsync(id, ct);
        if (need is null)
        {
            return NotFound();
        }
        if (!need.CanEdit)
        {
            return this.Deny();
        }
        Input = NeedForm.From(need);
        Version = need.Version;
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
        return await AfterSaveAsync(result, $"/needs/{id}", async () => (await queries.GetAsync(id, ct))?.Version);
    }
}
