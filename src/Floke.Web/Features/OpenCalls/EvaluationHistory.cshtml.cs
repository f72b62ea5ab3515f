using Floke.Web.Core.Audit;
using Microsoft.AspNetCore.Authorization;

namespace Floke.Web.Features.OpenCalls;

/// <summary>The evaluation's own record: who was put on or taken off the jury, and every score given or changed, with who
/// and when. Only the jury and the owner's leaders read it (anyone else gets 404), as they alone see the scores.</summary>
[Authorize]
public sealed class EvaluationHistoryModel(OpenCallQueries queries, AuditQueries audit) : HistoryPage(audit)
{
    protected override string BasePath => "/calls";

    public override string ObjectUrl => $"/calls/{Id}/evaluation";

    protected override string RootType => OpenCallRules.EvaluationAuditType;

    protected override async Task<string?> FindTitleAsync(int id, CancellationToken ct) => (await queries.EvaluationAsync(id, ct))?.Title;
}
