using ConflictTracker.Web.Data;

namespace ConflictTracker.Web.Security;

/// <summary>Hears <see cref="ApiTokenCache.Channel"/> and drops the changed user's cached tokens; the cache is used
/// only while this listens (<see cref="ApiTokenCache"/>).</summary>
public sealed class ApiTokenCacheListener(
    IConfiguration configuration,
    ApiTokenCache cache,
    ILogger<ApiTokenCacheListener> logger
) : DatabaseListener(configuration, logger)
{
    protected override IReadOnlyList<string> Channels { get; } = [ApiTokenCache.Channel];

    protected override void OnNotification(string channel, string payload) => cache.Invalidate(payload);

    protected override Task OnListeningAsync()
    {
        cache.SetListening(true);
        return Task.CompletedTask;
    }

    protected override void OnLost() => cache.SetListening(false);
}
