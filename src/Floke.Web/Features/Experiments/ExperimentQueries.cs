using Floke.Web.Core.Accounts;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Experiments;

public sealed record MetricView(int Id, string Name, string? Unit, decimal? Baseline, decimal? Target, decimal? Result);

/// <summary>An experiment in a list.</summary>
public sealed record ExperimentSummary(int Id, string Title, int InitiativeId, string InitiativeTitle, ExperimentStatus Status,
    LegalBasis LegalBasis, ExperimentOutcome? Outcome, DateOnly? ActEndsOn, DateTimeOffset UpdatedAt);

/// <summary>An experiment with everything its page and the API show, and what the reader may do.</summary>
public sealed record ExperimentView(int Id, int InitiativeId, string InitiativeTitle, string Title, string Hypothesis, ExperimentDesign Design,
    DateOnly? StartDate, DateOnly? EndDate, string? Participants, LegalBasis LegalBasis, DateOnly? ActApprovedOn, string? ActMinistry,
    DateOnly? ActEndsOn, bool ActExtended, string? SandboxRegulator, DateOnly? SandboxAdmittedOn, string? SandboxExitReportUrl,
    string? ExemptionFromRule, ExperimentStatus Status, ExperimentOutcome? Outcome, string? Evidence, ExperimentDecision? Decision,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version, IReadOnlyList<MetricView> Metrics)
{
    public bool CanEdit { get; init; }
    /// <summary>Forsøksloven's end date is near (or passed) and the experiment is not concluded.</summary>
    public bool ActEndingSoon { get; init; }
}

public sealed record ExperimentFilter(ExperimentStatus? Status = null, ExperimentOutcome? Outcome = null, LegalBasis? LegalBasis = null,
    int? Initiative = null, string? Q = null, int Page = 1, int PageSize = Paging.DefaultPageSize);

public sealed class ExperimentQueries(FlokeDbContext db, CurrentUser user, TimeProvider clock, ListCounts counts)
{
    public const int MaxPageSize = 100;

    /// <summary>Experiments of the initiatives the reader may see, newest first.</summary>
    public async Task<Paged<ExperimentSummary>> ListAsync(ExperimentFilter f, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var list = ExperimentList.OfVisibleInitiative.For(db, orgIds)
            .Where(ExperimentList.Status, f.Status)
            .Where(ExperimentList.Outcome, f.Outcome)
            .Where(ExperimentList.Basis, f.LegalBasis)
            .Where(ExperimentList.Initiative, f.Initiative)
            .Where(ExperimentList.Text, Validation.Clean(f.Q) is { } q ? $"%{q.ToLowerInvariant()}%" : null);
        var (page, size) = Paging.Clamp(f.Page, f.PageSize, MaxPageSize);
        var total = await counts.CountAsync("experiments", f with { Page = 1, PageSize = 0 }, orgIds, list.Query, ct);
        var items = await list.Page(ExperimentList.NewestChange, page, size).ToListAsync(ct);
        return new Paged<ExperimentSummary>(items, page, size, total);
    }

    /// <summary>One experiment, or null where it does not exist or its initiative is another organisation's draft.</summary>
    public async Task<ExperimentView?> GetAsync(int id, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        var visible = db.Initiatives.VisibleTo(orgIds);
        var e = await db.Experiments.AsNoTracking().Include(x => x.Metrics.OrderBy(m => m.Id)).Include(x => x.Initiative).ThenInclude(i => i!.Partners)
            .Where(x => visible.Any(i => i.Id == x.InitiativeId)).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return null;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new ExperimentView(e.Id, e.InitiativeId, e.Initiative!.Title, e.Title, e.Hypothesis, e.Design, e.StartDate, e.EndDate, e.Participants,
            e.LegalBasis, e.ActApprovedOn, e.ActMinistry, e.ActEndsOn, e.ActExtended, e.SandboxRegulator, e.SandboxAdmittedOn, e.SandboxExitReportUrl,
            e.ExemptionFromRule, e.Status, e.Outcome, e.Evidence, e.Decision, e.CreatedAt, e.UpdatedAt, e.Version,
            e.Metrics.Select(m => new MetricView(m.Id, m.Name, m.Unit, m.Baseline, m.Target, m.Result)).ToList())
        {
            CanEdit = await InitiativeAccess.CanContributeAsync(e.Initiative, user, ct),
            ActEndingSoon = e.Status != ExperimentStatus.Concluded && e.ActEndsOn is { } end && end <= today.AddDays(ExperimentRules.ActWarningDays),
        };
    }
}
