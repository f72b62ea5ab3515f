using Floke.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Core.Accounts;

/// <summary>OWASP ASVS L2 (V2.1): at least 12 characters, at most 128, no composition rules, and not a common or
/// easily guessed password. "Easily guessed" is zxcvbn's estimate (its lists of common passwords, names, words and
/// keyboard patterns, plus the person's own email); a score below 3 means fewer than ~10^8 guesses.</summary>
public sealed class PasswordPolicy(IStringLocalizer<SharedResource> l) : IPasswordValidator<User>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;
    private const int MinScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        password ??= "";
        if (password.Length > MaxLength)
        {
            return Fail("PasswordTooLong", l["Password.TooLong", MaxLength]);
        }
        if (password.Length < MinLength)
        {
            // Identity's own length check says the same; this one keeps the message in the reader's language.
            return Task.FromResult(IdentityResult.Success);
        }
        var userInputs = new[] { user.Email, user.UserName, user.DisplayName }.Where(s => !string.IsNullOrEmpty(s)).Cast<string>();
        var result = global::Zxcvbn.Zxcvbn.MatchPassword(password, userInputs);
        return result.Score < MinScore ? Fail("PasswordTooCommon", l["Password.TooCommon"]) : Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Fail(string code, string message) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = message }));
}
