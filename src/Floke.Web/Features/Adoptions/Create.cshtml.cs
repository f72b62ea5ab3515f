using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Adoptions;

/// <summary>Records that one of the reader's organisations takes up a published initiative's solution.</summary>
[Authorize]
public sealed class CreateModel(AdoptionCommands commands, InitiativeQueries initiatives, OrganizationQueries organizations) : PageModel, IAdoptionFormPage
{
    [BindProperty(SupportsGet = true)] public int Initiative { get; set; }
    [BindProperty] public int? AdopterOrganizationId { get; set; }
    [BindProperty] public AdoptionForm Input { get; set; } = new();
    public string InitiativeTitle { get; private set; } = "";
    public IReadOnlyList<(int Id, string Name)> Mine { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.CreateAsync(Initiative, AdopterOrganizationId ?? 0, Input.ToInput(), ct);
        switch (result.Kind)
        {
            case ResultKind.Ok:
                return Redirect($"/adoptions/{result.Value}");
            case ResultKind.Forbidden:
                return this.Deny();
        }
        ModelState.AddErrors(result, "Input", "InitiativeId", nameof(AdopterOrganizationId));
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var initiative = await initiatives.GetAsync(Initiative, ct);
        if (initiative is null || initiative.Visibility != InitiativeVisibility.Published)
        {
            return false;
        }
        InitiativeTitle = initiative.Title;
        Mine = [.. (await organizations.MineAsync(ct)).Where(o => o.Id != initiative.OwnerOrganizationId)];
        AdopterOrganizationId ??= Mine.FirstOrDefault().Id;
        return true;
    }
}
