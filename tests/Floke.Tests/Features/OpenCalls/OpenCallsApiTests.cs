using System.Net;
using System.Net.Http.Json;
using Floke.Tests.TestSupport;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.OpenCalls;
using Floke.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Floke.Tests.Features.OpenCalls;

[Collection("app")]
public class OpenCallsApiTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task Call_DraftSeenByOwnersMembersOnly_LeaderPublishes(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app, "admin");
        var member = await Clients.NewApiUserAsync(app, "member");
        var outsider = await Clients.NewApiUserAsync(app, "outsider");
        var municipality = await admin.CreateOrganizationAsync();
        await member.JoinAsync(municipality, admin);
        await outsider.CreateOrganizationAsync();

        var call = await member.CreateCallAsync(municipality);
        var id = call.GetProperty("id").GetInt32();
        Assert.Equal("Draft", call.GetProperty("phase").GetString());
        Assert.Equal(3, call.GetProperty("criteria").GetArrayLength());
        // 12:00 Norwegian time on the chosen day.
        var oslo = TimeZoneInfo.ConvertTime(call.GetProperty("deadline").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"));
        Assert.Equal((DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), new TimeOnly(12, 0)), (DateOnly.FromDateTime(oslo.DateTime), TimeOnly.FromDateTime(oslo.DateTime)));

        var anonymous = Clients.Anonymous(app);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/calls/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/calls/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PostAsync($"/api/v1/calls/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/calls/{id}/history")).StatusCode);
        // A member writes and edits; publishing commits the body, so only a leader does it.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.PostAsync($"/api/v1/calls/{id}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync($"/api/v1/calls/{id}/publish", null)).StatusCode);

        var published = await (await anonymous.GetAsync($"/api/v1/calls/{id}")).ReadJsonAsync();
        Assert.Equal("Open", published.GetProperty("phase").GetString());
        var list = await (await anonymous.GetAsync($"/api/v1/calls?phase=Open&q={Uri.EscapeDataString(call.GetProperty("title").GetString()!)}")).ReadJsonAsync();
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.PostAsJsonAsync($"/api/v1/calls/{id}/cancel", new { reason = "Nei" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/v1/calls/{id}/cancel", new { reason = "Nei" })).StatusCode);
    }

    /// <summary>A call is public once published. A draft given up before it was published (cancelled, with a reason) was
    /// never announced: it stays with its owner in every way a reader could come upon it — the call, the lists, search, the
    /// open dataset. One cancelled after publishing stays public, with its reason.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task DraftCancelledBeforePublishing_StaysWithTheOwner_PublishedThenCancelledStaysPublic(string provider)
    {
        var app = apps[provider];
        var leader = await Clients.NewApiUserAsync(app, "leader");
        var outsider = await Clients.NewApiUserAsync(app, "outsider");
        var municipality = await leader.CreateOrganizationAsync();
        await outsider.CreateOrganizationAsync();
        var word = TestData.Word('q');
        var neverPublished = (await leader.CreateCallAsync(municipality, $"Avlyst utkast {word}")).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsJsonAsync($"/api/v1/calls/{neverPublished}/cancel", new { reason = "Vi løser det selv." })).StatusCode);
        var publishedFirst = (await leader.CreateCallAsync(municipality, $"Avlyst utlysning {word}")).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsync($"/api/v1/calls/{publishedFirst}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsJsonAsync($"/api/v1/calls/{publishedFirst}/cancel", new { reason = "Behovet er borte." })).StatusCode);

        var own = await (await leader.Http.GetAsync($"/api/v1/calls/{neverPublished}")).ReadJsonAsync();
        Assert.Equal("Cancelled", own.GetProperty("phase").GetString());
        var anonymous = Clients.Anonymous(app);
        foreach (var reader in new[] { anonymous, outsider.Http })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/calls/{neverPublished}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/calls/{neverPublished}")).StatusCode);
            Assert.Equal("Cancelled", (await (await reader.GetAsync($"/api/v1/calls/{publishedFirst}")).ReadJsonAsync()).GetProperty("phase").GetString());
            foreach (var list in new[] { $"/api/v1/calls?q={word}", $"/api/v1/calls?phase=Cancelled&q={word}" })
            {
                var ids = (await (await reader.GetAsync(list)).ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32());
                Assert.Equal([publishedFirst], ids);
            }
            var found = (await (await reader.GetAsync($"/api/v1/search?q={word}")).ReadJsonAsync()).GetProperty("results").GetProperty("items")
                .EnumerateArray().Select(r => r.GetProperty("id").GetInt32());
            Assert.Equal([publishedFirst], found);
        }
        var dataset = await anonymous.GetStringAsync("/open-data/calls.csv");
        Assert.Contains($"Avlyst utlysning {word}", dataset);
        Assert.DoesNotContain($"Avlyst utkast {word}", dataset);
        var mine = await (await leader.Http.GetAsync($"/api/v1/calls?mine=true&q={word}")).ReadJsonAsync();
        Assert.Equal(2, mine.GetProperty("total").GetInt32());
        var ownSearch = await (await leader.Http.GetAsync($"/api/v1/search?q={word}")).ReadJsonAsync();
        Assert.Equal(2, ownSearch.GetProperty("results").GetProperty("total").GetInt32());
    }

    /// <summary>The migration that brought the rule in: a search document stored under the old one (a cancelled draft
    /// public, with no viewers) is made the owner's alone, on both databases.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task Migration_HidesStoredSearchDocumentsOfCallsNeverPublished(string provider)
    {
        var app = apps[provider];
        var leader = await Clients.NewApiUserAsync(app, "leader");
        var municipality = await leader.CreateOrganizationAsync();
        var word = TestData.Word('q');
        var call = (await leader.CreateCallAsync(municipality, $"Avlyst utkast {word}")).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsJsonAsync($"/api/v1/calls/{call}/cancel", new { reason = "Vi løser det selv." })).StatusCode);
        await using (var scope = app.Scope())
        {
            var db = app.Db(scope);
            var document = db.SearchDocuments.Where(d => d.Kind == SearchKind.OpenCall && d.ItemId == call);
            // As the old rule stored it.
            await db.Set<SearchViewer>().Where(v => document.Any(d => d.Id == v.DocumentId)).ExecuteDeleteAsync();
            Assert.Equal(1, await document.ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublic, true)));

            await db.Database.ExecuteSqlRawAsync(OpenCallAccess.HideNeverPublishedInSearch);

            var stored = await document.Select(d => new { d.IsPublic, Viewers = d.Viewers.Select(v => v.OrganizationId).ToList() }).SingleAsync();
            Assert.False(stored.IsPublic);
            Assert.Equal([municipality], stored.Viewers);
        }
        var anonymous = await (await Clients.Anonymous(app).GetAsync($"/api/v1/search?q={word}")).ReadJsonAsync();
        Assert.Equal(0, anonymous.GetProperty("results").GetProperty("total").GetInt32());
        var own = await (await leader.Http.GetAsync($"/api/v1/search?q={word}")).ReadJsonAsync();
        Assert.Equal(call, Assert.Single(own.GetProperty("results").GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Proposals_SeenByAuthorsThenJury_ScoredAfterDeadline_AwardedOneBecomesPublic(string provider)
    {
        var app = apps[provider];
        var leader = await Clients.NewApiUserAsync(app, "leader");
        var colleague = await Clients.NewApiUserAsync(app, "colleague");
        var juror = await Clients.NewApiUserAsync(app, "juror");
        var juror2 = await Clients.NewApiUserAsync(app, "juror2");
        var startup = await Clients.NewApiUserAsync(app, "startup");
        var company = await Clients.NewApiUserAsync(app, "company");
        var outsider = await Clients.NewApiUserAsync(app, "outsider");
        var municipality = await leader.CreateOrganizationAsync();
        await colleague.JoinAsync(municipality, leader);
        var startupOrg = await startup.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StartUp, municipality: null));
        var companyOrg = await company.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.Company, municipality: null));
        await outsider.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.Company, municipality: null));
        var callId = await leader.PublishedCallAsync(municipality, juror, juror2);
        var call = await (await leader.Http.GetAsync($"/api/v1/calls/{callId}")).ReadJsonAsync();
        Assert.Equal(2, call.GetProperty("jury").GetArrayLength());
        Assert.Equal(0, (await (await colleague.Http.GetAsync($"/api/v1/calls/{callId}")).ReadJsonAsync()).GetProperty("jury").GetArrayLength());
        var criteria = OpenCallData.CriterionIds(call);

        // A draft proposal is the proposer's alone.
        var draft = await startup.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/proposals",
            new { organizationId = startupOrg, title = "Radar som ser fall", solution = "Radar i taket ser fall uten kamera.", priceNok = 380000m });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var startupProposal = (await draft.ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NotFound, (await juror.Http.GetAsync($"/api/v1/proposals/{startupProposal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Http.GetAsync($"/api/v1/proposals/{startupProposal}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await startup.Http.PostAsync($"/api/v1/proposals/{startupProposal}/submit", null)).StatusCode);
        var companyProposal = await company.SubmittedProposalAsync(callId, companyOrg);

        // Submitted: the jury and the owner's leaders see it; not the owner's other members, other companies or the public.
        Assert.Equal(HttpStatusCode.OK, (await juror.Http.GetAsync($"/api/v1/proposals/{startupProposal}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.GetAsync($"/api/v1/proposals/{startupProposal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Http.GetAsync($"/api/v1/proposals/{startupProposal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await company.Http.GetAsync($"/api/v1/proposals/{startupProposal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/proposals/{startupProposal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Clients.Anonymous(app).GetAsync($"/api/v1/proposals/{startupProposal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Http.GetAsync($"/api/v1/calls/{callId}/evaluation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await startup.Http.GetAsync($"/api/v1/calls/{callId}/evaluation")).StatusCode);
        // A withdrawn proposal is its authors' alone again, until they submit it anew.
        Assert.Equal(HttpStatusCode.OK, (await company.Http.PostAsync($"/api/v1/proposals/{companyProposal}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await juror.Http.GetAsync($"/api/v1/proposals/{companyProposal}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await company.Http.PostAsync($"/api/v1/proposals/{companyProposal}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await juror.Http.GetAsync($"/api/v1/proposals/{companyProposal}")).StatusCode);
        // How many answered is told only after the deadline.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await (await Clients.Anonymous(app).GetAsync($"/api/v1/calls/{callId}")).ReadJsonAsync()).GetProperty("proposalCount").ValueKind);

        // Before the deadline the jury does not score and the leader cannot award.
        var early = await juror.Http.PutAsJsonAsync($"/api/v1/proposals/{startupProposal}/scores", OpenCallData.Scores(criteria, 8, 8, 8));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/award", new { proposalId = startupProposal, rationale = "Best" })).StatusCode);

        await app.PassDeadlineAsync(callId);
        // After it the proposals are frozen.
        Assert.Equal(HttpStatusCode.BadRequest, (await startup.Http.PostAsync($"/api/v1/proposals/{startupProposal}/withdraw", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Http.PutAsJsonAsync($"/api/v1/proposals/{startupProposal}/scores", OpenCallData.Scores(criteria, 9, 9, 9))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PutAsJsonAsync($"/api/v1/proposals/{startupProposal}/scores", OpenCallData.Scores(criteria, 9, 9, 9))).StatusCode);
        var outOfRange = await juror.Http.PutAsJsonAsync($"/api/v1/proposals/{startupProposal}/scores", OpenCallData.Scores(criteria, 11, 5, 5));
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.True((await outOfRange.ReadJsonAsync()).GetProperty("errors").TryGetProperty("scores[0].score", out _));

        // Startup: juror 10/6/4 and juror2 8/6/6 → means 9, 6, 5 → 0.5·9 + 0.3·6 + 0.2·5 = 7.3 → 73 of 100.
        Assert.Equal(HttpStatusCode.OK, (await juror.Http.PutAsJsonAsync($"/api/v1/proposals/{startupProposal}/scores", OpenCallData.Scores(criteria, 10, 6, 4))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await juror2.Http.PutAsJsonAsync($"/api/v1/proposals/{startupProposal}/scores", OpenCallData.Scores(criteria, 8, 6, 6))).StatusCode);
        // Company: only the first two criteria scored → no weighted total yet.
        Assert.Equal(HttpStatusCode.OK, (await juror.Http.PutAsJsonAsync($"/api/v1/proposals/{companyProposal}/scores",
            new { scores = new[] { new { criterionId = criteria[0], score = 9 }, new { criterionId = criteria[1], score = 9 } } })).StatusCode);
        var evaluation = await (await leader.Http.GetAsync($"/api/v1/calls/{callId}/evaluation")).ReadJsonAsync();
        var rows = evaluation.GetProperty("proposals").EnumerateArray().ToList();
        Assert.Equal(startupProposal, rows[0].GetProperty("id").GetInt32());
        Assert.Equal(73.0m, rows[0].GetProperty("weightedScore").GetDecimal());
        Assert.Equal(2, rows[0].GetProperty("juryScored").GetInt32());
        Assert.Equal(9.0m, rows[0].GetProperty("criterionMeans")[0].GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows[1].GetProperty("weightedScore").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await juror2.Http.GetAsync($"/api/v1/calls/{callId}/evaluation")).StatusCode);
        // A juror who has scored stays on the jury.
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Http.DeleteAsync($"/api/v1/calls/{callId}/jury/{juror.UserId}")).StatusCode);

        // Only a leader awards, with a rationale, to a submitted proposal of this call.
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/award", new { proposalId = startupProposal, rationale = "Best" })).StatusCode);
        var noRationale = await leader.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/award", new { proposalId = startupProposal, rationale = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noRationale.StatusCode);
        Assert.True((await noRationale.ReadJsonAsync()).GetProperty("errors").TryGetProperty("rationale", out _));
        var awarded = await leader.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/award", new { proposalId = startupProposal, rationale = "Høyest vektet score og lavest pris." });
        Assert.Equal(HttpStatusCode.OK, awarded.StatusCode);
        Assert.Equal("Awarded", (await awarded.ReadJsonAsync()).GetProperty("phase").GetString());

        var anonymous = Clients.Anonymous(app);
        var publicCall = await (await anonymous.GetAsync($"/api/v1/calls/{callId}")).ReadJsonAsync();
        Assert.Equal(startupProposal, publicCall.GetProperty("award").GetProperty("proposalId").GetInt32());
        Assert.Equal(2, publicCall.GetProperty("proposalCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/proposals/{startupProposal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/proposals/{companyProposal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await startup.Http.GetAsync($"/api/v1/proposals/{companyProposal}")).StatusCode);
        // Awarded: no more scores.
        Assert.Equal(HttpStatusCode.BadRequest, (await juror2.Http.PutAsJsonAsync($"/api/v1/proposals/{companyProposal}/scores", OpenCallData.Scores(criteria, 1, 1, 1))).StatusCode);
        // The proposal's history does not show the scores; the call's history does not name the jury.
        var history = await startup.Http.GetStringAsync($"/api/v1/proposals/{startupProposal}/history");
        Assert.DoesNotContain("Score", history);
        Assert.DoesNotContain(juror.UserId, await anonymous.GetStringAsync($"/api/v1/calls/{callId}/history"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ACall_ShowsEachReader_WhatTheyMaySee(string provider)
    {
        var app = apps[provider];
        var leader = await Clients.NewApiUserAsync(app, "leader");
        var colleague = await Clients.NewApiUserAsync(app, "colleague");
        var juror = await Clients.NewApiUserAsync(app, "juror");
        var startup = await Clients.NewApiUserAsync(app, "startup");
        var company = await Clients.NewApiUserAsync(app, "company");
        var municipality = await leader.CreateOrganizationAsync();
        await colleague.JoinAsync(municipality, leader);
        var startupOrg = await startup.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StartUp, municipality: null));
        var companyOrg = await company.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.Company, municipality: null));
        // The call answers a need its owner has not published yet.
        var needTitle = $"Eldre faller hjemme og ligger lenge {TestData.Token()}";
        var need = (await leader.CreateNeedAsync(municipality, needTitle)).GetProperty("id").GetInt32();
        var body = System.Text.Json.JsonSerializer.SerializeToNode(OpenCallData.Call(municipality), Clients.Json)!.AsObject();
        body["needId"] = need;
        var created = await leader.Http.PostAsJsonAsync("/api/v1/calls", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var callId = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/jury", new { email = juror.Email })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsync($"/api/v1/calls/{callId}/publish", null)).StatusCode);
        var draft = await startup.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/proposals",
            new { organizationId = startupOrg, title = "Radar som ser fall", solution = "Radar i taket ser fall uten kamera.", priceNok = 380000m });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var companyProposal = await company.SubmittedProposalAsync(callId, companyOrg, "Fallsensor i gulvet");
        var anonymous = Clients.Anonymous(app);
        async Task<System.Text.Json.JsonElement> Read(HttpClient http) => await (await http.GetAsync($"/api/v1/calls/{callId}")).ReadJsonAsync();
        static string[] Texts(System.Text.Json.JsonElement e, string list, string field) =>
            [.. e.GetProperty(list).EnumerateArray().Select(x => x.GetProperty(field).ToString())];

        // The public: the criteria in their order, not the draft need, not the jury, no proposals of its own.
        var seen = await Read(anonymous);
        Assert.Equal(["Nytte for brukerne", "Gjennomførbarhet", "Pris"], Texts(seen, "criteria", "name"));
        Assert.Equal(["50", "30", "20"], Texts(seen, "criteria", "weight"));
        Assert.Equal("Hvor godt løsningen møter behovet.", seen.GetProperty("criteria")[0].GetProperty("description").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("needId").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, seen.GetProperty("needTitle").ValueKind);
        Assert.Empty(Texts(seen, "jury", "email"));
        Assert.Empty(Texts(seen, "myProposals", "id"));
        Assert.False(seen.GetProperty("canEvaluate").GetBoolean());
        Assert.DoesNotContain(juror.Email, seen.GetRawText());
        // The owner's members see their need; only its leaders see who sits on the jury; the juror may evaluate.
        var byColleague = await Read(colleague.Http);
        Assert.Equal((need, needTitle), (byColleague.GetProperty("needId").GetInt32(), byColleague.GetProperty("needTitle").GetString()));
        Assert.Empty(Texts(byColleague, "jury", "email"));
        Assert.False(byColleague.GetProperty("canEvaluate").GetBoolean());
        var byLeader = await Read(leader.Http);
        Assert.Equal([juror.Email], Texts(byLeader, "jury", "email"));
        Assert.Equal([juror.UserId], Texts(byLeader, "jury", "userId"));
        Assert.False(string.IsNullOrWhiteSpace(byLeader.GetProperty("jury")[0].GetProperty("name").GetString()));
        Assert.True(byLeader.GetProperty("isLeader").GetBoolean());
        var byJuror = await Read(juror.Http);
        Assert.True(byJuror.GetProperty("canEvaluate").GetBoolean());
        Assert.Empty(Texts(byJuror, "jury", "email"));
        // Each proposer sees their own proposal, drafted or submitted, and not the other's.
        var byStartup = await Read(startup.Http);
        Assert.Equal(["Radar som ser fall|Draft"], byStartup.GetProperty("myProposals").EnumerateArray()
            .Select(p => $"{p.GetProperty("title").GetString()}|{p.GetProperty("status").GetString()}"));
        var byCompany = await Read(company.Http);
        Assert.Equal([companyProposal], byCompany.GetProperty("myProposals").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        Assert.Equal("Submitted", byCompany.GetProperty("myProposals")[0].GetProperty("status").GetString());

        // After the deadline the submitted proposals are counted (not the draft); the award and its winner are public.
        await app.PassDeadlineAsync(callId);
        Assert.Equal(1, (await Read(anonymous)).GetProperty("proposalCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/award",
            new { proposalId = companyProposal, rationale = "Eneste innsendte forslag." })).StatusCode);
        await leader.PublishAsync(need);
        seen = await Read(anonymous);
        var award = seen.GetProperty("award");
        Assert.Equal((companyProposal, "Fallsensor i gulvet", companyOrg, "Eneste innsendte forslag."),
            (award.GetProperty("proposalId").GetInt32(), award.GetProperty("proposalTitle").GetString(), award.GetProperty("organizationId").GetInt32(),
                award.GetProperty("rationale").GetString()));
        var companyName = (await (await anonymous.GetAsync($"/api/v1/organizations/{companyOrg}")).ReadJsonAsync()).GetProperty("name").GetString();
        Assert.Equal(companyName, award.GetProperty("organizationName").GetString());
        Assert.Equal(needTitle, seen.GetProperty("needTitle").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Validation_NamesEachField_InTheChosenLanguage(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app);
        var municipality = await admin.CreateOrganizationAsync();
        var company = await admin.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.Company, municipality: null));

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/calls")
        {
            Content = JsonContent.Create(OpenCallData.Call(municipality, title: "", criteria:
            [
                new { name = "Nytte", weight = 60 },
                new { name = "Pris", weight = 30 },
                new { name = (string?)null, description = (string?)null, weight = (int?)null },
            ])),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await admin.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.Contains("now they add up to 90", errors.GetProperty("criteria")[0].GetString());

        var zeroWeight = await admin.Http.PostAsJsonAsync("/api/v1/calls", OpenCallData.Call(municipality, criteria: [new { name = "Alt", weight = 0 }]));
        var zeroErrors = (await zeroWeight.ReadJsonAsync()).GetProperty("errors");
        Assert.Contains("Vekt", zeroErrors.GetProperty("criteria[0].weight")[0].GetString());

        // Only public bodies issue calls.
        var byCompany = await admin.Http.PostAsJsonAsync("/api/v1/calls", OpenCallData.Call(company));
        Assert.Equal(HttpStatusCode.BadRequest, byCompany.StatusCode);
        Assert.True((await byCompany.ReadJsonAsync()).GetProperty("errors").TryGetProperty("ownerOrganizationId", out _));

        // A deadline in the past can be drafted but not published.
        var late = await admin.Http.PostAsJsonAsync("/api/v1/calls", OpenCallData.Call(municipality, deadline: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2))));
        var lateId = (await late.ReadJsonAsync()).GetProperty("id").GetInt32();
        var publish = await admin.Http.PostAsync($"/api/v1/calls/{lateId}/publish", null);
        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.True((await publish.ReadJsonAsync()).GetProperty("errors").TryGetProperty("deadline", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task PublishedCall_KeepsCriteriaAndBudget_DeadlineOnlyLater_StaleVersionConflicts(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app);
        var municipality = await admin.CreateOrganizationAsync();
        var callId = await admin.PublishedCallAsync(municipality);
        var call = await (await admin.Http.GetAsync($"/api/v1/calls/{callId}")).ReadJsonAsync();
        var version = call.GetProperty("version").GetInt32();
        var criteria = call.GetProperty("criteria").EnumerateArray()
            .Select(c => new { name = c.GetProperty("name").GetString(), description = c.GetProperty("description").GetString(), weight = c.GetProperty("weight").GetInt32() }).ToArray();
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));

        object Update(int v, object[] crit, decimal budget, DateOnly day, string challenge) => new
        {
            version = v, title = call.GetProperty("title").GetString(), challenge, requirements = (string?)null, budgetNok = budget,
            deadline = day.ToString("yyyy-MM-dd"), needId = (int?)null, criteria = crit,
        };

        var changedWeights = await admin.Http.PutAsJsonAsync($"/api/v1/calls/{callId}", Update(version, [new { name = "Alt", weight = 100 }], 500000m, deadline, "Ny tekst"));
        Assert.True((await changedWeights.ReadJsonAsync()).GetProperty("errors").TryGetProperty("criteria", out _));
        var changedBudget = await admin.Http.PutAsJsonAsync($"/api/v1/calls/{callId}", Update(version, [.. criteria], 900000m, deadline, "Ny tekst"));
        Assert.True((await changedBudget.ReadJsonAsync()).GetProperty("errors").TryGetProperty("budgetNok", out _));
        var earlier = await admin.Http.PutAsJsonAsync($"/api/v1/calls/{callId}", Update(version, [.. criteria], 500000m, deadline.AddDays(-5), "Ny tekst"));
        Assert.True((await earlier.ReadJsonAsync()).GetProperty("errors").TryGetProperty("deadline", out _));

        var later = await admin.Http.PutAsJsonAsync($"/api/v1/calls/{callId}", Update(version, [.. criteria], 500000m, deadline.AddDays(7), "Presisert: løsningen må virke uten nett."));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal("Presisert: løsningen må virke uten nett.", (await later.ReadJsonAsync()).GetProperty("challenge").GetString());
        var stale = await admin.Http.PutAsJsonAsync($"/api/v1/calls/{callId}", Update(version, [.. criteria], 500000m, deadline.AddDays(8), "Min eldre tekst"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Proposal_OnePerOrganization_NotFromTheOwner_JurorFromTheProposerMayNotScore(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app, "admin");
        var startup = await Clients.NewApiUserAsync(app, "startup");
        var municipality = await admin.CreateOrganizationAsync();
        var startupOrg = await startup.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StartUp, municipality: null));
        // The juror also works at the start-up: a conflict of interest.
        var juror = await Clients.NewApiUserAsync(app, "juror");
        await juror.JoinAsync(startupOrg, startup);
        var callId = await admin.PublishedCallAsync(municipality, juror);
        var criteria = OpenCallData.CriterionIds(await (await admin.Http.GetAsync($"/api/v1/calls/{callId}")).ReadJsonAsync());

        var own = await admin.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/proposals", new { organizationId = municipality, title = "Vårt eget forslag", solution = "Noe." });
        Assert.True((await own.ReadJsonAsync()).GetProperty("errors").TryGetProperty("organizationId", out _));
        var notMine = await admin.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/proposals", new { organizationId = startupOrg, title = "Andres forslag", solution = "Noe." });
        Assert.True((await notMine.ReadJsonAsync()).GetProperty("errors").TryGetProperty("organizationId", out _));

        var proposal = await startup.SubmittedProposalAsync(callId, startupOrg);
        var second = await startup.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/proposals", new { organizationId = startupOrg, title = "Et forslag til", solution = "Noe." });
        Assert.True((await second.ReadJsonAsync()).GetProperty("errors").TryGetProperty("organizationId", out _));

        await app.PassDeadlineAsync(callId);
        var late = await startup.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/proposals", new { organizationId = startupOrg, title = "For sent", solution = "Noe." });
        Assert.True((await late.ReadJsonAsync()).GetProperty("errors").TryGetProperty("openCallId", out _));
        var conflicted = await juror.Http.PutAsJsonAsync($"/api/v1/proposals/{proposal}/scores", OpenCallData.Scores(criteria, 10, 10, 10));
        Assert.Equal(HttpStatusCode.BadRequest, conflicted.StatusCode);
        Assert.True((await conflicted.ReadJsonAsync()).GetProperty("errors").TryGetProperty("scores", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task List_OpenCallsBySoonestDeadline_PhasesFilter_MineShowsDrafts(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app);
        var municipality = await admin.CreateOrganizationAsync();
        var token = TestData.Token();
        var ids = new List<int>();
        foreach (var days in new[] { 40, 10, 25 })
        {
            var created = await admin.Http.PostAsJsonAsync("/api/v1/calls",
                OpenCallData.Call(municipality, $"Liste {token} {days}", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days))));
            var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync($"/api/v1/calls/{id}/publish", null)).StatusCode);
            ids.Add(id);
        }
        var draft = (await admin.CreateCallAsync(municipality, $"Liste {token} utkast")).GetProperty("id").GetInt32();
        var anonymous = Clients.Anonymous(app);

        var open = await (await anonymous.GetAsync($"/api/v1/calls?phase=Open&q={token}")).ReadJsonAsync();
        Assert.Equal([ids[1], ids[2], ids[0]], open.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToArray());
        await app.PassDeadlineAsync(ids[1]);
        var stillOpen = await (await anonymous.GetAsync($"/api/v1/calls?phase=Open&q={token}")).ReadJsonAsync();
        Assert.Equal(2, stillOpen.GetProperty("total").GetInt32());
        var evaluating = await (await anonymous.GetAsync($"/api/v1/calls?phase=Evaluating&q={token}")).ReadJsonAsync();
        Assert.Equal(ids[1], Assert.Single(evaluating.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(3, (await (await anonymous.GetAsync($"/api/v1/calls?q={token}")).ReadJsonAsync()).GetProperty("total").GetInt32());
        var mine = await (await admin.Http.GetAsync($"/api/v1/calls?mine=true&q={token}")).ReadJsonAsync();
        Assert.Equal(4, mine.GetProperty("total").GetInt32());
        Assert.Contains(draft, mine.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
        var page = await (await anonymous.GetAsync($"/api/v1/calls?q={token}&pageSize=1000")).ReadJsonAsync();
        Assert.Equal(100, page.GetProperty("pageSize").GetInt32());
    }

    /// <summary>A page of the list at the default size is compiled for the filters it uses (OpenCallList), at any other size
    /// built as a LINQ query, and its total counted by a third query: for every filter, phase, order and the reader's own
    /// list, all three agree — and find what they should.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task List_CompiledAndBuiltPagesAgree_ForEveryFilterPhaseAndTheReadersOwn(string provider)
    {
        var app = apps[provider];
        var leader = await Clients.NewApiUserAsync(app, "leader");
        var municipality = await leader.CreateOrganizationAsync(); // Oslo (county 03)
        var agency = await leader.CreateOrganizationAsync(TestData.Organization(kind: OrganizationKind.StateAgency, municipality: "4601")); // Bergen (46)
        var word = TestData.Word('q');
        async Task<int> CallAsync(int owner, string title, int days, bool publish = true)
        {
            var created = await leader.Http.PostAsJsonAsync("/api/v1/calls",
                OpenCallData.Call(owner, $"{title} {word}", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days))));
            var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
            if (publish)
            {
                Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsync($"/api/v1/calls/{id}/publish", null)).StatusCode);
            }
            return id;
        }
        var later = await CallAsync(agency, "Senere frist", 30);
        var soon = await CallAsync(municipality, "Snar frist", 10);
        var passed = await CallAsync(municipality, "Passert frist", 20);
        await app.PassDeadlineAsync(passed);
        var cancelled = await CallAsync(municipality, "Avlyst", 25);
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsJsonAsync($"/api/v1/calls/{cancelled}/cancel", new { reason = "Behovet er borte." })).StatusCode);
        var draft = await CallAsync(agency, "Utkast", 15, publish: false);

        Task<int[]> Ids(HttpClient reader, string query) => ListPages.CompiledAndBuiltIdsAsync(reader, $"/api/v1/calls?q={word}", query);
        var anonymous = Clients.Anonymous(app);
        Assert.Equal([soon, later], await Ids(anonymous, "phase=Open")); // the nearest deadline first
        Assert.Equal([passed], await Ids(anonymous, "phase=Evaluating"));
        Assert.Equal([cancelled], await Ids(anonymous, "phase=Cancelled"));
        Assert.Empty(await Ids(anonymous, "phase=Draft"));
        Assert.Empty(await Ids(anonymous, "phase=Awarded"));
        Assert.Equal([cancelled, passed, soon, later], await Ids(anonymous, "")); // the newest publication first
        Assert.Equal([later], await Ids(anonymous, "ownerKind=StateAgency"));
        Assert.Equal([later], await Ids(anonymous, "county=46"));
        Assert.Equal([soon], await Ids(anonymous, "county=03&phase=Open"));
        Assert.Equal([cancelled, passed, soon], await Ids(anonymous, $"organization={municipality}"));
        Assert.Empty(await Ids(anonymous, "page=2")); // past the end: an offset of 20 (19 built)
        Assert.Equal([draft, cancelled, passed, soon, later], await Ids(leader.Http, "mine=true")); // the latest change first
        Assert.Equal([draft], await Ids(leader.Http, "mine=true&phase=Draft"));
        Assert.Equal([draft, later], await Ids(leader.Http, "mine=true&ownerKind=StateAgency"));
        Assert.Equal([soon, later], await Ids(leader.Http, "mine=true&phase=Open"));
    }

    /// <summary>Which calls are open changes with the clock: the open and evaluating counts are kept while nothing changes
    /// (not counted again), and follow the clock past each deadline.</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task OpenAndEvaluatingCounts_AreKept_UntilTheEarliestDeadlinePasses(string provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = new FlokeApp(provider, clock: clock);
        var admin = await Clients.NewApiUserAsync(app);
        var municipality = await admin.CreateOrganizationAsync();
        foreach (var days in new[] { 10, 20 })
        {
            var created = await admin.Http.PostAsJsonAsync("/api/v1/calls",
                OpenCallData.Call(municipality, $"Klokke {days}", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(days))));
            var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync($"/api/v1/calls/{id}/publish", null)).StatusCode);
        }
        var anonymous = Clients.Anonymous(app);
        async Task<(int Open, int Evaluating)> CountsAsync() =>
            ((await (await anonymous.GetAsync("/api/v1/calls?phase=Open")).ReadJsonAsync()).GetProperty("total").GetInt32(),
             (await (await anonymous.GetAsync("/api/v1/calls?phase=Evaluating")).ReadJsonAsync()).GetProperty("total").GetInt32());

        Assert.Equal((2, 0), await CountsAsync());
        app.Sql.Reset();
        Assert.Equal((2, 0), await CountsAsync());
        Assert.DoesNotContain(app.Sql.Queries, q => q.Sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)); // kept
        clock.Advance(TimeSpan.FromDays(11)); // past the first deadline, not the second
        Assert.Equal((1, 1), await CountsAsync());
        clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal((0, 2), await CountsAsync());
    }
}
