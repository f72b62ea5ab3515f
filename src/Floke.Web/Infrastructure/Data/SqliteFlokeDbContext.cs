using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Floke.Web.Infrastructure.Data;

/// <summary>The model on SQLite; its migrations live in Infrastructure/Data/Migrations/Sqlite. In the app it works on a
/// connection lent for its scope (<see cref="SqliteConnectionLease"/>), which EF Core finds open and leaves open.</summary>
public sealed class SqliteFlokeDbContext : FlokeDbContext
{
    public SqliteFlokeDbContext(DbContextOptions<SqliteFlokeDbContext> options, IHttpContextAccessor? http = null, TimeProvider? clock = null,
        SqliteConnectionLease? lease = null)
        : base(options, http, clock)
    {
        if (lease is not null)
        {
            Database.SetDbConnection(lease.Connection, contextOwnsConnection: false);
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
