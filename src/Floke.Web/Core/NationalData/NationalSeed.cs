using System.Diagnostics;
using Floke.Web.Core.Accounts;
using Floke.Web.Core.Geography;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Adoptions;
using Floke.Web.Features.Barriers;
using Floke.Web.Features.Benefits;
using Floke.Web.Features.Experiments;
using Floke.Web.Features.Initiatives;
using Floke.Web.Features.Needs;
using Floke.Web.Features.OpenCalls;
using Floke.Web.Infrastructure;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Barrier = Floke.Web.Features.Barriers.Barrier;

namespace Floke.Web.Core.NationalData;

/// <summary>How much national-scale data to make. Scale 1 is the whole country as the performance issue describes it.</summary>
public sealed record NationalSize(double Scale)
{
    public int Companies => Count(20_000);
    public const int StateBodies = 400;
    public const int ResearchAndVoluntary = 200;
    public int Users => Count(100_000);
    public int Needs => Count(50_000);
    public int Initiatives => Count(200_000);
    public int Experiments => Count(100_000);
    public int Barriers => Count(20_000);
    public int Benefits => Count(300_000);
    /// <summary>Each benefit gets fewer measurements than this, 3½ on average: about 1,050,000 at scale 1 (the issue's
    /// million; 0–6 gave 900,000).</summary>
    public const int MeasurementsPerBenefitBound = 8;
    public int Adoptions => Count(100_000);
    public int Investments => Count(300_000);
    public int OpenCalls => Count(5_000);
    /// <summary>Proposals to the calls past their deadline and to open ones; ten per call on average.</summary>
    public int Proposals => Count(50_000);

    private int Count(int full) => Math.Max(10, (int)Math.Round(full * Scale));
}

/// <summary>Fills an empty database with deterministic, realistic national-scale data: every county and municipality
/// (real names and numbers), state bodies, companies, research and voluntary organisations, users, needs, initiatives in
/// every stage with partners, experiments, barriers, benefits with measurements, investments and adoptions. Rows go in by
/// <see cref="BulkWriter"/> (COPY on PostgreSQL). Everything is marked as demo data; organisation numbers are synthetic
/// (valid check digit) and no account has a password.</summary>
public sealed class NationalSeed(FlokeDbContext db, Geography.Geography geography, TextWriter log, int keepMatchesFrom = Features.Search.SearchMatchStore.DefaultKeepFrom)
{
    private static readonly DateTimeOffset Today = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly TodayDate = DateOnly.FromDateTime(Today.UtcDateTime);

    private int _seed;
    private NationalSize _size = new(1);
    private int _organizations;
    private int _publicOrganizations;
    private int _firstStateBody;
    private readonly List<(OrganizationKind Kind, string? County)> _orgs = [];

    public async Task<int> RunAsync(NationalSize size, int seed, CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(ct))
        {
            await log.WriteLineAsync("The database is not empty: seed national fills an empty database only.");
            return 1;
        }
        (_size, _seed) = (size, seed);
        var writer = new BulkWriter(db);
        var total = Stopwatch.StartNew();
        long rows = 0;
        async Task Write<T>(string name, IEnumerable<T> items) where T : class
        {
            var watch = Stopwatch.StartNew();
            var n = await writer.WriteAsync(items, ct);
            rows += n;
            await log.WriteLineAsync($"{name,-22} {n,10:N0} rows {watch.Elapsed.TotalSeconds,7:F1} s {n / Math.Max(0.001, watch.Elapsed.TotalSeconds),10:N0} rows/s");
        }
        await log.WriteLineAsync($"Seeding national data at scale {size.Scale} with seed {seed} into {db.Database.ProviderName}");
        await Write("Organizations", Organizations());
        await Write("Users", Users());
        await Write("Memberships", Memberships());
        await Write("Needs", Needs());
        await Write("NeedOwners", NeedOwners());
        await Write("Initiatives", Initiatives());
        await Write("InitiativePartners", Partners());
        await Write("InitiativeNeeds", InitiativeNeeds());
        await Write("Experiments", Experiments());
        await Write("ExperimentMetrics", Metrics());
        await Write("Barriers", Barriers());
        await Write("BarrierSteps", BarrierSteps());
        await Write("Adoptions", Adoptions());
        await Write("Investments", Investments());
        await Write("Benefits", Benefits());
        await Write("Measurements", Measurements());
        await Write("OpenCalls", OpenCalls());
        await Write("OpenCallCriteria", Criteria());
        await Write("Proposals", Proposals());
        // A call and its awarded proposal point at each other: the award is set once both are written.
        await db.OpenCalls.Where(c => c.Status == OpenCallStatus.Awarded).ExecuteUpdateAsync(u => u.SetProperty(c => c.AwardedProposalId,
            c => db.Proposals.Where(p => p.OpenCallId == c.Id && p.Status == ProposalStatus.Submitted).Min(p => (int?)p.Id)), ct);
        await writer.ResetIdentitiesAsync(ct);
        var indexing = Stopwatch.StartNew();
        var documents = await Features.Search.SearchIndexer.RebuildAsync(db, log, ct, keepMatchesFrom);
        await log.WriteLineAsync($"{"Search documents",-22} {documents,10:N0} docs {indexing.Elapsed.TotalSeconds,7:F1} s {documents / Math.Max(0.001, indexing.Elapsed.TotalSeconds),10:N0} docs/s");
        // Fresh statistics, so the query planners know the tables' sizes from the first request. On PostgreSQL also a
        // vacuum of the tables just written (their visibility map, so index-only scans need not visit the rows): otherwise
        // autovacuum does it minutes later, under whatever load the database then has, table by table.
        await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "VACUUM (ANALYZE)" : "ANALYZE", ct);
        await log.WriteLineAsync($"Done: {rows:N0} rows in {total.Elapsed.TotalSeconds:F1} s ({rows / total.Elapsed.TotalSeconds:N0} rows/s).");
        return 0;
    }

    private Prng Rng(int stream, long row) => new(_seed, stream, row);

    // ---- Organisations: counties, municipalities, state bodies, research and voluntary, companies (ids in that order).

    private IEnumerable<Organization> Organizations()
    {
        var number = 810_000_000;
        string NextNumber()
        {
            while (!OrganizationNumber.IsValid((++number).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
            }
            return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var id = 0;
        Organization Make(string name, OrganizationKind kind, string? municipality, string? county, string? description = null)
        {
            _orgs.Add((kind, county));
            return new Organization
            {
                Id = ++id, Name = name, OrganizationNumber = NextNumber(), Kind = kind, MunicipalityNumber = municipality, CountyNumber = county,
                Description = description, IsVerified = true, IsDemo = true, CreatedAt = Today.AddDays(-id % 900),
            };
        }
        foreach (var c in geography.Counties)
        {
            yield return Make($"{c.Name} fylkeskommune", OrganizationKind.County, null, c.Number);
        }
        foreach (var m in geography.Municipalities)
        {
            yield return Make($"{m.Name} kommune", OrganizationKind.Municipality, m.Number, m.CountyNumber);
        }
        _firstStateBody = id + 1;
        for (var i = 0; i < NationalSize.StateBodies; i++)
        {
            var r = Rng(1, i);
            yield return Make($"{r.Pick(Words.StatePrefixes)}{r.Pick(Words.StateSubjects)} {i + 1}", OrganizationKind.StateAgency, null, null);
        }
        _publicOrganizations = id;
        for (var i = 0; i < NationalSize.ResearchAndVoluntary; i++)
        {
            var r = Rng(2, i);
            var m = r.Pick(geography.Municipalities);
            var research = i % 2 == 0;
            yield return Make(research ? $"Forskningsinstitutt {m.Name} {i + 1}" : $"{r.Pick(Words.Voluntary)} {m.Name}",
                research ? OrganizationKind.ResearchInstitution : OrganizationKind.VoluntaryOrganization, m.Number, m.CountyNumber);
        }
        for (var i = 0; i < _size.Companies; i++)
        {
            var r = Rng(3, i);
            var m = r.Pick(geography.Municipalities);
            yield return Make($"{r.Pick(Words.CompanyStems)}{r.Pick(Words.CompanyEndings)} {i + 1} AS", r.Chance(0.3) ? OrganizationKind.StartUp : OrganizationKind.Company,
                m.Number, m.CountyNumber);
        }
        _organizations = id;
    }

    private int PublicOrganization(ref Prng r) => r.Int(1, _publicOrganizations + 1);

    private int AnyOrganization(ref Prng r) => r.Chance(0.8) ? PublicOrganization(ref r) : r.Int(1, _organizations + 1);

    // ---- Users and memberships: no passwords, nobody can sign in as them.

    private static string UserId(int i) => $"national-{i:D7}";

    private IEnumerable<User> Users()
    {
        for (var i = 1; i <= _size.Users; i++)
        {
            var r = Rng(4, i);
            var email = $"bruker{i}@eksempel.no";
            yield return new User
            {
                Id = UserId(i), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, SecurityStamp = $"{r.Next():X16}", ConcurrencyStamp = $"{r.Next():X16}",
                DisplayName = $"{r.Pick(Words.FirstNames)} {r.Pick(Words.LastNames)}", CreatedAt = Today.AddDays(-(i % 700)),
            };
        }
    }

    private IEnumerable<Membership> Memberships()
    {
        for (var i = 1; i <= _size.Users; i++)
        {
            yield return new Membership
            {
                Id = i, OrganizationId = 1 + (i - 1) % _organizations, UserId = UserId(i), Status = MembershipStatus.Active,
                Role = i % 50 == 0 ? MemberRole.Administrator : i % 10 == 0 ? MemberRole.Leader : MemberRole.Member,
                RequestedAt = Today.AddDays(-(i % 700)), DecidedAt = Today.AddDays(-(i % 700)),
            };
        }
    }

    // ---- Needs.

    private int NeedOwner(int need) { var r = Rng(5, need); return AnyOrganization(ref r); }

    private IEnumerable<Need> Needs()
    {
        for (var i = 1; i <= _size.Needs; i++)
        {
            var r = Rng(6, i);
            var created = Today.AddDays(-r.Int(1, 1500));
            var status = r.Weighted((NeedStatus.Published, 80), (NeedStatus.Draft, 15), (NeedStatus.Archived, 5));
            yield return new Need
            {
                Id = i, Title = $"{r.Pick(Words.NeedSubjects)} {r.Pick(Words.NeedProblems)} {r.Pick(Words.Places)}",
                AffectedGroups = r.Flags<AffectedGroups>(2), UserExperience = r.Pick(Words.Experiences), CurrentSituation = r.Pick(Words.Situations),
                Sectors = r.Flags<Sectors>(2), Levels = r.Flags<GovernmentLevels>(2), Status = status, IsDemo = true, CreatedAt = created,
                UpdatedAt = created.AddDays(r.Int(30)), PublishedAt = status == NeedStatus.Draft ? null : created.AddDays(1),
            };
        }
    }

    private IEnumerable<NeedOwner> NeedOwners()
    {
        for (var i = 1; i <= _size.Needs; i++)
        {
            yield return new NeedOwner { NeedId = i, OrganizationId = NeedOwner(i), Status = OwnerStatus.Accepted, InvitedAt = Today.AddDays(-1500), AcceptedAt = Today.AddDays(-1500) };
        }
    }

    // ---- Initiatives, partners and the needs they serve.

    private (int Owner, InitiativeStage Stage, bool Published) InitiativeFacts(int i)
    {
        var r = Rng(7, i);
        var owner = r.Chance(0.85) ? PublicOrganization(ref r) : r.Int(1, _organizations + 1);
        var stage = r.Weighted((InitiativeStage.Idea, 20), (InitiativeStage.Explore, 25), (InitiativeStage.DevelopAndTest, 25),
            (InitiativeStage.Implement, 15), (InitiativeStage.Spread, 8), (InitiativeStage.Stopped, 7));
        return (owner, stage, r.Chance(0.9));
    }

    private IEnumerable<Initiative> Initiatives()
    {
        for (var i = 1; i <= _size.Initiatives; i++)
        {
            var (owner, stage, published) = InitiativeFacts(i);
            var r = Rng(8, i);
            var created = Today.AddDays(-r.Int(1, 1500));
            var inspired = i > 100 && r.Chance(0.15);
            var start = DateOnly.FromDateTime(created.UtcDateTime).AddDays(r.Int(60));
            yield return new Initiative
            {
                Id = i, Title = $"{r.Pick(Words.InitiativeStarts)} {r.Pick(Words.InitiativeThings)} {r.Pick(Words.Places)}",
                Summary = $"{r.Pick(Words.Summaries)} {r.Pick(Words.Experiences)}", OwnerOrganizationId = owner,
                OwnerCountyNumber = _orgs[owner - 1].County, OwnerKind = _orgs[owner - 1].Kind,
                Measures = r.Flags<Measures>(3), InnovationTypes = r.Flags<InnovationTypes>(2), OecdFacet = (OecdFacet)r.Int(1, 5),
                Novelty = inspired ? Novelty.InspiredByOther : Novelty.NewToUs, InspiredByInitiativeId = inspired ? r.Int(1, i) : null,
                BudgetNok = r.Int(1, 400) * 25_000m, StartDate = start, EndDate = start.AddDays(r.Int(180, 1100)),
                ContactName = $"{r.Pick(Words.FirstNames)} {r.Pick(Words.LastNames)}", ContactEmail = $"kontakt{i}@eksempel.no",
                Visibility = published ? InitiativeVisibility.Published : InitiativeVisibility.Draft, Stage = stage,
                StopReason = stage == InitiativeStage.Stopped ? "Gevinstene sto ikke i forhold til kostnadene." : null,
                IsDemo = true, CreatedAt = created, UpdatedAt = created.AddDays(r.Int(200)), PublishedAt = published ? created.AddDays(2) : null,
            };
        }
    }

    private IEnumerable<InitiativePartner> Partners()
    {
        for (var i = 1; i <= _size.Initiatives; i++)
        {
            var owner = InitiativeFacts(i).Owner;
            var r = Rng(9, i);
            var seen = new HashSet<int> { owner };
            for (var n = r.Int(4); n > 0; n--)
            {
                var org = AnyOrganization(ref r);
                if (seen.Add(org))
                {
                    yield return new InitiativePartner
                    {
                        InitiativeId = i, OrganizationId = org, Role = (PartnerRole)r.Int(1, 6),
                        Status = r.Chance(0.85) ? ParticipationStatus.Accepted : ParticipationStatus.Invited, InvitedAt = Today.AddDays(-400), AcceptedAt = Today.AddDays(-390),
                    };
                }
            }
        }
    }

    private IEnumerable<InitiativeNeed> InitiativeNeeds()
    {
        for (var i = 1; i <= _size.Initiatives; i++)
        {
            var r = Rng(10, i);
            if (r.Chance(0.5))
            {
                yield return new InitiativeNeed { InitiativeId = i, NeedId = r.Int(1, _size.Needs + 1) };
            }
        }
    }

    // ---- Experiments and barriers.

    private IEnumerable<Experiment> Experiments()
    {
        for (var i = 1; i <= _size.Experiments; i++)
        {
            var r = Rng(11, i);
            var basis = r.Weighted((LegalBasis.OrdinaryMandate, 70), (LegalBasis.ExperimentsAct, 10), (LegalBasis.RegulatorySandbox, 10), (LegalBasis.Exemption, 10));
            var status = r.Weighted((ExperimentStatus.Planned, 30), (ExperimentStatus.Running, 40), (ExperimentStatus.Concluded, 30));
            var start = TodayDate.AddDays(-r.Int(1, 900));
            yield return new Experiment
            {
                Id = i, InitiativeId = r.Int(1, _size.Initiatives + 1), Title = $"Forsøk: {r.Pick(Words.InitiativeThings)} {r.Pick(Words.Places)}",
                Hypothesis = $"Vi tror at {r.Pick(Words.InitiativeThings)} gir {r.Pick(Words.Effects)}.", Design = (ExperimentDesign)r.Int(1, 5),
                StartDate = start, EndDate = start.AddDays(r.Int(90, 700)), LegalBasis = basis,
                ActApprovedOn = basis == LegalBasis.ExperimentsAct ? start : null, ActMinistry = basis == LegalBasis.ExperimentsAct ? "Kommunal- og distriktsdepartementet" : null,
                ActEndsOn = basis == LegalBasis.ExperimentsAct ? start.AddYears(4) : null,
                SandboxRegulator = basis == LegalBasis.RegulatorySandbox ? "Datatilsynet" : null, SandboxAdmittedOn = basis == LegalBasis.RegulatorySandbox ? start : null,
                ExemptionFromRule = basis == LegalBasis.Exemption ? "forskrift om skriftlig svar § 3" : null,
                Status = status, Outcome = status == ExperimentStatus.Concluded ? (ExperimentOutcome)r.Int(1, 4) : null,
                Evidence = status == ExperimentStatus.Concluded ? "Målingene før og etter viser effekten." : null,
                Decision = status == ExperimentStatus.Concluded ? (ExperimentDecision)r.Int(1, 4) : null,
                CreatedAt = Today.AddDays(-900), UpdatedAt = Today.AddDays(-r.Int(1, 300)),
            };
        }
    }

    private IEnumerable<ExperimentMetric> Metrics()
    {
        var id = 0;
        for (var i = 1; i <= _size.Experiments; i++)
        {
            var r = Rng(12, i);
            yield return new ExperimentMetric { Id = ++id, ExperimentId = i, Name = "Tid til svar", Unit = "dager", Baseline = r.Int(5, 40), Target = r.Int(1, 5), Result = r.Int(1, 30) };
            yield return new ExperimentMetric { Id = ++id, ExperimentId = i, Name = "Brukertilfredshet", Unit = "skår 1–6", Baseline = 3, Target = 5, Result = r.Int(2, 7) };
        }
    }

    private BarrierStatus BarrierState(int i) => Rng(13, i).Weighted((BarrierStatus.Reported, 40), (BarrierStatus.UnderReview, 30), (BarrierStatus.Resolved, 20), (BarrierStatus.Rejected, 10));

    private IEnumerable<Barrier> Barriers()
    {
        for (var i = 1; i <= _size.Barriers; i++)
        {
            var r = Rng(14, i);
            var rule = r.Pick(Words.Rules);
            var status = BarrierState(i);
            yield return new Barrier
            {
                Id = i, InitiativeId = r.Int(1, _size.Initiatives + 1), Rule = rule, RuleKey = BarrierRules.NormalizeRule(rule), Section = $"§ {r.Int(1, 40)}",
                Kind = (BarrierKind)r.Int(1, 6), Description = "Regelen hindrer at opplysninger deles mellom tjenestene som følger opp samme person.",
                ResponsibleOrganizationId = r.Int(_firstStateBody, _publicOrganizations + 1), Status = status,
                Resolution = status == BarrierStatus.Resolved ? (BarrierResolution)r.Int(1, 5) : null,
                ReportedAt = Today.AddDays(-r.Int(30, 900)), UpdatedAt = Today.AddDays(-r.Int(1, 30)),
            };
        }
    }

    private IEnumerable<BarrierStep> BarrierSteps()
    {
        var id = 0;
        for (var i = 1; i <= _size.Barriers; i++)
        {
            var status = BarrierState(i);
            if (status == BarrierStatus.Reported)
            {
                continue;
            }
            yield return new BarrierStep { Id = ++id, BarrierId = i, Status = BarrierStatus.UnderReview, Note = "Til vurdering.", Date = TodayDate.AddDays(-60), ByName = "Saksbehandler", RecordedAt = Today.AddDays(-60) };
            if (status != BarrierStatus.UnderReview)
            {
                yield return new BarrierStep
                {
                    Id = ++id, BarrierId = i, Status = status, Resolution = status == BarrierStatus.Resolved ? BarrierResolution.Clarification : null,
                    Note = "Vurdert.", Date = TodayDate.AddDays(-10), ByName = "Saksbehandler", RecordedAt = Today.AddDays(-10),
                };
            }
        }
    }

    // ---- Adoptions and investments: one per (initiative, organisation[, year]).

    private IEnumerable<Adoption> Adoptions()
    {
        var seen = new HashSet<long>();
        var id = 0;
        for (var n = 0; id < _size.Adoptions && n < _size.Adoptions * 3; n++)
        {
            var r = Rng(15, n);
            var initiative = r.Int(1, _size.Initiatives + 1);
            var (owner, _, published) = InitiativeFacts(initiative);
            var adopter = PublicOrganization(ref r);
            if (!published || adopter == owner || !seen.Add(((long)initiative << 32) | (uint)adopter))
            {
                continue;
            }
            var status = r.Weighted((AdoptionStatus.Considering, 30), (AdoptionStatus.Piloting, 25), (AdoptionStatus.Adopted, 35), (AdoptionStatus.Abandoned, 10));
            yield return new Adoption
            {
                Id = ++id, InitiativeId = initiative, AdopterOrganizationId = adopter, Status = status,
                AbandonReason = status == AdoptionStatus.Abandoned ? "Passet ikke med våre systemer." : null, Adaptations = "Tilpasset lokale rutiner.",
                ConfirmedAt = r.Chance(0.7) ? Today.AddDays(-r.Int(1, 300)) : null, IsDemo = true,
                CreatedAt = Today.AddDays(-r.Int(30, 600)), UpdatedAt = Today.AddDays(-r.Int(1, 30)),
            };
        }
    }

    private IEnumerable<Investment> Investments()
    {
        var seen = new HashSet<(int, int, int)>();
        var id = 0;
        for (var n = 0; id < _size.Investments && n < _size.Investments * 3; n++)
        {
            var r = Rng(16, n);
            var initiative = r.Int(1, _size.Initiatives + 1);
            var owner = InitiativeFacts(initiative).Owner;
            var organization = r.Chance(0.6) ? owner : AnyOrganization(ref r);
            var year = r.Int(2020, 2027);
            if (!seen.Add((initiative, organization, year)))
            {
                continue;
            }
            yield return new Investment
            {
                Id = ++id, InitiativeId = initiative, OrganizationId = organization, Year = year,
                AmountNok = r.Chance(0.9) ? r.Int(1, 200) * 10_000m : null, PersonHours = r.Chance(0.6) ? r.Int(10, 2000) : null, RecordedAt = Today,
            };
        }
    }

    // ---- Benefits and their measurements, generated twice from the same stream so the benefit keeps its derived values.

    private (Benefit Benefit, List<Measurement> Measurements) BenefitWithMeasurements(int i)
    {
        var r = Rng(17, i);
        var initiative = r.Int(1, _size.Initiatives + 1);
        var owner = InitiativeFacts(initiative).Owner;
        var kind = r.Weighted((BenefitKind.BudgetSaving, 30), (BenefitKind.AvoidedCost, 20), (BenefitKind.TimeSaved, 25), (BenefitKind.Quality, 10),
            (BenefitKind.UserSatisfaction, 10), (BenefitKind.Qualitative, 5));
        var disbenefit = r.Chance(0.05);
        var lower = kind == BenefitKind.Quality && r.Chance(0.5);
        var direction = lower ? BenefitDirection.LowerIsBetter : BenefitDirection.HigherIsBetter;
        decimal? baseline = kind == BenefitKind.Qualitative ? null : lower ? r.Int(50, 300) : kind == BenefitKind.UserSatisfaction ? 3 : 0;
        decimal? target = baseline is null ? null
            : kind switch
            {
                BenefitKind.BudgetSaving or BenefitKind.AvoidedCost => r.Int(1, 100) * 50_000m,
                BenefitKind.TimeSaved => r.Int(100, 20_000),
                BenefitKind.UserSatisfaction => 5,
                _ => lower ? baseline.Value / 2 : baseline.Value + r.Int(10, 100),
            };
        if (disbenefit && target is not null)
        {
            // A disbenefit's target is the worst accepted.
            target = baseline!.Value - (target.Value - baseline.Value);
        }
        var baselineDate = TodayDate.AddDays(-r.Int(100, 900));
        var group = r.Chance(0.3) ? (BeneficiaryGroup?)r.Int(1, 4) : null;
        var benefit = new Benefit
        {
            Id = i, InitiativeId = initiative, Description = $"{r.Pick(Words.Effects)} ({r.Pick(Words.Places)})", Kind = kind,
            Unit = BenefitRules.FixedUnit(kind) ?? (kind switch { BenefitKind.Quality => "minutter", BenefitKind.UserSatisfaction => "skår 1–6", _ => null }),
            Direction = direction, IsDisbenefit = disbenefit, BaselineValue = baseline, BaselineDate = baselineDate, TargetValue = target,
            TargetDate = baselineDate.AddDays(r.Int(365, 1100)), ResponsibleName = $"{r.Pick(Words.FirstNames)} {r.Pick(Words.LastNames)}",
            BeneficiaryGroup = group, BeneficiaryOrganizationId = group is null ? (r.Chance(0.4) ? owner : PublicOrganization(ref r)) : null,
            CreatedAt = Today.AddDays(-900), UpdatedAt = Today.AddDays(-r.Int(1, 90)),
        };
        var measurements = new List<Measurement>();
        var count = r.Int(NationalSize.MeasurementsPerBenefitBound);
        var span = Math.Max(1, TodayDate.DayNumber - baselineDate.DayNumber);
        for (var m = 1; m <= count; m++)
        {
            var progress = (decimal)(m / (double)count * r.Double() * 1.4);
            measurements.Add(new Measurement
            {
                BenefitId = i, Date = baselineDate.AddDays(span * m / (count + 1)),
                Value = baseline is null ? null : decimal.Round(baseline.Value + (target!.Value - baseline.Value) * progress, 2),
                Note = baseline is null ? "Brukerne melder at tjenesten er enklere." : null, Source = "Fagsystem", RecordedBy = "Seed", RecordedAt = Today,
            });
        }
        benefit.Measurements = [.. measurements];
        BenefitRules.Recompute(benefit);
        benefit.Measurements = [];
        return (benefit, measurements);
    }

    private IEnumerable<Benefit> Benefits()
    {
        for (var i = 1; i <= _size.Benefits; i++)
        {
            yield return BenefitWithMeasurements(i).Benefit;
        }
    }

    private IEnumerable<Measurement> Measurements()
    {
        var id = 0;
        for (var i = 1; i <= _size.Benefits; i++)
        {
            foreach (var m in BenefitWithMeasurements(i).Measurements)
            {
                m.Id = ++id;
                yield return m;
            }
        }
    }

    // ---- Open calls from public bodies, their criteria, and proposals from companies, start-ups and research.

    private (int Owner, DateTimeOffset Created, DateTimeOffset Deadline, OpenCallStatus Status) CallFacts(int i)
    {
        var r = Rng(18, i);
        var owner = PublicOrganization(ref r);
        var created = Today.AddDays(-r.Int(1, 1200));
        var deadline = OpenCallRules.DeadlineOn(DateOnly.FromDateTime(created.AddDays(r.Int(30, 90)).UtcDateTime));
        var status = r.Chance(0.05) ? OpenCallStatus.Draft
            : deadline > Today ? OpenCallStatus.Published
            : deadline > Today.AddDays(-30) ? r.Weighted((OpenCallStatus.Published, 70), (OpenCallStatus.Awarded, 20), (OpenCallStatus.Cancelled, 10))
            : r.Weighted((OpenCallStatus.Awarded, 80), (OpenCallStatus.Cancelled, 12), (OpenCallStatus.Published, 8));
        return (owner, created, deadline, status);
    }

    /// <summary>How many proposals a call gets: none for a draft, at least one for an awarded call, ten on average.</summary>
    private int ProposalCount(int call, OpenCallStatus status)
    {
        if (status == OpenCallStatus.Draft)
        {
            return 0;
        }
        var average = Math.Max(1, _size.Proposals / _size.OpenCalls);
        return Math.Max(status == OpenCallStatus.Awarded ? 1 : 0, average + Rng(19, call).Int(-average, average + 1));
    }

    private IEnumerable<OpenCall> OpenCalls()
    {
        for (var i = 1; i <= _size.OpenCalls; i++)
        {
            var (owner, created, deadline, status) = CallFacts(i);
            var r = Rng(20, i);
            var published = status != OpenCallStatus.Draft;
            yield return new OpenCall
            {
                Id = i, OwnerOrganizationId = owner, OwnerKind = _orgs[owner - 1].Kind, OwnerCountyNumber = _orgs[owner - 1].County,
                Title = $"{r.Pick(Words.InitiativeStarts)} {r.Pick(Words.InitiativeThings)} {r.Pick(Words.Places)}",
                Challenge = $"{r.Pick(Words.NeedSubjects)} {r.Pick(Words.NeedProblems)}. {r.Pick(Words.Experiences)} {r.Pick(Words.Situations)}",
                Requirements = "Forslaget beskriver løsningen, personvern, drift og hva en pilot koster.",
                BudgetNok = r.Chance(0.7) ? r.Int(2, 80) * 50_000m : null, Deadline = deadline, Status = status,
                NeedId = r.Chance(0.4) ? r.Int(1, _size.Needs + 1) : null,
                CancelReason = status == OpenCallStatus.Cancelled ? "Behovet dekkes av en nasjonal løsning." : null,
                AwardRationale = status == OpenCallStatus.Awarded ? "Høyest vektet score på nytte og gjennomførbarhet." : null,
                AwardedAt = status == OpenCallStatus.Awarded ? deadline.AddDays(20) : null,
                IsDemo = true, CreatedAt = created, UpdatedAt = status == OpenCallStatus.Awarded ? deadline.AddDays(20) : created.AddDays(2),
                PublishedAt = published ? created.AddDays(2) : null,
            };
        }
    }

    private static readonly (string Name, int Weight)[][] CriteriaSets =
    [
        [("Nytte for brukerne", 50), ("Gjennomførbarhet", 30), ("Pris", 20)],
        [("Kvalitet", 40), ("Innovasjonshøyde", 40), ("Pris", 20)],
        [("Effekt", 60), ("Pris", 40)],
    ];

    private IEnumerable<OpenCallCriterion> Criteria()
    {
        var id = 0;
        for (var i = 1; i <= _size.OpenCalls; i++)
        {
            var set = CriteriaSets[i % CriteriaSets.Length];
            for (var k = 0; k < set.Length; k++)
            {
                yield return new OpenCallCriterion { Id = ++id, OpenCallId = i, Name = set[k].Name, Weight = set[k].Weight, SortOrder = k };
            }
        }
    }

    private IEnumerable<Proposal> Proposals()
    {
        var id = 0;
        var firstProposer = _publicOrganizations + 1;
        var proposers = _organizations - _publicOrganizations;
        for (var c = 1; c <= _size.OpenCalls; c++)
        {
            var (_, created, deadline, status) = CallFacts(c);
            var count = Math.Min(ProposalCount(c, status), proposers);
            for (var k = 0; k < count; k++)
            {
                var r = Rng(21, (long)c * 1000 + k);
                // One organisation answers a call once: consecutive organisations from a point chosen by the call.
                var organization = firstProposer + (int)(((long)c * 9973 + k) % proposers);
                var open = deadline > Today;
                var proposalStatus = k == 0 && status == OpenCallStatus.Awarded ? ProposalStatus.Submitted
                    : open ? r.Weighted((ProposalStatus.Draft, 40), (ProposalStatus.Submitted, 55), (ProposalStatus.Withdrawn, 5))
                    : r.Weighted((ProposalStatus.Submitted, 90), (ProposalStatus.Withdrawn, 10));
                var written = created.AddDays(r.Int(3, 25));
                yield return new Proposal
                {
                    Id = ++id, OpenCallId = c, OrganizationId = organization,
                    Title = $"{r.Pick(Words.InitiativeStarts)} {r.Pick(Words.InitiativeThings)} fra {r.Pick(Words.CompanyStems)}{r.Pick(Words.CompanyEndings)}",
                    Solution = $"{r.Pick(Words.Summaries)} Vi forventer {r.Pick(Words.Effects)}.", PriceNok = r.Int(1, 60) * 25_000m,
                    Status = proposalStatus, SubmittedAt = proposalStatus == ProposalStatus.Draft ? null : written.AddDays(2),
                    IsDemo = true, CreatedAt = written, UpdatedAt = written.AddDays(2),
                };
            }
        }
    }
}
