using Floke.Web.Features.Search;
using Npgsql;

namespace Floke.Web.Infrastructure;

/// <summary>The PostgreSQL connection string the cache backplane uses; null on SQLite.</summary>
public sealed record CacheBackplaneConnection(string? Value);

/// <summary>Several web instances on one PostgreSQL each keep their own caches (national figures, search results, list
/// counts). When one instance marks its caches stale after a commit, it tells the others through PostgreSQL's
/// <c>NOTIFY</c> on the channel <c>floke_cache</c>, and each instance listens on a connection of its own and marks the same
/// caches stale. Without this another instance would serve what it had for up to ten minutes. On SQLite (one process)
/// there is nobody to tell.</summary>
public sealed class CacheBackplane(CacheBackplaneConnection connection, InsightsCache insights, SearchCache search, ListCounts counts,
    ILogger<CacheBackplane> log) : BackgroundService
{
    public const string Channel = "floke_cache";
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly NpgsqlDataSource? _source = connection.Value is null ? null
        // No prepared statements or pooling games for two small statements: a plain, small pool, whose connections are
        // reset when handed back (the listener's LISTEN must not outlive it).
        : new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connection.Value) { MaxPoolSize = 4, MaxAutoPrepare = 0, NoResetOnClose = false }
            .ConnectionString).Build();

    /// <summary>Tells the other instances which caches to mark stale. A failure is logged, never thrown: the save it
    /// follows has been committed, and the other instances' caches expire on their own.</summary>
    public async Task PublishAsync(IReadOnlyCollection<string> caches, CancellationToken ct)
    {
        if (_source is null || caches.Count == 0)
        {
            return;
        }
        try
        {
            await using var command = _source.CreateCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = Channel });
            command.Parameters.Add(new NpgsqlParameter { Value = $"{_instance}:{string.Join(',', caches)}" });
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            log.LogWarning(e, "Could not tell the other instances to mark {Caches} stale", string.Join(',', caches));
        }
    }

    /// <summary>Marks stale what another instance's message names (its own messages are ignored).</summary>
    public async Task ApplyAsync(string payload, CancellationToken ct)
    {
        var parts = payload.Split(':', 2);
        if (parts.Length != 2 || parts[0] == _instance)
        {
            return;
        }
        foreach (var name in parts[1].Split(','))
        {
            await (name switch
            {
                "insights" => insights.InvalidateAsync(ct),
                "search" => search.InvalidateAsync(ct),
                "counts" => counts.InvalidateAsync(ct),
                _ => ValueTask.CompletedTask,
            });
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_source is null)
        {
            return;
        }
        var listenedBefore = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(stoppingToken);
                var received = System.Threading.Channels.Channel.CreateUnbounded<string>();
                connection.Notification += (_, e) => received.Writer.TryWrite(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (listenedBefore)
                {
                    // Whatever changed while this instance was not listening: mark everything stale once.
                    await ApplyAsync("reconnected:insights,search,counts", stoppingToken);
                }
                listenedBefore = true;
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                    while (received.Reader.TryRead(out var payload))
                    {
                        await ApplyAsync(payload, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Lost the cache channel; listening again in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        _source?.Dispose();
        base.Dispose();
    }
}
