using Floke.Web.Infrastructure.Web;
using Floke.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Floke.Web.Features.OpenCalls.Proposals;

/// <summary>One proposal: its authors edit, submit or withdraw it before the deadline; after it, each jury member scores it
/// here on every criterion. Anyone who may not see it gets 404.</summary>
public sealed class DetailsModel(OpenCallQueries queries, ProposalCommands commands, IStringLocalizer<SharedResource> l) : ActionPage
{
    public ProposalView Proposal { get; private set; } = null!;
    [BindProperty] public List<ScoreRow> Scores { get; set; } = [];

    public IEnumerable<SelectListItem> ScoreOptions => Enumerable.Range(0, OpenCallRules.MaxScore + 1)
        .Select(n => new SelectListItem(n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.SubmitAsync(id, ct), l["Proposal.SubmittedMessage"], ct);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.WithdrawAsync(id, ct), l["Proposal.WithdrawnMessage"], ct);

    public async Task<IActionResult> OnPostScoreAsync(int id, CancellationToken ct) =>
        await AfterActionAsync(id, await commands.ScoreAsync(id, [.. Scores.Select(s => new ScoreInput(s.CriterionId, s.Score, s.Comment))], ct),
            l["Proposal.ScoredMessage"], ct);

    protected override async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var proposal = await queries.GetProposalAsync(id, ct);
        Proposal = proposal!;
        if (proposal is not null && Scores.Count == 0)
        {
            Scores = [.. proposal.Criteria.Select(c => proposal.MyScores.FirstOrDefault(s => s.CriterionId == c.Id) is { } s
                ? new ScoreRow { CriterionId = c.Id, Score = s.Score, Comment = s.Comment }
                : new ScoreRow { CriterionId = c.Id })];
        }
        return proposal is not null;
    }
}

public sealed class ScoreRow
{
    public int CriterionId { get; set; }
    public int? Score { get; set; }
    public string? Comment { get; set; }
}
