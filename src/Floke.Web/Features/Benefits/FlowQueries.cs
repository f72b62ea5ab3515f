using Floke.Web.Core.Organizations;
using Floke.Web.Features.Initiatives;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Features.Benefits;

/// <summary>How the who-invests-who-gains page groups organisations.</summary>
public enum FlowView
{
    Organization = 1,
    OrganizationKind = 2,
    Level = 3,
}

/// <summary>Which initiatives count (by their measure and their owner's county, kind and level) and which period:
/// investments by their year, gains by the date of the measurements that realised them.</summary>
public sealed record FlowFilter(int? FromYear = null, int? ToYear = null, Measures? Measure = null, GovernmentLevel? Sector = null, string? County = null,
    OrganizationKind? Kind = null, FlowView View = FlowView.Organization);

/// <summary>A party in the flows: an organisation, a kind of organisation, a level, or a group such as citizens.
/// <see cref="Key"/> is stable ("org:12", "kind:Municipality", "level:State", "group:Citizens"); the page names it.</summary>
public sealed record FlowParty(string Key, int? OrganizationId, OrganizationKind? Kind, GovernmentLevel? Level, BeneficiaryGroup? Group, string? Name);

public sealed record InvestorRow(FlowParty Party, decimal Nok, decimal Hours);

/// <summary>Gains realised at a party: money and hours kept apart, and disbenefits (negative) apart from gains.</summary>
public sealed record ReceiverRow(FlowParty Party, decimal GainsNok, decimal GainsHours, decimal DisbenefitsNok, decimal DisbenefitsHours);

/// <summary>The gain realised at <see cref="To"/> from initiatives <see cref="From"/> invested in: each initiative's gains are
/// shared among its investors by their part of its money (its owner takes all where no money is recorded).</summary>
public sealed record FlowRow(FlowParty From, FlowParty To, decimal GainsNok, decimal GainsHours);

/// <summary>The flows for one filter: totals over everything, and the largest <see cref="MaxRows"/> rows of each table
/// (with how many there are in all).</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed record FlowReport(FlowFilter Filter, IReadOnlyList<InvestorRow> Investors, IReadOnlyList<ReceiverRow> Receivers, IReadOnlyList<FlowRow> Flows,
    decimal TotalInvestedNok, decimal TotalInvestedHours, decimal TotalGainsNok, decimal TotalGainsHours, decimal TotalDisbenefitsNok,
    int Initiatives, int CrossOrganizationGains)
{
    public const int MaxRows = 200;
    public int InvestorCount { get; init; }
    public int ReceiverCount { get; init; }
    public int FlowCount { get; init; }
    /// <summary>When these figures were computed: after a change they may be the previous ones for a while.</summary>
    public DateTimeOffset ComputedAt { get; init; }
}

/// <summary>Who invests, who gains — over published initiatives only, so everyone sees the same national picture.
/// Sums are made per initiative and party in SQL; sharing and grouping happen in memory; only the rows shown are named.</summary>
public sealed class FlowQueries(InsightsCache cache)
{
    public ValueTask<FlowReport> FlowsAsync(FlowFilter f, CancellationToken ct) =>
        cache.GetAsync($"flows:{f.FromYear}:{f.ToYear}:{(int?)f.Measure}:{f.Sector}:{f.County}:{f.Kind}:{f.View}", (db, now, c) => ComputeAsync(db, f, now, c), ct);

    private static async Task<FlowReport> ComputeAsync(FlokeDbContext db, FlowFilter f, DateTimeOffset now, CancellationToken ct)
    {
        var initiatives = db.Initiatives.AsNoTracking().Where(i => i.Visibility == InitiativeVisibility.Published);
        if (f.Measure is { } measure and not Measures.None)
        {
            initiatives = initiatives.Where(i => (i.Measures & measure) == measure);
        }
        if (f.County is { Length: > 0 } county)
        {
            initiatives = initiatives.Where(i => i.OwnerCountyNumber == county);
        }
        if (f.Kind is { } kind)
        {
            initiatives = initiatives.Where(i => i.OwnerKind == kind);
        }
        if (f.Sector is { } sector)
        {
            var kinds = Enum.GetValues<OrganizationKind>().Where(k => BenefitRules.Level(k) == sector).ToArray();
            initiatives = initiatives.Where(i => kinds.Contains(i.OwnerKind));
        }
        var everything = f.Measure is null or Measures.None && f.County is not { Length: > 0 } && f.Kind is null && f.Sector is null;

        var investments = db.Investments.AsNoTracking()
            .Where(i => everything ? i.Initiative!.Visibility == InitiativeVisibility.Published : initiatives.Any(x => x.Id == i.InitiativeId));
        if (f.FromYear is { } from)
        {
            investments = investments.Where(i => i.Year >= from);
        }
        if (f.ToYear is { } to)
        {
            investments = investments.Where(i => i.Year <= to);
        }
        var invested = await investments.GroupBy(i => new { i.InitiativeId, i.OrganizationId, i.Organization!.Kind })
            .Select(g => new { g.Key.InitiativeId, g.Key.OrganizationId, g.Key.Kind, Nok = g.Sum(i => i.AmountNok ?? 0), Hours = g.Sum(i => i.PersonHours ?? 0) })
            .ToListAsync(ct);

        var measurements = db.Measurements.AsNoTracking().Where(m => m.RealisedDelta != null
            && (m.Benefit!.Kind == BenefitKind.BudgetSaving || m.Benefit.Kind == BenefitKind.AvoidedCost || m.Benefit.Kind == BenefitKind.TimeSaved)
            && (everything ? m.Benefit.Initiative!.Visibility == InitiativeVisibility.Published : initiatives.Any(x => x.Id == m.Benefit.InitiativeId)));
        if (f.FromYear is { } fromYear)
        {
            var start = new DateOnly(fromYear, 1, 1);
            measurements = measurements.Where(m => m.Date >= start);
        }
        if (f.ToYear is { } toYear)
        {
            var end = new DateOnly(toYear, 12, 31);
            measurements = measurements.Where(m => m.Date <= end);
        }
        var gained = await measurements
            .GroupBy(m => new
            {
                m.Benefit!.InitiativeId, Owner = m.Benefit.Initiative!.OwnerOrganizationId, OwnerKind = m.Benefit.Initiative.OwnerOrganization!.Kind,
                m.Benefit.BeneficiaryOrganizationId, ReceiverKind = (OrganizationKind?)m.Benefit.BeneficiaryOrganization!.Kind, m.Benefit.BeneficiaryGroup,
                m.Benefit.Kind, m.Benefit.IsDisbenefit,
            })
            .Select(g => new { g.Key.InitiativeId, g.Key.Owner, g.Key.OwnerKind, g.Key.BeneficiaryOrganizationId, g.Key.ReceiverKind, g.Key.BeneficiaryGroup,
                g.Key.Kind, g.Key.IsDisbenefit, Realised = g.Sum(m => m.RealisedDelta ?? 0) })
            .ToListAsync(ct);

        FlowParty Organization(int id, OrganizationKind kind) => f.View switch
        {
            FlowView.OrganizationKind => new FlowParty($"kind:{kind}", null, kind, null, null, null),
            FlowView.Level => Level(BenefitRules.Level(kind)),
            _ => new FlowParty($"org:{id}", id, kind, BenefitRules.Level(kind), null, null),
        };
        FlowParty Level(GovernmentLevel level) => new($"level:{level}", null, null, level, null, null);
        FlowParty Receiver(int? organizationId, OrganizationKind? kind, BeneficiaryGroup? group) => organizationId is { } id
            ? Organization(id, kind!.Value)
            : f.View == FlowView.Level ? Level(BenefitRules.Level(group!.Value)) : new FlowParty($"group:{group}", null, null, BenefitRules.Level(group!.Value), group, null);

        var investors = invested.GroupBy(i => Organization(i.OrganizationId, i.Kind))
            .Select(g => new InvestorRow(g.Key, g.Sum(i => i.Nok), g.Sum(i => i.Hours)))
            .OrderByDescending(r => r.Nok).ThenByDescending(r => r.Hours).ThenBy(r => r.Party.Key, StringComparer.Ordinal).ToList();

        var receivers = gained.GroupBy(g => Receiver(g.BeneficiaryOrganizationId, g.ReceiverKind, g.BeneficiaryGroup))
            .Select(g => new ReceiverRow(g.Key,
                g.Where(x => !x.IsDisbenefit && BenefitRules.IsMoney(x.Kind)).Sum(x => x.Realised),
                g.Where(x => !x.IsDisbenefit && x.Kind == BenefitKind.TimeSaved).Sum(x => x.Realised),
                g.Where(x => x.IsDisbenefit && BenefitRules.IsMoney(x.Kind)).Sum(x => x.Realised),
                g.Where(x => x.IsDisbenefit && x.Kind == BenefitKind.TimeSaved).Sum(x => x.Realised)))
            .OrderByDescending(r => r.GainsNok).ThenByDescending(r => r.GainsHours).ThenBy(r => r.Party.Key, StringComparer.Ordinal).ToList();

        // Each initiative's net gains are shared among its investors by their part of its money.
        var moneyByInitiative = invested.Where(i => i.Nok > 0).GroupBy(i => i.InitiativeId)
            .ToDictionary(g => g.Key, g => (Total: g.Sum(x => x.Nok), Investors: g.Select(x => (Party: Organization(x.OrganizationId, x.Kind), x.Nok)).ToList()));
        var flows = new Dictionary<(string From, string To), (FlowParty From, FlowParty To, decimal Nok, decimal Hours)>();
        foreach (var g in gained)
        {
            var receiver = Receiver(g.BeneficiaryOrganizationId, g.ReceiverKind, g.BeneficiaryGroup);
            var shares = moneyByInitiative.TryGetValue(g.InitiativeId, out var money)
                ? money.Investors.Select(i => (i.Party, Share: i.Nok / money.Total))
                : [(Party: Organization(g.Owner, g.OwnerKind), Share: 1m)];
            foreach (var (investor, share) in shares)
            {
                var key = (investor.Key, receiver.Key);
                var current = flows.TryGetValue(key, out var c) ? c : (From: investor, To: receiver, Nok: 0m, Hours: 0m);
                var amount = g.Realised * share;
                flows[key] = BenefitRules.IsMoney(g.Kind) ? current with { Nok = current.Nok + amount } : current with { Hours = current.Hours + amount };
            }
        }
        var flowRows = flows.Values.Select(v => new FlowRow(v.From, v.To, decimal.Round(v.Nok, 2), decimal.Round(v.Hours, 2)))
            .OrderByDescending(r => r.GainsNok).ThenByDescending(r => r.GainsHours).ThenBy(r => r.From.Key, StringComparer.Ordinal)
            .ThenBy(r => r.To.Key, StringComparer.Ordinal).Take(FlowReport.MaxRows).ToList();

        // Names only for the organisations in the rows kept.
        var shownInvestors = investors.Take(FlowReport.MaxRows).ToList();
        var shownReceivers = receivers.Take(FlowReport.MaxRows).ToList();
        var ids = shownInvestors.Select(r => r.Party.OrganizationId).Concat(shownReceivers.Select(r => r.Party.OrganizationId))
            .Concat(flowRows.SelectMany(r => new[] { r.From.OrganizationId, r.To.OrganizationId })).OfType<int>().Distinct().ToArray();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        FlowParty Named(FlowParty p) => p.OrganizationId is { } id ? p with { Name = names.GetValueOrDefault(id) } : p;

        var crossOrganization = gained.Where(g => !g.IsDisbenefit && g.BeneficiaryOrganizationId != g.Owner).Select(g => g.InitiativeId).Distinct().Count();
        return new FlowReport(f,
            [.. shownInvestors.Select(r => r with { Party = Named(r.Party) })],
            [.. shownReceivers.Select(r => r with { Party = Named(r.Party) })],
            [.. flowRows.Select(r => r with { From = Named(r.From), To = Named(r.To) })],
            invested.Sum(i => i.Nok), invested.Sum(i => i.Hours),
            receivers.Sum(r => r.GainsNok), receivers.Sum(r => r.GainsHours), receivers.Sum(r => r.DisbenefitsNok),
            invested.Select(i => i.InitiativeId).Concat(gained.Select(g => g.InitiativeId)).Distinct().Count(), crossOrganization)
        {
            InvestorCount = investors.Count, ReceiverCount = receivers.Count, FlowCount = flows.Count, ComputedAt = now,
        };
    }
}
