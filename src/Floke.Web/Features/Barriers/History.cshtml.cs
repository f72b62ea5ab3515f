using Floke.Web.Core.Audit;

namespace Floke.Web.Features.Barriers;

/// <summary>Who changed what in a barrier, and when.</summary>
public sealed class HistoryModel(BarrierQueries queries, AuditQueries audit) : HistoryPage(audit)
{
    protected override string BasePath => "/barriers";

    protected override string RootType => nameof(Barrier);

    protected override async Task<string?> FindTitleAsync(int id, CancellationToken ct) => (await queries.GetAsync(id, ct)) is { } b ? $"{b.Rule} {b.Section}".Trim() : null;
}
