using Floke.Web.Core.Accounts;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Benefits;

public sealed record MeasurementView(int Id, DateOnly Date, decimal? Value, string? Source, string? Note, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>A benefit as lists show it: what, where it lands, and how far it has come.</summary>
public sealed record BenefitSummary(int Id, int InitiativeId, int? AdoptionId, string Description, BenefitKind Kind, string? Unit, BenefitDirection Direction,
    bool IsDisbenefit, decimal? BaselineValue, DateOnly? BaselineDate, decimal? TargetValue, DateOnly? TargetDate, int? BeneficiaryOrganizationId,
    string? BeneficiaryName, BeneficiaryGroup? BeneficiaryGroup, decimal? LatestValue, DateOnly? LatestDate, decimal? RealisedValue, int MeasurementCount,
    RealisationStatus Status)
{
    public decimal? PlannedValue => BenefitRules.Improvement(BaselineValue, TargetValue, Direction);
}

/// <summary>What recording a measurement answers: the measurement, and where the benefit stands now — not its whole history,
/// which a benefit measured daily for years would send back with every new value.</summary>
public sealed record MeasurementRecorded(MeasurementView Measurement, BenefitSummary Benefit);

/// <summary>One benefit. <see cref="Measurements"/> is one page of them, newest first (a benefit measured daily for years has
/// thousands): the rest are at /api/v1/benefits/{id}/measurements and all of them in the CSV download.</summary>
public sealed record BenefitView(BenefitSummary Benefit, string InitiativeTitle, int OwnerOrganizationId, string OwnerName, int? AdopterOrganizationId,
    string? AdopterName, string? ResponsibleName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version, Paged<MeasurementView> Measurements)
{
    public bool CanEdit { get; init; }
    public bool CanMeasure { get; init; }
}

public sealed record InvestmentView(int Id, int InitiativeId, int OrganizationId, string OrganizationName, int Year, decimal? AmountNok, decimal? PersonHours,
    string? Note, int Version);

public sealed record ServedNeedLink(int Id, string Title);

/// <summary>An initiative's benefit map: needs → initiative → benefits → who gains, with what each organisation put in.</summary>
public sealed record BenefitMap(int InitiativeId, string Title, int OwnerOrganizationId, string OwnerName, IReadOnlyList<ServedNeedLink> Needs,
    IReadOnlyList<BenefitSummary> Benefits, IReadOnlyList<InvestmentView> Investments)
{
    public bool CanEdit { get; init; }
    public bool CanContribute { get; init; }
    public decimal InvestedNok => Investments.Sum(i => i.AmountNok ?? 0);
    public decimal InvestedHours => Investments.Sum(i => i.PersonHours ?? 0);
}

/// <summary>What one organisation put in and got out: money and hours, each summed only with its own kind.</summary>
public sealed record OrganizationGains(decimal InvestedNok, decimal InvestedHours, decimal OwnGainsNok, decimal OwnGainsHours,
    decimal GainsFromOthersNok, decimal GainsFromOthersHours, int BenefitsLandingHere);

public sealed class BenefitQueries(FlokeDbContext db, CurrentUser user, TimeProvider clock, ListCounts counts)
{
    public DateOnly Today => Formatting.Day(clock.GetUtcNow());

    private async Task<IQueryable<Benefit>> VisibleAsync(CancellationToken ct) =>
        db.Benefits.AsNoTracking().VisibleTo(db, await user.OrganizationIdsAsync(ct));

    private static IQueryable<BenefitSummary> Summaries(IQueryable<Benefit> benefits, DateOnly today) => benefits.Select(b => new BenefitSummary(
        b.Id, b.InitiativeId, b.AdoptionId, b.Description, b.Kind, b.Unit, b.Direction, b.IsDisbenefit, b.BaselineValue, b.BaselineDate, b.TargetValue,
        b.TargetDate, b.BeneficiaryOrganizationId, b.BeneficiaryOrganization!.Name, b.BeneficiaryGroup, b.LatestValue, b.LatestDate, b.RealisedValue,
        b.MeasurementCount, BenefitRules.Status(b.Kind, b.IsDisbenefit, b.Direction, b.BaselineValue, b.BaselineDate, b.TargetValue, b.TargetDate,
            b.LatestValue, b.LatestDate, today)));

    /// <summary>A benefit the reader may see, with page <paramref name="measurementPage"/> of its measurements; null when not visible.</summary>
    public async Task<BenefitView?> GetAsync(int id, CancellationToken ct, int measurementPage = 1, int measurementPageSize = Paging.DefaultPageSize)
    {
        var today = Today;
        var row = await (await VisibleAsync(ct)).Where(b => b.Id == id).Select(b => new
        {
            b.InitiativeId, InitiativeTitle = b.Initiative!.Title, b.Initiative.OwnerOrganizationId, OwnerName = b.Initiative.OwnerOrganization!.Name,
            AdopterId = (int?)b.Adoption!.AdopterOrganizationId, AdopterName = b.Adoption.AdopterOrganization!.Name, b.ResponsibleName, b.CreatedAt,
            b.UpdatedAt, b.Version, b.BeneficiaryOrganizationId,
        }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var summary = await Summaries((await VisibleAsync(ct)).Where(b => b.Id == id), today).FirstAsync(ct);
        var measurements = await MeasurementPageAsync(id, summary.MeasurementCount, measurementPage, measurementPageSize, ct);
        var roles = await user.RolesAsync(ct);

        return new BenefitView(summary, row.InitiativeTitle, row.OwnerOrganizationId, row.OwnerName, row.AdopterId, row.AdopterName, row.ResponsibleName,
            row.CreatedAt, row.UpdatedAt, row.Version, measurements)
        {
            CanEdit = BenefitAccess.CanEdit(roles, row.OwnerOrganizationId, row.AdopterId),
            CanMeasure = BenefitAccess.CanMeasure(roles, row.OwnerOrganizationId, row.AdopterId, row.BeneficiaryOrganizationId),
        };
    }

    /// <summary>One page of a visible benefit's measurements, newest first; null when the benefit is not visible.</summary>
    public async Task<Paged<MeasurementView>?> MeasurementsAsync(int id, int page, int pageSize, CancellationToken ct) =>
        await SummaryAsync(id, ct) is { } summary ? await MeasurementPageAsync(id, summary.MeasurementCount, page, pageSize, ct) : null;

    /// <summary>Every measurement of a visible benefit, oldest first (for the CSV download); null when not visible.</summary>
    public async Task<List<MeasurementView>?> AllMeasurementsAsync(int id, CancellationToken ct) =>
        await SummaryAsync(id, ct) is null ? null : await Views(db.Measurements.AsNoTracking().Where(m => m.BenefitId == id).OldestFirst())
            .ToListAsync(ct);

    /// <summary>What the chart of a benefit the caller has already been shown draws; null where it has no chart. A long
    /// series is thinned in the database (<see cref="BenefitChart.StretchEnds"/>): a handful of index seeks, however many
    /// measurements it has.</summary>
    public async Task<BenefitChart.Series?> ChartSeriesAsync(BenefitSummary benefit, CancellationToken ct)
    {
        if (!BenefitChart.CanDraw(benefit))
        {
            return null;
        }
        var id = benefit.Id;
        var values = db.Measurements.AsNoTracking().Where(m => m.BenefitId == id && m.Value != null);
        if (benefit.MeasurementCount <= BenefitChart.MaxPoints)
        {
            return BenefitChart.Series.Whole(await values.OldestFirst()
                .Select(m => new BenefitChart.Reading(m.Date, m.Value!.Value)).ToListAsync(ct));
        }
        // Each a single MIN or MAX over an index, which both databases answer by one seek.
        var bounds = await db.Benefits.Where(b => b.Id == id).Select(b => new
        {
            First = b.Measurements.Where(m => m.Value != null).Min(m => (DateOnly?)m.Date),
            Last = b.Measurements.Where(m => m.Value != null).Max(m => (DateOnly?)m.Date),
            Low = b.Measurements.Where(m => m.Value != null).Min(m => m.Value),
            High = b.Measurements.Where(m => m.Value != null).Max(m => m.Value),
        }).SingleAsync(ct);
        var (firstDay, lastDay) = BenefitChart.Axis(benefit, bounds.First, bounds.Last);
        var ends = BenefitChart.StretchEnds(firstDay, lastDay);
        // The latest value before each stretch's end, by key; for an empty stretch that is an earlier one's, read once.
        // NewestFirst written out: inside the subquery EF Core cannot call it. EF.Parameter: EF Core 10 would otherwise try
        // to run the subquery here (dotnet/efcore#38287, fixed in 11).
        var drawn = await values.Where(m => EF.Parameter(ends).Select(end => db.Measurements.Where(x => x.BenefitId == id && x.Value != null && x.Date < end)
                .OrderByDescending(x => x.Date).ThenByDescending(x => x.RecordedAt).ThenByDescending(x => x.Id).Select(x => x.Id).FirstOrDefault())
                .Contains(m.Id))
            .OldestFirst()
            .Select(m => new BenefitChart.Reading(m.Date, m.Value!.Value)).ToListAsync(ct);
        return new BenefitChart.Series(drawn, bounds.First, bounds.Last, bounds.Low, bounds.High);
    }

    // The benefit keeps its measurement count, so a page needs no count query.
    private async Task<Paged<MeasurementView>> MeasurementPageAsync(int id, int total, int page, int pageSize, CancellationToken ct)
    {
        var (p, size) = Paging.Clamp(page, pageSize, BenefitFilter.MaxPageSize);
        var items = await Views(db.Measurements.AsNoTracking().Where(m => m.BenefitId == id).NewestFirst()
            .Page(p, size)).ToListAsync(ct);
        return new Paged<MeasurementView>(items, p, size, total);
    }

    private static IQueryable<MeasurementView> Views(IQueryable<Measurement> measurements) =>
        measurements.Select(m => new MeasurementView(m.Id, m.Date, m.Value, m.Source, m.Note, m.RecordedBy, m.RecordedAt));

    /// <summary>Where a benefit the reader may see stands, without its measurements; null when not visible.</summary>
    public async Task<BenefitSummary?> SummaryAsync(int id, CancellationToken ct) =>
        await Summaries((await VisibleAsync(ct)).Where(b => b.Id == id), Today).FirstOrDefaultAsync(ct);

    /// <summary>One measurement of a benefit the reader may see, with the benefit as it stands; null when either is not there.</summary>
    public async Task<MeasurementRecorded?> RecordedAsync(int benefitId, int measurementId, CancellationToken ct)
    {
        var summary = await SummaryAsync(benefitId, ct);
        var measurement = summary is null ? null
            : await Views(db.Measurements.AsNoTracking().Where(m => m.Id == measurementId && m.BenefitId == benefitId)).FirstOrDefaultAsync(ct);
        return measurement is null ? null : new MeasurementRecorded(measurement, summary!);
    }

    /// <summary>An initiative's benefits (its own and its adopters'), investments and served needs; null when not visible.</summary>
    public async Task<BenefitMap?> MapAsync(int initiativeId, CancellationToken ct)
    {
        var orgIds = await user.OrganizationIdsAsync(ct);
        // Only the served needs the reader may see: another organisation's draft need stays hidden.
        var visibleNeeds = Needs.NeedAccess.VisibleTo(db.Needs, orgIds);
        var initiative = await db.Initiatives.AsNoTracking().VisibleTo(orgIds).Where(i => i.Id == initiativeId).Select(i => new
        {
            i.Title, i.OwnerOrganizationId, OwnerName = i.OwnerOrganization!.Name,
            Needs = i.Needs.Where(n => visibleNeeds.Any(v => v.Id == n.NeedId)).OrderBy(n => n.NeedId)
                .Select(n => new ServedNeedLink(n.NeedId, n.Need!.Title)).ToList(),
            Accepted = i.Partners.Where(p => p.Status == ParticipationStatus.Accepted).Select(p => p.OrganizationId).ToList(),
        }).AsSplitQuery().FirstOrDefaultAsync(ct);
        if (initiative is null)
        {
            return null;
        }
        var benefits = await Summaries(db.Benefits.AsNoTracking().Where(b => b.InitiativeId == initiativeId)
            .OrderBy(b => b.AdoptionId).ThenBy(b => b.IsDisbenefit).ThenBy(b => b.Id), Today).ToListAsync(ct);
        var investments = await InvestmentsQuery(db.Investments.Where(i => i.InitiativeId == initiativeId)
            .OrderBy(i => i.Year).ThenBy(i => i.Organization!.Name)).ToListAsync(ct);
        var roles = await user.RolesAsync(ct);
        return new BenefitMap(initiativeId, initiative.Title, initiative.OwnerOrganizationId, initiative.OwnerName, initiative.Needs, benefits, investments)
        {
            CanEdit = roles.ContainsKey(initiative.OwnerOrganizationId),
            CanContribute = roles.ContainsKey(initiative.OwnerOrganizationId) || initiative.Accepted.Any(roles.ContainsKey),
        };
    }

    public async Task<InvestmentView?> GetInvestmentAsync(int id, CancellationToken ct)
    {
        var visible = db.Initiatives.VisibleTo(await user.OrganizationIdsAsync(ct));
        return await InvestmentsQuery(db.Investments.Where(i => i.Id == id && visible.Any(v => v.Id == i.InitiativeId))).FirstOrDefaultAsync(ct);
    }

    public async Task<Paged<InvestmentView>> InvestmentsAsync(int? initiative, int? organization, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = Paging.Clamp(page, pageSize, BenefitFilter.MaxPageSize);
        var orgIds = await user.OrganizationIdsAsync(ct);
        var visible = db.Initiatives.VisibleTo(orgIds);
        var query = db.Investments.AsNoTracking().Where(i => visible.Any(v => v.Id == i.InitiativeId));
        if (initiative is { } iid)
        {
            query = query.Where(i => i.InitiativeId == iid);
        }
        if (organization is { } org)
        {
            query = query.Where(i => i.OrganizationId == org);
        }
        var total = await counts.CountAsync("investments", $"{initiative}:{organization}", orgIds, query, ct);
        var items = await InvestmentsQuery(query.OrderByDescending(i => i.Year).ThenByDescending(i => i.Id).Page(page, pageSize)).ToListAsync(ct);
        return new Paged<InvestmentView>(items, page, pageSize, total);
    }

    private static IQueryable<InvestmentView> InvestmentsQuery(IQueryable<Investment> investments) => investments.AsNoTracking().Select(i =>
        new InvestmentView(i.Id, i.InitiativeId, i.OrganizationId, i.Organization!.Name, i.Year, i.AmountNok, i.PersonHours, i.Note, i.Version));

    public async Task<Paged<BenefitSummary>> ListAsync(BenefitFilter f, CancellationToken ct)
    {
        var (page, pageSize) = Paging.Clamp(f.Page, f.PageSize, BenefitFilter.MaxPageSize);
        var query = await VisibleAsync(ct);
        if (f.Initiative is { } initiative)
        {
            query = query.Where(b => b.InitiativeId == initiative);
        }
        if (f.Adoption is { } adoption)
        {
            query = query.Where(b => b.AdoptionId == adoption);
        }
        if (f.Beneficiary is { } beneficiary)
        {
            query = query.Where(b => b.BeneficiaryOrganizationId == beneficiary);
        }
        if (f.Group is { } group)
        {
            query = query.Where(b => b.BeneficiaryGroup == group);
        }
        if (f.Kind is { } kind)
        {
            query = query.Where(b => b.Kind == kind);
        }
        var total = await query.CountAsync(ct);
        var items = await Summaries(query.OrderByDescending(b => b.Id).Page(page, pageSize), Today).ToListAsync(ct);
        return new Paged<BenefitSummary>(items, page, pageSize, total);
    }

    /// <summary>Over published initiatives: what the organisation invested, and the gains realised with it from its own
    /// initiatives and adoptions and from others'.</summary>
    public async Task<OrganizationGains> ForOrganizationAsync(int organizationId, CancellationToken ct)
    {
        var published = db.Initiatives.Where(i => i.Visibility == InitiativeVisibility.Published);
        var invested = await db.Investments.Where(i => i.OrganizationId == organizationId && published.Any(p => p.Id == i.InitiativeId))
            .GroupBy(_ => 1).Select(g => new { Nok = g.Sum(i => i.AmountNok ?? 0), Hours = g.Sum(i => i.PersonHours ?? 0) }).FirstOrDefaultAsync(ct);
        var gains = await db.Benefits.Where(b => b.BeneficiaryOrganizationId == organizationId && published.Any(p => p.Id == b.InitiativeId))
            .GroupBy(b => new
            {
                Own = b.AdoptionId == null ? b.Initiative!.OwnerOrganizationId == organizationId : b.Adoption!.AdopterOrganizationId == organizationId,
                b.Kind,
            })
            .Select(g => new { g.Key.Own, g.Key.Kind, Realised = g.Sum(b => b.RealisedValue ?? 0), Count = g.Count() }).ToListAsync(ct);
        decimal Sum(bool own, Func<BenefitKind, bool> kind) => gains.Where(g => g.Own == own && kind(g.Kind)).Sum(g => g.Realised);
        return new OrganizationGains(invested?.Nok ?? 0, invested?.Hours ?? 0,
            Sum(true, BenefitRules.IsMoney), Sum(true, k => k == BenefitKind.TimeSaved),
            Sum(false, BenefitRules.IsMoney), Sum(false, k => k == BenefitKind.TimeSaved), gains.Sum(g => g.Count));
    }
}

public sealed record BenefitFilter(int? Initiative = null, int? Beneficiary = null, BeneficiaryGroup? Group = null, BenefitKind? Kind = null,
    int Page = 1, int PageSize = Paging.DefaultPageSize, int? Adoption = null)
{
    public const int MaxPageSize = 100;
}
