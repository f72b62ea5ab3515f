using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Floke.Tests.Infrastructure;

/// <summary>Every change to the model must come with a migration for both databases (scripts/add-migration makes both).</summary>
public class MigrationsTests
{
    [Fact]
    public void SqliteModel_HasNoChangesWithoutMigration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no SQLite migration: run scripts/add-migration Name");
    }

    [Fact]
    public void PostgresModel_HasNoChangesWithoutMigration()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no PostgreSQL migration: run scripts/add-migration Name");
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);
        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
