using Floke.Web.Core.Audit;

namespace Floke.Web.Features.OpenCalls.Proposals;

/// <summary>Who changed what in a proposal, and when; seen by whoever may see the proposal (scores are not in it).</summary>
public sealed class HistoryModel(OpenCallQueries queries, AuditQueries audit) : HistoryPage(audit)
{
    protected override string BasePath => "/proposals";

    protected override string RootType => nameof(Proposal);

    protected override async Task<string?> FindTitleAsync(int id, CancellationToken ct) => (await queries.GetProposalAsync(id, ct))?.Title;
}
