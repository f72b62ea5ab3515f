using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.Experiments;

[Collection("app")]
public class ExperimentsApiTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    private static object Experiment(int initiative, string legalBasis = "OrdinaryMandate", object? extra = null, object[]? metrics = null) => new Dictionary<string, object?>
    {
        ["initiativeId"] = initiative,
        ["title"] = "Fallsensor hos 30 brukere",
        ["hypothesis"] = "Vi tror at sensorer vil føre til raskere hjelp, målt ved tid fra fall til hjelp.",
        ["design"] = "BeforeAfter",
        ["startDate"] = "2026-01-01",
        ["endDate"] = "2026-06-30",
        ["legalBasis"] = legalBasis,
        ["metrics"] = metrics ?? [new { name = "Tid fra fall til hjelp", unit = "minutter", baseline = 240m, target = 30m }],
    }.Concat(extra is null ? [] : JsonSerializer.SerializeToElement(extra).EnumerateObject().Select(p => KeyValuePair.Create(p.Name, (object?)p.Value)))
     .ToDictionary(kv => kv.Key, kv => kv.Value);

    private static async Task<(ApiUser Owner, int Initiative)> InitiativeAsync(FlokeApp app, bool publish = true)
    {
        var owner = await Clients.NewApiUserAsync(app, "owner");
        var org = await owner.CreateOrganizationAsync();
        var id = (await owner.CreateInitiativeAsync(org)).GetProperty("id").GetInt32();
        if (publish)
        {
            await owner.PublishInitiativeAsync(id);
        }
        return (owner, id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_StoresMetricsExactly_TargetWithoutUnitRefused(string provider)
    {
        var app = apps[provider];
        var (owner, initiative) = await InitiativeAsync(app);
        var created = await owner.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(initiative));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        Assert.Equal("Planned", body.GetProperty("status").GetString());
        var metric = Assert.Single(body.GetProperty("metrics").EnumerateArray());
        Assert.Equal(240m, metric.GetProperty("baseline").GetDecimal());
        Assert.Equal(30m, metric.GetProperty("target").GetDecimal());

        var noUnit = await owner.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(initiative, metrics: [new { name = "Tilfredshet", target = 4.5m }]));
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        Assert.True((await noUnit.ReadJsonAsync()).GetProperty("errors").TryGetProperty("metrics[0].unit", out _));
    }

    [Theory]
    [InlineData("sqlite", "2030-03-01", false, true)]
    [InlineData("sqlite", "2030-03-02", false, false)]
    [InlineData("sqlite", "2032-03-01", true, true)]
    [InlineData("sqlite", "2032-03-02", true, false)]
    [InlineData("postgres", "2032-03-02", true, false)]
    [InlineData("postgres", "2030-03-01", false, true)]
    public async Task ExperimentsAct_AtMostFourYears_SixWithExtension(string provider, string endsOn, bool extended, bool ok)
    {
        var app = apps[provider];
        var (owner, initiative) = await InitiativeAsync(app);
        var response = await owner.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(initiative, "ExperimentsAct",
            new { actApprovedOn = "2026-03-01", actMinistry = "Kommunal- og distriktsdepartementet", actEndsOn = endsOn, actExtended = extended }));
        if (ok)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("actEndsOn", out _));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task LegalBasis_EachNeedsItsOwnFields(string provider)
    {
        var app = apps[provider];
        var (owner, initiative) = await InitiativeAsync(app);
        async Task<JsonElement> Errors(string basis) =>
            (await (await owner.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(initiative, basis))).ReadJsonAsync()).GetProperty("errors");
        var act = await Errors("ExperimentsAct");
        Assert.True(act.TryGetProperty("actApprovedOn", out _) && act.TryGetProperty("actMinistry", out _) && act.TryGetProperty("actEndsOn", out _));
        var sandbox = await Errors("RegulatorySandbox");
        Assert.True(sandbox.TryGetProperty("sandboxRegulator", out _) && sandbox.TryGetProperty("sandboxAdmittedOn", out _));
        Assert.True((await Errors("Exemption")).TryGetProperty("exemptionFromRule", out _));

        var ok = await owner.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(initiative, "RegulatorySandbox",
            new { sandboxRegulator = "Datatilsynet", sandboxAdmittedOn = "2026-02-01", sandboxExitReportUrl = "https://www.datatilsynet.no/sandkasse" }));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Conclude_NeedsEveryResult_ThenMakePermanentAsksForAGate(string provider)
    {
        var app = apps[provider];
        var (owner, initiative) = await InitiativeAsync(app);
        var experiment = await (await owner.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(initiative, metrics:
        [
            new { name = "Tid fra fall til hjelp", unit = "minutter", baseline = 240m, target = 30m },
            new { name = "Falske alarmer", unit = "per uke", baseline = 0m, target = 2m },
        ]))).ReadJsonAsync();
        var id = experiment.GetProperty("id").GetInt32();

        var tooEarly = await owner.Http.PostAsJsonAsync($"/api/v1/experiments/{id}/status", new { version = 0, status = "Concluded", outcome = "Confirmed", evidence = "x", decision = "Iterate" });
        Assert.True((await tooEarly.ReadJsonAsync()).GetProperty("errors").TryGetProperty("status", out _));
        var running = await (await owner.Http.PostAsJsonAsync($"/api/v1/experiments/{id}/status", new { version = 0, status = "Running" })).ReadJsonAsync();
        Assert.Equal("Running", running.GetProperty("status").GetString());
        var version = running.GetProperty("version").GetInt32();

        var noResults = await owner.Http.PostAsJsonAsync($"/api/v1/experiments/{id}/status", new { version, status = "Concluded", outcome = "Confirmed", evidence = "Målt i seks måneder", decision = "MakePermanent" });
        Assert.Equal(HttpStatusCode.BadRequest, noResults.StatusCode);
        var errors = (await noResults.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("metrics[0].result", out _));
        Assert.True(errors.TryGetProperty("metrics[1].result", out _));

        var withResults = await (await owner.Http.PutAsJsonAsync($"/api/v1/experiments/{id}", new
        {
            version, title = "Fallsensor hos 30 brukere", hypothesis = "Vi tror at sensorer vil føre til raskere hjelp.", design = "BeforeAfter",
            legalBasis = "OrdinaryMandate",
            metrics = new[]
            {
                new { name = "Tid fra fall til hjelp", unit = "minutter", baseline = 240m, target = 30m, result = 22m },
                new { name = "Falske alarmer", unit = "per uke", baseline = 0m, target = 2m, result = 3.5m },
            },
        })).ReadJsonAsync();
        Assert.Equal(22m, withResults.GetProperty("metrics")[0].GetProperty("result").GetDecimal());

        var missingDecision = await owner.Http.PostAsJsonAsync($"/api/v1/experiments/{id}/status", new { version = withResults.GetProperty("version").GetInt32(), status = "Concluded" });
        var missing = (await missingDecision.ReadJsonAsync()).GetProperty("errors");
        Assert.True(missing.TryGetProperty("outcome", out _) && missing.TryGetProperty("evidence", out _) && missing.TryGetProperty("decision", out _));

        var concluded = await (await owner.Http.PostAsJsonAsync($"/api/v1/experiments/{id}/status", new
        {
            version = withResults.GetProperty("version").GetInt32(), status = "Concluded", outcome = "Confirmed", evidence = "Målt i seks måneder", decision = "MakePermanent",
        })).ReadJsonAsync();
        Assert.Equal("Concluded", concluded.GetProperty("status").GetString());
        Assert.Equal("MakePermanent", concluded.GetProperty("decision").GetString());
        var init = await (await owner.Http.GetAsync($"/api/v1/initiatives/{initiative}")).ReadJsonAsync();
        Assert.Contains("Fallsensor hos 30 brukere", init.GetProperty("gateRequestNote").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Rights_DraftInitiativeHidden_OnlyParticipantsChange(string provider)
    {
        var app = apps[provider];
        var (owner, draftInitiative) = await InitiativeAsync(app, publish: false);
        var outsider = await Clients.NewApiUserAsync(app, "outsider");
        await outsider.CreateOrganizationAsync();
        var hidden = (await (await owner.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(draftInitiative))).ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await Clients.Anonymous(app).GetAsync($"/api/v1/experiments/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/experiments/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PostAsJsonAsync($"/api/v1/experiments/{hidden}/status", new { version = 0, status = "Running" })).StatusCode);
        var intoHidden = await outsider.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(draftInitiative));
        Assert.Equal(HttpStatusCode.BadRequest, intoHidden.StatusCode);

        var (owner2, published) = await InitiativeAsync(app);
        var visible = (await (await owner2.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(published))).ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await Clients.Anonymous(app).GetAsync($"/api/v1/experiments/{visible}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.PostAsJsonAsync($"/api/v1/experiments/{visible}/status", new { version = 0, status = "Running" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(published))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Clients.Anonymous(app).PostAsJsonAsync("/api/v1/experiments", Experiment(published))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AcceptedPartner_AddsExperiments(string provider)
    {
        var app = apps[provider];
        var (owner, initiative) = await InitiativeAsync(app);
        var partner = await Clients.NewApiUserAsync(app, "partner");
        var partnerOrg = await partner.CreateOrganizationAsync();
        await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{initiative}/partners", new { organizationId = partnerOrg, role = "ResearchPartner" });
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(initiative))).StatusCode);
        await partner.Http.PostAsJsonAsync($"/api/v1/initiatives/{initiative}/partners/{partnerOrg}/answer", new { accept = true });
        Assert.Equal(HttpStatusCode.Created, (await partner.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(initiative))).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ExperimentsAct_EndingWithinSixMonths_IsFlagged(string provider)
    {
        var app = apps[provider];
        var (owner, initiative) = await InitiativeAsync(app);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task<bool> Flag(DateOnly endsOn) =>
            (await (await owner.Http.PostAsJsonAsync("/api/v1/experiments", Experiment(initiative, "ExperimentsAct",
                new { actApprovedOn = today.AddYears(-2).ToString("O"), actMinistry = "Digitaliseringsdepartementet", actEndsOn = endsOn.ToString("O") })))
                .ReadJsonAsync()).GetProperty("actEndingSoon").GetBoolean();
        Assert.True(await Flag(today.AddDays(60)));
        Assert.False(await Flag(today.AddYears(1)));
    }
}
