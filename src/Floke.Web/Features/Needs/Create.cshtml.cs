using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Needs;

/// <summary>Writes a new need as a draft for one of the writer's organisations.</summary>
[Authorize]
public sealed class CreateModel(NeedCommands commands, OrganizationQueries organizations, Search.SearchQueries search) : PageModel, INeedFormPage
{
    [BindProperty] public NeedForm Input { get; set; } = new();
    [BindProperty] public int OwnerOrganizationId { get; set; }
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];
    public IReadOnlyList<Search.SimilarItem>? Similar { get; private set; }
    public Search.SimilarPanel SimilarPanel => new("need", "Input_Title", "Input_UserExperience", Similar);

    public async Task OnGetAsync(CancellationToken ct) => Organizations = await organizations.MineAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Organizations = await organizations.MineAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.CreateAsync(OwnerOrganizationId, Input.ToInput(), ct);
        if (result.IsOk)
        {
            return Redirect($"/needs/{result.Value}");
        }
        ModelState.AddErrors(result, outsideInput: nameof(OwnerOrganizationId));
        return Page();
    }

    /// <summary>"Has anyone done this before?" without JavaScript: shows the similar items and keeps everything typed.</summary>
    public async Task<IActionResult> OnPostSimilarAsync(CancellationToken ct)
    {
        Organizations = await organizations.MineAsync(ct);
        ModelState.Clear();
        Similar = await search.SimilarAsync(Input.Title, Input.UserExperience, Search.SimilarPanel.KindsFor("need"), ct);
        return Page();
    }
}
