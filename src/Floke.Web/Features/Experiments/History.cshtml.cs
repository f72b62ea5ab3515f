using Floke.Web.Core.Audit;

namespace Floke.Web.Features.Experiments;

/// <summary>Who changed what in an experiment and its metrics, and when.</summary>
public sealed class HistoryModel(ExperimentQueries queries, AuditQueries audit) : HistoryPage(audit)
{
    protected override string BasePath => "/experiments";

    protected override string RootType => nameof(Experiment);

    protected override async Task<string?> FindTitleAsync(int id, CancellationToken ct) => (await queries.GetAsync(id, ct))?.Title;
}
