using System.Collections.Concurrent;
using System.Globalization;
using ConflictTracker.Web.Data;
using Serilog.Core;
using Serilog.Events;

namespace ConflictTracker.Web.Hosting;

/// <summary>
/// What the app does while PostgreSQL is not answering (ADR-010): requests get 503 with
/// <c>Retry-After</c> (problem details for the API, a short page for browsers) instead of 500, and
/// the log gets one line per kind of failure and interval instead of a stack trace per request.
/// Nothing has to be restarted: Npgsql opens new connections once the server answers again.
/// </summary>
internal static class DatabaseOutage
{
    /// <summary>What a client is told to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>How often each kind of database failure is logged at most
    /// (<c>Database:UnavailableLogInterval</c>).</summary>
    public static TimeSpan LogInterval(IConfiguration configuration) =>
        configuration.GetValue("Database:UnavailableLogInterval", TimeSpan.FromSeconds(30));

    public static IApplicationBuilder UseDatabaseOutageAnswers(this IApplicationBuilder app) =>
        app.UseMiddleware<DatabaseOutageMiddleware>();
}

/// <summary>Answers 503 for any request that failed because the database is not answering.</summary>
internal sealed partial class DatabaseOutageMiddleware(RequestDelegate next, ILogger<DatabaseOutageMiddleware> logger)
{
    private const string Title = "The database is not answering";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (DatabaseUnavailable.Is(ex))
        {
            // Logged with its exception like any failure; DatabaseOutageLogFilter condenses the flood.
            LogUnavailable(logger, ex, context.Request.Method, context.Request.Path);
            if (context.Response.HasStarted)
            {
                // Half a response must not pass for a whole one: the client sees a broken connection.
                context.Abort();
                return;
            }

            context.Response.Clear();
            context.Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(
                CultureInfo.InvariantCulture
            );
            context.Response.Headers.CacheControl = "no-store";
            if (WantsPage(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(Page, context.RequestAborted);
                return;
            }

            await TypedResults
                .Problem(
                    title: Title,
                    detail: $"ConflictTracker cannot reach its database just now. Try again in {DatabaseOutage.RetryAfter.TotalSeconds:0} s. "
                        + "A write that was under way may or may not have been stored: read the record before sending it again.",
                    statusCode: StatusCodes.Status503ServiceUnavailable
                )
                .ExecuteAsync(context);
        }
    }

    /// <summary>A browser asking for a page (not the API, not a download or a script) gets a page it can
    /// show.</summary>
    private static bool WantsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments(Api.Prefix)
        && request.Headers.Accept.Any(accept =>
            accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true
        );

    // Self-contained: no layout, no script, nothing that needs the database or another request.
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="15">
        <title>The database is not answering · ConflictTracker</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#212121}</style>
        </head>
        <body>
        <h1>The database is not answering</h1>
        <p>ConflictTracker cannot reach its database just now, so this page cannot be shown. What was saved before is kept.</p>
        <p>This page tries again by itself every 15 seconds, or <a href="">try again now</a>.</p>
        </body>
        </html>
        """;

    [LoggerMessage(
        EventId = 5100,
        Level = LogLevel.Warning,
        Message = "{Method} {Path} answered 503: the database is not answering"
    )]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);
}

/// <summary>
/// Holds back log events whose exception shows that the database is not answering (from EF Core,
/// the request pipeline, circuits, background services alike) and writes instead, for each kind of
/// failure, one warning per interval with the reason and how many events were held back. While
/// PostgreSQL was down, a stack trace per request filled the log at 1.5 MB a second.
/// </summary>
internal sealed class DatabaseOutageLogFilter(TimeSpan interval, TimeProvider time, Func<Serilog.ILogger> output)
    : ILogEventFilter
{
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);
    private readonly Lazy<Serilog.ILogger> log = new(() =>
        output().ForContext(Constants.SourceContextPropertyName, typeof(DatabaseOutage).FullName)
    );

    public bool IsEnabled(LogEvent logEvent)
    {
        if (DatabaseUnavailable.Find(logEvent.Exception) is not { } failure)
        {
            return true;
        }

        var window = windows.GetOrAdd(failure.Kind, _ => new Window());
        int heldBack;
        lock (window)
        {
            var now = time.GetUtcNow();
            if (window.LoggedAt is { } last && now - last < interval)
            {
                window.HeldBack++;
                return false;
            }

            heldBack = window.HeldBack;
            window.HeldBack = 0;
            window.LoggedAt = now;
        }

        logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var origin);
        log.Value.Warning(
            "Database unavailable ({Failure}): {Reason}. Seen in {Origin}; {HeldBack} like events held back since this kind was last logged (at most once every {Interval})",
            failure.Kind,
            failure.Reason,
            (origin as ScalarValue)?.Value,
            heldBack,
            interval
        );
        return false;
    }

    private sealed class Window
    {
        public DateTimeOffset? LoggedAt { get; set; }

        public int HeldBack { get; set; }
    }
}
