using Floke.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Floke.Tests.TestSupport;

/// <summary>Floke running in-process on a fresh database of one provider: an SQLite file, or a new database on the
/// PostgreSQL server that ./scripts/test starts (FLOKE_TEST_POSTGRES). Without that server a PostgreSQL test fails; it never skips.</summary>
public sealed class FlokeApp : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "FLOKE_TEST_POSTGRES";

    public string Provider { get; }

    /// <summary>The connection string of this app's own database.</summary>
    public string ConnectionString => _connectionString;
    /// <summary>Counts every SQL statement the app sends.</summary>
    public SqlCounter Sql { get; } = new();
    /// <summary>Acts just before each commit.</summary>
    public CommitHook Commits { get; } = new();
    private readonly string _connectionString;
    private readonly string? _sqliteFile;
    private readonly string? _postgresDatabase;
    private readonly Dictionary<string, string?> _extra;
    private readonly TimeProvider? _clock;

    /// <param name="clock">The app's clock, when the test moves it (<see cref="ManualClock"/>); the system's otherwise.</param>
    public FlokeApp(string provider, Dictionary<string, string?>? extraSettings = null, TimeProvider? clock = null)
    {
        Provider = provider;
        _extra = extraSettings ?? [];
        _clock = clock;
        if (provider == "sqlite")
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"floke-test-{Guid.NewGuid():N}.db");
            _connectionString = $"Data Source={_sqliteFile};Foreign Keys=True;Pooling=False";
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException($"{PostgresVariable} is not set. Run ./scripts/test, which starts a PostgreSQL server for the tests.");
            }
            _postgresDatabase = $"floke_test_{Guid.NewGuid():N}";
            _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
        }
    }

    /// <summary>A second app on <paramref name="other"/>'s database (which it leaves to <paramref name="other"/> to delete),
    /// set up otherwise: to compare what two settings answer over the same data.</summary>
    public FlokeApp(FlokeApp other, Dictionary<string, string?> extraSettings)
    {
        Provider = other.Provider;
        _extra = extraSettings;
        _connectionString = other._connectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Floke:Database", Provider == "sqlite" ? "Sqlite" : "Postgres");
        builder.UseSetting(Provider == "sqlite" ? "ConnectionStrings:Sqlite" : "ConnectionStrings:Postgres", _connectionString);
        builder.UseSetting("Floke:Demo", "false");
        // The tests count every statement a page sends and check figures right after a change: no background warm-up, and
        // wait for fresh national figures (serving the previous ones while computing is tested in InsightsCacheTests).
        builder.UseSetting("Floke:Insights:WarmUp", "false");
        builder.UseSetting("Floke:Sqlite:Optimize", "false");
        builder.UseSetting("Floke:Insights:FreshWait", "00:00:30");
        // One test process hosts many apps at once: the heap limit of a server serving alone is not theirs.
        builder.UseSetting("Floke:HeapLimitMegabytes", "0");
        foreach (var (key, value) in _extra)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SqliteFlokeDbContext>(o => o.AddInterceptors(Sql, Commits));
            services.ConfigureDbContext<PostgresFlokeDbContext>(o => o.AddInterceptors(Sql, Commits));
            if (_clock is not null)
            {
                services.AddSingleton(_clock);
            }
        });
    }

    /// <summary>A scope on the app's services, e.g. to read the database directly in an assertion.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public FlokeDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<FlokeDbContext>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sqliteFile is not null)
        {
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(f);
            }
        }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = "postgres" };
            await using var conn = new NpgsqlConnection(admin.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>One app per provider, shared by every test in the "app" collection. Tests make their own data (unique
/// emails and organisation numbers), so they do not depend on each other.</summary>
public sealed class Apps : IAsyncLifetime
{
    private readonly Dictionary<string, Lazy<FlokeApp>> _apps = new()
    {
        ["sqlite"] = new(() => Start("sqlite")),
        ["postgres"] = new(() => Start("postgres")),
    };

    public FlokeApp this[string provider] => _apps[provider].Value;

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    private static FlokeApp Start(string provider)
    {
        var app = new FlokeApp(provider);
        _ = app.Server; // starts the host and migrates the database
        return app;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values.Where(a => a.IsValueCreated))
        {
            await app.Value.DisposeAsync();
        }
    }
}

[CollectionDefinition("app")]
public sealed class AppCollection : ICollectionFixture<Apps>;
