using System.Net;
using System.Text.RegularExpressions;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictTracker.Testing;

/// <summary>The real app, hosted on a test database.</summary>
/// <param name="services">Changes to the app's services, applied after its own registrations (test doubles,
/// interceptors).</param>
public partial class AppFactory(
    string connectionString,
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null
) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Each app gets an evidence folder of its own, thrown away with it (a setting may name another).
        builder.UseSetting("Evidence:Disk:Root", EvidenceRoot);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>The folder this app keeps its evidence files in.</summary>
    public string EvidenceRoot { get; } =
        Path.Combine(Path.GetTempPath(), "conflicttracker-evidence", Guid.NewGuid().ToString("N"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(EvidenceRoot))
        {
            // Stored blobs are read-only (0444): make them writable so the folder can go.
            foreach (var file in Directory.EnumerateFiles(EvidenceRoot, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(EvidenceRoot, recursive: true);
        }
    }

    /// <summary>Creates an account with the given roles (none: a user without any role) and returns its e-mail and
    /// password.</summary>
    public async Task<(string Email, string Password)> CreateUserAsync(params string[] roles)
    {
        var email =
            $"{(roles.Length == 0 ? "norole" : string.Join('-', roles).ToLowerInvariant())}-{Guid.NewGuid():N}@test.example";
        var password = DemoAccounts.NewPassword();
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = "Test " + string.Join(' ', roles),
            EmailConfirmed = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, password));
        if (roles.Length > 0)
        {
            Check(await users.AddToRolesAsync(user, roles));
        }

        return (email, password);
    }

    /// <summary>An HTTP client sending a fresh API token of a new user with <paramref name="roles"/> (none: a user
    /// without a role).</summary>
    public async Task<HttpClient> TokenClientAsync(params string[] roles)
    {
        var (email, _) = await CreateUserAsync(roles);
        await using var scope = Services.CreateAsyncScope();
        var user = await scope
            .ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>()
            .FindByEmailAsync(email);
        var token = await scope
            .ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateForAsync(user!.Id, "test", days: 1);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            token.Secret
        );
        return client;
    }

    /// <summary>An HTTP client that does not follow redirects and keeps cookies, signed in through the real sign-in
    /// form.</summary>
    public async Task<HttpClient> SignedInClientAsync(params string[] roles)
    {
        var (email, password) = await CreateUserAsync(roles);
        var client = CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
        using var response = await SignInAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>Posts the sign-in form (with its antiforgery token) and returns the response.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        PostFormAsync(
            client,
            "/account/login",
            "sign-in",
            new() { ["Input.Email"] = email, ["Input.Password"] = password }
        );

    /// <summary>
    /// Posts a server-rendered form as a browser would: reads the page at <paramref name="path"/> for
    /// its antiforgery token, then posts <paramref name="fields"/> with the form's name (<paramref name="handler"/>).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client,
        string path,
        string handler,
        Dictionary<string, string> fields
    )
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static void Check(Microsoft.AspNetCore.Identity.IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
