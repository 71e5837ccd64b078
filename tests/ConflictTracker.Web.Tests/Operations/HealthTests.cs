using System.Net;
using ConflictTracker.Testing;

namespace ConflictTracker.Web.Tests.Operations;

public class HealthTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthyWhenTheDatabaseAnswers(string path)
    {
        await using var app = new AppFactory(fixture.Database.ConnectionString);
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"status\":\"Healthy\"");
    }

    [Fact]
    public async Task NotReadyButAliveWhenTheDatabaseIsUnreachable()
    {
        // Port 1 on loopback: nothing listens there, so every connection is refused at once.
        await using var app = new AppFactory(
            "Host=127.0.0.1;Port=1;Username=nobody;Password=none;Database=none;Timeout=2"
        );
        using var client = app.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).Should().Contain("\"database\":{\"status\":\"Unhealthy\"");
        live.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
