using Microsoft.AspNetCore.Identity;

namespace Floke.Web.Core.Accounts;

/// <summary>A person with an account. Identity keeps the credentials; Floke adds the name and platform role.</summary>
public sealed class User : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsPlatformAdmin { get; set; }
    /// <summary>Set for accounts created with a one-time password: the first sign-in must choose a new one.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
