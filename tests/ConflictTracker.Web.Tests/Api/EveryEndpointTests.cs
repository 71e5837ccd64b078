using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>Every route under /api/v1, found from the app's endpoints: 401 without a token, 403 for a user without a
/// role.</summary>
public class EveryEndpointTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private List<(string Method, string Path)> Routes() =>
        fixture
            .App.Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e =>
                (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                    (Method: m, Path: Concrete(e.RoutePattern.RawText!))
                )
            )
            .ToList();

    private static string Concrete(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+:int}", "0"),
            "{[^}]+}",
            Guid.NewGuid().ToString()
        );

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path)
        {
            Content = method is "GET" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
        };

    [Fact]
    public async Task EveryEndpointAnswers401WithoutAToken()
    {
        var anonymous = await fixture.ClientAsync("anonymous");
        var routes = Routes();
        routes.Should().HaveCountGreaterThan(25);

        foreach (var (method, path) in routes)
        {
            using var response = await anonymous.SendAsync(Request(method, path));
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{method} {path} needs a token");
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", $"{method} {path}");
        }
    }

    [Fact]
    public async Task EveryEndpointAnswers403ToAUserWithoutARole()
    {
        var noRole = await fixture.ClientAsync("none");

        foreach (var (method, path) in Routes())
        {
            using var response = await noRole.SendAsync(Request(method, path));
            response
                .StatusCode.Should()
                .BeOneOf(
                    [HttpStatusCode.Forbidden, HttpStatusCode.UnsupportedMediaType],
                    $"{method} {path} needs a role"
                );
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", $"{method} {path}");
        }
    }
}
