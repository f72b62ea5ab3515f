using Floke.Tests.TestSupport;
using Floke.Web.Core.Organizations;
using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Tests.Infrastructure.Data;

/// <summary>On SQLite a request's queries run on statements kept compiled on a connection kept open (PostgreSQL prepares
/// on the server through Npgsql and is not concerned). What is kept must never change what a query answers: each run
/// has its own values, sees what was written since, belongs to its transaction, and a connection goes back to the next
/// request with no transaction.</summary>
[Collection("app")]
public class SqliteStatementCacheTests(Apps apps)
{
    private FlokeApp App => apps["sqlite"];

    [Fact]
    public async Task AKeptStatement_RunsWithEachQuerysValues_AndSeesWhatWasWrittenSince()
    {
        var (a, b) = (NewOrganization(), NewOrganization());
        await using (var scope = App.Scope())
        {
            var db = App.Db(scope);
            db.Organizations.AddRange(a, b);
            await db.SaveChangesAsync();
        }
        await using (var scope = App.Scope())
        {
            var db = App.Db(scope);
            var connection = db.Database.GetDbConnection();
            Task<string?> NameAsync(int id) => db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync();
            Assert.Equal(a.Name, await NameAsync(a.Id));
            var kept = SqliteStatementCache.CountKept(connection);
            Assert.Equal(b.Name, await NameAsync(b.Id)); // the same statement, kept, with the other key
            Assert.Null(await NameAsync(-1));
            Assert.Equal(kept, SqliteStatementCache.CountKept(connection));
            Assert.True(kept > 0, "the connection keeps what it ran");

            // Written on another connection after the statement was compiled: the next run sees it.
            await using (var other = App.Scope())
            {
                await App.Db(other).Organizations.Where(o => o.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, "Omdøpt " + a.Name));
            }
            Assert.Equal("Omdøpt " + a.Name, await NameAsync(a.Id));
        }
    }

    [Fact]
    public async Task AKeptStatement_BelongsToItsTransaction_AndARolledBackWriteIsGone()
    {
        var org = NewOrganization();
        await using (var scope = App.Scope())
        {
            var db = App.Db(scope);
            for (var i = 0; i < 2; i++) // the second time round, the insert runs on the kept statement
            {
                await using var tx = await db.Database.BeginTransactionAsync();
                var row = NewOrganization();
                db.Organizations.Add(row);
                await db.SaveChangesAsync();
                Assert.True(await db.Organizations.AnyAsync(o => o.Id == row.Id)); // seen inside
                await tx.RollbackAsync();
                db.ChangeTracker.Clear();
                Assert.False(await db.Organizations.AnyAsync(o => o.Id == row.Id)); // and gone with it
            }
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
        }
        await using (var scope = App.Scope())
        {
            Assert.True(await App.Db(scope).Organizations.AnyAsync(o => o.Id == org.Id));
        }
    }

    [Fact]
    public async Task TheSameQuery_WhileItsKeptStatementIsStillReading_RunsOnItsOwn()
    {
        var ids = new List<int>();
        await using (var scope = App.Scope())
        {
            var db = App.Db(scope);
            var orgs = Enumerable.Range(0, 3).Select(_ => NewOrganization()).ToList();
            db.Organizations.AddRange(orgs);
            await db.SaveChangesAsync();
            ids.AddRange(orgs.Select(o => o.Id));
        }
        await using (var scope = App.Scope())
        {
            var db = App.Db(scope);
            IQueryable<int> Query() => db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).Select(o => o.Id);
            var outer = new List<int>();
            await foreach (var id in Query().AsAsyncEnumerable())
            {
                outer.Add(id);
                Assert.Equal(ids, await Query().ToListAsync()); // the same SQL, nested in the first's reading
            }
            Assert.Equal(ids, outer);
            Assert.Equal(ids, await Query().ToListAsync()); // and the kept one serves again after
        }
    }

    private static Organization NewOrganization() => TestData.OrganizationRow("Forberedt kommune");
}
