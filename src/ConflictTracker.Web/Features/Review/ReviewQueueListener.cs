using System.Collections.Concurrent;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Saving;
using ConflictTracker.Web.Features.Shared;

namespace ConflictTracker.Web.Features.Review;

/// <summary>
/// Listens on the database's <see cref="AppDbContext.ReviewQueueChannel"/> (PostgreSQL LISTEN/NOTIFY;
/// every save that changes claims, relations, flags or candidates notifies in its transaction) and
/// passes each notification to <see cref="ReviewQueueNotifier"/>; on the same connection, the records
/// saves changed (<see cref="AppDbContext.RecordChangedChannel"/>) to <see cref="RecordChangeNotifier"/>.
/// A lost connection is re-opened by <see cref="DatabaseListener"/>.
/// </summary>
public sealed class ReviewQueueListener(
    IConfiguration configuration,
    ReviewQueueNotifier notifier,
    RecordChangeNotifier records,
    ILogger<ReviewQueueListener> logger
) : DatabaseListener(configuration, logger)
{
    private readonly ConcurrentQueue<string> changes = new();
    private int heard;

    protected override IReadOnlyList<string> Channels { get; } =
    [AppDbContext.ReviewQueueChannel, AppDbContext.RecordChangedChannel];

    protected override void OnNotification(string channel, string payload)
    {
        if (channel == AppDbContext.RecordChangedChannel)
        {
            changes.Enqueue(payload);
        }
        else
        {
            Interlocked.Increment(ref heard);
        }
    }

    /// <summary>Changes made while the connection was down were not heard: pages refresh once now.</summary>
    protected override async Task OnListeningAsync()
    {
        changes.Clear();
        Interlocked.Exchange(ref heard, 0);
        await notifier.PublishAsync();
        await records.PublishAsync(RecordChanges.Anything(""));
    }

    protected override async Task OnWokenAsync()
    {
        // Several saves in a burst wake each page once.
        if (Interlocked.Exchange(ref heard, 0) > 0)
        {
            await notifier.PublishAsync();
        }

        while (changes.TryDequeue(out var payload))
        {
            await records.PublishAsync(RecordChanges.Parse(payload));
        }
    }
}
