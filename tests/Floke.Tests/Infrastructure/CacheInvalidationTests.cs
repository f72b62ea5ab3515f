using System.Net.Http.Json;
using Floke.Tests.TestSupport;
using Floke.Web.Core.Organizations;
using Floke.Web.Features.Search;
using Floke.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Floke.Tests.Infrastructure;

/// <summary>Cached search results and national figures are marked stale when a change to what they read is committed —
/// not before (a reader could otherwise compute from the old rows and keep that), and not at all when it is rolled back.</summary>
[Collection("app")]
public class CacheInvalidationTests(Apps apps)
{
    public static TheoryData<string> Providers => Apps.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task ACommittedChange_MarksTheResultsStale_ARolledBackOneDoesNot(string provider)
    {
        var app = apps[provider];
        var search = app.Services.GetRequiredService<SearchCache>();
        var insights = app.Services.GetRequiredService<InsightsCache>();
        var key = "cache-invalidation-" + TestData.Token();
        ValueTask<int> Search(int value) => search.GetAsync(key, (_, _, _) => Task.FromResult(value), CancellationToken.None);
        ValueTask<int> Insights(int value) => insights.GetAsync(key, (_, _, _) => Task.FromResult(value), CancellationToken.None);
        Assert.Equal(1, await Search(1));
        Assert.Equal(1, await Insights(1));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = app.Db(scope);
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Organizations.Add(NewOrganization());
            await db.SaveChangesAsync();
            Assert.Equal(1, await Search(2)); // saved, not committed: still the result from before
            Assert.Equal(1, await Insights(2));
            await tx.RollbackAsync();
        }
        Assert.Equal(1, await Search(3)); // rolled back: nothing changed
        Assert.Equal(1, await Insights(3));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = app.Db(scope);
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Organizations.Add(NewOrganization());
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        Assert.Equal(4, await Search(4)); // committed: computed anew
        Assert.Equal(4, await Insights(4));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task AListsTotal_FollowsEveryChange(string provider)
    {
        var app = apps[provider];
        var token = "cnt" + TestData.Token();
        var owner = await Clients.NewApiUserAsync(app, "counter");
        var org = await owner.CreateOrganizationAsync();
        var anonymous = Clients.Anonymous(app);
        async Task<int> Total() => (await (await anonymous.GetAsync($"/api/v1/initiatives?q={token}")).ReadJsonAsync()).GetProperty("total").GetInt32();

        Assert.Equal(0, await Total());
        Assert.Equal(0, await Total()); // counted once, kept
        var id = (await owner.CreateInitiativeAsync(org, $"Telling {token}")).GetProperty("id").GetInt32();
        Assert.Equal(0, await Total()); // a draft is not public
        await owner.PublishInitiativeAsync(id);
        Assert.Equal(1, await Total());
        Assert.Equal(1, (await (await owner.Http.GetAsync($"/api/v1/initiatives?q={token}&mine=true")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task OtherInstancesOnThePostgreSqlServer_AreToldAndTell()
    {
        var app = apps["postgres"];
        var search = app.Services.GetRequiredService<SearchCache>();
        var key = "backplane-" + TestData.Token();
        ValueTask<int> Search(int value) => search.GetAsync(key, (_, _, _) => Task.FromResult(value), CancellationToken.None);
        Assert.Equal(1, await Search(1));

        // Another instance is another connection on the same database: it hears this instance's commits ...
        await using var other = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await other.OpenAsync();
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        other.Notification += (_, e) => heard.TrySetResult(e.Payload);
        await using (var listen = new Npgsql.NpgsqlCommand($"LISTEN {CacheBackplane.Channel}", other))
        {
            await listen.ExecuteNonQueryAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = app.Db(scope);
            db.Organizations.Add(NewOrganization());
            await db.SaveChangesAsync();
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!heard.Task.IsCompleted)
        {
            await other.WaitAsync(wait.Token);
        }
        var payload = await heard.Task;
        Assert.Contains("search", payload);
        Assert.Contains("counts", payload);
        Assert.Contains("insights", payload);

        // ... and what it says marks this instance's results stale.
        Assert.Equal(2, await Search(2)); // the save above marked it stale here too
        Assert.Equal(2, await Search(3));
        await using (var notify = new Npgsql.NpgsqlCommand($"SELECT pg_notify('{CacheBackplane.Channel}', 'another-instance:search')", other))
        {
            await notify.ExecuteNonQueryAsync();
        }
        var seen = 2;
        for (var i = 0; i < 100 && seen != 4; i++)
        {
            await Task.Delay(50);
            seen = await Search(4);
        }
        Assert.Equal(4, seen);
    }

    private static Organization NewOrganization() => TestData.OrganizationRow("Bufferkommune");
}
