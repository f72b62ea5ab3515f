using System.Collections.Concurrent;
using Floke.Tests.TestSupport;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Floke.Tests.Infrastructure.Data;

/// <summary>The app's SQLite connections: lent to one scope at a time, never with a transaction left on them, and the
/// locked writers served in the order they came.</summary>
[Collection("app")]
public class SqliteConnectionsTests(Apps apps)
{
    private FlokeApp App => apps["sqlite"];

    [Fact]
    public async Task AConnectionLeftInATransaction_IsClosed_NotLentToTheNextScope()
    {
        SqliteConnection leaked;
        await using (var scope = App.Scope())
        {
            leaked = scope.ServiceProvider.GetRequiredService<SqliteConnectionLease>().Connection;
            leaked.BeginTransaction(); // never committed nor disposed
        }
        Assert.Equal(System.Data.ConnectionState.Closed, leaked.State);
        await using (var scope = App.Scope())
        {
            var db = App.Db(scope);
            Assert.NotSame(leaked, db.Database.GetDbConnection());
            await using var tx = await db.Database.BeginTransactionAsync(); // would fail on a connection still in one
        }
    }

    [Fact]
    public async Task LockedWriters_TakeTheWriteLockInTheOrderTheyCame()
    {
        var order = new ConcurrentQueue<string>();
        var waiting = new List<Task>();
        await using (var scope = App.Scope())
        {
            var db = App.Db(scope);
            await using var first = await db.BeginLockedAsync<Organization>(1, CancellationToken.None);
            foreach (var name in new[] { "B", "C", "D", "E" })
            {
                waiting.Add(Task.Run(async () =>
                {
                    await using var own = App.Scope();
                    var other = App.Db(own);
                    await using var tx = await other.BeginLockedAsync<Organization>(1, CancellationToken.None);
                    order.Enqueue(name);
                    other.Organizations.Add(NewOrganization());
                    await other.SaveChangesAsync();
                    await tx.CommitAsync();
                }));
                await Task.Delay(150); // each is waiting before the next comes
            }
            Assert.Empty(order); // all wait for the first
            db.Organizations.Add(NewOrganization());
            await db.SaveChangesAsync();
            await first.CommitAsync();
        }
        await Task.WhenAll(waiting);
        Assert.Equal(["B", "C", "D", "E"], order);
    }

    private static Organization NewOrganization() => TestData.OrganizationRow("Skrivende kommune");
}
