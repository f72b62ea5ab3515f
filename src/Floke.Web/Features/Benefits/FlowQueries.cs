using System.Runtime.InteropServices;
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
        // Read as they stream, into small values: at national scale these are hundreds of thousands of rows, and as
        // objects with a party built for each (its key a string) they held over 100 MB while the figures were computed.
        var parties = new Parties(f.View);
        var investors = new Dictionary<long, (decimal Nok, decimal Hours)>();
        var initiativeIds = new HashSet<int>();
        var money = new List<InvestedMoney>();
        decimal investedNok = 0, investedHours = 0;
        await foreach (var i in investments.GroupBy(i => new { i.InitiativeId, i.OrganizationId, i.Organization!.Kind })
            .Select(g => new { g.Key.InitiativeId, g.Key.OrganizationId, g.Key.Kind, Nok = g.Sum(i => i.AmountNok ?? 0), Hours = g.Sum(i => i.PersonHours ?? 0) })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            var party = parties.Organization(i.OrganizationId, i.Kind);
            ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(investors, party, out _);
            sums = (sums.Nok + i.Nok, sums.Hours + i.Hours);
            (investedNok, investedHours) = (investedNok + i.Nok, investedHours + i.Hours);
            initiativeIds.Add(i.InitiativeId);
            if (i.Nok > 0)
            {
                money.Add(new InvestedMoney(i.InitiativeId, party, i.Nok));
            }
        }
        // Each initiative's investors side by side (in the order read), to share its gains by their part of its money.
        var shares = money.OrderBy(i => i.InitiativeId).ToArray();
        money = null; // an async method's locals live as long as it does

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
        var receivers = new Dictionary<long, Gains>();
        var flows = new Dictionary<(long From, long To), (decimal Nok, decimal Hours)>();
        var crossOrganization = new HashSet<int>();
        await foreach (var g in measurements
            .GroupBy(m => new
            {
                m.Benefit!.InitiativeId, Owner = m.Benefit.Initiative!.OwnerOrganizationId, OwnerKind = m.Benefit.Initiative.OwnerOrganization!.Kind,
                m.Benefit.BeneficiaryOrganizationId, ReceiverKind = (OrganizationKind?)m.Benefit.BeneficiaryOrganization!.Kind, m.Benefit.BeneficiaryGroup,
                m.Benefit.Kind, m.Benefit.IsDisbenefit,
            })
            .Select(g => new { g.Key.InitiativeId, g.Key.Owner, g.Key.OwnerKind, g.Key.BeneficiaryOrganizationId, g.Key.ReceiverKind, g.Key.BeneficiaryGroup,
                g.Key.Kind, g.Key.IsDisbenefit, Realised = g.Sum(m => m.RealisedDelta ?? 0) })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            var receiver = parties.Receiver(g.BeneficiaryOrganizationId, g.ReceiverKind, g.BeneficiaryGroup);
            var isMoney = BenefitRules.IsMoney(g.Kind);
            CollectionsMarshal.GetValueRefOrAddDefault(receivers, receiver, out _).Add(g.Realised, isMoney, g.IsDisbenefit);
            initiativeIds.Add(g.InitiativeId);
            if (!g.IsDisbenefit && g.BeneficiaryOrganizationId != g.Owner)
            {
                crossOrganization.Add(g.InitiativeId);
            }
            // Each initiative's net gains are shared among its investors by their part of its money (its owner takes all
            // where none is recorded).
            var (first, end) = InvestedMoney.Range(shares, g.InitiativeId);
            if (first == end)
            {
                AddFlow(flows, parties.Organization(g.Owner, g.OwnerKind), receiver, isMoney, g.Realised);
                continue;
            }
            var total = 0m;
            for (var k = first; k < end; k++)
            {
                total += shares[k].Nok;
            }
            for (var k = first; k < end; k++)
            {
                AddFlow(flows, shares[k].Party, receiver, isMoney, g.Realised * (shares[k].Nok / total));
            }
        }

        var investorRows = investors.Select(i => new InvestorRow(parties[i.Key], i.Value.Nok, i.Value.Hours))
            .OrderByDescending(r => r.Nok).ThenByDescending(r => r.Hours).ThenBy(r => r.Party.Key, StringComparer.Ordinal).ToList();
        var receiverRows = receivers.Select(r => new ReceiverRow(parties[r.Key], r.Value.GainsNok, r.Value.GainsHours, r.Value.DisbenefitsNok, r.Value.DisbenefitsHours))
            .OrderByDescending(r => r.GainsNok).ThenByDescending(r => r.GainsHours).ThenBy(r => r.Party.Key, StringComparer.Ordinal).ToList();
        // The largest flows only: a bounded queue whose head is the smallest kept, rather than every flow sorted.
        var byGains = Comparer<FlowRow>.Create((x, y) =>
        {
            var c = y.GainsNok.CompareTo(x.GainsNok);
            c = c != 0 ? c : y.GainsHours.CompareTo(x.GainsHours);
            c = c != 0 ? c : string.CompareOrdinal(x.From.Key, y.From.Key);
            return c != 0 ? c : string.CompareOrdinal(x.To.Key, y.To.Key);
        });
        var largest = new PriorityQueue<FlowRow, FlowRow>(FlowReport.MaxRows + 1, Comparer<FlowRow>.Create((x, y) => byGains.Compare(y, x)));
        foreach (var (key, sums) in flows)
        {
            var row = new FlowRow(parties[key.From], parties[key.To], decimal.Round(sums.Nok, 2), decimal.Round(sums.Hours, 2));
            if (largest.Count < FlowReport.MaxRows)
            {
                largest.Enqueue(row, row);
            }
            else if (byGains.Compare(row, largest.Peek()) < 0)
            {
                largest.DequeueEnqueue(row, row);
            }
        }
        var flowRows = largest.UnorderedItems.Select(x => x.Element).Order(byGains).ToList();

        // Names only for the organisations in the rows kept.
        var shownInvestors = investorRows.Take(FlowReport.MaxRows).ToList();
        var shownReceivers = receiverRows.Take(FlowReport.MaxRows).ToList();
        var ids = shownInvestors.Select(r => r.Party.OrganizationId).Concat(shownReceivers.Select(r => r.Party.OrganizationId))
            .Concat(flowRows.SelectMany(r => new[] { r.From.OrganizationId, r.To.OrganizationId })).OfType<int>().Distinct().ToArray();
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        FlowParty Named(FlowParty p) => p.OrganizationId is { } id ? p with { Name = names.GetValueOrDefault(id) } : p;

        return new FlowReport(f,
            [.. shownInvestors.Select(r => r with { Party = Named(r.Party) })],
            [.. shownReceivers.Select(r => r with { Party = Named(r.Party) })],
            [.. flowRows.Select(r => r with { From = Named(r.From), To = Named(r.To) })],
            investedNok, investedHours,
            receiverRows.Sum(r => r.GainsNok), receiverRows.Sum(r => r.GainsHours), receiverRows.Sum(r => r.DisbenefitsNok),
            initiativeIds.Count, crossOrganization.Count)
        {
            InvestorCount = investorRows.Count, ReceiverCount = receiverRows.Count, FlowCount = flows.Count, ComputedAt = now,
        };
    }

    private static void AddFlow(Dictionary<(long From, long To), (decimal Nok, decimal Hours)> flows, long investor, long receiver, bool isMoney, decimal amount)
    {
        ref var flow = ref CollectionsMarshal.GetValueRefOrAddDefault(flows, (investor, receiver), out _);
        flow = isMoney ? (flow.Nok + amount, flow.Hours) : (flow.Nok, flow.Hours + amount);
    }
}

/// <summary>An investor's money in one initiative (the investor as a <see cref="Parties"/> code).</summary>
internal readonly record struct InvestedMoney(int InitiativeId, long Party, decimal Nok)
{
    /// <summary>Where <paramref name="initiativeId"/>'s investments lie in <paramref name="sorted"/> (by initiative): [first, end).</summary>
    public static (int First, int End) Range(InvestedMoney[] sorted, int initiativeId)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].InitiativeId < initiativeId)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        var end = lo;
        while (end < sorted.Length && sorted[end].InitiativeId == initiativeId)
        {
            end++;
        }
        return (lo, end);
    }
}

/// <summary>The gains realised at one receiver as they are summed.</summary>
internal struct Gains
{
    public decimal GainsNok, GainsHours, DisbenefitsNok, DisbenefitsHours;

    public void Add(decimal realised, bool isMoney, bool isDisbenefit)
    {
        if (!isDisbenefit && isMoney)
        {
            GainsNok += realised;
        }
        else if (!isDisbenefit)
        {
            GainsHours += realised;
        }
        else if (isMoney)
        {
            DisbenefitsNok += realised;
        }
        else
        {
            DisbenefitsHours += realised;
        }
    }
}

/// <summary>The parties of one <see cref="FlowView"/>, each as a number while the figures are summed (an organisation, a
/// kind, a level or a group, in the high bits which) and made a <see cref="FlowParty"/> once.</summary>
internal sealed class Parties(FlowView view)
{
    private const long OrganizationCode = 1L << 32, KindCode = 2L << 32, LevelCode = 3L << 32, GroupCode = 4L << 32;
    private readonly Dictionary<long, FlowParty> _parties = [];

    public FlowParty this[long code] => _parties[code];

    public long Organization(int id, OrganizationKind kind) => view switch
    {
        FlowView.OrganizationKind => Party(KindCode | (uint)kind, kind, static k => new FlowParty($"kind:{k}", null, k, null, null, null)),
        FlowView.Level => Level(BenefitRules.Level(kind)),
        _ => Party(OrganizationCode | (uint)id, (id, kind), static o => new FlowParty($"org:{o.id}", o.id, o.kind, BenefitRules.Level(o.kind), null, null)),
    };

    public long Receiver(int? organizationId, OrganizationKind? kind, BeneficiaryGroup? group) => organizationId is { } id
        ? Organization(id, kind!.Value)
        : view == FlowView.Level ? Level(BenefitRules.Level(group!.Value))
        : Party(GroupCode | (uint)group!.Value, group.Value, static g => new FlowParty($"group:{g}", null, null, BenefitRules.Level(g), g, null));

    private long Level(GovernmentLevel level) => Party(LevelCode | (uint)level, level, static l => new FlowParty($"level:{l}", null, null, l, null, null));

    /// <summary>The party's code, made a <see cref="FlowParty"/> the first time (from <paramref name="state"/>, so that no
    /// closure is made for each row read).</summary>
    private long Party<T>(long code, T state, Func<T, FlowParty> make)
    {
        ref var party = ref CollectionsMarshal.GetValueRefOrAddDefault(_parties, code, out var known);
        if (!known)
        {
            party = make(state);
        }
        return code;
    }
}
