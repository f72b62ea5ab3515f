using Floke.Web.Core.Audit;
using Floke.Web.Infrastructure;

namespace Floke.Web.Core.Organizations;

/// <summary>Who changed what in an organisation, and when; members also see the changes to memberships.</summary>
public sealed class HistoryModel(OrganizationQueries queries, AuditQueries audit) : HistoryPage(audit)
{
    protected override string BasePath => "/organizations";

    protected override string RootType => nameof(Organization);

    protected override async Task<string?> FindTitleAsync(int id, CancellationToken ct) => (await queries.GetAsync(id, ct))?.Name;

    protected override Task<Paged<HistoryItem>> LoadAsync(int id, int page, CancellationToken ct) => queries.HistoryAsync(id, page, Paging.DefaultPageSize, ct);
}
