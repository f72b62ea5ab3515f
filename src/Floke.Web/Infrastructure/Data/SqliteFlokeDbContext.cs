using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Floke.Web.Infrastructure.Data;

/// <summary>The model on SQLite; its migrations live in Infrastructure/Data/Migrations/Sqlite.</summary>
public sealed class SqliteFlokeDbContext(DbContextOptions<SqliteFlokeDbContext> options, IHttpContextAccessor? http = null, TimeProvider? clock = null)
    : FlokeDbContext(options, http, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite cannot compare or order DateTimeOffset text; store UTC ticks so that sorting and ranges run in the database.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Lets `dotnet ef` build the SQLite model without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFlokeDbContext>
{
    public SqliteFlokeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFlokeDbContext>().UseSqlite("Data Source=design.db").Options);
}
