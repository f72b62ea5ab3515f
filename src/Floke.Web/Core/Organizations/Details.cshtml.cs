using Floke.Web.Features.Needs;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Core.Organizations;

/// <summary>An organisation's public page: facts, its published needs, and for signed-in people joining and managing.</summary>
public sealed class DetailsModel(OrganizationQueries queries, OrganizationCommands commands, MembershipCommands memberships,
    NeedQueries needs, IStringLocalizer<SharedResource> l) : PageModel
{
    public OrganizationView Organization { get; private set; } = null!;
    public MyRelation Relation { get; private set; } = null!;
    public IReadOnlyList<NeedSummary> Needs { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostJoinAsync(int id, CancellationToken ct) =>
        await RespondAsync(id, await memberships.RequestToJoinAsync(id, ct), l["Org.RequestSent"], ct);

    public async Task<IActionResult> OnPostVerifyAsync(int id, bool verified, CancellationToken ct) =>
        await RespondAsync(id, await commands.SetVerifiedAsync(id, verified, ct), verified ? l["Org.VerifiedMessage"] : l["Org.UnverifiedMessage"], ct);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var org = await queries.GetAsync(id, ct);
        if (org is null)
        {
            return false;
        }
        Organization = org;
        Relation = await queries.RelationAsync(id, ct);
        Needs = (await needs.ListAsync(new NeedFilter(Organization: id, PageSize: 10), ct)).Items;
        return true;
    }

    private async Task<IActionResult> RespondAsync<T>(int id, Result<T> result, string success, CancellationToken ct)
    {
        switch (result.Kind)
        {
            case ResultKind.Ok:
                Message = success;
                return RedirectToPage(new { id });
            case ResultKind.NotFound:
                return NotFound();
            case ResultKind.Forbidden:
                return this.Deny();
        }
        ModelState.AddErrors(result, prefix: "");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
