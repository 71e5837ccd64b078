using System.Data.Common;
using System.Net;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConflictTracker.Web.Tests.Operations;

/// <summary>
/// No N+1 queries: each page and API read runs a fixed number of SQL statements, however many claims,
/// citations and places it shows. Counted on the real app (prerendered pages and API calls) with an EF
/// command interceptor, before and after 40 more cited claims with places are added to what each page
/// lists: the counts must not move, and must stay within a budget.
/// </summary>
public sealed class QueryCountTests : IAsyncLifetime, IDisposable
{
    private readonly CommandCounter counter = new();
    private TestDatabase database = null!;
    private AppFactory app = null!;
    private Ids ids = null!;

    public async Task InitializeAsync()
    {
        database = await TestPostgres.CreateDemoDatabaseAsync();
        app = new AppFactory(
            database.ConnectionString,
            new Dictionary<string, string?> { ["Security:AllowAnonymousReading"] = "true" },
            services =>
            {
                services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(counter));

                // The alert matcher wakes on every save and would be counted with the request it overlaps.
                services.Remove(
                    services.Single(s =>
                        s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(AlertListener)
                    )
                );
            }
        );
        await using var db = database.CreateContext();
        var claim = await db
            .Claims.Include(c => c.Citations)
            .Where(c => c.Citations.Count > 1)
            .OrderBy(c => c.Id)
            .FirstAsync();
        ids = new Ids(claim.Id, claim.PropositionId, claim.AssertedById, claim.Citations.First().SourceId);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    public void Dispose() => app?.Dispose();

    /// <summary>
    /// Each read with the statements it runs today (none of them per row). A change that needs more
    /// should say why here. Search: plans for its own values (one SET: docs/performance.md, "Prepared statements"),
    /// the full-text query, a capped count per part, the page. Claim: one
    /// statement (plus the token check through the API). Proposition: the record, the kept figures,
    /// relations, the latest claims of each stance, figures per measure, periods, open candidates.
    /// </summary>
    public static TheoryData<string, int> Reads =>
        new()
        {
            { "/claims", 4 },
            // Reading the search box: the synonyms and the actor a name word stands for (docs/rules/search.md).
            { "/claims?q=Budanov&stance=Affirms", 9 },
            // The claim, the evidence behind it, and its comments (a relation's or a flag's open on request).
            { "/claims/{claim}", 3 },
            { "/propositions/{proposition}", 12 },
            // The actor's records, and whether the reader follows the actor.
            { "/actors/{actor}", 7 },
            // The source, and its files (two more statements when it holds any, whatever their number).
            { "/sources/{source}", 4 },
            { "/api/v1/claims?q=troops", 7 },
            { "/api/v1/claims/{claim}", 2 },
            { "/api/v1/propositions/{proposition}", 13 },
        };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task AReadRunsAFixedNumberOfStatementsWhateverItShows(string template, int budget)
    {
        var client = template.StartsWith("/api/", StringComparison.Ordinal)
            ? await app.TokenClientAsync("Analyst")
            : app.CreateClient();
        var path = template
            .Replace("{claim}", ids.Claim.ToString(), StringComparison.Ordinal)
            .Replace("{proposition}", ids.Proposition.ToString(), StringComparison.Ordinal)
            .Replace("{actor}", ids.Actor.ToString(), StringComparison.Ordinal)
            .Replace("{source}", ids.Source.ToString(), StringComparison.Ordinal);

        var before = await CountAsync(client, path);
        await AddCitedClaimsAsync(40);
        var after = await CountAsync(client, path);

        before.Should().BePositive($"the counter must see {path}'s statements");
        after.Should().Be(before, $"{path} must not run a statement per row (N+1)");
        after.Should().BeLessThanOrEqualTo(budget, $"{path} ran {after} statements");
    }

    private async Task<int> CountAsync(HttpClient client, string path)
    {
        // Once to warm up (the token's last use is written once a minute; caches fill), then counted.
        using (var warmUp = await client.GetAsync(new Uri(path, UriKind.Relative)))
        {
            warmUp.StatusCode.Should().Be(HttpStatusCode.OK, path);
        }

        counter.Reset();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return counter.Count;
    }

    /// <summary>More claims on the same proposition, by the same actor, citing the same source, each with two more
    /// citations and a place.</summary>
    private async Task AddCitedClaimsAsync(int count)
    {
        await using var db = database.CreateContext();
        db.ChangedBy = "query count test";
        var proposition = await db.Propositions.SingleAsync(p => p.Id == ids.Proposition);
        var actor = await db.Actors.SingleAsync(a => a.Id == ids.Actor);
        var sources = await db.Sources.OrderBy(s => s.Id == ids.Source ? 0 : 1).ThenBy(s => s.Id).Take(3).ToListAsync();
        var place = await db.Places.OrderBy(p => p.Id).FirstAsync();
        for (var i = 0; i < count; i++)
        {
            var claim = Claim.Create(
                new NewClaim(
                    proposition,
                    actor,
                    PartialDate.Day(2024, 11, 1 + (i % 28)),
                    Stance.Affirms,
                    $"Troops seen moving, report {i}."
                )
                {
                    Status = ClaimStatus.Published,
                },
                DateTimeOffset.UtcNow
            );
            var origin = claim.Cite(sources[0], CitationRole.Origin);
            var first = claim.Cite(sources[1], CitationRole.FirstReport, derivedFrom: origin);
            claim.Cite(sources[2], CitationRole.Republication, derivedFrom: first);
            claim.AddPlace(place);
            db.Claims.Add(claim);
        }

        await db.SaveChangesAsync();
    }

    private sealed record Ids(Guid Claim, Guid Proposition, Guid Actor, Guid Source);

    /// <summary>Counts the SQL statements the app sends.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default
        )
        {
            Interlocked.Increment(ref count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<object> result,
            CancellationToken cancellationToken = default
        )
        {
            Interlocked.Increment(ref count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default
        )
        {
            Interlocked.Increment(ref count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
