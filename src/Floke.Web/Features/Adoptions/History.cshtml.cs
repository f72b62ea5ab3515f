using Floke.Web.Core.Audit;

namespace Floke.Web.Features.Adoptions;

/// <summary>Who changed what in an adoption, and when.</summary>
public sealed class HistoryModel(AdoptionQueries queries, AuditQueries audit) : HistoryPage(audit)
{
    protected override string BasePath => "/adoptions";

    protected override string RootType => nameof(Adoption);

    protected override async Task<string?> FindTitleAsync(int id, CancellationToken ct) =>
        (await queries.GetAsync(id, ct)) is { } a ? $"{a.Adoption.AdopterName} – {a.Adoption.InitiativeTitle}" : null;
}
