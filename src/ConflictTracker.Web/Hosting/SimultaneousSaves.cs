using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConflictTracker.Web.Hosting;

/// <summary>
/// A save the database cancelled because it met another at the same moment (a deadlock, a serialization failure,
/// a lock it could not get in time) is nobody's mistake and lost nothing: its transaction was rolled back. The API
/// answers 409 with a problem saying so, and that the same request can be sent again.
/// </summary>
internal sealed partial class SimultaneousSaves(IProblemDetailsService problems, ILogger<SimultaneousSaves> logger)
    : IExceptionHandler
{
    private static readonly string[] Transient =
    [
        PostgresErrorCodes.DeadlockDetected,
        PostgresErrorCodes.SerializationFailure,
        PostgresErrorCodes.LockNotAvailable,
    ];

    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken
    )
    {
        var postgres =
            exception as PostgresException ?? (exception as DbUpdateException)?.InnerException as PostgresException;
        if (postgres is null || !Transient.Contains(postgres.SqlState))
        {
            return false;
        }

        LogCancelled(postgres.SqlState, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Another save got in the way",
                    Detail =
                        "Nothing was saved: this save met another one at the same moment and the database "
                        + "cancelled it. Send the same request again.",
                },
            }
        );
    }

    [LoggerMessage(
        EventId = 5010,
        Level = LogLevel.Warning,
        Message = "A save was cancelled by the database ({SqlState}) on {Method} {Path}; answered 409"
    )]
    private partial void LogCancelled(string sqlState, string method, PathString path);
}
