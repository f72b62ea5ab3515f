using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Core.Accounts;

/// <summary>The signed-in person's own page: their organisations and roles, and requests waiting for a decision.</summary>
[Authorize]
public sealed class IndexModel(FlokeDbContext db, CurrentUser user, Features.Adoptions.AdoptionQueries adoptions, Features.OpenCalls.OpenCallQueries calls) : PageModel
{
    public sealed record Row(int OrganizationId, string Name, MemberRole Role, MembershipStatus Status);

    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public IReadOnlyList<Row> Memberships { get; private set; } = [];
    /// <summary>Others' adoptions of the person's organisations' solutions, waiting for someone there to confirm them.</summary>
    public IReadOnlyList<Features.Adoptions.AdoptionSummary> AdoptionsToConfirm { get; private set; } = [];
    /// <summary>Open calls the person scores proposals for.</summary>
    public IReadOnlyList<Features.OpenCalls.JuryAssignment> Jury { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = user.UserId!;
        var me = await db.Users.AsNoTracking().FirstAsync(u => u.Id == id, ct);
        (Name, Email) = (me.DisplayName, me.Email ?? "");
        Memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == id && m.Status != MembershipStatus.Declined)
            .OrderBy(m => m.Organization!.Name)
            .Select(m => new Row(m.OrganizationId, m.Organization!.Name, m.Role, m.Status))
            .ToListAsync(ct);
        AdoptionsToConfirm = await adoptions.AwaitingConfirmationAsync(ct);
        Jury = await calls.JuryAssignmentsAsync(ct);
    }
}
