using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Floke.Web.Features.OpenCalls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Floke.Tests.TestSupport;

/// <summary>Open calls and proposals made through the API, and the passing of a deadline.</summary>
public static class OpenCallData
{
    public static object Call(int owner, string? title = null, DateOnly? deadline = null, object[]? criteria = null) => new
    {
        ownerOrganizationId = owner,
        title = title ?? $"Færre fall blant eldre som bor hjemme {TestData.Token()}",
        challenge = "Eldre som faller hjemme, ligger ofte lenge før noen kommer. Vi vil ha løsninger som varsler raskt uten kamera.",
        requirements = "Forslaget må beskrive personvern og drift.",
        budgetNok = 500000m,
        deadline = (deadline ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30))).ToString("yyyy-MM-dd"),
        criteria = criteria ?? new object[]
        {
            new { name = "Nytte for brukerne", description = "Hvor godt løsningen møter behovet.", weight = 50 },
            new { name = "Gjennomførbarhet", weight = 30 },
            new { name = "Pris", weight = 20 },
        },
    };

    public static async Task<JsonElement> CreateCallAsync(this ApiUser user, int owner, string? title = null)
    {
        var response = await user.Http.PostAsJsonAsync("/api/v1/calls", Call(owner, title));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    /// <summary>A published call, with <paramref name="jury"/> appointed, by an administrator (a leader) of the owner.</summary>
    public static async Task<int> PublishedCallAsync(this ApiUser leader, int owner, params ApiUser[] jury)
    {
        var id = (await leader.CreateCallAsync(owner)).GetProperty("id").GetInt32();
        foreach (var j in jury)
        {
            Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsJsonAsync($"/api/v1/calls/{id}/jury", new { email = j.Email })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PostAsync($"/api/v1/calls/{id}/publish", null)).StatusCode);
        return id;
    }

    public static async Task<int> SubmittedProposalAsync(this ApiUser author, int callId, int organizationId, string? title = null)
    {
        var created = await author.Http.PostAsJsonAsync($"/api/v1/calls/{callId}/proposals", new
        {
            organizationId,
            title = title ?? $"Fallsensor i gulvet {TestData.Token()}",
            solution = "Trykksensorer under gulvbelegget varsler hjemmetjenesten etter 30 sekunder uten bevegelse.",
            priceNok = 420000m,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await author.Http.PostAsync($"/api/v1/proposals/{id}/submit", null)).StatusCode);
        return id;
    }

    /// <summary>Moves the call's deadline into the past, in the database: it stands in for the clock passing the deadline.
    /// The list counts, kept until the earliest deadline ahead passes, are told so as the clock would tell them (that
    /// they are is tested with a clock the test moves: OpenCallsApiTests.OpenAndEvaluatingCounts_…).</summary>
    public static async Task PassDeadlineAsync(this FlokeApp app, int callId)
    {
        await using var scope = app.Scope();
        var past = DateTimeOffset.UtcNow.AddMinutes(-1);
        await app.Db(scope).OpenCalls.Where(c => c.Id == callId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, past));
        await app.Services.GetRequiredService<Floke.Web.Infrastructure.ListCounts>().InvalidateAsync();
    }

    public static int[] CriterionIds(JsonElement call) => [.. call.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetInt32())];

    public static object Scores(int[] criteria, params int[] points) => new
    {
        scores = criteria.Zip(points, (c, p) => new { criterionId = c, score = p, comment = (string?)null }).ToArray(),
    };
}
