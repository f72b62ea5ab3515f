using Floke.Web.Core.Accounts;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Adoptions;
using Floke.Web.Features.Benefits;
using Floke.Web.Features.Experiments;
using Floke.Web.Features.Initiatives;
using Floke.Web.Features.OpenCalls;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Insights;

/// <summary>Which initiatives count: started (created) in the years given, owned by an organisation in the county or of
/// the kind given.</summary>
public sealed record InsightsFilter(int? FromYear = null, int? ToYear = null, string? County = null, OrganizationKind? Kind = null)
{
    /// <summary>Keeps the items (initiatives, open calls) created in the years, owned in the county and by the kind.</summary>
    public IQueryable<T> Apply<T>(IQueryable<T> items) where T : class, IOwnedByOrganization
    {
        if (FromYear is { } from)
        {
            var start = new DateTimeOffset(from, 1, 1, 0, 0, 0, TimeSpan.Zero);
            items = items.Where(i => i.CreatedAt >= start);
        }
        if (ToYear is { } to)
        {
            var end = new DateTimeOffset(to + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
            items = items.Where(i => i.CreatedAt < end);
        }
        if (County is { Length: > 0 } county)
        {
            items = items.Where(i => i.OwnerCountyNumber == county);
        }
        if (Kind is { } kind)
        {
            items = items.Where(i => i.OwnerKind == kind);
        }
        return items;
    }
}

/// <summary>What a dashboard page's filter form shows and holds; <see cref="Owner"/> adds the owner's county and kind.</summary>
public sealed record InsightsFilters(int? FromYear, int? ToYear, string? County, OrganizationKind? Kind, bool Owner);

/// <summary>One bar of a chart: a key (an enum name, a county number, a rule, an organisation) and how many.</summary>
public sealed record CountRow(string Key, int Count, string? Name = null);

/// <summary>Benefits of one kind: how many, and — for money (NOK) and time saved (hours), the only kinds with one unit — the
/// improvement planned (baseline to target) and what is realised so far. Other kinds have units of their own and are
/// never summed.</summary>
public sealed record BenefitRow(BenefitKind Kind, int Count, decimal? Planned, decimal? Realised);

/// <summary>The national picture (or one organisation's, for its members) for the innovation council, ministries and
/// leaders. Every count is what the corresponding list shows with the same filter.</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record InsightsReport(InsightsFilter Filter, int Initiatives, IReadOnlyList<CountRow> Stages, IReadOnlyList<CountRow> Measures,
    IReadOnlyList<CountRow> InnovationTypes, IReadOnlyList<CountRow> OecdFacets, IReadOnlyList<CountRow> Levels, IReadOnlyList<CountRow> Counties,
    int Experiments, IReadOnlyList<CountRow> ExperimentOutcomes, IReadOnlyList<CountRow> LegalBases, int Barriers, IReadOnlyList<CountRow> BarrierRules,
    IReadOnlyList<CountRow> BarrierBodies, IReadOnlyList<BenefitRow> Benefits, IReadOnlyList<CountRow> Adoptions,
    int OpenCalls, int Proposals, IReadOnlyList<CountRow> CallPhases, IReadOnlyList<CountRow> AwardWinners)
{
    public const int TopRows = 20;
    public DateTimeOffset ComputedAt { get; init; }

    /// <summary>The tables by their CSV names.</summary>
    public IReadOnlyList<CountRow>? Table(string name) => name switch
    {
        "stages" => Stages, "measures" => Measures, "innovation-types" => InnovationTypes, "oecd-facets" => OecdFacets, "levels" => Levels,
        "counties" => Counties, "experiment-outcomes" => ExperimentOutcomes, "legal-bases" => LegalBases, "barrier-rules" => BarrierRules,
        "barrier-bodies" => BarrierBodies, "adoptions" => Adoptions, "call-phases" => CallPhases, "award-winners" => AwardWinners, _ => null,
    };

    public static readonly string[] TableNames = ["stages", "measures", "innovation-types", "oecd-facets", "levels", "counties", "experiment-outcomes",
        "legal-bases", "barrier-rules", "barrier-bodies", "adoptions", "call-phases", "award-winners"];
}

/// <summary>One organisation's own figures, with its name for the page.</summary>
public sealed record OrganizationInsights(int OrganizationId, string OrganizationName, InsightsReport Report);

/// <summary>The dashboard's figures: six grouped queries over the initiatives in the filter and what hangs on them, summed
/// here; computed once per filter and kept until something counted changes (<see cref="InsightsCache"/>).</summary>
public sealed class InsightsQueries(InsightsCache cache, FlokeDbContext db, CurrentUser user)
{
    /// <summary>An organisation's own dashboard: not found for an unknown organisation, forbidden to anyone but its members.</summary>
    public async Task<Result<OrganizationInsights>> ForOrganizationAsync(int id, InsightsFilter f, CancellationToken ct)
    {
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return Result<OrganizationInsights>.NotFound();
        }
        if (!await user.IsMemberOfAsync(id, ct))
        {
            return Result<OrganizationInsights>.Forbidden();
        }
        return Result.Ok(new OrganizationInsights(id, name, await DashboardAsync(f, id, ct)));
    }

    /// <summary>Published initiatives nationally; or, with <paramref name="organizationId"/>, everything that organisation
    /// owns, drafts included (for its members: ask through <see cref="ForOrganizationAsync"/>).</summary>
    public ValueTask<InsightsReport> DashboardAsync(InsightsFilter f, int? organizationId, CancellationToken ct) =>
        cache.GetAsync($"insights:{organizationId}:{f.FromYear}:{f.ToYear}:{f.County}:{f.Kind}", (db, now, c) => ComputeAsync(db, f, organizationId, now, c), ct);

    private static async Task<InsightsReport> ComputeAsync(FlokeDbContext db, InsightsFilter f, int? organizationId, DateTimeOffset now, CancellationToken ct)
    {
        var initiatives = organizationId is { } org
            ? db.Initiatives.AsNoTracking().Where(i => i.OwnerOrganizationId == org)
            : db.Initiatives.AsNoTracking().Where(i => i.Visibility == InitiativeVisibility.Published);
        initiatives = f.Apply(initiatives);

        var groups = await initiatives.GroupBy(i => new { i.Stage, i.OecdFacet, i.OwnerKind, i.OwnerCountyNumber, i.Measures, i.InnovationTypes })
            .Select(g => new { g.Key.Stage, g.Key.OecdFacet, g.Key.OwnerKind, g.Key.OwnerCountyNumber, g.Key.Measures, g.Key.InnovationTypes, Count = g.Count() })
            .ToListAsync(ct);
        var experiments = await db.Experiments.AsNoTracking().Where(x => initiatives.Any(i => i.Id == x.InitiativeId))
            .GroupBy(x => new { x.Outcome, x.LegalBasis }).Select(g => new { g.Key.Outcome, g.Key.LegalBasis, Count = g.Count() }).ToListAsync(ct);
        var barriers = db.Barriers.AsNoTracking().Where(b => initiatives.Any(i => i.Id == b.InitiativeId));
        var rules = await barriers.GroupBy(b => b.RuleKey).Select(g => new { Key = g.Key, Count = g.Count(), Name = g.Max(b => b.Rule) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Limit(InsightsReport.TopRows).ToListAsync(ct);
        var bodies = await barriers.Where(b => b.ResponsibleOrganizationId != null).GroupBy(b => b.ResponsibleOrganizationId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count(), Name = db.Organizations.Where(o => o.Id == g.Key).Select(o => o.Name).FirstOrDefault() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id).Limit(InsightsReport.TopRows).ToListAsync(ct);
        var benefits = await db.Benefits.AsNoTracking().Where(b => b.AdoptionId == null && !b.IsDisbenefit && initiatives.Any(i => i.Id == b.InitiativeId))
            .GroupBy(b => b.Kind)
            .Select(g => new
            {
                Kind = g.Key, Count = g.Count(),
                Planned = g.Sum(b => b.Direction == BenefitDirection.HigherIsBetter ? (b.TargetValue ?? 0) - (b.BaselineValue ?? 0) : (b.BaselineValue ?? 0) - (b.TargetValue ?? 0)),
                Realised = g.Sum(b => b.RealisedValue ?? 0),
            }).ToListAsync(ct);
        var adoptions = await db.Adoptions.AsNoTracking().Where(a => initiatives.Any(i => i.Id == a.InitiativeId))
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        // Open calls filtered as the initiatives are (InsightsFilter.Apply). Proposals are
        // counted only for calls past their deadline (before it, how many answered is not told, as on the call's page).
        var calls = organizationId is { } owner
            ? db.OpenCalls.AsNoTracking().Where(c => c.OwnerOrganizationId == owner)
            : db.OpenCalls.AsNoTracking().Where(OpenCallAccess.IsPublic);
        calls = f.Apply(calls);
        // One statement for the three (UNION ALL): calls by status and whether still open, winners by kind, proposals.
        var callRows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            calls.GroupBy(c => new { c.Status, Open = c.Deadline > now })
                .Select(g => new CallRow { Table = 0, Key = (int)g.Key.Status * 2 + (g.Key.Open ? 1 : 0), Count = g.Count() })
                .Concat(calls.Where(c => c.Status == OpenCallStatus.Awarded)
                    .Join(db.Proposals, c => c.AwardedProposalId, p => p.Id, (c, p) => p.Organization!.Kind)
                    .GroupBy(k => k).Select(g => new CallRow { Table = 1, Key = (int)g.Key, Count = g.Count() }))
                .Concat(db.Proposals.Where(p => p.Status == ProposalStatus.Submitted && p.OpenCall!.Deadline <= now && calls.Any(c => c.Id == p.OpenCallId))
                    .GroupBy(p => 2).Select(g => new CallRow { Table = 2, Key = 0, Count = g.Count() })), ct);
        var phases = callRows.Where(r => r.Table == 0).Select(r => new { Status = (OpenCallStatus)(r.Key / 2), Open = r.Key % 2 == 1, r.Count }).ToList();
        var winners = callRows.Where(r => r.Table == 1).Select(r => new { Key = (OrganizationKind)r.Key, r.Count }).ToList();
        var proposals = callRows.Where(r => r.Table == 2).Sum(r => r.Count);

        static List<CountRow> Rows<T>(IEnumerable<(T Key, int Count)> rows) where T : notnull =>
            [.. rows.GroupBy(r => r.Key).Select(g => new CountRow(g.Key.ToString()!, g.Sum(r => r.Count))).Where(r => r.Count > 0)
                .OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)];
        static List<CountRow> Bits<T>(IEnumerable<(T Mask, int Count)> rows) where T : struct, Enum =>
            [.. Enum.GetValues<T>().Where(v => System.Numerics.BitOperations.IsPow2(Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)))
                .Select(v => new CountRow(v.ToString(), rows.Where(r => r.Mask.HasFlag(v)).Sum(r => r.Count))).Where(r => r.Count > 0)
                .OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)];

        return new InsightsReport(f, groups.Sum(g => g.Count),
            Rows(groups.Select(g => (g.Stage, g.Count))),
            Bits(groups.Select(g => (g.Measures, g.Count))),
            Bits(groups.Select(g => (g.InnovationTypes, g.Count))),
            Rows(groups.Where(g => g.OecdFacet != null).Select(g => (g.OecdFacet!.Value, g.Count))),
            Rows(groups.Select(g => (BenefitRules.Level(g.OwnerKind), g.Count))),
            Rows(groups.Where(g => g.OwnerCountyNumber != null).Select(g => (g.OwnerCountyNumber!, g.Count))),
            experiments.Sum(x => x.Count),
            Rows(experiments.Select(x => (x.Outcome?.ToString() ?? "Open", x.Count))),
            Rows(experiments.Select(x => (x.LegalBasis, x.Count))),
            await barriers.CountAsync(ct),
            [.. rules.Select(r => new CountRow(r.Key, r.Count, r.Name))],
            [.. bodies.Select(b => new CountRow(b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Count, b.Name))],
            [.. benefits.OrderBy(b => b.Kind).Select(b => BenefitRules.IsMoney(b.Kind) || b.Kind == BenefitKind.TimeSaved
                ? new BenefitRow(b.Kind, b.Count, b.Planned, b.Realised) : new BenefitRow(b.Kind, b.Count, null, null))],
            Rows(adoptions.Select(a => (a.Key, a.Count))),
            phases.Where(p => p.Status != OpenCallStatus.Draft).Sum(p => p.Count), proposals,
            Rows(phases.Select(p => (p.Status == OpenCallStatus.Published ? (p.Open ? OpenCallPhase.Open : OpenCallPhase.Evaluating) : OpenCallRules.Phase(p.Status, now, now), p.Count))),
            Rows(winners.Select(w => (w.Key, w.Count))))
        {
            ComputedAt = now,
        };
    }

    /// <summary>A row of the open-calls statement: which table, its key as a number, and how many.</summary>
    private sealed class CallRow
    {
        public int Table { get; init; }
        public int Key { get; init; }
        public int Count { get; init; }
    }
}
