using System.Net;
using System.Net.Http.Headers;
using ConflictTracker.Testing;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>
/// Failed token attempts are limited per client address: past the limit the address gets 429 with
/// Retry-After, even with a good token, while other addresses are served. The address is the
/// connection's, or the one a known proxy forwarded; an unknown one cannot choose its own.
/// </summary>
public class FailedTokenLimitTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string BadToken = "ctpat_not-a-real-token-at-all";

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Api:AuthFailureLimit:PermitLimit"] = "3",
            ["Api:AuthFailureLimit:Window"] = "00:05:00",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task AnAddressThatSentTooManyBadTokensGets429EvenWithAGoodOneWhileOthersAreServed()
    {
        // The test server has no connection address, so the forwarded one is the client's.
        await using var app = new AppFactory(fixture.Database.ConnectionString, Settings());
        using var good = await app.TokenClientAsync(Roles.Analyst);
        var secret = good.DefaultRequestHeaders.Authorization!.Parameter!;

        for (var i = 0; i < 3; i++)
        {
            (await GetAsync(good, BadToken, forwardedFor: "203.0.113.7"))
                .StatusCode.Should()
                .Be(HttpStatusCode.Unauthorized);
        }

        using var refused = await GetAsync(good, BadToken, forwardedFor: "203.0.113.7");
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(5));
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Too many failed token attempts");

        (await GetAsync(good, secret, forwardedFor: "203.0.113.7"))
            .StatusCode.Should()
            .Be(HttpStatusCode.TooManyRequests, "the address is refused before its token is looked at");
        (await GetAsync(good, secret, forwardedFor: "198.51.100.2"))
            .StatusCode.Should()
            .Be(HttpStatusCode.OK, "the limit is per address");
        (await GetAsync(good, BadToken, forwardedFor: "198.51.100.2"))
            .StatusCode.Should()
            .Be(HttpStatusCode.Unauthorized, "each address has its own budget");
        (await GetAsync(good, secret, forwardedFor: "2001:db8:1:2::99")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task IPv6ClientsAreCountedByTheirSlash64()
    {
        await using var app = new AppFactory(fixture.Database.ConnectionString, Settings());
        using var client = await app.TokenClientAsync(Roles.Analyst);

        for (var i = 1; i <= 3; i++)
        {
            (await GetAsync(client, BadToken, forwardedFor: $"2001:db8:1:2::{i}"))
                .StatusCode.Should()
                .Be(HttpStatusCode.Unauthorized);
        }

        (await GetAsync(client, BadToken, forwardedFor: "2001:db8:1:2:ffff::4"))
            .StatusCode.Should()
            .Be(HttpStatusCode.TooManyRequests, "one subscriber's /64 is one client");
        (await GetAsync(client, BadToken, forwardedFor: "2001:db8:1:3::1"))
            .StatusCode.Should()
            .Be(HttpStatusCode.Unauthorized, "the next /64 is another");
    }

    [Fact]
    public async Task AClientThatIsNotAKnownProxyCannotChooseItsAddressOrScheme()
    {
        // Kestrel on loopback: the connection comes from 127.0.0.1, which this configuration does not trust.
        await using var app = new AppFactory(
            fixture.Database.ConnectionString,
            Settings(("Proxy:KnownProxies", "192.0.2.10"), ("environment", "Production"))
        );
        using var client = StartOnKestrel(app);

        for (var i = 0; i < 3; i++)
        {
            (await GetAsync(client, BadToken, forwardedFor: $"203.0.113.{i}"))
                .StatusCode.Should()
                .Be(HttpStatusCode.Unauthorized);
        }

        using var fourth = await GetAsync(client, BadToken, forwardedFor: "203.0.113.99", forwardedProto: "https");
        fourth
            .StatusCode.Should()
            .Be(HttpStatusCode.TooManyRequests, "every attempt counted against the connection's own address");
        fourth
            .Headers.Contains("Strict-Transport-Security")
            .Should()
            .BeFalse("the scheme an unknown client claims is not believed");
    }

    [Fact]
    public async Task AKnownProxyForwardsTheClientsAddressAndScheme()
    {
        await using var app = new AppFactory(
            fixture.Database.ConnectionString,
            Settings(("Proxy:KnownNetworks", "10.0.0.0/8, 127.0.0.0/8"), ("environment", "Production"))
        );
        using var client = StartOnKestrel(app);

        for (var i = 0; i < 3; i++)
        {
            (await GetAsync(client, BadToken, forwardedFor: "203.0.113.7"))
                .StatusCode.Should()
                .Be(HttpStatusCode.Unauthorized);
        }

        (await GetAsync(client, BadToken, forwardedFor: "203.0.113.7"))
            .StatusCode.Should()
            .Be(HttpStatusCode.TooManyRequests);
        using var other = await GetAsync(client, BadToken, forwardedFor: "203.0.113.8", forwardedProto: "https");
        other
            .StatusCode.Should()
            .Be(HttpStatusCode.Unauthorized, "another client behind the same proxy has its own budget");
        other.Headers.GetValues("Strict-Transport-Security").Should().Equal("max-age=31536000");
    }

    private static HttpClient StartOnKestrel(AppFactory app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);

        // HSTS is never sent for localhost, so the requests name the host a real client would.
        return new HttpClient { BaseAddress = new Uri(address), DefaultRequestHeaders = { Host = "tracker.example" } };
    }

    private static async Task<HttpResponseMessage> GetAsync(
        HttpClient client,
        string token,
        string forwardedFor,
        string? forwardedProto = null
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/propositions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return await client.SendAsync(request);
    }
}
