using Floke.Web.Core.Audit;

namespace Floke.Web.Features.Benefits;

/// <summary>Who changed what in a benefit and its measurements, and when.</summary>
public sealed class HistoryModel(BenefitQueries queries, AuditQueries audit) : HistoryPage(audit)
{
    protected override string BasePath => "/benefits";

    protected override string RootType => nameof(Benefit);

    protected override async Task<string?> FindTitleAsync(int id, CancellationToken ct) => (await queries.SummaryAsync(id, ct))?.Description;
}
