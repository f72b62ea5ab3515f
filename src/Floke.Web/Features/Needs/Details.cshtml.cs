using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Data;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Needs;

/// <summary>One need; its owners manage it here: publish, archive, invite co-owners; invited leaders answer.</summary>
public sealed class DetailsModel(NeedQueries queries, NeedCommands commands, FlokeDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public NeedView Need { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    [BindProperty] public string? InviteNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(int id, NeedStatus status, CancellationToken ct)
    {
        var result = await commands.SetStatusAsync(id, status, ct);
        return await RespondAsync(id, result, l[$"Need.Status.Changed.{status}"], "", ct);
    }

    public async Task<IActionResult> OnPostInviteAsync(int id, CancellationToken ct)
    {
        var number = OrganizationNumber.Normalize(InviteNumber);
        var orgId = await db.Organizations.Where(o => o.OrganizationNumber == number).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        var result = orgId is null
            ? Infrastructure.Result<bool>.Invalid(nameof(InviteNumber), l["Need.Owner.UnknownOrganization"])
            : await commands.InviteOwnerAsync(id, orgId.Value, ct);
        return await RespondAsync(id, result, l["Need.Owner.InvitedMessage"], "", ct, rename: (nameof(NeedsApi.OwnerRequest.OrganizationId), nameof(InviteNumber)));
    }

    public async Task<IActionResult> OnPostAnswerAsync(int id, int organizationId, bool accept, CancellationToken ct)
    {
        var result = await commands.AnswerInvitationAsync(id, organizationId, accept, ct);
        return await RespondAsync(id, result, accept ? l["Need.Owner.AcceptedMessage"] : l["Need.Owner.DeclinedMessage"], "", ct);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var need = await queries.GetAsync(id, ct);
        Need = need!;
        return need is not null;
    }

    private async Task<IActionResult> RespondAsync<T>(int id, Infrastructure.Result<T> result, string success, string prefix, CancellationToken ct,
        (string From, string To)? rename = null)
    {
        switch (result.Kind)
        {
            case Infrastructure.ResultKind.Ok:
                Message = success;
                return RedirectToPage(new { id });
            case Infrastructure.ResultKind.NotFound:
                return NotFound();
            case Infrastructure.ResultKind.Forbidden:
                return this.Deny();
        }
        foreach (var (field, messages) in result.Errors)
        {
            var key = rename is { } r && r.From == field ? r.To : prefix + field;
            foreach (var m in messages)
            {
                ModelState.AddModelError(key, m);
            }
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
