using Npgsql;

namespace ConflictTracker.Web.Data;

/// <summary>
/// A background connection that LISTENs on PostgreSQL notification channels (ADR-007) and hands what it hears
/// to a subclass. A lost connection is re-opened after <see cref="RetryAfter"/>; between losing it and listening
/// again, notifications are missed, which <see cref="OnListeningAsync"/> and <see cref="OnLost"/> let a subclass
/// make up for.
/// </summary>
public abstract partial class DatabaseListener(IConfiguration configuration, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The channels to listen on.</summary>
    protected abstract IReadOnlyList<string> Channels { get; }

    /// <summary>One notification, on the connection's thread while it reads: quick, no I/O.</summary>
    protected abstract void OnNotification(string channel, string payload);

    /// <summary>Listening (again): whatever changed while not listening was not heard.</summary>
    protected abstract Task OnListeningAsync();

    /// <summary>After each wake-up, once the notifications that woke it were handed over.</summary>
    protected virtual Task OnWokenAsync() => Task.CompletedTask;

    /// <summary>The connection is lost or closing: notifications will be missed until listening again.</summary>
    protected virtual void OnLost() { }

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
                connection.Notification += (_, e) => OnNotification(e.Channel, e.Payload);
                var listen = string.Join("; ", Channels.Select(channel => $"LISTEN {channel}"));
                await using (var command = new NpgsqlCommand(listen, connection))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }

                LogListening(logger, string.Join(", ", Channels));
                await OnListeningAsync();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                    await OnWokenAsync();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                OnLost();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong with the connection, listening goes on: a background service
                // that throws would stop the whole app.
                OnLost();
                LogLost(logger, ex, string.Join(", ", Channels), RetryAfter.TotalSeconds);
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

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Listening on channels {Channels}")]
    private static partial void LogListening(ILogger logger, string channels);

    [LoggerMessage(
        EventId = 5002,
        Level = LogLevel.Warning,
        Message = "Lost the notification connection for {Channels}; retrying in {Seconds} s"
    )]
    private static partial void LogLost(ILogger logger, Exception exception, string channels, double seconds);
}
