using Floke.Web.Core.Audit;

namespace Floke.Web.Features.Initiatives;

/// <summary>Who changed what in an initiative, its partners, gate decisions, milestones and lessons. Seen by whoever may see the initiative.</summary>
public sealed class HistoryModel(InitiativeQueries queries, AuditQueries audit) : HistoryPage(audit)
{
    protected override string BasePath => "/initiatives";

    protected override string RootType => nameof(Initiative);

    protected override async Task<string?> FindTitleAsync(int id, CancellationToken ct) => (await queries.GetAsync(id, ct))?.Title;
}
