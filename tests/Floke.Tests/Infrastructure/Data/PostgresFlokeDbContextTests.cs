using System.Collections.Concurrent;
using Floke.Tests.TestSupport;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Floke.Tests.Infrastructure.Data;

/// <summary>The app's locked writers on PostgreSQL: those to one row wait in the app, in the order they came, without a
/// connection; those to another row do not wait for them.</summary>
[Collection("app")]
public class PostgresFlokeDbContextTests(Apps apps)
{
    private FlokeApp App => apps["postgres"];

    [Fact]
    public async Task LockedWritersToOneRow_GoInTheOrderTheyCame_AndWaitInTheAppNotInTheDatabase()
    {
        var rows = App.Services.GetRequiredService<LockedRows>();
        var id = await NewOrganizationAsync();
        var order = new ConcurrentQueue<string>();
        var waiting = new List<Task>();
        await using (var scope = App.Scope())
        {
            var db = App.Db(scope);
            await using var first = await db.BeginLockedAsync<Organization>(id, CancellationToken.None);
            foreach (var name in new[] { "B", "C", "D", "E" })
            {
                waiting.Add(Task.Run(async () =>
                {
                    await using var own = App.Scope();
                    var other = App.Db(own);
                    await using var tx = await other.BeginLockedAsync<Organization>(id, CancellationToken.None);
                    order.Enqueue(name);
                    other.Organizations.Add(TestData.OrganizationRow("Skrivende kommune " + name));
                    await other.SaveChangesAsync();
                    await tx.CommitAsync();
                }));
                await Task.Delay(150); // each is waiting before the next comes
            }
            Assert.Empty(order); // all wait for the first
            Assert.Equal(0, await BackendsWaitingForALockAsync()); // none holds a connection to wait on
            Assert.Equal(1, rows.Count);
            await first.CommitAsync();
        }
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["B", "C", "D", "E"], order);
        Assert.Equal(0, rows.Count);
    }

    [Fact]
    public async Task AWriterToAnotherRow_DoesNotWait_AndAWriterWhoGivesUpLeavesTheQueue()
    {
        var rows = App.Services.GetRequiredService<LockedRows>();
        var (held, other) = (await NewOrganizationAsync(), await NewOrganizationAsync());
        await using var scope = App.Scope();
        await using var first = await App.Db(scope).BeginLockedAsync<Organization>(held, CancellationToken.None);

        await using (var own = App.Scope())
        {
            await using var tx = await App.Db(own).BeginLockedAsync<Organization>(other, CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(10));
            await tx.CommitAsync();
        }
        using (var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        {
            await using var own = App.Scope();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => App.Db(own).BeginLockedAsync<Organization>(held, impatient.Token));
        }
        Assert.Equal(1, rows.Count); // only the first's
        await first.CommitAsync();
        Assert.Equal(0, rows.Count);
    }

    private async Task<int> NewOrganizationAsync()
    {
        await using var scope = App.Scope();
        var db = App.Db(scope);
        var organization = TestData.OrganizationRow("Låst kommune");
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    }

    private async Task<long> BackendsWaitingForALockAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
