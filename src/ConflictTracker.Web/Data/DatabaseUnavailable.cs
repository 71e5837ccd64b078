using System.Net.Sockets;
using Npgsql;

namespace ConflictTracker.Web.Data;

/// <summary>One way of the database not answering: <see cref="Kind"/> groups like failures (for the log), <see
/// cref="Reason"/> is the message.</summary>
public sealed record DatabaseFailure(string Kind, string Reason);

/// <summary>
/// Tells a database that is not answering (stopped, restarting, refusing or dropping connections,
/// out of connection slots) from every other failure, looking through what EF Core wraps around
/// Npgsql's exceptions (<c>DbUpdateException</c>, the execution strategy's <c>InvalidOperationException</c>,
/// <c>RetryLimitExceededException</c>). Everything else (a broken constraint, a missing table, a bug)
/// stays an error: only an outage is something to wait out.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>The failure showing that the database is not answering, or null when <paramref name="exception"/> is
    /// anything else.</summary>
    public static DatabaseFailure? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // The server answered, so its error code decides: no need to look further in.
                case PostgresException postgres:
                    return IsOutage(postgres.SqlState)
                        ? new DatabaseFailure(
                            $"{nameof(PostgresException)} {postgres.SqlState}",
                            FirstLine(postgres.MessageText)
                        )
                        : null;

                // Npgsql marks as transient what failed on the way to the server: a refused or dropped
                // connection (SocketException, IOException), a timeout, an exhausted pool.
                case NpgsqlException { IsTransient: true } npgsql:
                    var cause = Innermost(npgsql);
                    var kind =
                        cause is SocketException socket
                            ? $"{nameof(NpgsqlException)} {nameof(SocketException)} {socket.SocketErrorCode}"
                        : cause == npgsql ? nameof(NpgsqlException)
                        : $"{nameof(NpgsqlException)} {cause.GetType().Name}";
                    return new DatabaseFailure(kind, FirstLine(cause.Message));

                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null);
            }
        }

        return null;
    }

    public static bool Is(Exception? exception) => Find(exception) is not null;

    /// <summary>
    /// Class 08 (connection exception, except 08P01, a protocol violation: a bug), 57P01-57P03 (the
    /// server shutting down, crashed, or not yet accepting connections) and 53300 (no connection slot free).
    /// </summary>
    private static bool IsOutage(string sqlState) =>
        (sqlState.StartsWith("08", StringComparison.Ordinal) && sqlState != PostgresErrorCodes.ProtocolViolation)
        || sqlState
            is PostgresErrorCodes.AdminShutdown
                or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow
        || sqlState == PostgresErrorCodes.TooManyConnections;

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
