using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Core.Organizations;

/// <summary>An administrator's page: approve or decline requests to join, set roles, remove members.</summary>
[Authorize]
public sealed class MembersModel(MembershipCommands commands, OrganizationQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<MemberView> Members { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(int id, int membershipId, bool approve, MemberRole? role, CancellationToken ct)
    {
        var result = await commands.DecideAsync(id, membershipId, approve, role, ct);
        switch (result.Kind)
        {
            case ResultKind.Ok:
                Message = approve ? l["Member.Saved", result.Value!.DisplayName] : l["Member.Removed", result.Value!.DisplayName];
                return RedirectToPage(new { id });
            case ResultKind.NotFound:
                return NotFound();
            case ResultKind.Forbidden:
                return this.Deny();
        }
        ModelState.AddErrors(result, prefix: "");
        return await LoadAsync(id, ct);
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken ct)
    {
        var org = await queries.GetAsync(id, ct);
        if (org is null)
        {
            return NotFound();
        }
        var result = await commands.ListAsync(id, ct);
        if (result.Kind == ResultKind.Forbidden)
        {
            return this.Deny();
        }
        (Id, Name, Members) = (id, org.Name, result.Value!);
        return Page();
    }
}
