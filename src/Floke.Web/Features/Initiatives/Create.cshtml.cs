using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Initiatives;

/// <summary>Starts an initiative at the idea stage, as a draft for one of the writer's organisations.</summary>
[Authorize]
public sealed class CreateModel(InitiativeCommands commands, InitiativeQueries queries, OrganizationQueries organizations, Search.SearchQueries search)
    : PageModel, IInitiativeFormPage
{
    [BindProperty] public InitiativeForm Input { get; set; } = new();
    [BindProperty] public int OwnerOrganizationId { get; set; }
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];
    public IReadOnlyList<ServedNeed> NeedChoices { get; private set; } = [];
    public IReadOnlyList<Search.SimilarItem>? Similar { get; private set; }
    public Search.SimilarPanel SimilarPanel => new("initiative", "Input_Title", "Input_Summary", Similar);

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

    /// <summary>"Has anyone done this before?" without JavaScript: shows the similar items and keeps everything typed.</summary>
    public async Task<IActionResult> OnPostSimilarAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        ModelState.Clear();
        Similar = await search.SimilarAsync(Input.Title, Input.Summary, Search.SimilarPanel.KindsFor("initiative"), ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Organizations = await organizations.MineAsync(ct);
        NeedChoices = await queries.NeedChoicesAsync([], ct);
    }
}
