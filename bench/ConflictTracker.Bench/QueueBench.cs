using System.Security.Claims;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConflictTracker.Bench;

/// <summary>
/// The review queue's first page at scale: what the reviewer's page asks of <see cref="ReviewQueueService"/>
/// on arrival (every kind, oldest first) and with the filters a reviewer uses, timed in the app's own code
/// with its authorisation checks, over every open candidate, proposed relation and open flag.
/// </summary>
internal static class QueueBench
{
    public static async Task<Dictionary<string, object>> RunAsync(string connectionString, int rounds, TextWriter log)
    {
        var factory = new CommandCapture().Factory(connectionString);
        var queue = new ReviewQueueService(factory, Reviewer());
        var cases = new (string Name, QueueFilter Filter)[]
        {
            ("every kind, oldest first", new QueueFilter()),
            ("candidates, newest first", new QueueFilter(QueueKind.Candidate, NewestFirst: true)),
            ("by proposition", new QueueFilter(ByProposition: true)),
            ("unassigned", new QueueFilter(Assignee: QueueAssignee.Unassigned)),
        };
        var results = new Dictionary<string, object>();
        var counts = await queue.CountsAsync();
        results["open"] = counts;
        foreach (var (name, filter) in cases)
        {
            await queue.GetAsync(filter); // warm-up: plans and pool
            var latencies = new Latencies();
            for (var i = 0; i < rounds; i++)
            {
                await Latencies.TimeAsync(latencies, () => queue.GetAsync(filter));
            }

            results[name] = latencies.Summary();
            await log.WriteLineAsync(
                $"review queue, {name}: p50 {latencies.Percentile(50):F1} / p95 {latencies.Percentile(95):F1} / "
                    + $"p99 {latencies.Percentile(99):F1} ms"
            );
        }

        return results;
    }

    private static Access Reviewer()
    {
        var user = new ClaimsPrincipal(
            new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.Name, "bench-reviewer@bench.example"),
                    new Claim(ClaimTypes.Role, Roles.Reviewer),
                ],
                "Bench"
            )
        );
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationCore(options => Policies.Configure(options, new SecurityOptions()));
        var authorization = services.BuildServiceProvider().GetRequiredService<IAuthorizationService>();
        return new Access(new FixedUser(user), authorization, NullLogger<Access>.Instance);
    }

    private sealed class FixedUser(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(user));
    }
}
