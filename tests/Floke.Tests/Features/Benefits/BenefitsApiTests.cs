using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.Benefits;

[Collection("app")]
public class BenefitsApiTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    internal static async Task<(ApiUser Owner, int OwnerOrg, int Initiative)> InitiativeAsync(FlokeApp app, bool publish = true)
    {
        var owner = await Clients.NewApiUserAsync(app, "owner");
        var org = await owner.CreateOrganizationAsync();
        var id = (await owner.CreateInitiativeAsync(org)).GetProperty("id").GetInt32();
        if (publish)
        {
            await owner.PublishInitiativeAsync(id);
        }
        return (owner, org, id);
    }

    internal static object Saving(int initiative, int? receiver, string? group = null, decimal baseline = 0, decimal target = 1_000_000,
        string kind = "BudgetSaving", string direction = "HigherIsBetter", bool disbenefit = false) => new
    {
        initiativeId = initiative, description = $"Færre sykehusinnleggelser etter fall {TestData.Token()}", kind, direction, isDisbenefit = disbenefit,
        baselineValue = baseline, baselineDate = "2025-01-01", targetValue = target, targetDate = "2027-12-31",
        responsibleName = "Kari Nordmann", beneficiaryOrganizationId = receiver, beneficiaryGroup = group,
    };

    internal static async Task<JsonElement> CreateAsync(ApiUser user, object body)
    {
        var response = await user.Http.PostAsJsonAsync("/api/v1/benefits", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>Records a measurement; the answer is the measurement and the benefit as it now stands.</summary>
    internal static async Task<JsonElement> MeasureAsync(ApiUser user, int benefit, string date, decimal value)
    {
        var response = await user.Http.PostAsJsonAsync($"/api/v1/benefits/{benefit}/measurements", new { date, value, source = "Regnskap" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/benefits/{benefit}", response.Headers.Location?.OriginalString);
        var body = await response.ReadJsonAsync();
        Assert.Equal(date, body.GetProperty("measurement").GetProperty("date").GetString());
        Assert.Equal(value, body.GetProperty("measurement").GetProperty("value").GetDecimal());
        Assert.Equal(benefit, body.GetProperty("benefit").GetProperty("id").GetInt32());
        return body;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OwnerPlansABenefitLandingElsewhere_ReceiverMeasures_StatusFollows(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await InitiativeAsync(app);
        var hospital = await Clients.NewApiUserAsync(app, "hospital");
        var hospitalOrg = await hospital.CreateOrganizationAsync(TestData.Organization(kind: Floke.Web.Core.Organizations.OrganizationKind.StateAgency, municipality: null));

        var benefit = await CreateAsync(owner, Saving(initiative, hospitalOrg));
        var id = benefit.GetProperty("benefit").GetProperty("id").GetInt32();
        Assert.Equal("NotStarted", benefit.GetProperty("benefit").GetProperty("status").GetString());
        Assert.Equal("NOK", benefit.GetProperty("benefit").GetProperty("unit").GetString());
        Assert.Equal(hospitalOrg, benefit.GetProperty("benefit").GetProperty("beneficiaryOrganizationId").GetInt32());

        // The hospital, where the gain lands, measures it; the hospital cannot change the benefit itself.
        await MeasureAsync(hospital, id, "2025-06-30", 100_000m);
        await MeasureAsync(hospital, id, "2026-06-30", 700_000m);
        var put = await hospital.Http.PutAsJsonAsync($"/api/v1/benefits/{id}", Saving(initiative, hospitalOrg));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        var view = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}")).ReadJsonAsync();
        var summary = view.GetProperty("benefit");
        Assert.Equal(700_000m, summary.GetProperty("latestValue").GetDecimal());
        Assert.Equal(700_000m, summary.GetProperty("realisedValue").GetDecimal());
        Assert.Equal(2, view.GetProperty("measurements").GetProperty("items").GetArrayLength());
        Assert.Equal("OnTrack", summary.GetProperty("status").GetString()); // 70 % of the gain at ≈ 50 % of the time
        Assert.True(view.GetProperty("canEdit").GetBoolean());

        var latest = await MeasureAsync(owner, id, "2026-09-30", 1_200_000m);
        Assert.Equal("Exceeded", latest.GetProperty("benefit").GetProperty("status").GetString());
        Assert.Equal(3, latest.GetProperty("benefit").GetProperty("measurementCount").GetInt32());
        var exceeded = await (await Clients.Anonymous(app).GetAsync($"/api/v1/benefits/{id}")).ReadJsonAsync();
        Assert.Equal("Exceeded", exceeded.GetProperty("benefit").GetProperty("status").GetString());
        Assert.False(exceeded.GetProperty("canMeasure").GetBoolean());

        // A measurement dated before the latest: the latest stays, and it sits in date order.
        var earlier = await MeasureAsync(hospital, id, "2025-12-31", 400_000m);
        Assert.Equal(1_200_000m, earlier.GetProperty("benefit").GetProperty("latestValue").GetDecimal());
        var backdated = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}")).ReadJsonAsync();
        Assert.Equal(1_200_000m, backdated.GetProperty("benefit").GetProperty("latestValue").GetDecimal());
        Assert.Equal(1_200_000m, backdated.GetProperty("benefit").GetProperty("realisedValue").GetDecimal());
        Assert.Equal(new[] { "2026-09-30", "2026-06-30", "2025-12-31", "2025-06-30" }, // newest first
            backdated.GetProperty("measurements").GetProperty("items").EnumerateArray().Select(m => m.GetProperty("date").GetString()).ToArray());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task MeasurementsRecordedAtOnce_EveryOneCounted(string provider)
    {
        // Several people (or an import script) record at the same moment: each measurement is kept, and the benefit's
        // count and latest value account for all of them — none overwrites what another request just wrote.
        var app = apps[provider];
        var (owner, _, initiative) = await InitiativeAsync(app);
        var id = (await CreateAsync(owner, Saving(initiative, null, "Citizens"))).GetProperty("benefit").GetProperty("id").GetInt32();
        var dates = Enumerable.Range(0, 16).Select(i => new DateOnly(2025, 1, 1).AddDays(7 * i)).ToList();
        var responses = await Task.WhenAll(dates.Select(d => owner.Http.PostAsJsonAsync($"/api/v1/benefits/{id}/measurements",
            new { date = d.ToString("yyyy-MM-dd"), value = d.DayOfYear * 1000m })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var view = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}")).ReadJsonAsync();
        Assert.Equal(dates.Count, view.GetProperty("measurements").GetProperty("total").GetInt32());
        Assert.Equal(dates.Count, view.GetProperty("benefit").GetProperty("measurementCount").GetInt32());
        Assert.Equal(dates[^1].ToString("yyyy-MM-dd"), view.GetProperty("benefit").GetProperty("latestDate").GetString());
        Assert.Equal(dates[^1].DayOfYear * 1000m, view.GetProperty("benefit").GetProperty("latestValue").GetDecimal());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Rights_EachRole(string provider)
    {
        var app = apps[provider];
        var (owner, ownerOrg, initiative) = await InitiativeAsync(app);
        var (_, _, draft) = await InitiativeAsync(app, publish: false);
        var outsider = await Clients.NewApiUserAsync(app, "outsider");
        await outsider.CreateOrganizationAsync();
        var member = await Clients.NewApiUserAsync(app, "member");
        await member.JoinAsync(ownerOrg, owner);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Clients.Anonymous(app).PostAsJsonAsync("/api/v1/benefits", Saving(initiative, null, "Citizens"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.PostAsJsonAsync("/api/v1/benefits", Saving(initiative, null, "Citizens"))).StatusCode);
        // Another organisation's draft initiative does not exist for the outsider: the field is wrong, and its benefits answer 404.
        var onDraft = await outsider.Http.PostAsJsonAsync("/api/v1/benefits", Saving(draft, null, "Citizens"));
        Assert.Equal(HttpStatusCode.BadRequest, onDraft.StatusCode);
        Assert.True((await onDraft.ReadJsonAsync()).GetProperty("errors").TryGetProperty("initiativeId", out _));

        var id = (await CreateAsync(member, Saving(initiative, null, "Citizens"))).GetProperty("benefit").GetProperty("id").GetInt32();
        var measure = await outsider.Http.PostAsJsonAsync($"/api/v1/benefits/{id}/measurements", new { date = "2026-01-01", value = 5 });
        Assert.Equal(HttpStatusCode.Forbidden, measure.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Clients.Anonymous(app).PostAsJsonAsync($"/api/v1/benefits/{id}/measurements", new { date = "2026-01-01", value = 5 })).StatusCode);

        var draftOwner = await Clients.NewApiUserAsync(app, "draftowner");
        var draftOrg = await draftOwner.CreateOrganizationAsync();
        var hidden = (await draftOwner.CreateInitiativeAsync(draftOrg)).GetProperty("id").GetInt32();
        var hiddenBenefit = (await CreateAsync(draftOwner, Saving(hidden, null, "Citizens"))).GetProperty("benefit").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/benefits/{hiddenBenefit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Clients.Anonymous(app).GetAsync($"/api/v1/benefits/{hiddenBenefit}/measurements.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/benefits/{hiddenBenefit}/measurements")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PostAsJsonAsync($"/api/v1/benefits/{hiddenBenefit}/measurements", new { date = "2026-01-01", value = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/initiatives/{hidden}/benefits")).StatusCode);
        var list = await (await outsider.Http.GetAsync($"/api/v1/benefits?initiative={hidden}")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task BadInput_NamesEachField_InTheReadersLanguage(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await InitiativeAsync(app);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/benefits")
        {
            Content = JsonContent.Create(new
            {
                initiativeId = initiative, description = "", kind = "Quality", direction = "LowerIsBetter", baselineValue = 10, baselineDate = "2026-01-01",
                targetValue = 12, targetDate = "2025-01-01",
            }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await owner.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "description", "unit", "targetDate", "targetValue", "beneficiaryOrganizationId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        Assert.Contains("lower than the baseline", errors.GetProperty("targetValue")[0].GetString());

        var both = await owner.Http.PostAsJsonAsync("/api/v1/benefits", Saving(initiative, 1, "Citizens"));
        Assert.True((await both.ReadJsonAsync()).GetProperty("errors").TryGetProperty("beneficiaryGroup", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AMeasurementDatedLaterThanToday_IsRefused_AloneAndInAFile(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await InitiativeAsync(app);
        var id = (await CreateAsync(owner, Saving(initiative, null, "Citizens"))).GetProperty("benefit").GetProperty("id").GetInt32();
        // Two days on is later than today in Norway whatever the hour; yesterday (UTC) is never.
        var later = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2)).ToString("yyyy-MM-dd");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd");

        var alone = await owner.Http.PostAsJsonAsync($"/api/v1/benefits/{id}/measurements", new { date = later, value = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.True((await alone.ReadJsonAsync()).GetProperty("errors").TryGetProperty("date", out _));

        var file = $"date,value\n{yesterday},10\n{later},11\n";
        var refused = await owner.Http.PostAsync($"/api/v1/benefits/{id}/measurements/import", new StringContent(file, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var report = (await refused.ReadJsonAsync()).GetProperty("errors").GetProperty("upload").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.StartsWith("Rad 3:", Assert.Single(report));

        var accepted = await owner.Http.PostAsync($"/api/v1/benefits/{id}/measurements/import", new StringContent($"date,value\n{yesterday},10\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CsvImport_AcceptsAGoodFile_AndRefusesAFileWithOneBadRow_LeavingNothing(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await InitiativeAsync(app);
        var id = (await CreateAsync(owner, Saving(initiative, null, "Citizens", kind: "TimeSaved", baseline: 40, target: 20, direction: "LowerIsBetter")))
            .GetProperty("benefit").GetProperty("id").GetInt32();

        var bad = "dato;verdi;kilde;merknad\n31.01.2026;38,5;Timeliste;\n2026-02-28;tolv;Timeliste;\n2026-03-31;36;;\n32.04.2026;35;;\n";
        var refused = await owner.Http.PostAsync($"/api/v1/benefits/{id}/measurements/import", new StringContent(bad, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var report = (await refused.ReadJsonAsync()).GetProperty("errors").GetProperty("upload").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, report.Count);
        Assert.StartsWith("Rad 3:", report[0]);
        Assert.Contains("tolv", report[0]);
        Assert.StartsWith("Rad 5:", report[1]);
        var untouched = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}")).ReadJsonAsync();
        Assert.Equal(0, untouched.GetProperty("measurements").GetProperty("total").GetInt32());

        using var form = new MultipartFormDataContent();
        var good = "date,value,source,note\n2026-01-31,38.5,Timeliste,\n2026-02-28,37,Timeliste,\"Ny rutine, uke 8\"\n2026-03-31,36,,\n";
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(good)), "file", "malinger.csv");
        var accepted = await owner.Http.PostAsync($"/api/v1/benefits/{id}/measurements/import", form);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await accepted.ReadJsonAsync();
        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        Assert.Equal(4m, body.GetProperty("benefit").GetProperty("realisedValue").GetDecimal());
        Assert.Equal(3, body.GetProperty("benefit").GetProperty("measurementCount").GetInt32());
        var imported = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}")).ReadJsonAsync();
        Assert.Equal("Ny rutine, uke 8", imported.GetProperty("measurements").GetProperty("items")[1].GetProperty("note").GetString());

        // The download reads back in: same rows, Norwegian decimal comma.
        var csv = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}/measurements.csv")).Content.ReadAsStringAsync();
        Assert.Contains("2026-01-31;38,5;Timeliste;", csv);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task CsvImport_EachRowInTheHistoryAsIfAddedAlone_EarlierRowsReshareLaterGains(string provider)
    {
        // A file's rows are written in bulk; the history and the gain shares must be what adding them one by one gives.
        var app = apps[provider];
        var (owner, _, initiative) = await InitiativeAsync(app);
        var id = (await CreateAsync(owner, Saving(initiative, null, "Citizens", kind: "TimeSaved", baseline: 40, target: 20, direction: "LowerIsBetter")))
            .GetProperty("benefit").GetProperty("id").GetInt32();
        await MeasureAsync(owner, id, "2026-03-31", 36m); // 4 hours better than the baseline
        // A measurement entered by mistake and removed: its key names it in the history, so it is never given again.
        var mistaken = (await MeasureAsync(owner, id, "2026-06-30", 3m)).GetProperty("measurement").GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.DeleteAsync($"/api/v1/benefits/{id}/measurements/{mistaken}")).StatusCode);

        var csv = "date;value;source;note\n2026-04-30;35;Timeliste;\n2026-01-31;38,5;Timeliste;Første måned\n2026-02-28;37;Timeliste;\n";
        var imported = await owner.Http.PostAsync($"/api/v1/benefits/{id}/measurements/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var benefit = (await imported.ReadJsonAsync()).GetProperty("benefit");
        Assert.Equal(4, benefit.GetProperty("measurementCount").GetInt32());
        Assert.Equal(35m, benefit.GetProperty("latestValue").GetDecimal());
        Assert.Equal(5m, benefit.GetProperty("realisedValue").GetDecimal());

        // Each measurement's share of the gain, in date order: January 1.5, February 1.5, March (stored before) now 1, April 1.
        await using (var scope = app.Scope())
        {
            var shares = app.Db(scope).Measurements.Where(m => m.BenefitId == id).OrderBy(m => m.Date).Select(m => m.RealisedDelta).ToList();
            Assert.Equal([1.5m, 1.5m, 1m, 1m], shares);
        }

        var history = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}/history?pageSize=50")).ReadJsonAsync();
        var created = history.GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("entityType").GetString() == "Measurement" && e.GetProperty("action").GetString() == "Created")
            .Select(e => e.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!, c => c.GetProperty("after").GetString()))
            .ToList();
        Assert.Equal(5, created.Count); // the four kept and the one removed
        created.RemoveAll(c => c["Id"] == mistaken.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(4, created.Count);
        Assert.All(created.Where(c => c["Date"] != "2026-03-31"), c => Assert.True(int.Parse(c["Id"]!, System.Globalization.CultureInfo.InvariantCulture) > mistaken));
        var alone = created.Single(c => c["Date"] == "2026-03-31");
        var january = created.Single(c => c["Date"] == "2026-01-31");
        Assert.Equal(alone.Keys.Order(), january.Keys.Order());
        Assert.Equal("38.5", january["Value"]);
        Assert.Equal("Første måned", january["Note"]);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), january["BenefitId"]);
        Assert.True(int.Parse(january["Id"]!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(4, created.Select(c => c["Id"]).Distinct().Count());
        var users = history.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("entityType").GetString() == "Measurement")
            .Select(e => e.GetProperty("userName").GetString()).Distinct().ToList();
        Assert.Single(users);
        Assert.False(string.IsNullOrEmpty(users[0]));

        // A measurement added alone after the bulk write gets a key of its own.
        await MeasureAsync(owner, id, "2026-05-31", 34m);
        var view = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}")).ReadJsonAsync();
        Assert.Equal(5, view.GetProperty("measurements").GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).Distinct().Count());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ABenefitMeasuredForYears_ShowsItsMeasurementsPagedNewestFirst_AndDownloadsThemAll(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await InitiativeAsync(app);
        var id = (await CreateAsync(owner, Saving(initiative, null, "Citizens"))).GetProperty("benefit").GetProperty("id").GetInt32();
        var months = Enumerable.Range(0, 45).Select(i => new DateOnly(2023, 1, 31).AddMonths(i)).ToList();
        var csv = "date,value\n" + string.Concat(months.Select((d, i) => $"{d:yyyy-MM-dd},{i * 1000}\n"));
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.PostAsync($"/api/v1/benefits/{id}/measurements/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);

        var view = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}")).ReadJsonAsync();
        var first = view.GetProperty("measurements");
        Assert.Equal(45, first.GetProperty("total").GetInt32());
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        Assert.Equal(months[^1].ToString("yyyy-MM-dd"), first.GetProperty("items")[0].GetProperty("date").GetString());

        var last = (await (await owner.Http.GetAsync($"/api/v1/benefits/{id}?measurementPage=3")).ReadJsonAsync()).GetProperty("measurements");
        Assert.Equal(5, last.GetProperty("items").GetArrayLength());
        Assert.Equal(months[0].ToString("yyyy-MM-dd"), last.GetProperty("items")[4].GetProperty("date").GetString());

        var listed = await (await Clients.Anonymous(app).GetAsync($"/api/v1/benefits/{id}/measurements?page=2&pageSize=40")).ReadJsonAsync();
        Assert.Equal(5, listed.GetProperty("items").GetArrayLength());
        var capped = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}/measurements?pageSize=100000")).ReadJsonAsync();
        Assert.Equal(Floke.Web.Features.Benefits.BenefitFilter.MaxPageSize, capped.GetProperty("pageSize").GetInt32());

        var download = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}/measurements.csv")).Content.ReadAsStringAsync();
        Assert.Equal(46, download.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // heading and every row, oldest first
        Assert.True(download.IndexOf("2023-01-31", StringComparison.Ordinal) < download.IndexOf("2026-09-30", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ConcurrentEdits_TheSecondIsAConflict_AndAMeasurementDoesNotCountAsAnEdit(string provider)
    {
        var app = apps[provider];
        var (owner, _, initiative) = await InitiativeAsync(app);
        var created = (await CreateAsync(owner, Saving(initiative, null, "Citizens"))).GetProperty("benefit");
        var id = created.GetProperty("id").GetInt32();
        var version = (await (await owner.Http.GetAsync($"/api/v1/benefits/{id}")).ReadJsonAsync()).GetProperty("version").GetInt32();
        await MeasureAsync(owner, id, "2026-01-15", 10_000m);

        var first = await owner.Http.PutAsJsonAsync($"/api/v1/benefits/{id}", new { version, description = "Første", kind = "BudgetSaving", direction = "HigherIsBetter",
            baselineValue = 0, baselineDate = "2025-01-01", targetValue = 500_000, targetDate = "2027-12-31", beneficiaryGroup = "Citizens" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await owner.Http.PutAsJsonAsync($"/api/v1/benefits/{id}", new { version, description = "Andre", kind = "BudgetSaving", direction = "HigherIsBetter",
            baselineValue = 0, baselineDate = "2025-01-01", targetValue = 500_000, targetDate = "2027-12-31", beneficiaryGroup = "Citizens" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var stored = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}")).ReadJsonAsync();
        Assert.Equal("Første", stored.GetProperty("benefit").GetProperty("description").GetString());

        var history = await (await owner.Http.GetAsync($"/api/v1/benefits/{id}/history")).ReadJsonAsync();
        Assert.True(history.GetProperty("total").GetInt32() >= 3); // created, measured, edited
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Investments_OwnerRecordsAnyones_PartnerOnlyItsOwn_OneRowPerYear(string provider)
    {
        var app = apps[provider];
        var (owner, ownerOrg, initiative) = await InitiativeAsync(app);
        var partner = await Clients.NewApiUserAsync(app, "partner");
        var partnerOrg = await partner.CreateOrganizationAsync();
        var funder = await Clients.NewApiUserAsync(app, "funder");
        var funderOrg = await funder.CreateOrganizationAsync(TestData.Organization(kind: Floke.Web.Core.Organizations.OrganizationKind.StateAgency, municipality: null));
        await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{initiative}/partners", new { organizationId = partnerOrg, role = "Partner" });
        Assert.Equal(HttpStatusCode.OK, (await partner.Http.PostAsJsonAsync($"/api/v1/initiatives/{initiative}/partners/{partnerOrg}/answer", new { accept = true })).StatusCode);

        var own = await owner.Http.PostAsJsonAsync("/api/v1/investments", new { initiativeId = initiative, organizationId = ownerOrg, year = 2026, amountNok = 600_000.50m, personHours = 1200 });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync("/api/v1/investments", new { initiativeId = initiative, organizationId = funderOrg, year = 2026, amountNok = 400_000 })).StatusCode);
        var twice = await owner.Http.PostAsJsonAsync("/api/v1/investments", new { initiativeId = initiative, organizationId = ownerOrg, year = 2026, amountNok = 1 });
        Assert.True((await twice.ReadJsonAsync()).GetProperty("errors").TryGetProperty("year", out _));
        var nothing = await owner.Http.PostAsJsonAsync("/api/v1/investments", new { initiativeId = initiative, organizationId = ownerOrg, year = 2027 });
        Assert.True((await nothing.ReadJsonAsync()).GetProperty("errors").TryGetProperty("amountNok", out _));

        var forOther = await partner.Http.PostAsJsonAsync("/api/v1/investments", new { initiativeId = initiative, organizationId = funderOrg, year = 2025, amountNok = 5 });
        Assert.True((await forOther.ReadJsonAsync()).GetProperty("errors").TryGetProperty("organizationId", out _));
        Assert.Equal(HttpStatusCode.Created, (await partner.Http.PostAsJsonAsync("/api/v1/investments", new { initiativeId = initiative, organizationId = partnerOrg, year = 2026, personHours = 300 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await funder.Http.PostAsJsonAsync("/api/v1/investments", new { initiativeId = initiative, organizationId = funderOrg, year = 2025, amountNok = 5 })).StatusCode);

        var ownId = (await own.ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await owner.Http.DeleteAsync($"/api/v1/investments/{ownId}?version=7")).StatusCode);
        var map = await (await Clients.Anonymous(app).GetAsync($"/api/v1/initiatives/{initiative}/benefits")).ReadJsonAsync();
        Assert.Equal(3, map.GetProperty("investments").GetArrayLength());
        Assert.Equal(1_000_000.50m, map.GetProperty("investedNok").GetDecimal());
        Assert.Equal(1500m, map.GetProperty("investedHours").GetDecimal());
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.DeleteAsync($"/api/v1/investments/{ownId}?version=0")).StatusCode);
        var csv = await (await Clients.Anonymous(app).GetAsync($"/api/v1/initiatives/{initiative}/benefits.csv?table=investments")).Content.ReadAsStringAsync();
        Assert.Contains(";2026;400000;;", csv);
        Assert.DoesNotContain("600000,5", csv);
    }
}
