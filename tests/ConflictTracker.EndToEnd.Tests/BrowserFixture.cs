using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests;

/// <summary>
/// The app on Kestrel (a real port on loopback) over a database with the demo data, and Debian's
/// headless Chromium driven by Playwright. Playwright never downloads a browser here: it is given
/// the system one (CT_CHROMIUM, default /usr/bin/chromium).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    private TestDatabase? database;
    private AppFactory? app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        database = await TestPostgres.CreateDatabaseAsync();
        await new DemoDataLoader(
            database.ContextFactory,
            TimeProvider.System,
            NullLogger<DemoDataLoader>.Instance
        ).LoadAsync();

        // Re-check sessions every 2 s instead of every minute, so a test can watch a disabled user lose access.
        app = new AppFactory(
            database.ConnectionString,
            new Dictionary<string, string?> { ["Security:RevalidationInterval"] = "00:00:02" }
        );
        app.UseKestrel(0);
        app.StartServer();
        var address = app
            .Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        BaseAddress = new Uri(
            address
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
                .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
        );

        var chromium = Environment.GetEnvironmentVariable("CT_CHROMIUM") is { Length: > 0 } path
            ? path
            : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {chromium}: run scripts/test.sh (it installs Debian's chromium) or set CT_CHROMIUM."
            );
        }

        // Assertions wait up to 15 s for the page to get there (Playwright's default is 5): on two shared cores
        // with browsers, the app and PostgreSQL all busy, a correct page has come later than 5 s (CI). They still
        // fail when it never does.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            }
        );
    }

    public AppFactory App => app ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The app's database, for a command run against it as a separate process.</summary>
    public string ConnectionString =>
        (database ?? throw new InvalidOperationException("The fixture is not initialised.")).ConnectionString;

    /// <summary>A context on the app's database, to check what a page stored.</summary>
    public Web.Data.AppDbContext CreateContext() =>
        (database ?? throw new InvalidOperationException("The fixture is not initialised.")).CreateContext();

    /// <summary>
    /// A fresh browser context (its own cookies and storage) with a page at the given width, signed
    /// in as a user with <paramref name="role"/> (null: not signed in). Each role signs in once,
    /// through the real sign-in page; later pages reuse its cookie.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, string? role = Roles.Analyst)
    {
        var state = role is null ? null : await SignedInStateAsync(role);
        var context = await Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = width, Height = height },
                StorageState = state,
            }
        );
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page in <paramref name="page"/>.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    private readonly Dictionary<string, string> signedIn = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim signingIn = new(1, 1);

    private async Task<string> SignedInStateAsync(string role)
    {
        await signingIn.WaitAsync();
        try
        {
            if (!signedIn.TryGetValue(role, out var state))
            {
                var (email, password) = await App.CreateUserAsync(role);
                await using var context = await Browser.NewContextAsync(
                    new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() }
                );
                var page = await context.NewPageAsync();
                await SignInAsync(page, email, password);
                signedIn[role] = state = await context.StorageStateAsync();
            }

            return state;
        }
        finally
        {
            signingIn.Release();
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        signingIn.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
