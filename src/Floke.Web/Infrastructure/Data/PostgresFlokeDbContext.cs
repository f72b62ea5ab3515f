using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Floke.Web.Infrastructure.Data;

/// <summary>The model on PostgreSQL; its migrations live in Infrastructure/Data/Migrations/Postgres. Its instances are
/// pooled (<see cref="DatabaseSetup"/>), so it has one constructor, taking the options alone: the request's user and the
/// clock come from the application's services the options carry.</summary>
public sealed class PostgresFlokeDbContext(DbContextOptions<PostgresFlokeDbContext> options)
    : FlokeDbContext(options, ApplicationService<IHttpContextAccessor>(options), ApplicationService<TimeProvider>(options));

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a running server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFlokeDbContext>
{
    public PostgresFlokeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFlokeDbContext>().UseNpgsql("Host=localhost;Database=floke_design").Options);
}
