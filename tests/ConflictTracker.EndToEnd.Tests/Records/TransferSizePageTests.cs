using System.Collections.Concurrent;
using ConflictTracker.Web.Features.DemoData;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ConflictTracker.EndToEnd.Tests.Records;

/// <summary>
/// What a first visit costs on the wire (ADR-014): every response of a fresh browser loading the page, bytes
/// as sent (compressed) against bytes as used (decoded, which is what an uncompressed server would send).
/// The figures are written to the test output; docs/performance.md quotes them.
/// </summary>
public class TransferSizePageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Pages =>
        new() { "/claims", $"/claims/{DemoIds.For("claim", "nis-1500-vladivostok")}" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AFirstVisitTransfersAFractionOfWhatThePageUses(string path)
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);
        var responses = new ConcurrentQueue<IResponse>();
        page.Response += (_, response) => responses.Enqueue(response);

        await page.GotoAsync(path);
        await page.WaitForCircuitAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long sent = 0;
        long used = 0;
        foreach (var response in responses.Where(r => r.Status == 200))
        {
            var sizes = await response.Request.SizesAsync();
            sent += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            used += (await response.BodyAsync()).Length + sizes.ResponseHeadersSize;
        }

        output.WriteLine($"{path}: {responses.Count} responses, {sent / 1024} KB sent, {used / 1024} KB uncompressed");
        sent.Should().BeLessThan(used / 3, "text compresses well, and nearly all of a first visit is text");
    }
}
