using System.Collections.Concurrent;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Saving;
using ConflictTracker.Web.Features.Shared;
using Npgsql;

namespace ConflictTracker.Web.Features.Review;

/// <summary>
/// Listens on the database's <see cref="AppDbContext.ReviewQueueChannel"/> (PostgreSQL LISTEN/NOTIFY;
/// every save that changes claims, relations, flags or candidates notifies in its transaction) and
/// passes each notification to <see cref="ReviewQueueNotifier"/>; on the same connection, the records
/// saves changed (<see cref="AppDbContext.RecordChangedChannel"/>) to <see cref="RecordChangeNotifier"/>.
/// A lost connection is re-opened.
/// </summary>
public sealed partial class ReviewQueueListener(
    IConfiguration configuration,
    ReviewQueueNotifier notifier,
    RecordChangeNotifier records,
    ILogger<ReviewQueueListener> logger
) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keepalives make a dead server show up as an error instead of an endless wait.
                var connectionString = new NpgsqlConnectionStringBuilder(
                    configuration.GetConnectionString(Hosting.Database.ConnectionStringName)
                )
                {
                    KeepAlive = 30,
                };
                await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                var heard = 0;
                var changes = new ConcurrentQueue<string>();
                connection.Notification += (_, e) =>
                {
                    if (e.Channel == AppDbContext.RecordChangedChannel)
                    {
                        changes.Enqueue(e.Payload);
                    }
                    else
                    {
                        Interlocked.Increment(ref heard);
                    }
                };
                await using (
                    var listen = new NpgsqlCommand(
                        $"LISTEN {AppDbContext.ReviewQueueChannel}; LISTEN {AppDbContext.RecordChangedChannel}",
                        connection
                    )
                )
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                LogListening(AppDbContext.ReviewQueueChannel);

                // Changes made while the connection was down were not heard: pages refresh once now.
                await notifier.PublishAsync();
                await records.PublishAsync(RecordChanges.Anything(""));
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);

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
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong with the connection, listening goes on: a background service
                // that throws would stop the whole app.
                LogLost(ex, RetryAfter.TotalSeconds);
                try
                {
                    await Task.Delay(RetryAfter, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(
        EventId = 5001,
        Level = LogLevel.Information,
        Message = "Listening for review queue changes on channel {Channel}"
    )]
    private partial void LogListening(string channel);

    [LoggerMessage(
        EventId = 5002,
        Level = LogLevel.Warning,
        Message = "Lost the review queue notification connection; retrying in {Seconds} s"
    )]
    private partial void LogLost(Exception exception, double seconds);
}
