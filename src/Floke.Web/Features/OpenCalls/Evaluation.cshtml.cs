using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.OpenCalls;

/// <summary>The jury's table: every submitted proposal with its mean score per criterion and weighted total, best first;
/// after the deadline a leader of the owner awards the call here. Anyone else gets 404.</summary>
[Authorize]
public sealed class EvaluationModel(OpenCallQueries queries, OpenCallCommands commands, IStringLocalizer<SharedResource> l) : ActionPage
{
    public Evaluation Evaluation { get; private set; } = null!;
    [BindProperty] public int? ProposalId { get; set; }
    [BindProperty] public string? Rationale { get; set; }

    public IEnumerable<SelectListItem> AwardOptions => Evaluation.Proposals.Select(p =>
        new SelectListItem($"{p.Title} ({p.OrganizationName})", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<IActionResult> OnPostAwardAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.AwardAsync(id, ProposalId ?? 0, Rationale, ct), l["OpenCall.AwardedMessage"], ct);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var evaluation = await queries.EvaluationAsync(id, ct);
        Evaluation = evaluation!;
        return evaluation is not null;
    }
}
