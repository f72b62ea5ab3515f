using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Floke.Web.Features.Experiments;

/// <summary>Plans an experiment in an initiative (the owner's and accepted partners' members).</summary>
[Authorize]
public sealed class CreateModel(ExperimentCommands commands, InitiativeQueries initiatives) : PageModel, IExperimentFormPage
{
    [BindProperty(SupportsGet = true)] public int Initiative { get; set; }
    [BindProperty] public ExperimentForm Input { get; set; } = new();
    public string InitiativeTitle { get; private set; } = "";
    public bool ShowResults => false;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var initiative = await initiatives.GetAsync(Initiative, ct);
        if (initiative is null)
        {
            return NotFound();
        }
        if (!initiative.CanContribute)
        {
            return this.Deny();
        }
        InitiativeTitle = initiative.Title;
        Input.WithSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        InitiativeTitle = (await initiatives.GetAsync(Initiative, ct))?.Title ?? "";
        if (ModelState.IsValid)
        {
            var result = await commands.CreateAsync(Initiative, Input.ToInput(), ct);
            switch (result.Kind)
            {
                case Infrastructure.ResultKind.Ok:
                    return Redirect($"/experiments/{result.Value}");
                case Infrastructure.ResultKind.Forbidden:
                    return this.Deny();
            }
            ModelState.AddErrors(result);
        }
        Input.WithSpareRows();
        return Page();
    }
}
