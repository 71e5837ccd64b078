using System.Net;
using System.Text;
using ConflictTracker.Testing;
using ConflictTracker.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ConflictTracker.Web.Tests.Operations;

/// <summary>A request the framework refuses as unreadable is logged as the 400 it is: no error, no stack
/// trace.</summary>
public class RequestLoggingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData("POST", "/api/v1/claims", "{\"summary\": ")]
    [InlineData("POST", "/api/v1/actors", "[1, 2")]
    [InlineData("GET", "/api/v1/relations?claim=not-a-guid", null)]
    [InlineData("GET", "/api/v1/flags?status=Sideways", null)]
    public async Task AnUnreadableRequestIsLoggedAs400WithoutAnException(string method, string address, string? body)
    {
        var log = new CapturedLog();
        await using var app = new AppFactory(
            fixture.Database.ConnectionString,
            new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Information" },
            services => services.AddSingleton<ILogEventSink>(log)
        );
        using var client = await app.TokenClientAsync(Roles.Editor);
        using var request = new HttpRequestMessage(new HttpMethod(method), address);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var path = address.Split('?')[0];
        var line = log.RequestLines(path).Should().ContainSingle().Subject;
        CapturedLog.Property(line, "StatusCode").Should().Be(400);
        line.Level.Should().Be(LogEventLevel.Information);
        line.Exception.Should().BeNull();
        log.Events.Should()
            .NotContain(
                e => e.Exception != null || e.Level >= LogEventLevel.Error,
                "a client's mistake is not the app's error"
            );
    }
}
