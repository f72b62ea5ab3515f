using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Infrastructure.Web;

public static class PageResults
{
    /// <summary>Puts a handler's field errors on the form's fields (Input.Title and so on), so each is shown beside its field.</summary>
    /// <param name="outsideInput">Fields that sit on the page model itself, not in Input (e.g. the owner chosen on a create page).</param>
    public static void AddErrors<T>(this ModelStateDictionary modelState, Result<T> result, string prefix = "Input", params string[] outsideInput)
    {
        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(string.IsNullOrEmpty(prefix) || outsideInput.Contains(field) ? field : $"{prefix}.{field}", message);
            }
        }
    }

    /// <summary>Refuses an action: a visitor is sent to sign in, a signed-in person without the right gets 403.</summary>
    public static IActionResult Deny(this PageModel page) =>
        page.User.Identity?.IsAuthenticated == true ? page.Forbid() : page.Challenge();
}
