using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace ConflictTracker.Testing;

/// <summary>
/// Every event the app's logger writes, after its filters: register it as a service
/// (<c>services.AddSingleton&lt;ILogEventSink&gt;(log)</c>) and the app's Serilog set-up picks it up.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public IReadOnlyList<LogEvent> Events => [.. events];

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    /// <summary>The request log's line for <paramref name="path"/> (Serilog's "HTTP {RequestMethod} {RequestPath}
    /// responded {StatusCode}").</summary>
    public IReadOnlyList<LogEvent> RequestLines(string path) =>
        Events
            .Where(e =>
                e.Properties.TryGetValue("RequestPath", out var value)
                && value is ScalarValue { Value: string p }
                && p == path
                && e.Properties.ContainsKey("StatusCode")
                && e.Properties.ContainsKey("Elapsed")
            )
            .ToList();

    public static object? Property(LogEvent logEvent, string name) =>
        logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue scalar ? scalar.Value : null;
}
