using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Core.Accounts;

/// <summary>Changes the password; required after signing in with a one-time password.</summary>
[Authorize]
public sealed class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn) : PageModel
{
    public sealed class Form
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public bool MustChange { get; private set; }

    public async Task OnGetAsync() => MustChange = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        MustChange = user.MustChangePassword;
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword ?? "", Input.NewPassword ?? "");
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", e.Description);
            }
            return Page();
        }
        // A new security stamp came with the change; a fresh cookie keeps this session and ends every other one.
        await signIn.RefreshSignInAsync(user);
        return Redirect("/account");
    }
}
