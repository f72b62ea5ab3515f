using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Infrastructure.Web;

public static class PageResults
{
    /// <summary>Puts a handler's field errors on the form's fields (Input.Title and so on), so each is shown beside its field.</summary>
    /// <param name="outsideInput">Fields that sit on the page model itself, not in Input (e.g. the owner chosen on a create page).</param>
    public static void AddErrors<T>(this ModelStateDictionary modelState, Result<T> result, string prefix = "Input", params string[] outsideInput) =>
        modelState.AddErrors(result, field => string.IsNullOrEmpty(prefix) || outsideInput.Contains(field) ? field : $"{prefix}.{field}");

    /// <summary>The same, for a form whose fields are not named as the handler's (e.g. an organisation typed as its number):
    /// <paramref name="renames"/> maps a handler field to its form field ("" for the summary only); the rest go to Input.Field.</summary>
    public static void AddErrors<T>(this ModelStateDictionary modelState, Result<T> result, IReadOnlyDictionary<string, string> renames) =>
        modelState.AddErrors(result, field => renames.TryGetValue(field, out var key) ? key : $"Input.{field}");

    private static void AddErrors<T>(this ModelStateDictionary modelState, Result<T> result, Func<string, string> key)
    {
        foreach (var (field, messages) in result.Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(key(field), message);
            }
        }
    }

    /// <summary>Refuses an action: a visitor is sent to sign in, a signed-in person without the right gets 403.</summary>
    public static IActionResult Deny(this PageModel page) =>
        page.User.Identity?.IsAuthenticated == true ? page.Forbid() : page.Challenge();
}
