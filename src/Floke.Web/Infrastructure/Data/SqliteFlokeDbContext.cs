using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Floke.Web.Infrastructure.Data;

/// <summary>The model on SQLite; its migrations live in Infrastructure/Data/Migrations/Sqlite. In the app it works on a
/// connection lent for its scope (<see cref="SqliteConnectionLease"/>, given by <see cref="Lend"/>), which EF Core finds
/// open and leaves open.</summary>
public sealed class SqliteFlokeDbContext(DbContextOptions<SqliteFlokeDbContext> options) : FlokeDbContext(options)
{
    private SqliteConnectionLease? _lease;

    /// <summary>Works on the scope's leased connection (none: EF Core opens its own from the connection string).</summary>
    public SqliteFlokeDbContext Lend(SqliteConnectionLease? lease)
    {
        _lease = lease;
        if (lease is not null)
        {
            Database.SetDbConnection(lease.Connection, contextOwnsConnection: false);
        }
        return this;
    }

    protected override void Forget()
    {
        base.Forget();
        _lease = null;
    }

    /// <summary>As on any database, and in turn: the app's locked writers wait in one queue, first come first served,
    /// instead of in SQLite's busy handler, whose growing sleeps let a newcomer take the write lock before one that has
    /// waited long (<see cref="SqliteConnections.Writers"/>).</summary>
    public override async Task<IDbContextTransaction> BeginLockedAsync<T>(int id, CancellationToken ct)
    {
        if (_lease is null)
        {
            return await base.BeginLockedAsync<T>(id, ct);
        }
        var writers = _lease.Writers;
        await writers.WaitAsync(ct);
        try
        {
            return new QueuedTransaction(await base.BeginLockedAsync<T>(id, ct), () => writers.Release());
        }
        catch
        {
            writers.Release();
            throw;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot compare or order DateTimeOffset text; store UTC ticks so that sorting and ranges run in the database.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        // SQLite has no decimal type: EF Core would store text and sum and compare it through functions called in .NET for
        // every row. Whole ten-thousandths in an integer keep money exact and let SQLite sum, compare and order natively.
        builder.Properties<decimal>().HaveConversion<TenThousandthsConverter>();
    }
}

/// <summary>Stores a decimal as a whole number of ten-thousandths (4 decimals, the most any amount in Floke has); the
/// validators cap amounts at 10¹², far inside the integer's range.</summary>
public sealed class TenThousandthsConverter() : ValueConverter<decimal, long>(
    value => (long)decimal.Round(value * 10_000m, MidpointRounding.AwayFromZero),
    stored => stored / 10_000m);

/// <summary>Lets `dotnet ef` build the SQLite model without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFlokeDbContext>
{
    public SqliteFlokeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFlokeDbContext>().UseSqlite("Data Source=design.db").Options);
}
