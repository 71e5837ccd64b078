using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace ConflictTracker.Web.Tests.Operations;

/// <summary>Runs alone: it stops a PostgreSQL server, and on two cores the other tests would blur what it
/// measures.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>
/// PostgreSQL crashes (pg_ctl stop -m immediate) during a stream of API writes and comes back: while
/// it is down every answer is 503 with Retry-After as problem details (never 500), the log holds no
/// stack trace of it, the app recovers by itself, and every write acknowledged with 2xx is stored.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class DatabaseOutageTests : IAsyncLifetime, IAsyncDisposable
{
    // Bounds for each phase: reached only when something is wrong, so generous on a busy machine.
    private static readonly TimeSpan PhaseLimit = TimeSpan.FromSeconds(90);

    private readonly CapturedLog log = new();
    private readonly ConcurrentQueue<Write> writes = new();
    private PostgresCluster? cluster;
    private AppFactory? app;

    private sealed record Write(
        int Number,
        HttpStatusCode Status,
        Guid? Id,
        string? ContentType,
        TimeSpan? RetryAfter,
        string Body
    );

    public async Task InitializeAsync()
    {
        cluster = await PostgresCluster.StartNewAsync();
        await using (var db = TestPostgres.CreateContext(cluster.ConnectionString("conflicttracker")))
        {
            await db.Database.MigrateAsync();
        }

        app = new AppFactory(
            cluster.ConnectionString("conflicttracker"),
            new Dictionary<string, string?>
            {
                ["Api:RateLimit:PermitLimit"] = "100000",
                // Longer than the test: each kind of failure may be logged once at most.
                ["Database:UnavailableLogInterval"] = "01:00:00",
            },
            services => services.AddSingleton<ILogEventSink>(log)
        );
    }

    [Fact]
    public async Task WhileTheDatabaseIsDownTheApiAnswers503AndEveryAcknowledgedWriteSurvives()
    {
        using var editor = await app!.TokenClientAsync(Roles.Editor);
        editor.Timeout = TimeSpan.FromSeconds(60);
        using var reader = app.CreateClient();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable
            .Range(0, 2)
            .Select(w => Task.Run(() => WriteUntilStoppedAsync(editor, w, stop.Token)))
            .ToList();

        await WaitUntilAsync("writes succeed before the outage", () => Count(HttpStatusCode.Created) >= 20);
        await cluster!.StopImmediatelyAsync();
        var stoppedAfter = writes.Count;

        await WaitUntilAsync(
            "writes are refused while the database is down",
            () => writes.Skip(stoppedAfter).Count(w => w.Status == HttpStatusCode.ServiceUnavailable) >= 20
        );
        var downAfter = writes.Count;
        using (var ready = await reader.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "the database is down");
        }

        // Each writer may have had one write under way as the server stopped: it may have been stored or not.
        writes
            .Skip(stoppedAfter + writers.Count)
            .Take(downAfter - stoppedAfter - writers.Count)
            .Where(w => w.Status != HttpStatusCode.ServiceUnavailable)
            .Should()
            .BeEmpty("the server was down for all of these");

        await cluster.StartAsync();
        var startedAfter = writes.Count;
        await WaitUntilAsync(
            "writes succeed again without restarting the app",
            () => writes.Skip(startedAfter).Count(w => w.Status == HttpStatusCode.Created) >= 20
        );
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var all = writes.ToList();
        all.Should()
            .NotContain(
                w => w.Status != HttpStatusCode.Created && w.Status != HttpStatusCode.ServiceUnavailable,
                "a write either succeeds or is refused as the outage it is, never 500"
            );
        all.Where(w => w.Status == HttpStatusCode.ServiceUnavailable)
            .Should()
            .OnlyContain(w =>
                w.ContentType == "application/problem+json"
                && w.RetryAfter > TimeSpan.Zero
                && w.Body.Contains("The database is not answering", StringComparison.Ordinal)
            );

        var acknowledged = all.Where(w => w.Status == HttpStatusCode.Created).Select(w => w.Id!.Value).ToList();
        var stored = await StoredActorIdsAsync();
        acknowledged.Except(stored).Should().BeEmpty("every write answered 201 was committed before the answer");

        // The log: no stack trace per request, one warning per kind of failure (the interval outlasts the test).
        log.Events.Should().NotContain(e => DatabaseUnavailable.Is(e.Exception), "outage failures are condensed");
        var outageLines = log.Events.Where(e => CapturedLog.Property(e, "Failure") is not null).ToList();
        outageLines.Should().NotBeEmpty();
        outageLines.GroupBy(e => CapturedLog.Property(e, "Failure")).Should().OnlyContain(kind => kind.Count() == 1);
        log.Events.Where(e => e.Level >= LogEventLevel.Error)
            .Should()
            .OnlyContain(e => e.Exception == null, "no stack trace");
    }

    [Fact]
    public async Task WhileTheDatabaseIsDownAPageSaysSoAndRecovers()
    {
        using var analyst = await app!.SignedInClientAsync(Roles.Analyst);
        (await analyst.GetAsync(new Uri("/claims", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        await cluster!.StopImmediatelyAsync();
        using (var down = await PageAsync(analyst, "/claims"))
        {
            down.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            down.Headers.RetryAfter!.Delta.Should().BePositive();
            down.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
            (await down.Content.ReadAsStringAsync()).Should().Contain("The database is not answering");
        }

        await cluster.StartAsync();
        await WaitUntilAsync(
            "the page is served again",
            async () =>
            {
                using var page = await PageAsync(analyst, "/claims");
                page.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
                return page.StatusCode == HttpStatusCode.OK;
            }
        );
    }

    private static async Task<HttpResponseMessage> PageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return await client.SendAsync(request);
    }

    private async Task WriteUntilStoppedAsync(HttpClient editor, int writer, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var number = (writer * 1_000_000) + i;
            using var response = await editor.PostAsJsonAsync(
                "/api/v1/actors",
                new { name = $"Outage witness {number}", kind = "Person" },
                CancellationToken.None
            );
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            Guid? id =
                response.StatusCode == HttpStatusCode.Created
                    ? System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid()
                    : null;
            writes.Enqueue(
                new Write(
                    number,
                    response.StatusCode,
                    id,
                    response.Content.Headers.ContentType?.MediaType,
                    response.Headers.RetryAfter?.Delta,
                    body
                )
            );
        }
    }

    private int Count(HttpStatusCode status) => writes.Count(w => w.Status == status);

    private async Task<HashSet<Guid>> StoredActorIdsAsync()
    {
        await using var connection = new NpgsqlConnection(cluster!.ConnectionString("conflicttracker"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM actors", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static Task WaitUntilAsync(string what, Func<bool> condition) =>
        WaitUntilAsync(what, () => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(string what, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > PhaseLimit)
            {
                throw new TimeoutException($"Waited {PhaseLimit.TotalSeconds} s for this and gave up: {what}.");
            }

            await Task.Delay(50);
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
