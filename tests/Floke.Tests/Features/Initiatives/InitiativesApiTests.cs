using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floke.Tests.TestSupport;

namespace Floke.Tests.Features.Initiatives;

[Collection("app")]
public class InitiativesApiTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task CountyAndKindFilters_FollowTheOwner_WhenItMoves(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app, "owner");
        var number = TestData.OrganizationNumber();
        var org = await owner.CreateOrganizationAsync(TestData.Organization(number, municipality: "1103")); // Stavanger, Rogaland (11)
        var id = (await owner.CreateInitiativeAsync(org)).GetProperty("id").GetInt32();
        await owner.PublishInitiativeAsync(id);
        async Task<bool> Listed(string query) => (await (await Clients.Anonymous(app).GetAsync($"/api/v1/initiatives?organization={org}&{query}")).ReadJsonAsync())
            .GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetInt32() == id);
        Assert.True(await Listed("county=11&organizationKind=Municipality"));
        Assert.False(await Listed("county=42"));
        // A county not written as its two-digit number is refused naming the field, on every list that filters by county.
        foreach (var list in new[] { "initiatives", "organizations", "calls", "adoptions", "insights", "insights/flows" })
        {
            var refused = await Clients.Anonymous(app).GetAsync($"/api/v1/{list}?county=11x");
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{list}: {refused.StatusCode}");
            var problem = await refused.ReadJsonAsync();
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty("county", out _), $"{list}: {problem}");
        }
        // So is any other optional value the list cannot read, each named (these endpoints are bound at compile time).
        var both = await (await Clients.Anonymous(app).GetAsync("/api/v1/initiatives?stage=Nope&county=11&organizationKind=Kommune&page=2")).ReadJsonAsync();
        Assert.Equal(["organizationKind", "stage"], both.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());

        // The organisation moves to Kristiansand (Agder, 42) and becomes a county municipality's partner company — the filters follow.
        var moved = await owner.Http.PutAsJsonAsync($"/api/v1/organizations/{org}",
            new { version = 0, name = "Flyttet selskap AS", organizationNumber = number, kind = "Company", municipalityNumber = "4204" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.True(await Listed("county=42&organizationKind=Company"));
        Assert.False(await Listed("county=11"));
        Assert.False(await Listed("organizationKind=Municipality"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_StartsAsDraftIdea_WithEverythingStoredExactly(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var need = (await owner.CreateNeedAsync(org)).GetProperty("id").GetInt32();
        var initiative = await owner.CreateInitiativeAsync(org, "Fallsensor i hjemmet", [need]);
        Assert.Equal("Draft", initiative.GetProperty("visibility").GetString());
        Assert.Equal("Idea", initiative.GetProperty("stage").GetString());
        Assert.Equal(1250000.50m, initiative.GetProperty("budgetNok").GetDecimal());
        Assert.Equal("2027-06-30", initiative.GetProperty("endDate").GetString());
        Assert.Equal(["Experiments", "Collaboration"], initiative.GetProperty("measures").EnumerateArray().Select(m => m.GetString()!).ToArray());
        Assert.Equal(need, Assert.Single(initiative.GetProperty("needs").EnumerateArray()).GetProperty("id").GetInt32());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_EndBeforeStartAndNoMeasure_ProblemNamesFields(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var response = await owner.Http.PostAsJsonAsync("/api/v1/initiatives", new
        {
            ownerOrganizationId = org, title = "Gyldig tittel", summary = "Kort", measures = Array.Empty<string>(), novelty = "NewToUs",
            startDate = "2027-01-01", endDate = "2026-01-01", budgetNok = -5,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("endDate", out _));
        Assert.True(errors.TryGetProperty("measures", out _));
        Assert.True(errors.TryGetProperty("budgetNok", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Create_ServingAnotherOrganizationsDraftNeed_Refused(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var other = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var hiddenNeed = (await other.CreateNeedAsync(await other.CreateOrganizationAsync())).GetProperty("id").GetInt32();
        var response = await owner.Http.PostAsJsonAsync("/api/v1/initiatives", TestData.Initiative(org, needIds: [hiddenNeed]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("needIds", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Draft_HiddenFromOthers_PublishedPublic_AndListedOnItsNeed(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var outsider = await Clients.NewApiUserAsync(app);
        await outsider.CreateOrganizationAsync();
        var org = await owner.CreateOrganizationAsync();
        var need = await owner.CreatePublishedNeedAsync(org);
        var id = (await owner.CreateInitiativeAsync(org, needIds: [need])).GetProperty("id").GetInt32();

        var anonymous = Clients.Anonymous(app);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/initiatives/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/api/v1/initiatives/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/lessons", new { whatWorked = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/initiatives/{id}")).StatusCode);
        Assert.DoesNotContain($"/initiatives/{id}\"", await anonymous.GetStringAsync($"/needs/{need}"));

        Assert.Equal(HttpStatusCode.OK, (await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/visibility", new { visibility = "Published" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/initiatives/{id}")).StatusCode);
        Assert.Contains($"/initiatives/{id}\"", await anonymous.GetStringAsync($"/needs/{need}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/visibility", new { visibility = "Draft" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task ServedNeeds_OwnersDraftHiddenFromOthers_InNorwegianOrder(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var outsider = await Clients.NewApiUserAsync(app);
        await outsider.CreateOrganizationAsync();
        var org = await owner.CreateOrganizationAsync();
        // Norwegian order is Æ, Ø, Å: neither the code points' order (Å, Æ, Ø) nor the invariant culture's (Å as A).
        var aa = await owner.CreatePublishedNeedAsync(org, "Åpne data om skoleskyss");
        var oe = await owner.CreatePublishedNeedAsync(org, "Økt bruk av velferdsteknologi");
        var ae = await owner.CreatePublishedNeedAsync(org, "Ærlig vurdering av tilskudd");
        var draft = (await owner.CreateNeedAsync(org, "Bedre varsling ved flom")).GetProperty("id").GetInt32();
        var id = (await owner.CreateInitiativeAsync(org, needIds: [aa, draft, oe, ae])).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/visibility", new { visibility = "Published" })).StatusCode);

        async Task<int[]> Served(HttpClient http) =>
            (await http.GetFromJsonAsync<JsonElement>($"/api/v1/initiatives/{id}")).GetProperty("needs").EnumerateArray()
                .Select(n => n.GetProperty("id").GetInt32()).ToArray();
        Assert.Equal([ae, oe, aa], await Served(Clients.Anonymous(app)));
        Assert.Equal([ae, oe, aa], await Served(outsider.Http));
        Assert.Equal([draft, ae, oe, aa], await Served(owner.Http));
        foreach (var path in new[] { $"/initiatives/{id}", $"/initiatives/{id}/benefits" })
        {
            var page = await Clients.Anonymous(app).GetStringAsync(path);
            Assert.Contains($"/needs/{ae}\"", page);
            Assert.DoesNotContain($"/needs/{draft}\"", page);
            Assert.Contains($"/needs/{draft}\"", await owner.Http.GetStringAsync(path));
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Gate_OnlyLeadersDecide_GoMovesOneStage_HoldStays(string provider)
    {
        var app = apps[provider];
        var admin = await Clients.NewApiUserAsync(app, "admin");
        var leader = await Clients.NewApiUserAsync(app, "leader");
        var member = await Clients.NewApiUserAsync(app, "member");
        var org = await admin.CreateOrganizationAsync();
        await leader.JoinAsync(org, admin, "Leader");
        await member.JoinAsync(org, admin, "Member");
        var id = (await member.CreateInitiativeAsync(org)).GetProperty("id").GetInt32();

        // A member asks; only a leader decides.
        var asked = await member.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-requests", new { note = "Klar for utforsking" });
        Assert.Equal("Klar for utforsking", (await asked.ReadJsonAsync()).GetProperty("gateRequestNote").GetString());
        var byMember = await member.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions", new { version = 1, outcome = "Go", rationale = "Jeg vil" });
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);

        var noRationale = await leader.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions", new { version = 1, outcome = "Go", rationale = "" });
        Assert.True((await noRationale.ReadJsonAsync()).GetProperty("errors").TryGetProperty("rationale", out _));

        var go = await (await leader.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions",
            new { version = 1, outcome = "Go", rationale = "Behovet er godt dokumentert", decidedOn = "2026-11-20" })).ReadJsonAsync();
        Assert.Equal("Explore", go.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, go.GetProperty("gateRequestedAt").ValueKind);
        var decision = Assert.Single(go.GetProperty("gateDecisions").EnumerateArray());
        Assert.Equal("Idea", decision.GetProperty("fromStage").GetString());
        Assert.Equal("Explore", decision.GetProperty("toStage").GetString());
        Assert.Equal("Behovet er godt dokumentert", decision.GetProperty("rationale").GetString());
        Assert.Equal("2026-11-20", decision.GetProperty("decidedOn").GetString());
        Assert.Equal("leader-", decision.GetProperty("decidedByName").GetString()![..7]);

        var version = go.GetProperty("version").GetInt32();
        var hold = await (await admin.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions",
            new { version, outcome = "Hold", rationale = "Venter på budsjett" })).ReadJsonAsync();
        Assert.Equal("Explore", hold.GetProperty("stage").GetString());
        Assert.Equal(2, hold.GetProperty("gateDecisions").GetArrayLength());

        // A decision made from a page that showed an older state is refused.
        var stale = await leader.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions", new { version, outcome = "Go", rationale = "Dobbeltklikk" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Gate_StopNeedsReasonAndLessons_ThenLessonsArePublic(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var title = $"Chatbot for byggesøknader {TestData.Token()}";
        var id = (await owner.CreateInitiativeAsync(org, title)).GetProperty("id").GetInt32();
        await owner.PublishInitiativeAsync(id);

        var bare = await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions", new { version = 1, outcome = "Stop", rationale = "Virket ikke" });
        var errors = (await bare.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("stopReason", out _));
        Assert.True(errors.TryGetProperty("whatDidNotWork", out _));

        var stopped = await (await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions", new
        {
            version = 1, outcome = "Stop", rationale = "Virket ikke", stopReason = "Brukerne ville snakke med et menneske",
            whatWorked = "Rask prototyp", whatDidNotWork = "Søkerne stolte ikke på svarene", doDifferently = "Teste med brukere før vi bygger",
        })).ReadJsonAsync();
        Assert.Equal("Stopped", stopped.GetProperty("stage").GetString());
        Assert.Equal("Brukerne ville snakke med et menneske", stopped.GetProperty("stopReason").GetString());

        var after = await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions", new { version = stopped.GetProperty("version").GetInt32(), outcome = "Go", rationale = "Likevel" });
        Assert.True((await after.ReadJsonAsync()).GetProperty("errors").TryGetProperty("outcome", out _));

        var lessons = await (await Clients.Anonymous(app).GetAsync($"/api/v1/lessons?stopped=true&q={Uri.EscapeDataString(title)}")).ReadJsonAsync();
        var lesson = Assert.Single(lessons.GetProperty("items").EnumerateArray());
        Assert.Equal("Søkerne stolte ikke på svarene", lesson.GetProperty("whatDidNotWork").GetString());
        Assert.Contains("Søkerne stolte ikke på svarene", await Clients.Anonymous(app).GetStringAsync("/lessons?stopped=true"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Gate_GoFromSpread_HasNoNextStage(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var created = await owner.CreateInitiativeAsync(await owner.CreateOrganizationAsync());
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt32();
        foreach (var expected in new[] { "Explore", "DevelopAndTest", "Implement", "Spread" })
        {
            var step = await (await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions", new { version, outcome = "Go", rationale = "Videre" })).ReadJsonAsync();
            Assert.Equal(expected, step.GetProperty("stage").GetString());
            version = step.GetProperty("version").GetInt32();
        }
        var beyond = await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions", new { version, outcome = "Go", rationale = "Videre" });
        Assert.Equal(HttpStatusCode.BadRequest, beyond.StatusCode);
        Assert.True((await beyond.ReadJsonAsync()).GetProperty("errors").TryGetProperty("outcome", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partner_AcceptedByItsLeader_ThenItsMembersAddLessonsButCannotEdit(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app, "owner");
        var partnerAdmin = await Clients.NewApiUserAsync(app, "partner-admin");
        var partnerMember = await Clients.NewApiUserAsync(app, "partner-member");
        var org = await owner.CreateOrganizationAsync();
        var partnerOrg = await partnerAdmin.CreateOrganizationAsync(TestData.Organization(kind: Floke.Web.Core.Organizations.OrganizationKind.ResearchInstitution, municipality: null));
        await partnerMember.JoinAsync(partnerOrg, partnerAdmin);
        var id = (await owner.CreateInitiativeAsync(org)).GetProperty("id").GetInt32();

        var invited = await (await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/partners", new { organizationId = partnerOrg, role = "ResearchPartner" })).ReadJsonAsync();
        Assert.Equal("Invited", invited.GetProperty("partners")[0].GetProperty("status").GetString());
        // Invited: the partner sees the draft but cannot yet contribute, and a plain member cannot accept for the organisation.
        Assert.Equal(HttpStatusCode.OK, (await partnerMember.Http.GetAsync($"/api/v1/initiatives/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerMember.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/lessons", new { whatWorked = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerMember.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/partners/{partnerOrg}/answer", new { accept = true })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await partnerAdmin.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/partners/{partnerOrg}/answer", new { accept = true })).StatusCode);
        var lesson = await partnerMember.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/lessons", new { whatWorked = "Felles datagrunnlag" });
        Assert.Equal(HttpStatusCode.Created, lesson.StatusCode);
        var empty = await partnerMember.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/lessons", new { whatWorked = " " });
        Assert.True((await empty.ReadJsonAsync()).GetProperty("errors").TryGetProperty("whatWorked", out _));

        var edit = await partnerMember.Http.PutAsJsonAsync($"/api/v1/initiatives/{id}", TestData.Initiative(org));
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerAdmin.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions", new { version = 1, outcome = "Go", rationale = "x" })).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task List_FiltersByStageMeasureTypeFacetKindAndCounty(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync(TestData.Organization(municipality: "1804")); // Bodø, Nordland (18)
        var token = TestData.Token();
        for (var i = 0; i < 3; i++)
        {
            var id = (await owner.CreateInitiativeAsync(org, $"Porteføljetiltak {token} {i}")).GetProperty("id").GetInt32();
            var published = await (await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/visibility", new { visibility = "Published" })).ReadJsonAsync();
            if (i == 0)
            {
                var go = await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/gate-decisions", new { version = published.GetProperty("version").GetInt32(), outcome = "Go", rationale = "Videre" });
                Assert.Equal(HttpStatusCode.OK, go.StatusCode);
            }
        }
        // The total is counted by one query and the page read by another — at the default page size compiled for the
        // filters used (InitiativeList), at any other built as a LINQ query: all three must agree.
        Task<int[]> Ids(string query) => ListPages.CompiledAndBuiltIdsAsync(Clients.Anonymous(app), $"/api/v1/initiatives?q={token}", query);
        async Task<int> Total(string query) => (await Ids(query)).Length;
        Assert.Equal(3, await Total("measure=Experiments&type=Technology&facet=Enhancement&organizationKind=Municipality&county=18"));
        Assert.Equal(1, await Total("stage=Explore"));
        Assert.Equal(2, await Total("stage=Idea"));
        Assert.Equal(0, await Total("measure=Procurement"));
        Assert.Equal(0, await Total("type=Process"));
        Assert.Equal(0, await Total("facet=MissionOriented"));
        Assert.Equal(0, await Total("organizationKind=Company"));
        Assert.Equal(0, await Total("county=03"));
        Assert.Equal(2, await Total("stage=Idea&measure=Collaboration&county=18"));
        Assert.Empty(await Ids("stage=Idea&page=2")); // past the end: an offset of 20 (19 on the built query)
        var first = await (await Clients.Anonymous(app).GetAsync($"/api/v1/initiatives?q={token}&pageSize=2")).ReadJsonAsync();
        var second = await (await Clients.Anonymous(app).GetAsync($"/api/v1/initiatives?q={token}&pageSize=2&page=2")).ReadJsonAsync();
        Assert.Equal(3, first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetInt32()).Distinct().Count());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Update_StaleVersion_409_AndHistoryRecordsTheEdit(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var org = await owner.CreateOrganizationAsync();
        var id = (await owner.CreateInitiativeAsync(org, "Tittel før")).GetProperty("id").GetInt32();
        var body = new
        {
            version = 0, title = "Tittel etter", summary = "Oppsummering", measures = new[] { "Culture" }, novelty = "NewToUs",
        };
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.PutAsJsonAsync($"/api/v1/initiatives/{id}", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.Http.PutAsJsonAsync($"/api/v1/initiatives/{id}", body with { title = "For sent" })).StatusCode);
        var history = await owner.Http.GetStringAsync($"/api/v1/initiatives/{id}/history");
        Assert.Contains("Tittel før", history);
        Assert.Contains("Tittel etter", history);
        Assert.DoesNotContain("For sent", history);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Milestones_GiveTheProgressFigure_OwnersOnly(string provider)
    {
        var app = apps[provider];
        var owner = await Clients.NewApiUserAsync(app);
        var outsider = await Clients.NewApiUserAsync(app);
        await outsider.CreateOrganizationAsync();
        var id = (await owner.CreateInitiativeAsync(await owner.CreateOrganizationAsync())).GetProperty("id").GetInt32();
        await owner.PublishInitiativeAsync(id);

        var missing = await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/milestones", new { title = "", dueDate = (string?)null });
        var errors = (await missing.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("dueDate", out _));

        await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/milestones", new { title = "Avtale med leverandør", dueDate = "2026-02-01" });
        var two = await (await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/milestones", new { title = "Pilot i gang", dueDate = "2026-01-15" })).ReadJsonAsync();
        Assert.Equal(0, two.GetProperty("progressPercent").GetInt32());
        var milestones = two.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal("Pilot i gang", milestones[0].GetProperty("title").GetString()); // ordered by date
        var first = milestones[0].GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/milestones/{first}/done", new { done = true })).StatusCode);
        var done = await (await owner.Http.PostAsJsonAsync($"/api/v1/initiatives/{id}/milestones/{first}/done", new { done = true })).ReadJsonAsync();
        Assert.Equal(50, done.GetProperty("progressPercent").GetInt32());
        Assert.Contains("1 av 2 milepæler nådd (50 %)", await Clients.Anonymous(app).GetStringAsync($"/initiatives/{id}"));

        var removed = await (await owner.Http.DeleteAsync($"/api/v1/initiatives/{id}/milestones/{first}")).ReadJsonAsync();
        Assert.Equal(0, removed.GetProperty("progressPercent").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.DeleteAsync($"/api/v1/initiatives/{id}/milestones/{first}")).StatusCode);
    }
}
