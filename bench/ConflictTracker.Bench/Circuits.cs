using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ConflictTracker.Bench;

/// <summary>
/// Memory per Blazor circuit: N headless Chromium sessions (each its own browser context, signed in as
/// an analyst) hold the claims explorer open; the server's managed heap is read after a full, blocking
/// garbage collection (dotnet-gcdump forces one) before and after, and the growth divided by N.
/// </summary>
internal static partial class Circuits
{
    public static async Task<Dictionary<string, object>> RunAsync(
        Uri app,
        int serverPid,
        string email,
        string password,
        int sessions,
        string chromium,
        string? reportFile,
        TextWriter log
    )
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
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

        string state;
        await using (
            var signIn = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.ToString() })
        )
        {
            var page = await signIn.NewPageAsync();
            await page.GotoAsync("/account/login");
            await page.GetByTestId("email").FillAsync(email);
            await page.GetByTestId("password").FillAsync(password);
            await page.GetByTestId("sign-in").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            state = await signIn.StorageStateAsync();
        }

        // One session first, closed again: JIT, caches and pools warm before the baseline.
        await OpenExplorerAsync(browser, app, state, close: true);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = await HeapAsync(serverPid);
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < sessions; i++)
        {
            contexts.Add(await OpenExplorerAsync(browser, app, state, close: false));
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        var after = await HeapAsync(serverPid, reportFile);
        var perCircuit = (after - before) / (double)sessions;
        log.WriteLine(
            $"circuits: heap {before / 1048576.0:F1} MB with none, {after / 1048576.0:F1} MB with {sessions} open explorers: {perCircuit / 1024:F0} KB per circuit"
        );
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }

        return new Dictionary<string, object>
        {
            ["sessions"] = sessions,
            ["heapBeforeBytes"] = before,
            ["heapAfterBytes"] = after,
            ["bytesPerCircuit"] = Math.Round(perCircuit),
        };
    }

    private static async Task<IBrowserContext> OpenExplorerAsync(IBrowser browser, Uri app, string state, bool close)
    {
        var context = await browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = app.ToString(), StorageState = state }
        );
        var page = await context.NewPageAsync();
        await page.GotoAsync("/claims");
        await page.Locator("[data-testid=circuit-state][data-interactive=true]")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        if (close)
        {
            await context.DisposeAsync();
        }

        return context;
    }

    /// <summary>The managed heap of the process after a full blocking GC, from dotnet-gcdump's report.</summary>
    private static async Task<long> HeapAsync(int pid, string? reportFile = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ct-bench-{pid}-{Guid.NewGuid():N}.gcdump");
        try
        {
            await ToolAsync($"gcdump collect -p {pid} -o {file}");
            var report = await ToolAsync($"gcdump report {file}");
            if (reportFile is not null)
            {
                // The types holding the heap, largest first: what a circuit costs, for docs/performance.md.
                await File.WriteAllTextAsync(reportFile, report);
            }
            // The report's first lines: "<bytes>  GC Heap bytes" and "<count>  GC Heap objects".
            var match = HeapBytes().Match(report);
            return match.Success
                ? long.Parse(
                    match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal),
                    System.Globalization.CultureInfo.InvariantCulture
                )
                : throw new InvalidOperationException(
                    $"Could not read the heap size from dotnet-gcdump's report:\n{report[..Math.Min(report.Length, 2000)]}"
                );
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<string> ToolAsync(string arguments)
    {
        using var process = Process.Start(
            new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true }
        )!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"dotnet {arguments} failed: {error}{output}");
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}
