using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Floke.Web.Infrastructure.Data;

/// <summary>The model on PostgreSQL; its migrations live in Infrastructure/Data/Migrations/Postgres.</summary>
public sealed class PostgresFlokeDbContext(DbContextOptions<PostgresFlokeDbContext> options) : FlokeDbContext(options);

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a running server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFlokeDbContext>
{
    public PostgresFlokeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFlokeDbContext>().UseNpgsql("Host=localhost;Database=floke_design").Options);
}
