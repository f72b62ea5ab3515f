using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Floke.Web.Core.Accounts;

/// <summary>Identity's user manager, with two rules added: every account has a display name (API registration asks only
/// for email and password, so the part before @ stands in), and choosing a new password (on the page or through
/// /api/v1/account/manage/info) ends the duty to replace a one-time password.</summary>
public sealed class FlokeUserManager(
    IUserStore<User> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<User> passwordHasher,
    IEnumerable<IUserValidator<User>> userValidators,
    IEnumerable<IPasswordValidator<User>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<User>> logger)
    : UserManager<User>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override Task<IdentityResult> CreateAsync(User user, string password)
    {
        if (string.IsNullOrWhiteSpace(user.DisplayName))
        {
            user.DisplayName = (user.Email ?? user.UserName ?? "").Split('@')[0];
        }
        if (user.CreatedAt == default)
        {
            user.CreatedAt = DateTimeOffset.UtcNow;
        }
        return base.CreateAsync(user, password);
    }

    public override async Task<IdentityResult> ChangePasswordAsync(User user, string currentPassword, string newPassword)
    {
        var result = await base.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Succeeded && user.MustChangePassword)
        {
            user.MustChangePassword = false;
            result = await UpdateAsync(user);
        }
        return result;
    }
}
