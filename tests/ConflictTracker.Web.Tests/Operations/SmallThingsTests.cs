using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ConflictTracker.Testing;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Tests.Operations;

/// <summary>
/// What a real product gets right over HTTP: compressed responses and precompressed static assets
/// (ADR-014), a favicon, and a refusal answered 403.
/// </summary>
public sealed partial class SmallThingsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncDisposable
{
    private readonly AppFactory app = new(fixture.Database.ConnectionString);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task MudBlazorsStylesheetComesPrecompressedWithBrotliAndFingerprinted()
    {
        using var client = app.CreateClient();
        var stylesheet = Href(await client.GetStringAsync("/account/login"), "MudBlazor");
        stylesheet
            .Should()
            .MatchRegex(@"^_content/MudBlazor/MudBlazor\.min\.[a-z0-9]+\.css$", "the link is fingerprinted");

        using var plain = await GetAsync(client, stylesheet, encoding: null);
        using var brotli = await GetAsync(client, stylesheet, "br");

        plain.StatusCode.Should().Be(HttpStatusCode.OK);
        brotli.StatusCode.Should().Be(HttpStatusCode.OK);
        brotli.Content.Headers.ContentEncoding.Should().Equal("br");
        var raw = await plain.Content.ReadAsByteArrayAsync();
        var compressed = await brotli.Content.ReadAsByteArrayAsync();
        raw.Length.Should().BeGreaterThan(500_000);
        compressed.Length.Should().BeLessThan(raw.Length / 5, "MudBlazor's CSS compresses about sixfold");
        await using var decoded = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var copy = new MemoryStream();
        await decoded.CopyToAsync(copy);
        copy.ToArray().Should().Equal(raw);
    }

    [Fact]
    public async Task PagesAndTheApiAreCompressedWithWhatTheClientAccepts()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        using var page = await GetAsync(client, "/claims", "gzip");
        using var brotliPage = await GetAsync(client, "/claims", "br, gzip");
        using var document = await GetAsync(client, "/openapi/v1.json", "gzip");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentEncoding.Should().Equal("gzip");
        page.Headers.Vary.Should().Contain("Accept-Encoding");
        await using var html = new GZipStream(await page.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        (await new StreamReader(html).ReadToEndAsync()).Should().Contain("<main");
        brotliPage.Content.Headers.ContentEncoding.Should().Equal("br");
        document.Content.Headers.ContentEncoding.Should().Equal("gzip");
    }

    [Fact]
    public async Task TheAccountPagesAreNeverCompressedForTheyHoldSecretsNextToWhatWasTyped()
    {
        using var client = app.CreateClient();

        using var login = await GetAsync(client, "/account/login", "br, gzip");

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        login.Content.Headers.ContentEncoding.Should().BeEmpty("BREACH: see ADR-014");
    }

    [Fact]
    public async Task EveryPageNamesTheAppsOwnSvgFavicon()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync("/account/login");
        var icon = IconLink().Match(html);

        icon.Success.Should().BeTrue("the page links an icon");
        using var response = await GetAsync(client, icon.Groups[1].Value, encoding: null);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/svg+xml");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<title>ConflictTracker</title>");
    }

    [Fact]
    public async Task ASignedInUserWithoutTheRoleIsAnswered403WithTheReason()
    {
        using var client = await app.SignedInClientAsync(Roles.Analyst);

        using var refused = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));
        var location = new Uri(client.BaseAddress!, refused.Headers.Location!);
        location.AbsolutePath.Should().Be("/account/access-denied");
        using var page = await client.GetAsync(location);

        page.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await page.Content.ReadAsStringAsync())
            .Should()
            .Contain("Your account does not have a role that may open this page");
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? encoding)
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            new Uri("/" + path.TrimStart('/'), UriKind.Relative)
        );
        if (encoding is not null)
        {
            foreach (var value in encoding.Split(',', StringSplitOptions.TrimEntries))
            {
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(value));
            }
        }

        return await client.SendAsync(request);
    }

    private static string Href(string html, string containing) =>
        StylesheetLink()
            .Matches(html)
            .Select(m => m.Groups[1].Value)
            .Single(href => href.Contains(containing, StringComparison.Ordinal));

    [GeneratedRegex("<link href=\"([^\"]+)\" rel=\"stylesheet\"")]
    private static partial Regex StylesheetLink();

    [GeneratedRegex("<link rel=\"icon\"[^>]* href=\"([^\"]+\\.svg)\"")]
    private static partial Regex IconLink();
}
