using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Floke.Web.Features.Initiatives;

/// <summary>Edits an initiative (the owner's members). A stale save shows the other change and keeps this person's text.</summary>
[Authorize]
public sealed class EditModel(InitiativeCommands commands, InitiativeQueries queries) : EditPage, IInitiativeFormPage
{
    public int Id { get; private set; }
    [BindProperty] public InitiativeForm Input { get; set; } = new();
    public IReadOnlyList<ServedNeed> NeedChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Id = id;
        var initiative = await queries.GetAsync(id, ct);
        if (initiative is null)
        {
            return NotFound();
        }
        if (!initiative.CanEdit)
        {
            return this.Deny();
        }
        Input = InitiativeForm.From(initiative);
        Version = initiative.Version;
        NeedChoices = await queries.NeedChoicesAsync(Input.NeedIds, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Id = id;
        NeedChoices = await queries.NeedChoicesAsync(Input.NeedIds, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.UpdateAsync(id, Version, Input.ToInput(), ct);
        return await AfterSaveAsync(result, $"/initiatives/{id}", async () => (await queries.GetAsync(id, ct))?.Version);
    }
}
