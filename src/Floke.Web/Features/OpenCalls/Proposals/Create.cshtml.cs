using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.OpenCalls.Proposals;

/// <summary>Answers an open call with a proposal, saved as a draft of one of the writer's organisations.</summary>
[Authorize]
public sealed class CreateModel(ProposalCommands commands, OpenCallQueries queries, OrganizationQueries organizations) : PageModel, IProposalFormPage
{
    [BindProperty] public ProposalForm Input { get; set; } = new();
    [BindProperty] public int OrganizationId { get; set; }
    public OpenCallView Call { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.CreateAsync(id, OrganizationId, Input.ToInput(), ct);
        switch (result.Kind)
        {
            case Infrastructure.ResultKind.Ok:
                return Redirect($"/proposals/{result.Value}");
            case Infrastructure.ResultKind.NotFound:
                return NotFound();
            case Infrastructure.ResultKind.Forbidden:
                return this.Deny();
        }
        ModelState.AddErrors(result, outsideInput: [nameof(OrganizationId), "OpenCallId"]);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } call)
        {
            return false;
        }
        Call = call;
        Organizations = [.. (await organizations.MineAsync(ct)).Where(o => o.Id != call.OwnerOrganizationId)];
        return true;
    }
}
