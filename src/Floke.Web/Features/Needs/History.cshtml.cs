using Floke.Web.Core.Audit;

namespace Floke.Web.Features.Needs;

/// <summary>Who changed what in a need, and when. Seen by whoever may see the need.</summary>
public sealed class HistoryModel(NeedQueries queries, AuditQueries audit) : HistoryPage(audit)
{
    protected override string BasePath => "/needs";

    protected override string RootType => nameof(Need);

    protected override async Task<string?> FindTitleAsync(int id, CancellationToken ct) => (await queries.GetAsync(id, ct))?.Title;
}
