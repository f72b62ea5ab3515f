using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Initiatives;

/// <summary>Starts an initiative at the idea stage, as a draft for one of the writer's organisations.</summary>
[Authorize]
public sealed class CreateModel(InitiativeCommands commands, InitiativeQueries queries, OrganizationQueries organizations) : PageModel, IInitiativeFormPage
{
    [BindProperty] public InitiativeForm Input { get; set; } = new();
    [BindProperty] public int OwnerOrganizationId { get; set; }
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];
    public IReadOnlyList<ServedNeed> NeedChoices { get; private set; } = [];

    /// <summary>The form can start from a need: /initiatives/new?need=12 ticks it.</summary>
    public async Task OnGetAsync(int? need, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (need is { } needId && NeedChoices.Any(n => n.Id == needId))
        {
            Input.NeedIds.Add(needId);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.CreateAsync(OwnerOrganizationId, Input.ToInput(), ct);
        if (result.IsOk)
        {
            return Redirect($"/initiatives/{result.Value}");
        }
        ModelState.AddErrors(result, outsideInput: nameof(OwnerOrganizationId));
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Organizations = await organizations.MineAsync(ct);
        NeedChoices = await queries.NeedChoicesAsync([], ct);
    }
}
