using System.Security.Cryptography;
using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Core.Accounts;

/// <summary>Creates platform administrators with a one-time password, so that no fixed default password exists.
/// From the command line: <c>admin create --email x@y.no</c>; or once at start-up from <c>Floke:Admin:Email</c>.</summary>
public static class AdminCommand
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var email = ArgValue(args, "--email");
        if (args.Length < 2 || args[1] != "create" || string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync("Usage: admin create --email <address> [--name \"Full Name\"]");
            return 2;
        }
        using var scope = services.CreateScope();
        var (ok, message) = await CreateAsync(scope.ServiceProvider, email, ArgValue(args, "--name") ?? email);
        await output.WriteLineAsync(message);
        return ok ? 0 : 1;
    }

    /// <summary>At start-up: creates the configured administrator if no platform administrator exists yet.</summary>
    public static async Task EnsureConfiguredAdminAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        var email = config["Floke:Admin:Email"];
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FlokeDbContext>();
        if (await db.Users.AnyAsync(u => u.IsPlatformAdmin))
        {
            return;
        }
        var (_, message) = await CreateAsync(scope.ServiceProvider, email, email);
        // The one-time password is shown once, to whoever reads the server log at first start, and must be changed at first sign-in.
        logger.LogWarning("{Message}", message);
    }

    private static async Task<(bool Ok, string Message)> CreateAsync(IServiceProvider sp, string email, string name)
    {
        var users = sp.GetRequiredService<UserManager<User>>();
        sp.GetRequiredService<FlokeDbContext>().ActorOverride = AuditActor.System;
        var password = OneTimePassword();
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new User { UserName = email, Email = email, DisplayName = name, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
            user.IsPlatformAdmin = true;
            user.MustChangePassword = true;
            result = await users.CreateAsync(user, password);
        }
        else
        {
            user.IsPlatformAdmin = true;
            user.MustChangePassword = true;
            result = await users.RemovePasswordAsync(user);
            result = result.Succeeded ? await users.AddPasswordAsync(user, password) : result;
        }
        return result.Succeeded
            ? (true, $"Platform administrator {email} is ready. One-time password (change it at first sign-in): {password}")
            : (false, "Could not create the administrator: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    // 20 characters from an alphabet without look-alikes: about 100 bits, far beyond any guessing.
    private static string OneTimePassword() =>
        RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    private static string? ArgValue(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
