using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.Barriers;

/// <summary>Reports a rule or practice that blocks an initiative; the responsible body is named by its organisation number.</summary>
[Authorize]
public sealed class ReportModel(BarrierCommands commands, InitiativeQueries initiatives, OrganizationQueries organizations, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class Form
    {
        public string? Rule { get; set; }
        public string? Section { get; set; }
        public BarrierKind? Kind { get; set; } = BarrierKind.Law;
        public string? Description { get; set; }
        public string? ResponsibleNumber { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int Initiative { get; set; }
    [BindProperty] public Form Input { get; set; } = new();
    public string InitiativeTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var initiative = await initiatives.GetAsync(Initiative, ct);
        if (initiative is null)
        {
            return NotFound();
        }
        InitiativeTitle = initiative.Title;
        return initiative.CanContribute ? Page() : this.Deny();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        InitiativeTitle = (await initiatives.GetAsync(Initiative, ct))?.Title ?? "";
        int? responsible = null;
        if (!string.IsNullOrWhiteSpace(Input.ResponsibleNumber))
        {
            responsible = await organizations.IdByNumberAsync(Input.ResponsibleNumber, ct);
            if (responsible is null)
            {
                ModelState.AddModelError("Input.ResponsibleNumber", l["Need.Owner.UnknownOrganization"]);
                return Page();
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await commands.ReportAsync(Initiative, new BarrierInput(Input.Rule, Input.Section, Input.Kind, Input.Description, responsible), ct);
        switch (result.Kind)
        {
            case Infrastructure.ResultKind.Ok:
                return Redirect($"/barriers/{result.Value}");
            case Infrastructure.ResultKind.Forbidden:
                return this.Deny();
        }
        ModelState.AddErrors(result);
        return Page();
    }
}
