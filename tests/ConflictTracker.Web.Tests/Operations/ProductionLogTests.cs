using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using ConflictTracker.Testing;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Tests.Operations;

/// <summary>
/// The built app as a real process in Production: every line it writes to stdout is a JSON object,
/// from the first (even when it cannot start) to the last, request lines and stack traces included.
/// </summary>
public class ProductionLogTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task EveryLineOfARunInProductionIsJson()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        string secret;
        await using (var factory = new AppFactory(database.ConnectionString))
        {
            using var client = await factory.TokenClientAsync(Roles.Analyst);
            secret = client.DefaultRequestHeaders.Authorization!.Parameter!;
        }

        await using var app = await AppProcess.StartAsync(database.ConnectionString);
        var address = await app.WaitForLineAsync(line =>
            line.TryGetProperty("address", out var a) ? a.GetString() : null
        );
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            secret
        );

        (await http.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync(new Uri("/account/login", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync(new Uri("/api/v1/propositions", UriKind.Relative)))
            .StatusCode.Should()
            .Be(HttpStatusCode.OK);
        using (var malformed = new StringContent("{\"summary\": ", Encoding.UTF8, "application/json"))
        {
            (await http.PostAsync(new Uri("/api/v1/claims", UriKind.Relative), malformed))
                .StatusCode.Should()
                .Be(HttpStatusCode.BadRequest);
        }

        // A fault of the app's own (a table gone): a 500 with a stack trace in the log.
        await database.ExecuteAsync("ALTER TABLE propositions RENAME TO propositions_away");
        (await http.GetAsync(new Uri("/api/v1/propositions", UriKind.Relative)))
            .StatusCode.Should()
            .Be(HttpStatusCode.InternalServerError);
        await database.ExecuteAsync("ALTER TABLE propositions_away RENAME TO propositions");

        var lines = await app.StopAsync();

        lines.Should().NotBeEmpty();
        var events = lines.Select(Parse).ToList();
        events
            .Should()
            .OnlyContain(
                e => e.HasValue,
                $"every line is a JSON object; these are not:{Environment.NewLine}{string.Join(Environment.NewLine, lines.Where(l => Parse(l) is null))}"
            );
        var requests = events
            .Select(e => e!.Value)
            .Where(e =>
                e.TryGetProperty("RequestPath", out _)
                && e.TryGetProperty("StatusCode", out _)
                && e.TryGetProperty("Elapsed", out _)
            )
            .ToList();
        requests
            .Select(e => (e.GetProperty("RequestPath").GetString(), e.GetProperty("StatusCode").GetInt32()))
            .Should()
            .Contain([
                ("/health/live", 200),
                ("/account/login", 200),
                ("/api/v1/propositions", 200),
                ("/api/v1/claims", 400),
                ("/api/v1/propositions", 500),
            ]);
        events
            .Select(e => Trace(e!.Value))
            .Should()
            .Contain(
                trace => trace != null && trace.Contains("42P01", StringComparison.Ordinal),
                "the fault's stack trace is in the log, as JSON"
            );
        Trace(requests.Single(e => e.GetProperty("StatusCode").GetInt32() == 400))
            .Should()
            .BeNull("a client's mistake has no stack trace");
    }

    [Fact]
    public async Task AStartUpFailureInProductionIsLoggedAsJson()
    {
        await using var app = await AppProcess.StartAsync(connectionString: null);

        var (exitCode, lines) = await app.WaitForExitAsync();

        exitCode.Should().Be(1);
        lines.Should().NotBeEmpty().And.OnlyContain(line => Parse(line) != null, "the start-up logger writes JSON too");
        lines
            .Select(line => Parse(line)!.Value)
            .Should()
            .Contain(e =>
                e.GetProperty("@l").GetString() == "Fatal"
                && e.GetProperty("@x").GetString()!.Contains("ConnectionStrings__Default", StringComparison.Ordinal)
            );
    }

    private static string? Trace(JsonElement logEvent) =>
        logEvent.TryGetProperty("@x", out var trace) ? trace.GetString() : null;

    private static JsonElement? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return
                document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("@t", out _)
                ? document.RootElement.Clone()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>ConflictTracker.Web.dll as built next to this test (same configuration), run with dotnet in Production
    /// on a free port.</summary>
    private sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly ConcurrentQueue<string> lines = new();
        private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private AppProcess(Process process)
        {
            this.process = process;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    closed.TrySetResult();
                }
                else if (e.Data.Length > 0)
                {
                    lines.Enqueue(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public static Task<AppProcess> StartAsync(string? connectionString)
        {
            // tests/ConflictTracker.Web.Tests/bin/<Configuration>/net10.0/ ->
            // src/ConflictTracker.Web/bin/<Configuration>/net10.0/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            var root = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            var folder = Path.Combine(root, "src", "ConflictTracker.Web", "bin", configuration, output.Name);
            var dll = Path.Combine(folder, "ConflictTracker.Web.dll");
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException(
                    $"{dll} is missing: build the solution first (scripts/test.sh does)."
                );
            }

            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            foreach (
                var inherited in new[]
                {
                    "ASPNETCORE_URLS",
                    "ASPNETCORE_HTTP_PORTS",
                    "DOTNET_ENVIRONMENT",
                    "ConnectionStrings__Default",
                }
            )
            {
                start.Environment.Remove(inherited);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            if (connectionString is not null)
            {
                start.Environment["ConnectionStrings__Default"] = connectionString;
            }

            return Task.FromResult(
                new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."))
            );
        }

        /// <summary>Waits for the first JSON line from which <paramref name="pick"/> takes a value.</summary>
        public async Task<string> WaitForLineAsync(Func<JsonElement, string?> pick)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < Limit && !process.HasExited)
            {
                foreach (var line in lines)
                {
                    if (Parse(line) is { } json && pick(json) is { } value)
                    {
                        return value;
                    }
                }

                await Task.Delay(100);
            }

            throw new TimeoutException(
                $"The app did not say where it listens within {Limit.TotalSeconds} s:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}"
            );
        }

        /// <summary>Asks the app to stop as an orchestrator would (SIGTERM) and returns everything it wrote.</summary>
        public async Task<IReadOnlyList<string>> StopAsync()
        {
            using (
                var kill = Process.Start(
                    "kill",
                    ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
                )
            )
            {
                await kill!.WaitForExitAsync();
            }

            var (exitCode, all) = await WaitForExitAsync();
            exitCode.Should().Be(0, "the app stops cleanly on SIGTERM");
            return all;
        }

        public async Task<(int ExitCode, IReadOnlyList<string> Lines)> WaitForExitAsync()
        {
            using var timeout = new CancellationTokenSource(Limit);
            await process.WaitForExitAsync(timeout.Token);
            await closed.Task.WaitAsync(timeout.Token);
            return (process.ExitCode, [.. lines]);
        }

        public ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
