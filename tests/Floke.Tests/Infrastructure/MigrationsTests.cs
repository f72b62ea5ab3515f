using Floke.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

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

    /// <summary>The compiled models (scripts/optimize-model) are what the app runs on, so they must say what the code says:
    /// tables, columns, keys and indexes, and per property what Floke reads at run time (type, nullability, concurrency
    /// token, derived-value mark) and per entity its query filter.</summary>
    [Fact]
    public void CompiledModels_SayWhatTheCodeSays()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        foreach (DbContext db in new DbContext[] { sqlite, postgres })
        {
            var compiled = db.Model;
            Assert.StartsWith("Floke.Web.Infrastructure.Data.CompiledModels.", compiled.GetType().FullName);
            var code = db.GetService<IDesignTimeModel>().Model;
            Assert.NotSame(compiled, code);
            static IEnumerable<string> Shape(IModel model) => model.GetRelationalModel().Tables.OrderBy(t => t.Name).SelectMany(t =>
                t.Columns.OrderBy(c => c.Name).Select(c => $"{t.Name}.{c.Name} {c.StoreType} null={c.IsNullable}")
                    .Concat(t.Indexes.OrderBy(i => i.Name).Select(i => $"{t.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) unique={i.IsUnique} filter={i.Filter}"))
                    .Concat(t.ForeignKeyConstraints.OrderBy(f => f.Name).Select(f => $"{t.Name} fk {f.Name} {f.OnDeleteAction}"))
                    .Concat(t.UniqueConstraints.OrderBy(u => u.Name).Select(u => $"{t.Name} key {u.Name} ({string.Join(",", u.Columns.Select(c => c.Name))})")))
                .Concat(model.GetEntityTypes().OrderBy(e => e.Name).SelectMany(e =>
                    new[] { $"{e.Name} filters={e.GetDeclaredQueryFilters().Count}" }.Concat(e.GetProperties().Select(p =>
                        $"{e.Name}.{p.Name} {p.ClrType.Name} null={p.IsNullable} token={p.IsConcurrencyToken} derived={p.IsDerived()}"))));
            var (said, compiledSays) = (Shape(code).Except(Shape(compiled)).ToList(), Shape(compiled).Except(Shape(code)).ToList());
            Assert.True(said.Count == 0 && compiledSays.Count == 0, $"The compiled model of {db.GetType().Name} is out of date: run scripts/optimize-model."
                + $" The code says: {string.Join("; ", said.Take(5))}. The compiled model says: {string.Join("; ", compiledSays.Take(5))}.");
        }
    }
}
