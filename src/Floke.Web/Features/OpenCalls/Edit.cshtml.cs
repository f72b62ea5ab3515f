using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Floke.Web.Features.OpenCalls;

/// <summary>Edits a call. A draft changes freely; once published only its texts and a later deadline. A save on top of
/// someone else's newer save shows their change and keeps what this person typed.</summary>
[Authorize]
public sealed class EditModel(OpenCallCommands commands, OpenCallQueries queries) : EditPage, IOpenCallFormPage
{
    public int Id { get; private set; }
    [BindProperty] public OpenCallForm Input { get; set; } = new();
    public string? NeedTitle { get; private set; }
    public bool CriteriaEditable { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Id = id;
        var call = await queries.GetAsync(id, ct);
        if (call is null)
        {
            return NotFound();
        }
        if (!call.CanEdit)
        {
            return this.Deny();
        }
        Show(call);
        Input = OpenCallForm.From(call);
        Version = call.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Id = id;
        var call = await queries.GetAsync(id, ct);
        if (call is null)
        {
            return NotFound();
        }
        Show(call);
        Input.WithRows();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.UpdateAsync(id, Version, Input.ToInput(), ct);
        return await AfterSaveAsync(result, $"/calls/{id}", async () => (await queries.GetAsync(id, ct))?.Version);
    }

    private void Show(OpenCallView call)
    {
        NeedTitle = call.NeedTitle;
        CriteriaEditable = call.Status == OpenCallStatus.Draft;
    }
}
