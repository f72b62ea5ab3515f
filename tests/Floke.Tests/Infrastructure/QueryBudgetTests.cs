using Microsoft.Extensions.DependencyInjection;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Infrastructure;

/// <summary>Every page and list loads what it shows in a few queries, however much data there is: at most 10 SQL
/// statements per request, with enough rows that an N+1 query would blow the budget; and every query of a page (but the
/// national aggregates) is served by indexes, read whole no table, on both databases.</summary>
[Collection("app")]
public partial class QueryBudgetTests(Apps apps)
{
    private const int Budget = 10;

    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task PagesAndApi_StayWithinTheStatementBudget(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var partner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var partnerOrg = await partner.CreateOrganizationAsync();
        var token = TestData.Token();
        var first = 0;
        for (var i = 0; i < 25; i++)
        {
            var id = (await owner.CreateNeedAsync(org, $"Budsjettbehov {token} {i}")).GetProperty("id").GetInt32();
            await owner.Http.PostAsync($"/api/v1/needs/{id}/owners", System.Net.Http.Json.JsonContent.Create(new { organizationId = partnerOrg }));
            await owner.PublishAsync(id);
            first = first == 0 ? id : first;
        }

        var initiative = 0;
        for (var i = 0; i < 25; i++)
        {
            var created = await owner.CreateInitiativeAsync(org, $"Budsjettiltak {token} {i}", [first]);
            initiative = created.GetProperty("id").GetInt32();
            await owner.Http.PostAsync($"/api/v1/initiatives/{initiative}/partners", System.Net.Http.Json.JsonContent.Create(new { organizationId = partnerOrg, role = "Partner" }));
            await owner.Http.PostAsync($"/api/v1/initiatives/{initiative}/lessons", System.Net.Http.Json.JsonContent.Create(new { whatWorked = "Samarbeid" }));
            var published = await (await owner.Http.PostAsync($"/api/v1/initiatives/{initiative}/visibility", System.Net.Http.Json.JsonContent.Create(new { visibility = "Published" }))).ReadJsonAsync();
            await owner.Http.PostAsync($"/api/v1/initiatives/{initiative}/gate-decisions",
                System.Net.Http.Json.JsonContent.Create(new { version = published.GetProperty("version").GetInt32(), outcome = "Go", rationale = "Videre" }));
        }

        var experiment = 0;
        for (var i = 0; i < 12; i++)
        {
            var created = await owner.Http.PostAsync("/api/v1/experiments", System.Net.Http.Json.JsonContent.Create(new
            {
                initiativeId = initiative, title = $"Budsjettforsøk {i}", hypothesis = "Vi tror at …", design = "Pilot", legalBasis = "OrdinaryMandate",
                metrics = new[] { new { name = "Tid", unit = "minutter", baseline = 10m }, new { name = "Kost", unit = "kr", baseline = 5m } },
            }));
            experiment = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
        }

        var barrier = 0;
        for (var i = 0; i < 12; i++)
        {
            var reported = await owner.Http.PostAsync("/api/v1/barriers", System.Net.Http.Json.JsonContent.Create(new
            {
                initiativeId = initiative, rule = $"Budsjettloven {token} {i % 3}", section = "§ 1", kind = "Law", description = "Hindrer", responsibleOrganizationId = partnerOrg,
            }));
            barrier = (await reported.ReadJsonAsync()).GetProperty("id").GetInt32();
            await partner.Http.PostAsync($"/api/v1/barriers/{barrier}/steps", System.Net.Http.Json.JsonContent.Create(new { status = "UnderReview", note = "Ser på det" }));
        }

        var benefit = 0;
        for (var i = 0; i < 12; i++)
        {
            var created = await owner.Http.PostAsync("/api/v1/benefits", System.Net.Http.Json.JsonContent.Create(new
            {
                initiativeId = initiative, description = $"Spart tid {i}", kind = "TimeSaved", direction = "HigherIsBetter", baselineValue = 0, baselineDate = "2025-01-01",
                targetValue = 100, targetDate = "2027-01-01", beneficiaryOrganizationId = i % 2 == 0 ? partnerOrg : org,
            }));
            benefit = (await created.ReadJsonAsync()).GetProperty("benefit").GetProperty("id").GetInt32();
            await owner.Http.PostAsync($"/api/v1/benefits/{benefit}/measurements", System.Net.Http.Json.JsonContent.Create(new { date = "2026-01-01", value = i }));
            await owner.Http.PostAsync("/api/v1/investments", System.Net.Http.Json.JsonContent.Create(new { initiativeId = initiative, organizationId = org, year = 2000 + i, amountNok = 1000 }));
        }
        var adopter = await Clients.NewApiUserAsync(app, "adopter");
        var adopterOrg = await adopter.CreateOrganizationAsync();
        var adoption = (await (await adopter.Http.PostAsync("/api/v1/adoptions", System.Net.Http.Json.JsonContent.Create(new { initiativeId = initiative, adopterOrganizationId = adopterOrg, status = "Adopted" }))).ReadJsonAsync())
            .GetProperty("adoption").GetProperty("id").GetInt32();

        var openCall = 0;
        for (var i = 0; i < 4; i++)
        {
            openCall = await owner.PublishedCallAsync(org, adopter);
        }
        var evaluatedCall = await owner.PublishedCallAsync(org, adopter);
        var proposal = 0;
        for (var i = 0; i < 6; i++)
        {
            var company = await partner.CreateOrganizationAsync(TestData.Organization(kind: Floke.Web.Core.Organizations.OrganizationKind.Company, municipality: null));
            proposal = await partner.SubmittedProposalAsync(evaluatedCall, company);
        }
        await app.PassDeadlineAsync(evaluatedCall);
        var criteria = OpenCallData.CriterionIds(await (await owner.Http.GetAsync($"/api/v1/calls/{evaluatedCall}")).ReadJsonAsync());
        await adopter.Http.PutAsync($"/api/v1/proposals/{proposal}/scores", System.Net.Http.Json.JsonContent.Create(OpenCallData.Scores(criteria, 7, 5, 3)));

        var anonymous = Clients.Anonymous(app);
        var signedIn = Clients.Pages(app);
        await signedIn.SubmitAsync("/account/login", [new("Input.Email", owner.Email), new("Input.Password", TestData.Password)]);
        var requests = new (HttpClient Client, string Path)[]
        {
            (anonymous, "/"), (anonymous, "/needs"), (anonymous, $"/needs?q={token}&page=2"), (anonymous, $"/needs/{first}"),
            (anonymous, $"/needs/{first}/history"), (anonymous, "/organizations"), (anonymous, $"/organizations/{org}"),
            (anonymous, $"/organizations/{org}/history"), (anonymous, "/api/v1/needs?pageSize=100"), (anonymous, $"/api/v1/needs/{first}"),
            (anonymous, "/api/v1/organizations?pageSize=100"), (anonymous, $"/api/v1/organizations/{org}"),
            (signedIn.Http, "/needs?mine=true"), (signedIn.Http, $"/needs/{first}"), (signedIn.Http, $"/needs/{first}/edit"),
            (signedIn.Http, "/needs/new"), (signedIn.Http, "/account"), (signedIn.Http, $"/organizations/{org}/members"),
            (owner.Http, "/api/v1/needs?mine=true&pageSize=100"),
            (anonymous, "/initiatives"), (anonymous, $"/initiatives?q={token}&stage=Explore&measure=Experiments&page=2"),
            (anonymous, $"/initiatives/{initiative}"), (anonymous, $"/initiatives/{initiative}/history"), (anonymous, "/lessons"),
            (anonymous, "/api/v1/initiatives?pageSize=100"), (anonymous, $"/api/v1/initiatives/{initiative}"), (anonymous, "/api/v1/lessons?pageSize=100"),
            (signedIn.Http, $"/initiatives/{initiative}"), (signedIn.Http, $"/initiatives/{initiative}/edit"), (signedIn.Http, $"/initiatives/{initiative}/gate"),
            (signedIn.Http, "/initiatives/new"), (signedIn.Http, "/initiatives?mine=true"),
            (anonymous, "/experiments"), (anonymous, "/experiments?status=Planned&legalBasis=OrdinaryMandate"), (anonymous, $"/experiments/{experiment}"),
            (anonymous, $"/experiments/{experiment}/history"), (anonymous, "/api/v1/experiments?pageSize=100"), (anonymous, $"/api/v1/experiments/{experiment}"),
            (signedIn.Http, $"/experiments/{experiment}/edit"), (signedIn.Http, $"/experiments/new?initiative={initiative}"),
            (anonymous, "/barriers"), (anonymous, $"/barriers?status=UnderReview&page=2&rule=Budsjettloven {token} 1"), (anonymous, $"/barriers/{barrier}"),
            (anonymous, $"/barriers/{barrier}/history"), (anonymous, "/api/v1/barriers?pageSize=100"), (anonymous, "/api/v1/barriers/register"),
            (anonymous, $"/api/v1/barriers/{barrier}"), (signedIn.Http, $"/barriers/new?initiative={initiative}"),
            (anonymous, $"/initiatives/{initiative}/benefits"), (signedIn.Http, $"/initiatives/{initiative}/benefits"), (anonymous, $"/benefits/{benefit}"),
            (signedIn.Http, $"/benefits/{benefit}"), (signedIn.Http, $"/benefits/{benefit}/edit"), (signedIn.Http, $"/benefits/new?initiative={initiative}"),
            (anonymous, $"/benefits/{benefit}/history"), (anonymous, "/insights/flows"), (anonymous, "/insights/flows?view=Level&fromYear=2005"),
            (anonymous, $"/api/v1/benefits?initiative={initiative}&pageSize=100"), (anonymous, $"/api/v1/benefits/{benefit}"), (anonymous, "/api/v1/insights/flows"),
            (anonymous, $"/api/v1/initiatives/{initiative}/benefits"), (anonymous, "/api/v1/investments?pageSize=100"), (anonymous, $"/organizations/{org}"),
            (anonymous, "/spread"), (anonymous, $"/adoptions/{adoption}"), (anonymous, $"/initiatives/{initiative}/adoptions"), (anonymous, "/api/v1/adoptions/spread"),
            (anonymous, "/api/v1/adoptions?pageSize=100"), (signedIn.Http, $"/adoptions/{adoption}"), (anonymous, "/initiatives?minAdoptions=1&realisedGains=true"),
            (anonymous, $"/search?q={token}"), (signedIn.Http, $"/search?q={token}+skoleskuss&kind=Initiative&county=03"), (anonymous, $"/api/v1/search?q={token}"),
            (signedIn.Http, $"/search/similar?for=need&title=Budsjettbehov+{token}&text=venter+lenge"), (anonymous, "/open-data"), (anonymous, "/insights"), (anonymous, "/insights?county=03&fromYear=2020"), (anonymous, "/api/v1/insights"),
            (anonymous, "/api/v1/insights/stages.csv"), (signedIn.Http, $"/organizations/{org}/insights"),
            (anonymous, "/open-data/catalog"), (anonymous, "/open-data/initiatives.csv"), (anonymous, "/open-data/needs.xlsx"),
            (anonymous, "/calls"), (anonymous, "/calls?phase=Open"), (anonymous, $"/calls/{openCall}"), (anonymous, $"/calls/{evaluatedCall}/history"),
            (signedIn.Http, $"/calls/{openCall}"), (signedIn.Http, $"/calls/{openCall}/edit"), (signedIn.Http, "/calls/new"), (signedIn.Http, "/calls?mine=true"),
            (signedIn.Http, $"/calls/{evaluatedCall}/evaluation"), (signedIn.Http, $"/proposals/{proposal}"), (signedIn.Http, $"/proposals/{proposal}/history"),
            (signedIn.Http, $"/calls/{openCall}/proposals/new"), (anonymous, "/api/v1/calls?pageSize=100"), (anonymous, $"/api/v1/calls/{openCall}"),
            (owner.Http, $"/api/v1/calls/{evaluatedCall}/evaluation"), (adopter.Http, $"/api/v1/proposals/{proposal}"),
            (signedIn.Http, "/proposals"), (partner.Http, "/api/v1/proposals?pageSize=100"),
        };
        var insights = app.Services.GetRequiredService<Floke.Web.Infrastructure.InsightsCache>();
        var search = app.Services.GetRequiredService<Floke.Web.Features.Search.SearchCache>();
        var counts = app.Services.GetRequiredService<Floke.Web.Infrastructure.ListCounts>();
        var wholeTables = new List<string>();
        var parameterLimits = new List<string>();
        foreach (var (client, path) in requests)
        {
            // National figures, search results and list counts are cached: measure them computed, not served from the cache.
            await insights.ClearAsync();
            await search.ClearAsync();
            await counts.ClearAsync();
            app.Sql.Reset();
            var response = await client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
            Assert.True(app.Sql.Count <= Budget, $"{path} sent {app.Sql.Count} SQL statements; the budget is {Budget}");
            Assert.True(app.Sql.Count > 0, $"{path} sent no SQL at all: is the counter still wired in?");
            parameterLimits.AddRange(app.Sql.Queries.Where(q => ParameterLimit().IsMatch(q.Sql)).Select(q => $"{path} sends its LIMIT as a parameter in\n{q.Sql}"));
            if (!Aggregates.Any(path.StartsWith))
            {
                foreach (var query in app.Sql.Queries.Where(q => !IsAggregate(q)))
                {
                    var plan = await QueryPlans.ExplainAsync(app, query);
                    if (QueryPlans.FullScans(plan) is { Count: > 0 } scans)
                    {
                        wholeTables.Add($"{path} reads {string.Join(", ", scans)} in\n{query.Sql}");
                    }
                }
            }
        }
        Assert.True(wholeTables.Count == 0, string.Join("\n\n", wholeTables));
        Assert.True(parameterLimits.Count == 0, string.Join("\n\n", parameterLimits));

        // Each list's page is read in the list's order from an index, not picked by sorting: at national scale a sort reads
        // every row that ties with the page's last (on PostgreSQL an index without the list's last key, Id, left the
        // investments list sorting a whole year's rows: 97 ms for 20 rows; bench README, "Twenty-eighth session").
        var sortedPages = new List<string>();
        foreach (var path in Lists)
        {
            await counts.ClearAsync();
            app.Sql.Reset();
            Assert.True((await anonymous.GetAsync(path)).IsSuccessStatusCode, path);
            // (The barrier page's register of rules and bodies is a national aggregate, ranked by its counts.)
            foreach (var query in app.Sql.Queries.Where(q => !IsAggregate(q)))
            {
                if (QueryPlans.SortedPages(await QueryPlans.ExplainAsync(app, query, sortsLast: true)) is { Count: > 0 } sorts)
                {
                    sortedPages.Add($"{path} picks its page by sorting ({string.Join("; ", sorts)}) in\n{query.Sql}");
                }
            }
        }
        Assert.True(sortedPages.Count == 0, string.Join("\n\n", sortedPages));

        // Asked again, each query's SQL comes from EF Core's cache: the very text built the first time. SQL built anew at
        // every request is built under a lock held per query (EF Core's RelationalCommandCache), so under load the
        // requests of a list queued behind one another (bench README, "Twenty-fourth session").
        var built = new HashSet<string>(ReferenceEqualityComparer.Instance);
        foreach (var (client, path) in requests)
        {
            app.Sql.Reset();
            await client.GetAsync(path);
            built.UnionWith(app.Sql.Queries.Select(q => q.Sql));
        }
        var rebuilt = new List<string>();
        // But the similar-items search: its full-text query is raw SQL with arguments, which EF Core expands at each execution.
        foreach (var (client, path) in requests.Where(r => !r.Path.StartsWith("/search/similar", StringComparison.Ordinal)))
        {
            app.Sql.Reset();
            await client.GetAsync(path);
            rebuilt.AddRange(app.Sql.Queries.Where(q => !built.Contains(q.Sql) && built.Any(b => b == q.Sql))
                .Select(q => $"{path} built its SQL anew:\n{q.Sql}"));
        }
        Assert.True(rebuilt.Count == 0, string.Join("\n\n", rebuilt.Distinct()));
    }

    /// <summary>A LIMIT sent as a parameter: PostgreSQL cannot keep one plan for such a statement and plans it at every
    /// execution (see <c>Paging.Page</c>).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\bLIMIT\s+[@$]")]
    private static partial System.Text.RegularExpressions.Regex ParameterLimit();

    /// <summary>A query tagged as a national aggregate: it reads every visible row by design.</summary>
    private static bool IsAggregate(SqlCounter.RecordedQuery query) =>
        query.Sql.Contains("-- " + Floke.Web.Infrastructure.Data.Tags.Aggregate, StringComparison.Ordinal);

    /// <summary>The lists anyone may read, first pages as they open and as the API serves them, with the filters that have
    /// an index of their own.</summary>
    private static readonly string[] Lists =
    [
        "/", "/needs", "/api/v1/needs", "/initiatives", "/initiatives?stage=Explore", "/api/v1/initiatives", "/lessons", "/api/v1/lessons",
        "/experiments", "/experiments?status=Planned", "/api/v1/experiments", "/barriers", "/barriers?status=UnderReview", "/api/v1/barriers",
        "/api/v1/adoptions", "/api/v1/investments", "/calls", "/calls?phase=Open", "/api/v1/calls", "/organizations", "/api/v1/organizations",
    ];

    /// <summary>Pages whose figures are computed over the whole country (or a whole table for download), then cached and
    /// refreshed in the background (InsightsCache, the open-data files): reading every row is what they are for.</summary>
    private static readonly string[] Aggregates = ["/insights", "/api/v1/insights", "/spread", "/api/v1/adoptions/spread", "/open-data"];
}
