using System.Net.Sockets;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Serilog;
using Serilog.Events;
using Serilog.Parsing;

namespace ConflictTracker.Web.Tests.Operations;

/// <summary>Which failures mean "the database is not answering" (503, condensed in the log), and which stay
/// errors.</summary>
public class DatabaseUnavailableTests
{
    private static PostgresException Postgres(string sqlState) => new("server says no", "FATAL", "FATAL", sqlState);

    private static NpgsqlException Refused() =>
        new("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

    public static TheoryData<string, Exception> Outages() =>
        new()
        {
            { "connection refused", Refused() },
            {
                "connection dropped",
                new NpgsqlException("Exception while reading from stream", new EndOfStreamException())
            },
            { "timeout", new NpgsqlException("The operation has timed out", new TimeoutException()) },
            { "server shutting down", Postgres(PostgresErrorCodes.AdminShutdown) },
            { "server crashed", Postgres(PostgresErrorCodes.CrashShutdown) },
            { "server starting up", Postgres(PostgresErrorCodes.CannotConnectNow) },
            { "no connection slot", Postgres(PostgresErrorCodes.TooManyConnections) },
            { "connection failure", Postgres(PostgresErrorCodes.ConnectionFailure) },
            {
                "in a failed save",
                new DbUpdateException("An error occurred while saving the entity changes.", Refused())
            },
            {
                "in EF's transient-failure wrapper",
                new InvalidOperationException(
                    "An exception has been raised that is likely due to a transient failure.",
                    Refused()
                )
            },
            { "after EF's retries", new RetryLimitExceededException("Maximum number of retries exceeded.", Refused()) },
            { "in a task", new AggregateException(new InvalidOperationException("first"), Refused()) },
        };

    public static TheoryData<string, Exception> Errors() =>
        new()
        {
            {
                "unique violation",
                new DbUpdateException(
                    "An error occurred while saving the entity changes.",
                    Postgres(PostgresErrorCodes.UniqueViolation)
                )
            },
            { "missing table", Postgres(PostgresErrorCodes.UndefinedTable) },
            { "protocol violation", Postgres(PostgresErrorCodes.ProtocolViolation) },
            { "serialization failure", Postgres(PostgresErrorCodes.SerializationFailure) },
            { "no such database", Postgres(PostgresErrorCodes.InvalidCatalogName) },
            { "a bug", new InvalidOperationException("Sequence contains no elements") },
            { "a socket that is not the database's", new SocketException((int)SocketError.ConnectionReset) },
            { "a client gone", new IOException("The client reset the request stream.") },
        };

    [Theory]
    [MemberData(nameof(Outages))]
    public void AnOutageIsRecognisedThroughWhatEfWrapsAroundIt(string what, Exception exception) =>
        DatabaseUnavailable.Find(exception).Should().NotBeNull(what);

    [Theory]
    [MemberData(nameof(Errors))]
    public void AnyOtherFailureStaysAnError(string what, Exception exception) =>
        DatabaseUnavailable.Find(exception).Should().BeNull(what);

    [Fact]
    public void AFailureKindNamesTheErrorCodeOrTheSocketError()
    {
        DatabaseUnavailable
            .Find(new DbUpdateException("save", Refused()))!
            .Kind.Should()
            .Be("NpgsqlException SocketException ConnectionRefused");
        DatabaseUnavailable
            .Find(Postgres(PostgresErrorCodes.AdminShutdown))
            .Should()
            .Be(new DatabaseFailure("PostgresException 57P01", "server says no"));
    }

    [Fact]
    public void TheLogGetsOneLinePerKindAndIntervalSayingHowManyWereHeldBack()
    {
        var time = new ManualTime(
            DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture)
        );
        var output = new CapturedLog();
        using var logger = new LoggerConfiguration().WriteTo.Sink(output).CreateLogger();
        var filter = new DatabaseOutageLogFilter(TimeSpan.FromSeconds(30), time, () => logger);

        var passed = new List<bool>();
        for (var i = 0; i < 100; i++)
        {
            passed.Add(filter.IsEnabled(Event(new DbUpdateException("save", Refused()))));
            passed.Add(filter.IsEnabled(Event(Postgres(PostgresErrorCodes.AdminShutdown))));
        }

        time.Now += TimeSpan.FromSeconds(31);
        passed.Add(filter.IsEnabled(Event(Refused())));
        passed.Add(filter.IsEnabled(Event(new InvalidOperationException("a bug"))));
        passed.Add(filter.IsEnabled(Event(null)));

        passed.Should().Equal([.. Enumerable.Repeat(false, 201), true, true], "only events without an outage pass");
        output
            .Events.Select(e => (CapturedLog.Property(e, "Failure"), CapturedLog.Property(e, "HeldBack")))
            .Should()
            .Equal(
                ("NpgsqlException SocketException ConnectionRefused", 0),
                ("PostgresException 57P01", 0),
                ("NpgsqlException SocketException ConnectionRefused", 99)
            );
        output.Events.Should().OnlyContain(e => e.Level == LogEventLevel.Warning && e.Exception == null);
    }

    private static LogEvent Event(Exception? exception) =>
        new(
            DateTimeOffset.UtcNow,
            LogEventLevel.Error,
            exception,
            new MessageTemplateParser().Parse("Something failed"),
            []
        );

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
