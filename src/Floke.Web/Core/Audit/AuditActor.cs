using System.Security.Claims;

namespace Floke.Web.Core.Audit;

/// <summary>Who is making a change, as the audit trail records it: the person's display name, not their email,
/// since the history of public objects is public.</summary>
public sealed record AuditActor(string? UserId, string? Name)
{
    public static readonly AuditActor System = new(null, "system");

    public static AuditActor From(ClaimsPrincipal? principal)
    {
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null ? System : new AuditActor(id, principal!.FindFirstValue(Accounts.FlokeClaimsFactory.DisplayName) ?? principal!.FindFirstValue(ClaimTypes.Name));
    }
}
