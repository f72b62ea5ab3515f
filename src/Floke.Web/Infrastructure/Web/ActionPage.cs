using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Infrastructure.Web;

/// <summary>A details page whose small forms (publish, invite, answer…) each call one handler. After an action it
/// redirects with a confirmation, or shows the page again with the errors beside the form that caused them.</summary>
public abstract class ActionPage : PageModel
{
    [TempData] public string? Message { get; set; }

    /// <summary>Loads what the page shows; false when it does not exist for this reader.</summary>
    protected abstract Task<bool> LoadAsync(int id, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <param name="prefix">The form's field prefix, e.g. "Invite." for fields named Invite.OrganizationNumber.</param>
    /// <param name="rename">A handler field whose form field has another name.</param>
    protected async Task<IActionResult> AfterActionAsync<T>(int id, Result<T> result, string success, CancellationToken ct,
        string prefix = "", (string From, string To)? rename = null)
    {
        switch (result.Kind)
        {
            case ResultKind.Ok:
                Message = success;
                return RedirectToPage(new { id });
            case ResultKind.NotFound:
                return NotFound();
            case ResultKind.Forbidden:
                return this.Deny();
            case ResultKind.Conflict:
                ModelState.AddModelError("", result.Detail ?? "");
                break;
        }
        foreach (var (field, messages) in result.Errors)
        {
            var key = rename is { } r && r.From == field ? r.To : prefix + field;
            foreach (var m in messages)
            {
                ModelState.AddModelError(key, m);
            }
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
