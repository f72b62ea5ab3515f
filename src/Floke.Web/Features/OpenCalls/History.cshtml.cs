using Floke.Web.Core.Audit;

namespace Floke.Web.Features.OpenCalls;

/// <summary>Who changed what in a call, and when. Seen by whoever may see the call; the jury and scores are not in it.</summary>
public sealed class HistoryModel(OpenCallQueries queries, AuditQueries audit) : HistoryPage(audit)
{
    protected override string BasePath => "/calls";

    protected override string RootType => nameof(OpenCall);

    protected override async Task<string?> FindTitleAsync(int id, CancellationToken ct) => (await queries.GetAsync(id, ct))?.Title;
}
