using Floke.Web.Core.Audit;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Adoptions;
using Floke.Web.Features.Barriers;
using Floke.Web.Features.Benefits;
using Barrier = Floke.Web.Features.Barriers.Barrier;
using Floke.Web.Features.Experiments;
using Floke.Web.Features.Initiatives;
using Floke.Web.Features.Needs;
using Floke.Web.Features.OpenCalls;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Web.Core.Demo;

/// <summary>A small, realistic Norwegian data set for a first look, written only into an empty database and marked as demo
/// everywhere it shows. It has no accounts: nobody can sign in with a known password. Turn it off with Floke:Demo=false.</summary>
public static class DemoData
{
    public static async Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlokeDbContext>();
        if (await db.Organizations.AnyAsync(ct))
        {
            return;
        }
        db.ActorOverride = new AuditActor(null, "demo");
        var now = DateTimeOffset.UtcNow;
        var orgs = Organizations().Select(o => { o.IsDemo = true; o.CreatedAt = now; return o; }).ToList();
        db.Organizations.AddRange(orgs);
        await db.SaveChangesAsync(ct);
        Organization Org(string number) => orgs.Single(o => o.OrganizationNumber == number);

        var needs = Needs(Org, now).ToList();
        db.Needs.AddRange(needs);
        await db.SaveChangesAsync(ct);

        var initiatives = Initiatives(Org, needs, now).ToList();
        db.Initiatives.AddRange(initiatives);
        await db.SaveChangesAsync(ct);

        db.Experiments.AddRange(Experiments(initiatives, now));
        db.Barriers.AddRange(Barriers(initiatives, Org, now));
        await db.SaveChangesAsync(ct);

        var adoptions = Adoptions(initiatives, Org, now).ToList();
        db.Adoptions.AddRange(adoptions);
        db.Investments.AddRange(Investments(initiatives, Org, now));
        db.Benefits.AddRange(Benefits(initiatives, adoptions, Org, now));
        await db.SaveChangesAsync(ct);

        await OpenCallsAsync(db, Org, needs, now, ct);
    }

    /// <summary>Open calls in every phase: open, under evaluation (with proposals), awarded, cancelled, and a draft.</summary>
    private static async Task OpenCallsAsync(FlokeDbContext db, Func<string, Organization> org, IReadOnlyList<Need> needs, DateTimeOffset now, CancellationToken ct)
    {
        OpenCall Make(string owner, string title, string challenge, decimal? budget, int deadlineInDays, OpenCallStatus status, Need? need = null,
            string? cancelReason = null) => new()
        {
            OwnerOrganizationId = org(owner).Id, OwnerKind = org(owner).Kind, OwnerCountyNumber = org(owner).CountyNumber, Title = title, Challenge = challenge,
            Requirements = "Forslaget beskriver løsningen, personvern, drift og hva en pilot koster.", BudgetNok = budget,
            Deadline = OpenCallRules.DeadlineOn(DateOnly.FromDateTime(now.AddDays(deadlineInDays).UtcDateTime)), Status = status, NeedId = need?.Id,
            CancelReason = cancelReason, IsDemo = true, CreatedAt = now.AddDays(-70), UpdatedAt = now.AddDays(-40),
            PublishedAt = status == OpenCallStatus.Draft ? null : now.AddDays(-60),
            Criteria =
            [
                new() { Name = "Nytte for brukerne", Description = "Hvor godt løsningen møter behovet slik brukerne beskriver det.", Weight = 50, SortOrder = 0 },
                new() { Name = "Gjennomførbarhet", Description = "Modenhet, plan for pilot og drift.", Weight = 30, SortOrder = 1 },
                new() { Name = "Pris", Weight = 20, SortOrder = 2 },
            ],
        };
        Proposal Propose(OpenCall call, string by, string title, string solution, decimal price) => new()
        {
            OpenCall = call, OrganizationId = org(by).Id, Title = title, Solution = solution, PriceNok = price, Status = ProposalStatus.Submitted,
            SubmittedAt = now.AddDays(-35), IsDemo = true, CreatedAt = now.AddDays(-45), UpdatedAt = now.AddDays(-35),
        };
        var falls = needs.First(n => n.Title.StartsWith("Eldre som bor hjemme", StringComparison.Ordinal));
        var open = Make("958935420", "Varsling når eldre faller hjemme – uten kamera",
            "Eldre som bor hjemme, faller og blir liggende lenge før noen oppdager det. Vi søker løsninger som varsler hjemmetjenesten raskt, uten kamera og uten at brukeren må bære noe.",
            1_500_000m, 21, OpenCallStatus.Published, falls);
        var evaluating = Make("964338531", "Bedre koordinering av frivillige sjåfører til helsereiser",
            "Frivillige sjåfører, pasienter og sykehus avtaler helsereiser på telefon. Vi søker en enkel løsning for å matche kjøreoppdrag og sjåfører.",
            600_000m, -5, OpenCallStatus.Published);
        var awarded = Make("942110464", "Skoleskyss som følger timeplanen",
            "Skyssen kjører etter faste ruter mens timeplanene endrer seg. Vi søker løsninger som planlegger skoleskyss ut fra elevenes faktiske timeplaner.",
            900_000m, -30, OpenCallStatus.Awarded);
        var cancelled = Make("972418013", "Digital veiledning for søknad om startlån", "Søkere om startlån trenger hjelp til å forstå kravene før de søker.",
            null, -10, OpenCallStatus.Cancelled, cancelReason: "Husbanken lanserer en nasjonal løsning som dekker behovet.");
        var draft = Make("821311632", "Færre tomme seter i bestillingstransport", "Bestillingstransporten kjører ofte med få passasjerer. Utkast til utlysning.",
            400_000m, 40, OpenCallStatus.Draft);
        db.OpenCalls.AddRange(open, evaluating, awarded, cancelled, draft);
        var proposals = new[]
        {
            Propose(evaluating, "931000012", "Sjåførtavla", "En delt oversikt der sykehusene legger ut kjøreoppdrag og frivillige tar dem på mobilen.", 450_000m),
            Propose(evaluating, "931000039", "Ruteklar frivillig", "Ruteoptimering som samler flere pasienter i én tur.", 580_000m),
            Propose(awarded, "931000039", "Timeplanstyrt skyss", "Rutene planlegges hver natt ut fra skolenes timeplaner og fravær.", 820_000m),
            Propose(awarded, "931000012", "Skyssdialog", "Elevene og skolene melder endringer, og skyssen planlegges på nytt én gang i uken.", 300_000m),
        };
        db.Proposals.AddRange(proposals);
        await db.SaveChangesAsync(ct);
        awarded.AwardedProposalId = proposals[2].Id;
        awarded.AwardRationale = "Høyest score på nytte og gjennomførbarhet; prisen er innenfor budsjettet.";
        awarded.AwardedAt = now.AddDays(-20);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Investments by the owners and by others (a directorate's money, a research partner's hours).</summary>
    private static IEnumerable<Investment> Investments(IReadOnlyList<Initiative> initiatives, Func<string, Organization> org, DateTimeOffset now)
    {
        var year = now.Year;
        Initiative Named(string start) => initiatives.First(i => i.Title.StartsWith(start, StringComparison.Ordinal));
        Investment Make(string initiative, string number, int y, decimal? nok, decimal? hours) =>
            new() { Initiative = Named(initiative), Organization = org(number), Year = y, AmountNok = nok, PersonHours = hours, RecordedAt = now, Note = "Demodata" };
        yield return Make("Fallsensorer", "942110464", year - 1, 800_000m, 600m);
        yield return Make("Fallsensorer", "942110464", year, 600_000m, 400m);
        yield return Make("Fallsensorer", "983544622", year - 1, 500_000m, null);
        yield return Make("Fallsensorer", "919303808", year - 1, null, 1_200m);
        yield return Make("Digital oppfølging", "972418013", year - 2, 900_000m, 800m);
        yield return Make("Veiviser", "991825827", year - 1, 2_000_000m, 3_000m);
    }

    /// <summary>Benefits in every status, landing in the owner, in another organisation and with groups; a disbenefit; and
    /// an adopter's own benefit — with measurements over the past year.</summary>
    private static IEnumerable<Benefit> Benefits(IReadOnlyList<Initiative> initiatives, IReadOnlyList<Adoption> adoptions, Func<string, Organization> org,
        DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Initiative Named(string start) => initiatives.First(i => i.Title.StartsWith(start, StringComparison.Ordinal));
        Benefit Make(Initiative initiative, string description, BenefitKind kind, string? unit, BenefitDirection direction, decimal baseline, int baselineDays,
            decimal target, int targetDays, Organization? receiver, BeneficiaryGroup? group, params (int DaysAgo, decimal Value)[] measured)
        {
            var b = new Benefit
            {
                Initiative = initiative, Description = description, Kind = kind, Unit = BenefitRules.FixedUnit(kind) ?? unit, Direction = direction,
                BaselineValue = baseline, BaselineDate = today.AddDays(baselineDays), TargetValue = target, TargetDate = today.AddDays(targetDays),
                BeneficiaryOrganization = receiver, BeneficiaryGroup = group, ResponsibleName = "Demo-leder", CreatedAt = now.AddDays(baselineDays),
                UpdatedAt = now,
            };
            b.Measurements.UnionWith(measured.Select(m => new Measurement
            {
                Date = today.AddDays(-m.DaysAgo), Value = m.Value, Source = "Demodata", RecordedBy = "demo", RecordedAt = now.AddDays(-m.DaysAgo),
            }));
            BenefitRules.Recompute(b);
            return b;
        }
        var sensors = Named("Fallsensorer");
        yield return Make(sensors, "Unngåtte sykehusinnleggelser etter fall", BenefitKind.AvoidedCost, null, BenefitDirection.HigherIsBetter,
            0m, -365, 2_400_000m, 365, org("931000047"), null, (270, 300_000m), (180, 700_000m), (90, 1_100_000m), (10, 1_300_000m));
        yield return Make(sensors, "Minutter fra fall til hjelp", BenefitKind.Quality, "minutter", BenefitDirection.LowerIsBetter,
            240m, -365, 30m, 365, null, BeneficiaryGroup.Citizens, (200, 180m), (60, 90m));
        var alarms = Make(sensors, "Ekstra utrykninger ved falske alarmer", BenefitKind.TimeSaved, null, BenefitDirection.LowerIsBetter,
            0m, -365, 500m, 365, org("942110464"), null, (120, 150m), (20, 320m));
        alarms.IsDisbenefit = true;
        BenefitRules.Recompute(alarms);
        yield return alarms;
        yield return Make(Named("Digital oppfølging"), "Færre hjemmebesøk hos kols-pasienter", BenefitKind.BudgetSaving, null, BenefitDirection.HigherIsBetter,
            0m, -600, 1_500_000m, -30, org("972418013"), null, (400, 500_000m), (200, 1_100_000m), (40, 1_600_000m));
        var permits = Named("Veiviser");
        yield return Make(permits, "Timer næringsdrivende sparer på å finne tillatelser", BenefitKind.TimeSaved, null, BenefitDirection.HigherIsBetter,
            0m, -400, 20_000m, 330, null, BeneficiaryGroup.Businesses, (200, 3_000m), (30, 8_000m));
        var oslo = adoptions.First(a => a.Initiative == permits && a.AdopterOrganization == org("958935420"));
        var own = Make(permits, "Færre henvendelser om skjenkebevilling i Oslo", BenefitKind.TimeSaved, null, BenefitDirection.HigherIsBetter,
            0m, -200, 3_000m, 165, org("958935420"), null, (60, 1_200m));
        own.Adoption = oslo;
        yield return own;
        yield return Make(Named("Én dør inn"), "Unge som er i skole eller arbeid et år etter", BenefitKind.OtherQuantitative, "prosent", BenefitDirection.HigherIsBetter,
            40m, -60, 60m, 700, null, BeneficiaryGroup.Citizens);
    }

    /// <summary>Adoptions in every status: the permit guide spreads to several municipalities, one gave up a solution.</summary>
    private static IEnumerable<Adoption> Adoptions(IReadOnlyList<Initiative> initiatives, Func<string, Organization> org, DateTimeOffset now)
    {
        Initiative Named(string start) => initiatives.First(i => i.Title.StartsWith(start, StringComparison.Ordinal));
        Adoption Make(string initiative, string adopter, AdoptionStatus status, bool confirmed, string? adaptations = null, string? reason = null) => new()
        {
            Initiative = Named(initiative), AdopterOrganization = org(adopter), Status = status, Adaptations = adaptations, AbandonReason = reason,
            ConfirmedAt = confirmed ? now.AddDays(-30) : null, ConfirmedBy = confirmed ? "Demo-leder" : null, IsDemo = true,
            CreatedAt = now.AddDays(-60), UpdatedAt = now.AddDays(-30),
        };
        yield return Make("Veiviser", "958935420", AdoptionStatus.Adopted, true, "Lagt til Oslos egne regler for uteservering.");
        yield return Make("Veiviser", "964338531", AdoptionStatus.Adopted, true, "Koblet til kommunens saksbehandlingssystem.");
        yield return Make("Veiviser", "972418013", AdoptionStatus.Piloting, false);
        yield return Make("Veiviser", "942110464", AdoptionStatus.Considering, false);
        yield return Make("Digital oppfølging", "942110464", AdoptionStatus.Adopted, true, "Egen avtale med legevakten om oppfølging.");
        yield return Make("Digital oppfølging", "964338531", AdoptionStatus.Abandoned, true, reason: "Vi fant ikke personell til å følge opp målingene på dagtid.");
        yield return Make("Fallsensorer", "964338531", AdoptionStatus.Piloting, false, "Prøver ut i to bydeler først.");
    }

    /// <summary>Barriers in every status, some sharing a rule so that the register has something to count.</summary>
    private static IEnumerable<Barrier> Barriers(IReadOnlyList<Initiative> initiatives, Func<string, Organization> org, DateTimeOffset now)
    {
        Initiative Named(string start) => initiatives.First(i => i.Title.StartsWith(start, StringComparison.Ordinal));
        Barrier Make(Initiative initiative, string rule, string? section, BarrierKind kind, string description, string? responsible,
            BarrierStatus status, BarrierResolution? resolution, int daysAgo, params string[] notes)
        {
            var at = now.AddDays(-daysAgo);
            var barrier = new Barrier
            {
                Initiative = initiative, Rule = rule, RuleKey = BarrierRules.NormalizeRule(rule), Section = section, Kind = kind,
                Description = description, ResponsibleOrganization = responsible is null ? null : org(responsible), Status = status,
                Resolution = resolution, ReportedAt = at, UpdatedAt = at,
            };
            var path = status switch
            {
                BarrierStatus.UnderReview => new[] { BarrierStatus.UnderReview },
                BarrierStatus.Resolved or BarrierStatus.Rejected => [BarrierStatus.UnderReview, status],
                _ => [],
            };
            barrier.Steps.AddRange(path.Select((s, i) => new BarrierStep
            {
                Status = s, Resolution = s == BarrierStatus.Resolved ? resolution : null, Note = notes.ElementAtOrDefault(i) ?? "Demodata",
                Date = DateOnly.FromDateTime(at.AddDays(10 * (i + 1)).UtcDateTime), ByName = "Demo-saksbehandler", RecordedAt = at.AddDays(10 * (i + 1)),
            }));
            return barrier;
        }

        yield return Make(Named("Én dør inn"), "forvaltningsloven", "§ 13", BarrierKind.Law,
            "Taushetsplikten hindrer at Nav og kommunen deler opplysninger om den unge uten samtykke for hver sak.", "889640782",
            BarrierStatus.UnderReview, null, 40, "Demodata: vurderes sammen med departementet.");
        yield return Make(Named("Fallsensorer"), "Forvaltningsloven", "§ 13", BarrierKind.Law,
            "Hjemmetjenesten kan ikke dele sensorvarsler med fastlegen uten nytt samtykke.", "983544622",
            BarrierStatus.Reported, null, 12);
        yield return Make(Named("Veiviser"), "Tilskuddsregelverket for digitaliseringsprosjekter", null, BarrierKind.FundingRule,
            "Midlene kan bare brukes av én virksomhet, mens veiviseren eies av flere.", "991825827",
            BarrierStatus.Resolved, BarrierResolution.Clarification, 150, "Demodata: til vurdering.", "Demodata: avklart at felles eierskap er tillatt.");
        yield return Make(Named("Chatbot"), "plan- og bygningsloven", "§ 21-3", BarrierKind.InterpretationOrPractice,
            "Kommunen tolket kravet til skriftlig svar slik at chatbotens svar ikke kunne brukes.", null,
            BarrierStatus.Rejected, null, 100, "Demodata: til vurdering.", "Demodata: ikke et regelverkshinder, men et spørsmål om tjenestedesign.");
    }

    /// <summary>One experiment on each legal basis, in each status.</summary>
    private static IEnumerable<Experiment> Experiments(IReadOnlyList<Initiative> initiatives, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Initiative Named(string start) => initiatives.First(i => i.Title.StartsWith(start, StringComparison.Ordinal));
        Experiment Make(Initiative initiative, string title, string hypothesis, ExperimentDesign design, LegalBasis basis, ExperimentStatus status,
            params ExperimentMetric[] metrics) => new()
            {
                Initiative = initiative, Title = title, Hypothesis = hypothesis, Design = design, LegalBasis = basis, Status = status,
                StartDate = today.AddMonths(-6), EndDate = today.AddMonths(6), CreatedAt = now.AddDays(-180), UpdatedAt = now.AddDays(-10), Metrics = [.. metrics],
            };

        var sensors = Make(Named("Fallsensorer"), "Sensorer hos 30 hjemmeboende i Trondheim",
            "Vi tror at fallsensorer vil føre til raskere hjelp, målt ved minutter fra fall til hjelp er på plass.", ExperimentDesign.BeforeAfter,
            LegalBasis.OrdinaryMandate, ExperimentStatus.Concluded,
            new ExperimentMetric { Name = "Tid fra fall til hjelp", Unit = "minutter", Baseline = 240, Target = 30, Result = 22 },
            new ExperimentMetric { Name = "Falske alarmer", Unit = "per uke", Baseline = 0, Target = 2, Result = 3.5m });
        sensors.Outcome = ExperimentOutcome.Confirmed;
        sensors.Evidence = "Demodata: målt i seks måneder hos 30 brukere; falske alarmer over målet, men raskere hjelp i alle reelle fall.";
        sensors.Decision = ExperimentDecision.Iterate;
        yield return sensors;
        var youth = Make(Named("Én dør inn"), "Felles team for Nav og kommunen etter forsøksloven",
            "Vi tror at ett felles team vil føre til at flere unge er i jobb eller skole etter et år, målt ved andel i aktivitet.", ExperimentDesign.Pilot,
            LegalBasis.ExperimentsAct, ExperimentStatus.Running,
            new ExperimentMetric { Name = "Andel i jobb eller skole etter 12 måneder", Unit = "prosent", Baseline = 38, Target = 55 });
        youth.ActApprovedOn = today.AddYears(-3).AddMonths(-10);
        youth.ActMinistry = "Kommunal- og distriktsdepartementet";
        youth.ActEndsOn = today.AddMonths(2);
        yield return youth;
        var sandbox = Make(Named("Veiviser"), "Veiviseren i Datatilsynets sandkasse",
            "Vi tror at en veiviser som bruker virksomhetens egne data vil føre til færre ufullstendige søknader, målt ved andel komplette søknader.",
            ExperimentDesign.AB, LegalBasis.RegulatorySandbox, ExperimentStatus.Planned,
            new ExperimentMetric { Name = "Komplette søknader", Unit = "prosent", Baseline = 60, Target = 85 });
        sandbox.SandboxRegulator = "Datatilsynet";
        sandbox.SandboxAdmittedOn = today.AddMonths(-1);
        yield return sandbox;
        var chatbot = Make(Named("Chatbot"), "Chatbot med unntak fra krav om skriftlig svar",
            "Vi tror at en chatbot vil føre til færre telefoner om byggesøknader, målt ved antall telefoner per uke.", ExperimentDesign.Pilot,
            LegalBasis.Exemption, ExperimentStatus.Concluded,
            new ExperimentMetric { Name = "Telefoner om byggesøknader", Unit = "per uke", Baseline = 120, Target = 60, Result = 115 });
        chatbot.ExemptionFromRule = "Demodata: kommunens egen rutine for skriftlig svar innen tre uker";
        chatbot.Outcome = ExperimentOutcome.Refuted;
        chatbot.Evidence = "Demodata: antall telefoner falt bare 4 %; søkerne ville snakke med en saksbehandler.";
        chatbot.Decision = ExperimentDecision.Stop;
        yield return chatbot;
    }

    private static IEnumerable<Organization> Organizations() =>
    [
        new() { Name = "Oslo kommune", OrganizationNumber = "958935420", Kind = OrganizationKind.Municipality, MunicipalityNumber = "0301", CountyNumber = "03", IsVerified = true },
        new() { Name = "Bergen kommune", OrganizationNumber = "964338531", Kind = OrganizationKind.Municipality, MunicipalityNumber = "4601", CountyNumber = "46", IsVerified = true },
        new() { Name = "Trondheim kommune", OrganizationNumber = "942110464", Kind = OrganizationKind.Municipality, MunicipalityNumber = "5001", CountyNumber = "50", IsVerified = true },
        new() { Name = "Bodø kommune", OrganizationNumber = "972418013", Kind = OrganizationKind.Municipality, MunicipalityNumber = "1804", CountyNumber = "18", IsVerified = true },
        new() { Name = "Vestland fylkeskommune", OrganizationNumber = "821311632", Kind = OrganizationKind.County, CountyNumber = "46", IsVerified = true },
        new() { Name = "Digitaliseringsdirektoratet", OrganizationNumber = "991825827", Kind = OrganizationKind.StateAgency, IsVerified = true,
            Description = "Statens fagorgan for digitalisering og samordning av offentlig sektor." },
        new() { Name = "Arbeids- og velferdsetaten (Nav)", OrganizationNumber = "889640782", Kind = OrganizationKind.StateAgency, IsVerified = true },
        new() { Name = "Helsedirektoratet", OrganizationNumber = "983544622", Kind = OrganizationKind.StateAgency, IsVerified = true },
        new() { Name = "SINTEF AS", OrganizationNumber = "919303808", Kind = OrganizationKind.ResearchInstitution, MunicipalityNumber = "5001", CountyNumber = "50", IsVerified = true },
        new() { Name = "Norges Røde Kors", OrganizationNumber = "864139442", Kind = OrganizationKind.VoluntaryOrganization, MunicipalityNumber = "0301", CountyNumber = "03" },
        new() { Name = "Demo: Tjenestelab AS (oppdiktet)", OrganizationNumber = "931000012", Kind = OrganizationKind.StartUp, MunicipalityNumber = "4601", CountyNumber = "46",
            Description = "Et oppdiktet oppstartsselskap i demodataene: tjenestedesign og brukerinnsikt." },
        new() { Name = "Demo: Sensorhjem AS (oppdiktet)", OrganizationNumber = "931000020", Kind = OrganizationKind.StartUp, MunicipalityNumber = "5001", CountyNumber = "50",
            Description = "Et oppdiktet oppstartsselskap i demodataene: sensorer og varsling for hjemmeboende." },
        new() { Name = "Demo: Ruteklar AS (oppdiktet)", OrganizationNumber = "931000039", Kind = OrganizationKind.Company, MunicipalityNumber = "1804", CountyNumber = "18" },
        new() { Name = "Demo: Midt-Norge sykehus HF (oppdiktet)", OrganizationNumber = "931000047", Kind = OrganizationKind.StateAgency, MunicipalityNumber = "5001", CountyNumber = "50",
            Description = "Et oppdiktet helseforetak i demodataene: her lander gevinsten av færre fallskader." },
    ];

    private static IEnumerable<Need> Needs(Func<string, Organization> org, DateTimeOffset now)
    {
        Need Make(string title, AffectedGroups groups, string experience, string situation, Sectors sectors, GovernmentLevels levels,
            NeedStatus status, int daysAgo, params (string Number, OwnerStatus Status)[] owners)
        {
            var at = now.AddDays(-daysAgo);
            var need = new Need
            {
                Title = title, AffectedGroups = groups, UserExperience = experience, CurrentSituation = situation, Sectors = sectors,
                Levels = levels, Status = status, IsDemo = true, CreatedAt = at, UpdatedAt = at,
                PublishedAt = status == NeedStatus.Draft ? null : at,
            };
            need.Owners.AddRange(owners.Select(o => new NeedOwner
            {
                Organization = org(o.Number), Status = o.Status, InvitedAt = at, AcceptedAt = o.Status == OwnerStatus.Accepted ? at : null,
            }));
            return need;
        }

        yield return Make("Eldre som bor hjemme, faller og blir liggende lenge før noen oppdager det",
            AffectedGroups.Citizens | AffectedGroups.PublicEmployees,
            "Mange eldre som bor alene, faller om natta. Noen blir liggende i timevis før hjemmetjenesten kommer. Pårørende er engstelige, og de eldre vil likevel bo hjemme så lenge som mulig.",
            "Trygghetsalarm krever at brukeren selv trykker. Hjemmetjenesten har faste besøkstider og oppdager fall først ved neste besøk. Sykehusinnleggelser etter langvarig ligging er dyre for helseforetaket.",
            Sectors.Health | Sectors.Care, GovernmentLevels.Municipality | GovernmentLevels.State, NeedStatus.Published, 40,
            ("942110464", OwnerStatus.Accepted), ("972418013", OwnerStatus.Accepted));
        yield return Make("Unge som faller utenfor skole og arbeid møter for mange dører",
            AffectedGroups.Citizens | AffectedGroups.PublicEmployees,
            "Unge mellom 16 og 25 år som har droppet ut av videregående, må forholde seg til Nav, oppfølgingstjenesten, fastlegen og kommunen hver for seg. De forteller sin historie på nytt hver gang.",
            "Hver etat har sitt eget system og sitt eget mandat. Ingen eier helheten, og gevinsten av at en ungdom kommer i jobb havner hos staten mens kostnaden ligger i kommunen.",
            Sectors.Welfare | Sectors.Education, GovernmentLevels.State | GovernmentLevels.County | GovernmentLevels.Municipality, NeedStatus.Published, 25,
            ("958935420", OwnerStatus.Accepted), ("889640782", OwnerStatus.Accepted));
        yield return Make("Små bedrifter bruker dager på å finne ut hvilke tillatelser de trenger",
            AffectedGroups.Businesses,
            "En som vil åpne en kafé, må finne fram i regler fra kommunen, Mattilsynet og Skatteetaten. Mange gir opp eller starter uten alle tillatelser.",
            "Informasjonen finnes, men er spredt på mange nettsteder og skrevet fra etatenes side, ikke fra næringsdrivendes.",
            Sectors.Business | Sectors.Digitalisation, GovernmentLevels.State | GovernmentLevels.Municipality, NeedStatus.Published, 12,
            ("991825827", OwnerStatus.Accepted), ("964338531", OwnerStatus.Invited));
        yield return Make("Frivillige sjåfører til helsereiser er vanskelige å koordinere",
            AffectedGroups.Citizens | AffectedGroups.VoluntaryOrganizations,
            "Pasienter uten bil i distriktene er avhengige av frivillige sjåfører til sykehusavtaler. Avlysninger og endringer når ikke fram i tide.",
            "Koordineringen skjer på telefon og SMS mellom frivillige, sykehus og pasient.",
            Sectors.Health | Sectors.Transport, GovernmentLevels.Municipality, NeedStatus.Published, 5,
            ("864139442", OwnerStatus.Accepted));
        yield return Make("Skoleskyss som ikke passer med timeplanen",
            AffectedGroups.Citizens,
            "Elever i spredtbygde strøk venter over en time på skolen fordi bussene går etter en rute som ble lagt før timeplanen ble endret.",
            "Fylkeskommunen planlegger skyssen, skolene legger timeplanen, og de to planene møtes sjelden.",
            Sectors.Education | Sectors.Transport, GovernmentLevels.County | GovernmentLevels.Municipality, NeedStatus.Draft, 2,
            ("821311632", OwnerStatus.Accepted));
    }

    private static IEnumerable<Initiative> Initiatives(Func<string, Organization> org, IReadOnlyList<Need> needs, DateTimeOffset now)
    {
        Initiative Make(string title, string summary, string owner, Measures measures, InnovationTypes types, OecdFacet facet,
            InitiativeStage stage, int daysAgo, Need? need, params (string Number, PartnerRole Role)[] partners)
        {
            var at = now.AddDays(-daysAgo);
            var initiative = new Initiative
            {
                Title = title, Summary = summary, OwnerOrganization = org(owner), OwnerCountyNumber = org(owner).CountyNumber, OwnerKind = org(owner).Kind, Measures = measures, InnovationTypes = types, OecdFacet = facet,
                Novelty = Novelty.NewToUs, Visibility = InitiativeVisibility.Published, Stage = InitiativeStage.Idea, IsDemo = true,
                CreatedAt = at, UpdatedAt = at, PublishedAt = at, StartDate = DateOnly.FromDateTime(at.UtcDateTime),
            };
            if (need is not null)
            {
                initiative.Needs.Add(new InitiativeNeed { Need = need });
            }
            initiative.Partners.AddRange(partners.Select(p => new InitiativePartner
            {
                Organization = org(p.Number), Role = p.Role, Status = ParticipationStatus.Accepted, InvitedAt = at, AcceptedAt = at,
            }));
            // Walk the gates up to the stage, each with a rationale on record.
            var step = 0;
            while (initiative.Stage != stage && InitiativeRules.NextStage(initiative.Stage) is { } next && stage != InitiativeStage.Stopped)
            {
                step++;
                initiative.GateDecisions.Add(new GateDecision
                {
                    FromStage = initiative.Stage, ToStage = next, Outcome = GateOutcome.Go, Rationale = "Demodata: behovet og gevinstene er godt nok belyst til å gå videre.",
                    DecidedOn = DateOnly.FromDateTime(at.AddDays(step * 7).UtcDateTime), DecidedByUserId = "demo", DecidedByName = "Demo-leder", RecordedAt = at.AddDays(step * 7),
                });
                initiative.Stage = next;
            }
            return initiative;
        }

        var elderly = needs.First(n => n.Title.StartsWith("Eldre", StringComparison.Ordinal));
        var sensors = Make("Fallsensorer hos hjemmeboende eldre", "Trondheim og Bodø prøver sensorer som varsler hjemmetjenesten ved fall, med SINTEF som forskningspartner.",
            "942110464", Measures.Experiments | Measures.Collaboration | Measures.Digitalisation, InnovationTypes.Service | InnovationTypes.Technology,
            OecdFacet.Enhancement, InitiativeStage.DevelopAndTest, 60, elderly, ("972418013", PartnerRole.Partner), ("919303808", PartnerRole.ResearchPartner),
            ("931000020", PartnerRole.Supplier));
        sensors.Milestones.AddRange(
        [
            new Milestone { Title = "Avtale med leverandør", DueDate = DateOnly.FromDateTime(now.AddDays(-40).UtcDateTime), Done = true, DoneAt = now.AddDays(-40) },
            new Milestone { Title = "30 brukere har sensor", DueDate = DateOnly.FromDateTime(now.AddDays(-5).UtcDateTime), Done = true, DoneAt = now.AddDays(-6) },
            new Milestone { Title = "Evaluering av falske alarmer", DueDate = DateOnly.FromDateTime(now.AddDays(30).UtcDateTime) },
            new Milestone { Title = "Beslutning om drift", DueDate = DateOnly.FromDateTime(now.AddDays(90).UtcDateTime) },
        ]);
        yield return sensors;
        var youth = needs.First(n => n.Title.StartsWith("Unge", StringComparison.Ordinal));
        var permits = needs.First(n => n.Title.StartsWith("Små bedrifter", StringComparison.Ordinal));
        yield return Make("Én dør inn for unge utenfor skole og arbeid", "Nav og Oslo kommune samler oppfølgingen av unge i ett team med felles plan.",
            "958935420", Measures.Collaboration | Measures.FrameworkConditions, InnovationTypes.Organisation | InnovationTypes.Process,
            OecdFacet.MissionOriented, InitiativeStage.Explore, 30, youth, ("889640782", PartnerRole.Lead), ("864139442", PartnerRole.UserRepresentative));
        yield return Make("Veiviser for tillatelser til serveringssteder", "En veiviser som viser hvilke tillatelser en ny kafé trenger, skrevet fra næringsdrivendes side.",
            "991825827", Measures.Digitalisation | Measures.RealiseAndSpread, InnovationTypes.Service | InnovationTypes.Communication,
            OecdFacet.Enhancement, InitiativeStage.Spread, 200, permits, ("931000012", PartnerRole.Supplier));
        var stopped = Make("Chatbot for byggesøknader", "En chatbot skulle svare på spørsmål om byggesøknader.", "964338531",
            Measures.Digitalisation, InnovationTypes.Technology, OecdFacet.Enhancement, InitiativeStage.Explore, 120, null);
        stopped.GateDecisions.Add(new GateDecision
        {
            FromStage = InitiativeStage.Explore, ToStage = InitiativeStage.Stopped, Outcome = GateOutcome.Stop,
            Rationale = "Demodata: brukertestene viste at søkerne ikke stolte på svarene.", DecidedOn = DateOnly.FromDateTime(now.AddDays(-20).UtcDateTime),
            DecidedByUserId = "demo", DecidedByName = "Demo-leder", RecordedAt = now.AddDays(-20),
        });
        stopped.Stage = InitiativeStage.Stopped;
        stopped.StopReason = "Søkerne ville heller snakke med en saksbehandler, og svarene kunne ikke gjøres juridisk sikre nok.";
        stopped.Lessons.Add(new Lesson
        {
            WhatWorked = "En rask prototyp ga tidlig innsikt.", WhatDidNotWork = "Søkerne stolte ikke på automatiske svar om regelverk.",
            DoDifferently = "Teste med ekte søkere før vi bygger, og starte med de vanligste spørsmålene.",
            AuthorUserId = "demo", AuthorName = "Demo-leder", CreatedAt = now.AddDays(-20),
        });
        yield return stopped;
        yield return Make("Digital oppfølging av kols-pasienter hjemme", "Bodø kommune tar i bruk avstandsoppfølging av kols-pasienter i drift etter en vellykket utprøving.",
            "972418013", Measures.RealiseAndSpread | Measures.Digitalisation, InnovationTypes.Service | InnovationTypes.Process,
            OecdFacet.Enhancement, InitiativeStage.Implement, 150, elderly, ("983544622", PartnerRole.Partner));
        yield return Make("Samordnet skoleskyss og timeplan", "Fylkeskommunen og skolene planlegger skyss og timeplan sammen.", "821311632",
            Measures.Collaboration, InnovationTypes.Process, OecdFacet.Adaptive, InitiativeStage.Idea, 3, null);
    }
}
