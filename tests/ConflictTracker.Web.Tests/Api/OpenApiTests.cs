using System.Net;
using ConflictTracker.Testing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>The OpenAPI document is valid, lists every API route with its errors, and the reference page needs no
/// CDN.</summary>
public class OpenApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private async Task<(string Json, OpenApiDocument Document)> DocumentAsync()
    {
        var client = await fixture.ClientAsync("anonymous");
        using var response = await client.GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync();
        var result = OpenApiDocument.Parse(json, OpenApiConstants.Json, new OpenApiReaderSettings());
        result.Diagnostic!.Errors.Should().BeEmpty();
        return (json, result.Document!);
    }

    [Fact]
    public async Task TheDocumentParsesAndValidates()
    {
        var (_, document) = await DocumentAsync();

        document.Validate(ValidationRuleSet.GetDefaultRuleSet()).Should().BeEmpty();
        document.Info.Title.Should().Be("ConflictTracker API");
        document.Components!.SecuritySchemes!.Should().ContainKey("Bearer");
    }

    [Fact]
    public async Task EveryApiRouteIsInTheDocumentWithItsErrorShapes()
    {
        var (_, document) = await DocumentAsync();
        var routes = fixture
            .App.Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            // The tus protocol's OPTIONS and HEAD are left out of the document on purpose (docs/api.md).
            .Where(e =>
                e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }
            )
            .SelectMany(e =>
                (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                    (Path: Normalise(e.RoutePattern.RawText!), Method: m)
                )
            )
            // The tus protocol's own HEAD and OPTIONS (resumable uploads) are described in docs/api.md, not here.
            .Where(r => r.Method is not ("HEAD" or "OPTIONS"))
            .ToList();

        routes.Should().HaveCountGreaterThan(25);
        foreach (var (path, method) in routes)
        {
            document.Paths.Should().ContainKey(path, $"{method} {path} is a route of the app");
            var operation = document
                .Paths[path]
                .Operations!.Single(o => string.Equals(o.Key.ToString(), method, StringComparison.OrdinalIgnoreCase))
                .Value;
            operation.Responses!.Keys.Should().Contain(["401", "403", "429"], $"{method} {path} documents its errors");
        }
    }

    [Fact]
    public async Task TheReferencePageServesItsOwnScriptAndLoadsNothingFromACdn()
    {
        var client = await fixture.ClientAsync("anonymous");
        using var page = await client.GetAsync("/api/docs/");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();

        html.Should().NotContainAny("cdn.jsdelivr", "unpkg.com", "https://cdn");
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        script.Should().NotBeEmpty().And.NotStartWith("http");
        using var asset = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "/api/docs/"), script));
        asset.StatusCode.Should().Be(HttpStatusCode.OK);
        (await asset.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(100_000);
    }

    [Fact]
    public async Task TheDocumentListsTheApiAndNothingInternal()
    {
        var (json, document) = await DocumentAsync();

        document.Paths.Keys.Should().OnlyContain(path => path.StartsWith("/api/v1/", StringComparison.Ordinal));
        json.Should().NotContainAny("\"/files", "\"/account", "\"/_blazor", "\"/health", "\"/exports", "\"/openapi");
    }

    [Fact]
    public async Task TheReferencePageLeadsBackToTheApp()
    {
        var client = await fixture.ClientAsync("anonymous");

        var html = await client.GetStringAsync("/api/docs/");

        html.Should().Contain("<a href=\"/\">← Back to ConflictTracker</a>").And.Contain("href=\"/account/tokens\"");
        html.Should().Contain("/favicon.svg");
    }

    /// <summary>"/api/v1/claims/{id:guid}" as OpenAPI writes it: "/api/v1/claims/{id}"; no trailing slash.</summary>
    private static string Normalise(string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, "{([^}:]+)(:[^}]+)?}", "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }
}
