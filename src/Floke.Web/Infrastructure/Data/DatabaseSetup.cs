using Floke.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Floke.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
{
    /// <summary>Registers <see cref="FlokeDbContext"/> on the provider named by <c>Floke:Database</c> (Sqlite by default).</summary>
    public static IServiceCollection AddFlokeDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = config.GetValue("Floke:Database", DatabaseProvider.Sqlite);
        services.AddSingleton(new DatabaseInfo(provider));
        services.AddSingleton<InsightsCache>();
        services.AddSingleton<Features.Search.SearchCache>();
        services.AddSingleton<ListCounts>();
        services.AddSingleton<CacheInvalidation>();
        services.AddSingleton<CacheBackplane>();
        services.AddHostedService(sp => sp.GetRequiredService<CacheBackplane>());
        services.AddHostedService<StartupWarmup>();
        if (provider == DatabaseProvider.Postgres)
        {
            var cs = PostgresConnectionString(config.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Floke:Database is Postgres, but ConnectionStrings:Postgres is not set."));
            services.AddSingleton(new CacheBackplaneConnection(cs));
            services.AddSingleton<LockedRows>();
            // Pooled: a request takes a context whose EF Core services are already set up, instead of building them (and
            // finding the model) anew — 12 % of the app's CPU on the front page at national scale (perf, 32 connections;
            // bench README "Fourteenth session").
            // A collection (orgIds.Contains(…)) goes as one array parameter: sent as one parameter per element (EF Core 10's
            // default), the statement's SQL depends on the count and EF Core builds it anew at every execution, under a lock
            // per query (bench README "Twenty-fourth session"). Limits are written into the SQL by ConstantLimits.
            services.AddDbContextPool<FlokeDbContext, PostgresFlokeDbContext>((sp, o) => o.UseNpgsql(cs, pg => pg.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .UseModel(CompiledModels.Postgres.PostgresFlokeDbContextModel.Instance).AddInterceptors(sp.GetRequiredService<CacheInvalidation>(), new SequentialReads(), ConstantLimits.Instance));
        }
        else
        {
            services.AddSingleton(new CacheBackplaneConnection(null)); // one process: nobody to tell
            services.AddHostedService<SqliteOptimizer>();
            var pragmas = new SqlitePragmas(config.GetValue("Floke:Sqlite:MmapBytes", 1L << 30));
            var cs = SqliteConnectionString(config, env);
            // Connections kept open and their statements kept compiled (SqliteStatementCache); off with Floke:Sqlite:KeepStatements=false.
            var keep = config.GetValue("Floke:Sqlite:KeepStatements", true);
            if (keep)
            {
                services.AddSingleton(_ => new SqliteConnections(cs, pragmas)); // made by the container, so closed with it
                services.AddScoped<SqliteConnectionLease>();
            }
            var statements = new SqliteStatementCache();
            // Pooled as on PostgreSQL; each scope's context is lent the scope's connection. Collections and limits as on
            // PostgreSQL (json_each over one parameter instead of ANY).
            services.AddPooledDbContextFactory<SqliteFlokeDbContext>((sp, o) => o.UseSqlite(cs, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).UseModel(CompiledModels.Sqlite.SqliteFlokeDbContextModel.Instance)
                .AddInterceptors(keep ? [sp.GetRequiredService<CacheInvalidation>(), pragmas, statements, ConstantLimits.Instance] : [sp.GetRequiredService<CacheInvalidation>(), pragmas, ConstantLimits.Instance]));
            services.AddScoped<FlokeDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SqliteFlokeDbContext>>().CreateDbContext()
                .Lend(sp.GetService<SqliteConnectionLease>()));
        }
        return services;
    }

    /// <summary>The operator's connection string with Floke's defaults where it says nothing:
    /// <list type="bullet">
    /// <item>Statements a connection runs often are prepared on the server (Npgsql's automatic preparation; the same
    /// queries run for every page view). Measured at national scale with 32 connections: one initiative through the API
    /// 235–255 → 510–556 req/s, its page 125–131 → 181–213.</item>
    /// <item>PostgreSQL's JIT compiler is off: it compiles a query afresh on every run once its estimated cost is high,
    /// which made a count over 200,000 initiatives take 499 ms instead of 171 (190 ms of it compiling).</item>
    /// <item>A connection handed back to the pool is not reset (<c>No Reset On Close</c>). EF Core opens and closes the
    /// connection around every query, and each reopening sent <c>DISCARD</c>, <c>RESET ALL</c>, <c>UNLISTEN</c> and
    /// three more statements first — more server time than the page's own queries (0.07–0.16 ms each, against 0.02–0.10).
    /// Floke keeps no session state on these connections (no <c>SET</c> outside a transaction, temporary tables,
    /// advisory locks or <c>LISTEN</c>; the cache backplane listens on a pool of its own, which keeps resetting).
    /// Measured on the initiative page at national scale, 32 connections: PostgreSQL's CPU per page 1.16–1.36 → 0.72 ms,
    /// 460–560 → 795 req/s.</item>
    /// </list></summary>
    public static string PostgresConnectionString(string configured)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
        bool Says(params string[] keys) => keys.Any(given.ContainsKey);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        if (!Says("Max Auto Prepare", "MaxAutoPrepare"))
        {
            b.MaxAutoPrepare = 100;
            b.AutoPrepareMinUsages = 2;
        }
        if (!Says("No Reset On Close", "NoResetOnClose"))
        {
            b.NoResetOnClose = true;
        }
        if (b.Options is null || !b.Options.Contains("jit", StringComparison.Ordinal))
        {
            b.Options = ((b.Options ?? "") + " -c jit=off").Trim();
        }
        return b.ConnectionString;
    }

    private static string SqliteConnectionString(IConfiguration config, IHostEnvironment env)
    {
        var cs = config.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(cs))
        {
            return cs;
        }
        var dir = Path.Combine(env.ContentRootPath, "App_Data");
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "floke.db")};Foreign Keys=True";
    }

    /// <summary>Creates or upgrades the schema; on SQLite also switches to write-ahead logging so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(FlokeDbContext db, CancellationToken ct = default)
    {
        // Migrating builds the newest migration's model to check the code against it: a second of every start. A database
        // already at the newest migration (the usual start) only has its migration history read, by hand: EF Core's own
        // reading builds a model of the history table first (0.13 s of a cold start).
        // (A new, empty database goes straight to migrating: reading its missing history would log an error.)
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct) || !await creator.HasTablesAsync(ct) || await HasPendingMigrationsAsync(db, ct))
        {
            await db.Database.MigrateAsync(ct);
        }
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    private static async Task<bool> HasPendingMigrationsAsync(FlokeDbContext db, CancellationToken ct)
    {
        var history = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IHistoryRepository>();
        if (!await history.ExistsAsync(ct))
        {
            return true;
        }
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var rows = await db.ReadRawAsync($"SELECT \"MigrationId\" FROM \"{Microsoft.EntityFrameworkCore.Migrations.HistoryRepository.DefaultTableName}\"", [], ct))
        {
            while (await rows.DbDataReader.ReadAsync(ct))
            {
                applied.Add(rows.DbDataReader.GetString(0));
            }
        }
        return db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly>().Migrations.Keys.Any(id => !applied.Contains(id));
    }
}

public sealed record DatabaseInfo(DatabaseProvider Provider);
