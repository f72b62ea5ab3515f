using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Infrastructure.Web;

/// <summary>What every edit page does with a save's result: go on when saved, show the other person's change on a
/// conflict (keeping what this person typed), and put field errors beside their fields.</summary>
public abstract class EditPage : PageModel
{
    [BindProperty] public int Version { get; set; }
    public string? Conflict { get; private set; }

    protected async Task<IActionResult> AfterSaveAsync(Result<int> result, string savedUrl, Func<Task<int?>> currentVersion)
    {
        switch (result.Kind)
        {
            case ResultKind.Ok:
                return Redirect(savedUrl);
            case ResultKind.NotFound:
                return NotFound();
            case ResultKind.Forbidden:
                return this.Deny();
            case ResultKind.Conflict:
                Conflict = result.Detail;
                // The next save is made against the version now stored, so that saving again is a deliberate choice.
                Version = await currentVersion() ?? Version;
                ModelState.Remove(nameof(Version));
                return Page();
            default:
                ModelState.AddErrors(result);
                return Page();
        }
    }
}
