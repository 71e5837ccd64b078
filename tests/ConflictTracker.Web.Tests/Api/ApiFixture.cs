using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ConflictTracker.Testing;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>The app on the demo data, with one token client per role (and one without a role, and one with no
/// token).</summary>
public sealed class ApiFixture : DemoDataFixture
{
    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public AppFactory App { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = new AppFactory(Database.ConnectionString);
    }

    /// <summary>A client for <paramref name="role"/>; "none" has a token but no role, "anonymous" sends no
    /// token.</summary>
    public async Task<HttpClient> ClientAsync(string role)
    {
        if (!clients.TryGetValue(role, out var client))
        {
            clients[role] = client = role switch
            {
                "anonymous" => App.CreateClient(new() { AllowAutoRedirect = false }),
                "none" => await App.TokenClientAsync(),
                _ => await App.TokenClientAsync(role),
            };
        }

        return client;
    }

    public override async Task DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
        await base.DisposeAsync();
    }
}

internal static class HttpExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(ApiFixture.Json);
}
