using Floke.Web.Core.Organizations;
using Floke.Web.Features.Needs;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.OpenCalls;

/// <summary>Writes a new open call as a draft for one of the writer's public bodies; from a need's page it answers that need.</summary>
[Authorize]
public sealed class CreateModel(OpenCallCommands commands, OrganizationQueries organizations, NeedQueries needs) : PageModel, IOpenCallFormPage
{
    [BindProperty] public OpenCallForm Input { get; set; } = new();
    [BindProperty] public int OwnerOrganizationId { get; set; }
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];
    public string? NeedTitle { get; private set; }
    public bool CriteriaEditable => true;

    public async Task OnGetAsync(int? need, CancellationToken ct)
    {
        Input.NeedId = need;
        Input.WithRows();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Input.WithRows();
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.CreateAsync(OwnerOrganizationId, Input.ToInput(), ct);
        if (result.IsOk)
        {
            return Redirect($"/calls/{result.Value}");
        }
        ModelState.AddErrors(result, outsideInput: nameof(OwnerOrganizationId));
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Organizations = await organizations.MineAsync(ct, OpenCallAccess.MayOwnCalls);
        if (Input.NeedId is { } needId)
        {
            NeedTitle = (await needs.GetAsync(needId, ct))?.Title;
            Input.NeedId = NeedTitle is null ? null : needId;
        }
    }
}
