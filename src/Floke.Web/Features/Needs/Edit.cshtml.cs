using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Needs;

/// <summary>Edits a need. A save on top of someone else's newer save shows their change and keeps what this person typed.</summary>
[Authorize]
public sealed class EditModel(NeedCommands commands, NeedQueries queries) : PageModel, INeedFormPage
{
    public int Id { get; private set; }
    [BindProperty] public NeedForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public string? Conflict { get; private set; }

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
        switch (result.Kind)
        {
            case ResultKind.Ok:
                return Redirect($"/needs/{id}");
            case ResultKind.NotFound:
                return NotFound();
            case ResultKind.Forbidden:
                return this.Deny();
            case ResultKind.Conflict:
                Conflict = result.Detail;
                // The form keeps this person's text; the next save is made against the version now stored.
                Version = (await queries.GetAsync(id, ct))?.Version ?? Version;
                ModelState.Remove(nameof(Version));
                return Page();
            default:
                ModelState.AddErrors(result);
                return Page();
        }
    }
}
