using System.Net;
using System.Net.Http.Headers;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictTracker.Web.Tests.Evidence;

/// <summary>An app with a small file limit: a file over it is refused with 413, and an upload cut halfway is refused
/// as incomplete; neither leaves anything behind.</summary>
public sealed class EvidenceLimitsTests : IClassFixture<DemoDataFixture>, IAsyncLifetime, IDisposable
{
    private static readonly Guid Source = DemoIds.For("source", "kirby-briefing");
    private readonly AppFactory app;
    private readonly CapturedLog log = new();

    public EvidenceLimitsTests(DemoDataFixture database) =>
        app = new AppFactory(
            database.Database.ConnectionString,
            new Dictionary<string, string?> { ["Evidence:MaxFileBytes"] = "100000" },
            services => services.AddSingleton<Serilog.Core.ILogEventSink>(log)
        );

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task AFileOverTheLimitIsRefusedWith413AndNothingIsKept()
    {
        var editor = await app.TokenClientAsync(Roles.Editor);
        var photo = TestMedia.Photo(seed: 31);
        var big = photo.Concat(new byte[100_001]).ToArray();

        using var response = await EvidenceApiTests.UploadAsync(editor, Source, big, "big.jpg");

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.JsonAsync();
        problem.GetProperty("code").GetString().Should().Be("too-large");
        problem.GetProperty("detail").GetString().Should().Contain("100,000");
        Leftovers().Should().BeEmpty();
    }

    [Fact]
    public async Task AnUploadCutHalfwayIsRefusedAsIncompleteAndNothingIsKept()
    {
        var editor = await app.TokenClientAsync(Roles.Editor);
        var photo = TestMedia.Photo(seed: 32);

        var send = () =>
            editor.PostAsync($"/api/v1/sources/{Source}/attachments?fileName=cut.jpg", new CutContent(photo));

        // The client sees its own failure; the server refuses what arrived and keeps nothing.
        await send.Should().ThrowAsync<Exception>();
        Leftovers().Should().BeEmpty();
        (await editor.GetAsync($"/api/v1/evidence/{EvidenceApiTests.Sha256(photo)}"))
            .StatusCode.Should()
            .Be(HttpStatusCode.NotFound);
        log.Events.Should()
            .NotContain(e => e.Level >= Serilog.Events.LogEventLevel.Error, "a cut upload is no server error");
    }

    private List<string> Leftovers() =>
        Directory.Exists(app.EvidenceRoot)
            ? Directory.EnumerateFiles(app.EvidenceRoot, "*", SearchOption.AllDirectories).ToList()
            : [];

    /// <summary>A body that sends half the file and then loses its connection.</summary>
    private sealed class CutContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await stream.FlushAsync();
            throw new IOException("The connection was lost.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
