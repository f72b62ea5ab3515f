using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.OpenData;

/// <summary>Open data on both databases: every collection as CSV, XLSX and in one ZIP, with published items only and no
/// people's names or contact details — even for the owner of a draft; and a DCAT-AP-NO catalogue that the official SHACL
/// shapes accept with no violation, as Turtle and as JSON-LD.</summary>
[Collection("app")]
public class OpenDataTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Downloads_HoldPublishedItemsOnly_AndNoPersonalData(string provider)
    {
        var app = apps[provider];
        var token = TestData.Token();
        var owner = await Clients.NewApiUserAsync(app, "opendata");
        var org = await owner.CreateOrganizationAsync();
        var body = JsonSerializer.SerializeToNode(TestData.Initiative(org, $"Åpent tiltak {token}"), Clients.Json)!.AsObject();
        body["contactName"] = $"Kari Kontakt {token}";
        body["contactEmail"] = $"kari.{token}@kommune.no";
        var published = (await (await owner.Http.PostAsJsonAsync("/api/v1/initiatives", body)).ReadJsonAsync()).GetProperty("id").GetInt32();
        await owner.PublishInitiativeAsync(published);
        await owner.CreateInitiativeAsync(org, $"Hemmelig utkast {token}");
        var benefit = await owner.Http.PostAsJsonAsync("/api/v1/benefits", new { initiativeId = published, description = $"Spart tid {token}", kind = "TimeSaved",
            direction = "HigherIsBetter", baselineValue = 0, baselineDate = "2025-01-01", targetValue = 100, targetDate = "2027-01-01", beneficiaryGroup = "Citizens",
            responsibleName = $"Per Ansvarlig {token}" });
        Assert.Equal(HttpStatusCode.Created, benefit.StatusCode);

        foreach (var client in new[] { Clients.Anonymous(app), owner.Http })
        {
            var initiatives = await client.GetAsync("/open-data/initiatives.csv");
            Assert.Equal("text/csv", initiatives.Content.Headers.ContentType!.MediaType);
            var csv = await initiatives.Content.ReadAsStringAsync();
            Assert.StartsWith("id;title;summary;", csv.TrimStart('\uFEFF'));
            Assert.Contains($"Åpent tiltak {token}", csv);
            Assert.DoesNotContain($"Hemmelig utkast {token}", csv);
            Assert.DoesNotContain("Kari Kontakt", csv);
            Assert.DoesNotContain($"kari.{token}", csv);
            var benefits = await client.GetStringAsync("/open-data/benefits.csv");
            Assert.Contains($"Spart tid {token}", benefits);
            Assert.DoesNotContain("Per Ansvarlig", benefits);
        }

        // The same rows as a workbook: a real XLSX (a ZIP with the sheet) holding the title.
        var xlsx = await Clients.Anonymous(app).GetAsync("/open-data/initiatives.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using (var workbook = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            var sheet = await new StreamReader(workbook.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEndAsync();
            Assert.Contains($"Åpent tiltak {token}", sheet);
            Assert.DoesNotContain($"Hemmelig utkast {token}", sheet);
        }

        // Everything in one ZIP: each dataset's CSV and the catalogue.
        var zipResponse = await Clients.Anonymous(app).GetAsync("/open-data/floke-open-data.zip");
        using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["adoptions.csv", "awards.csv", "barriers.csv", "benefits.csv", "calls.csv", "catalog.ttl", "experiments.csv", "initiatives.csv",
            "investments.csv", "lessons.csv", "measurements.csv", "needs.csv", "organizations.csv"], zip.Entries.Select(e => e.FullName).Order());
        Assert.Contains($"Åpent tiltak {token}", await new StreamReader(zip.GetEntry("initiatives.csv")!.Open()).ReadToEndAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await Clients.Anonymous(app).GetAsync("/open-data/users.csv")).StatusCode);
        var page = await Clients.Pages(app).GetDocumentAsync("/open-data");
        Assert.NotNull(page.QuerySelector("a[href='/open-data/initiatives.xlsx']"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Catalogue_PassesTheDcatApNoShapes_AsTurtleAndJsonLd(string provider)
    {
        var app = apps[provider];
        var client = Clients.Anonymous(app);
        var turtle = await client.GetAsync("/open-data/catalog");
        Assert.Equal("text/turtle", turtle.Content.Headers.ContentType!.MediaType);
        var ttl = await turtle.Content.ReadAsStringAsync();
        Assert.Contains("NLOD_2_0", ttl);
        Assert.Contains("enheter/991825827", ttl);
        Assert.Contains("/open-data/initiatives.csv", ttl);
        Assert.Contains("@en", ttl);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/open-data/catalog");
        request.Headers.Accept.ParseAdd("application/ld+json");
        var jsonLd = await client.SendAsync(request);
        Assert.Equal("application/ld+json", jsonLd.Content.Headers.ContentType!.MediaType);
        var json = await jsonLd.Content.ReadAsStringAsync();
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(json).RootElement.ValueKind);

        Assert.Equal("violations: 0", await ValidateAsync(ttl, ".ttl"));
        Assert.Equal("violations: 0", await ValidateAsync(json, ".jsonld"));
        // The check can fail: a catalogue without its publisher is refused.
        Assert.NotEqual("violations: 0", await ValidateAsync(string.Join('\n', ttl.Split('\n').Where(l => !l.Contains("dct:publisher"))), ".ttl"));
    }

    /// <summary>Runs the official shapes over the data with rdf-validate-shacl (tests/shacl).</summary>
    private static async Task<string> ValidateAsync(string data, string extension)
    {
        var (_, output) = await NodeTool.RunAsync("shacl", data, extension, "validate.mjs", "DCAT-AP-NO-shacl_shapes_2.00.ttl", "{file}");
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith("violations:", StringComparison.Ordinal));
        Assert.True(last is not null, $"the validator did not run:\n{output}");
        return last;
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OpenCalls_PublishedCallsAndAwardsOnly_ProposalsNotAwardedNeverPublished(string provider)
    {
        var app = apps[provider];
        var token = TestData.Token();
        var leader = await Clients.NewApiUserAsync(app);
        var founder = await Clients.NewApiUserAsync(app);
        var municipality = await leader.CreateOrganizationAsync();
        var a = await founder.CreateOrganizationAsync(TestData.Organization(kind: Floke.Web.Core.Organizations.OrganizationKind.StartUp, municipality: null));
        var b = await founder.CreateOrganizationAsync(TestData.Organization(kind: Floke.Web.Core.Organizations.OrganizationKind.Company, municipality: null));
        await leader.CreateCallAsync(municipality, $"Utkast til utlysning {token}");
        var callId = await leader.PublishedCallAsync(municipality);
        var winner = await founder.SubmittedProposalAsync(callId, a, $"Vinnerforslag {token}");
        await founder.SubmittedProposalAsync(callId, b, $"Forslag som tapte {token}");
        await app.PassDeadlineAsync(callId);
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsync($"/api/v1/calls/{callId}/award",
            System.Net.Http.Json.JsonContent.Create(new { proposalId = winner, rationale = $"Begrunnelse {token}" }))).StatusCode);

        var anonymous = Clients.Anonymous(app);
        var calls = await anonymous.GetStringAsync("/open-data/calls.csv");
        Assert.Contains($"\n{callId};", calls.ReplaceLineEndings("\n"));
        Assert.DoesNotContain($"Utkast til utlysning {token}", calls);
        var awards = await anonymous.GetStringAsync("/open-data/awards.csv");
        Assert.StartsWith("open_call_id;proposal_id;proposal_title;organization_id;price_nok;award_rationale;awarded_at", awards);
        Assert.Contains($"Vinnerforslag {token}", awards);
        Assert.Contains($"Begrunnelse {token}", awards);
        var zip = await anonymous.GetByteArrayAsync("/open-data/floke-open-data.zip");
        using var archive = new ZipArchive(new MemoryStream(zip));
        foreach (var entry in archive.Entries)
        {
            Assert.DoesNotContain($"Forslag som tapte {token}", await new StreamReader(entry.Open()).ReadToEndAsync());
        }
    }
}
