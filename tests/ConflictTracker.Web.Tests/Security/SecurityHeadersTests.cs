using System.Net;
using System.Text.RegularExpressions;
using ConflictTracker.Testing;

namespace ConflictTracker.Web.Tests.Security;

/// <summary>nosniff, no referrer, no framing and a Content-Security-Policy on every response; HSTS and a Secure
/// antiforgery cookie over HTTPS.</summary>
public partial class SecurityHeadersTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/api/v1/claims", HttpStatusCode.Unauthorized)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/api/docs/", HttpStatusCode.OK)]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        await using var app = new AppFactory(fixture.Database.ConnectionString);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(status);
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
        Header(response, "Referrer-Policy").Should().Be("no-referrer");
        Header(response, "X-Frame-Options").Should().Be("DENY");
        var policy = Header(response, "Content-Security-Policy");
        policy
            .Should()
            .Contain("default-src 'self'")
            .And.Contain("frame-ancestors 'none'")
            .And.Contain("object-src 'none'")
            .And.Contain("connect-src 'self'");
        Directive(policy, "script-src")
            .Should()
            .MatchRegex(
                "^'self' 'nonce-[A-Za-z0-9+/_=-]{16,}'$",
                "scripts come from the app itself, or inline with this response's nonce"
            );
        policy.Should().NotContainAny(["unsafe-eval", "http:", "https:", "*"]);
    }

    [Fact]
    public async Task TheOnlyInlineScriptOfAPageCarriesItsResponsesNonce()
    {
        await using var app = new AppFactory(fixture.Database.ConnectionString);
        using var client = app.CreateClient();

        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
            var nonce = Nonce(response);
            var scripts = ScriptTag()
                .Matches(await response.Content.ReadAsStringAsync())
                .Select(m => WebUtility.HtmlDecode(m.Value))
                .ToList();
            scripts.Should().Contain(s => s.Contains("type=\"importmap\"", StringComparison.Ordinal));
            scripts
                .Where(s => !s.Contains(" src=", StringComparison.Ordinal))
                .Should()
                .OnlyContain(s => s.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal));
            scripts
                .Where(s => s.Contains(" src=", StringComparison.Ordinal))
                .Should()
                .OnlyContain(s => !s.Contains("//", StringComparison.Ordinal), "no script from another origin");
            nonces.Add(nonce);
        }

        nonces.Should().OnlyHaveUniqueItems("a nonce is used once");
    }

    [Fact]
    public async Task TheApiReferenceRunsItsStartUpScriptWithTheNonceAndLoadsNothingFromElsewhere()
    {
        await using var app = new AppFactory(fixture.Database.ConnectionString);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/docs/", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        var nonce = Nonce(response);
        ScriptTag()
            .Matches(page)
            .Select(m => WebUtility.HtmlDecode(m.Value))
            .Should()
            .NotBeEmpty()
            .And.OnlyContain(s => s.Contains($"nonce=\"{nonce}\"", StringComparison.Ordinal));
        page.Should().NotContainAny(["https://", "http://", "fonts.scalar.com"]);
    }

    [Fact]
    public async Task InProductionHstsIsSentOverHttpsAlsoBehindATlsProxy()
    {
        await using var app = Production();
        using var client = app.CreateClient(
            new() { BaseAddress = new Uri("http://tracker.example/"), AllowAutoRedirect = false }
        );

        using var plain = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var proxied = await SendAsync(client, "/health/live", forwardedProto: "https");

        plain.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS means nothing over plain HTTP");
        Header(proxied, "Strict-Transport-Security").Should().Be("max-age=31536000");
    }

    [Fact]
    public async Task InProductionTheAntiforgeryCookieIsSecureOverHttpsAndFormsStillWorkOverPlainHttp()
    {
        await using var app = Production();
        using var client = app.CreateClient(
            new()
            {
                BaseAddress = new Uri("http://tracker.example/"),
                AllowAutoRedirect = false,
                HandleCookies = false,
            }
        );

        using var proxied = await SendAsync(client, "/account/login", forwardedProto: "https");
        using var plain = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        proxied.StatusCode.Should().Be(HttpStatusCode.OK);
        proxied
            .Headers.GetValues("Set-Cookie")
            .Should()
            .ContainSingle(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))
            .Which.Should()
            .MatchRegex("(?i); secure(;|$)");
        plain
            .StatusCode.Should()
            .Be(HttpStatusCode.OK, "http://localhost is a documented way to browse a Production instance");
    }

    private AppFactory Production() =>
        new(fixture.Database.ConnectionString, new Dictionary<string, string?> { ["environment"] = "Production" });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return await client.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException(
                $"{name} missing from {(int)response.StatusCode} {response.RequestMessage?.RequestUri}"
            );

    private static string Directive(string policy, string name) =>
        policy
            .Split(';', StringSplitOptions.TrimEntries)
            .Single(d => d.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..];

    private static string Nonce(HttpResponseMessage response) =>
        NonceSource().Match(Header(response, "Content-Security-Policy")).Groups[1].Value;

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();
}
