using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ConflictTracker.Web.Security;
using Xunit.Abstractions;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>Tests that measure the process's memory run alone: other tests' allocations would blur the
/// figure.</summary>
[CollectionDefinition(nameof(MeasuresMemory), DisableParallelization = true)]
public sealed class MeasuresMemory;

/// <summary>A 50 MB import through the API: streamed a batch at a time, with flat memory.</summary>
[Collection(nameof(MeasuresMemory))]
public class LargeImportTests(ApiFixture fixture, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string query, HttpContent content) =>
        await client.PostAsync("/api/v1/import" + query, content);

    /// <summary>A long quote, as interviews and briefings give: rows of about a kilobyte.</summary>
    private static readonly string Quote = string.Join(
        ' ',
        Enumerable.Repeat(
            "The ministry said the soldiers had been moved by sea and rail over several nights, that their units had been given Russian uniforms and papers, and that more were expected before the end of the month.",
            3
        )
    );

    private static readonly long SizeMegabytes = long.TryParse(
        Environment.GetEnvironmentVariable("CT_IMPORT_TEST_MB"),
        out var mb
    )
        ? mb
        : 50;

    [Fact]
    public async Task AFiftyMegabyteFileIsStreamedWithFlatMemory()
    {
        using var editor = await fixture.App.TokenClientAsync(Roles.Editor);
        editor.Timeout = TimeSpan.FromMinutes(10);
        using (
            var setup = await PostAsync(
                editor,
                "",
                new StringContent(
                    """
                    {"type":"actor","externalId":"big-actor","name":"Large-file test actor","kind":"GovernmentBody"}
                    {"type":"proposition","externalId":"big-proposition","statement":"A proposition for the large-file test","measures":"soldiers:soldiers"}
                    """,
                    Encoding.UTF8,
                    "application/x-ndjson"
                )
            )
        )
        {
            setup.StatusCode.Should().Be(HttpStatusCode.OK, await setup.Content.ReadAsStringAsync());
        }

        var path = Path.Combine(Path.GetTempPath(), $"ct-import-{Guid.NewGuid():N}.csv");
        long rows = 0;
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync(
                "externalId,proposition,actor,statedOn,stance,summary,measure,quantityMin,qualifier,status,quoteText,quoteLanguage"
            );
            while (writer.BaseStream.Length < SizeMegabytes * 1024 * 1024)
            {
                rows++;
                await writer.WriteLineAsync(
                    string.Create(
                        System.Globalization.CultureInfo.InvariantCulture,
                        $"big-{rows},big-proposition,big-actor,2024-{1 + (rows % 12):00}-{1 + (rows % 28):00},Affirms,\"Report {rows}: about {rows % 5000} soldiers were seen moving near the border, according to the ministry's daily briefing.\",soldiers,{rows % 5000},Approximately,Draft,\"{Quote} Number {rows}, with a comma, and \"\"quotes\"\".\",en"
                    )
                );
            }
        }

        var length = new FileInfo(path).Length;
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        // Live memory: a full collection before each sample, so garbage waiting for the collector does not count.
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
                await Task.Delay(500);
            }
        });

        var clock = Stopwatch.StartNew();
        await using (var file = System.IO.File.OpenRead(path))
        {
            var content = new StreamContent(file, 64 * 1024);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await PostAsync(editor, "?type=claim&dryRun=true", content);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var report = await response.JsonAsync();
            report.GetProperty("rows").GetInt64().Should().Be(rows);
            report.GetProperty("counts").GetProperty("Claim").GetProperty("created").GetInt32().Should().Be((int)rows);
        }

        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        System.IO.File.Delete(path);

        var grew = (peak - baseline) / 1024.0 / 1024.0;
        output.WriteLine(
            $"{length / 1024.0 / 1024.0:0.0} MB, {rows} claims in {clock.Elapsed.TotalSeconds:0.0} s ({rows / clock.Elapsed.TotalSeconds:0} rows/s); managed heap grew at most {grew:0.0} MB"
        );
        grew.Should().BeLessThan(32, "the file is streamed a batch at a time, never held whole in memory");
    }
}
