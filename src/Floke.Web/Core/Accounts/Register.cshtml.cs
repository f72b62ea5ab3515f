using Floke.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Core.Accounts;

/// <summary>Creates an account with email and password and signs the person in.</summary>
public sealed class RegisterModel(UserManager<User> users, SignInManager<User> signIn, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class Form
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Input.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            ModelState.AddModelError("Input.DisplayName", l["Account.Name.Required"]);
        }
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", l["Account.Email.Invalid"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email!.Trim();
        var user = new User { UserName = email, Email = email, DisplayName = name!, CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(user, Input.Password ?? "");
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                var field = e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email";
                ModelState.AddModelError(field, e.Description);
            }
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/account");
    }
}
