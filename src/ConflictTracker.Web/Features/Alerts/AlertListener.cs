using System.Collections.Concurrent;
using ConflictTracker.Web.Data;

namespace ConflictTracker.Web.Features.Alerts;

/// <summary>
/// Runs the <see cref="AlertMatcher"/> in the background: whenever a save is heard on
/// <see cref="AppDbContext.RecordChangedChannel"/>, and once on (re)connecting to catch up on what was saved meanwhile
/// (the cursor is in the database). Passes the users named on <see cref="AppDbContext.NotificationsChannel"/> to
/// <see cref="NotificationNotifier"/> for the live bells.
/// </summary>
public sealed partial class AlertListener(
    IConfiguration configuration,
    AlertMatcher matcher,
    NotificationNotifier notifier,
    ILogger<AlertListener> logger
) : DatabaseListener(configuration, logger)
{
    private readonly ConcurrentQueue<string> told = new();
    private int saved;

    protected override IReadOnlyList<string> Channels { get; } =
    [AppDbContext.RecordChangedChannel, AppDbContext.NotificationsChannel];

    protected override void OnNotification(string channel, string payload)
    {
        if (channel == AppDbContext.NotificationsChannel)
        {
            told.Enqueue(payload);
        }
        else
        {
            Interlocked.Exchange(ref saved, 1);
        }
    }

    protected override async Task OnListeningAsync()
    {
        await MatchAsync();
        await notifier.PublishAsync(null);
    }

    protected override async Task OnWokenAsync()
    {
        if (Interlocked.Exchange(ref saved, 0) == 1)
        {
            await MatchAsync();
        }

        var users = new HashSet<Guid>();
        while (told.TryDequeue(out var payload))
        {
            users.UnionWith(NotificationNotifier.Parse(payload));
        }

        if (users.Count > 0)
        {
            await notifier.PublishAsync(users);
        }
    }

    private async Task MatchAsync()
    {
        try
        {
            await matcher.RunAsync();
        }
        catch (Exception ex)
        {
            // Matching resumes at the next save or reconnection, from the cursor; listening goes on.
            LogFailed(ex);
        }
    }

    [LoggerMessage(
        EventId = 6104,
        Level = LogLevel.Warning,
        Message = "The alert matcher failed; it resumes at the next save"
    )]
    private partial void LogFailed(Exception exception);
}
