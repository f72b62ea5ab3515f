using Floke.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Core.Accounts;

/// <summary>Signs in with email and password. Repeated failures lock the account for a while (Identity lockout).
/// A successful sign-in issues a fresh authentication cookie, so no session id from before sign-in survives it.</summary>
public sealed class LoginModel(SignInManager<User> signIn, UserManager<User> users, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class Form
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Input.Email?.Trim() ?? "";
        var result = await signIn.PasswordSignInAsync(email, Input.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", l["Account.LockedOut"]);
            return Page();
        }
        if (!result.Succeeded)
        {
            // The same message whether the email exists or not, so the form does not reveal who has an account.
            ModelState.AddModelError("Input.Email", l["Account.LoginFailed"]);
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        if (user?.MustChangePassword == true)
        {
            return Redirect("/account/password");
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account");
    }
}
