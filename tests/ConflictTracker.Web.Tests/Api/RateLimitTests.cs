using System.Net;
using ConflictTracker.Testing;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>Each token has its own budget; past it the API answers 429 with Retry-After.</summary>
public class RateLimitTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task ATokenOverItsLimitGets429WithRetryAfterWhileAnotherTokenIsServed()
    {
        await using var app = new AppFactory(
            fixture.Database.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Api:RateLimit:PermitLimit"] = "3",
                ["Api:RateLimit:Window"] = "00:01:00",
            }
        );
        using var busy = await app.TokenClientAsync(Roles.Analyst);
        using var other = await app.TokenClientAsync(Roles.Analyst);

        for (var i = 0; i < 3; i++)
        {
            (await busy.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var refused = await busy.GetAsync("/api/v1/propositions");
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));

        (await other.GetAsync("/api/v1/propositions"))
            .StatusCode.Should()
            .Be(HttpStatusCode.OK, "the limit is per token");
    }
}
