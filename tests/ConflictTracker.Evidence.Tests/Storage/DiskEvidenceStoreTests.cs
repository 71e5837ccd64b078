using System.Diagnostics;
using System.Runtime.Versioning;
using ConflictTracker.Evidence.Storage;

namespace ConflictTracker.Evidence.Tests.Storage;

/// <summary>The contract against a folder on disk (a fresh one per test), and what only the disk store
/// promises: read-only blobs, no temporary files left behind, nothing outside its folder.</summary>
[UnsupportedOSPlatform("windows")] // Unix file modes and named pipes.
public sealed class DiskEvidenceStoreTests : EvidenceStoreContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ct-evidence-{Guid.NewGuid():N}");
    private readonly DiskEvidenceStore _store;

    public DiskEvidenceStoreTests() => _store = new DiskEvidenceStore(_root);

    protected override IEvidenceStore Store => _store;

    [Fact]
    public async Task ABlobIsReadOnlyOnceStored()
    {
        var (path, sha256) = await Files.CreateAsync(1000, seed: 10);
        var original = EvidenceKeys.Original(sha256);
        var preview = EvidenceKeys.Preview(sha256, 0);

        await Store.PutFileAsync(original, path, "application/octet-stream", Ct);
        await Store.PutBytesAsync(preview, new byte[] { 1 }, "image/jpeg", Ct);

        foreach (var key in new[] { original, preview })
        {
            File.GetUnixFileMode(Path.Combine(_root, key))
                .Should()
                .Be(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }

    [Fact]
    public async Task ACancelledPutLeavesNoTemporaryFile()
    {
        // A named pipe as the source: the put starts copying, then waits for bytes we have not sent yet.
        var fifo = Path.Combine(Files.Folder, "pipe");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }
        var key = EvidenceKeys.Original(TestFiles.Sha256Of([42]));
        using var cancel = new CancellationTokenSource();

        var put = Task.Run(() => Store.PutFileAsync(key, fifo, "application/octet-stream", cancel.Token));
        await using (var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write))
        {
            await writer.WriteAsync(new byte[100_000]);
            await writer.FlushAsync();
            await WaitForAsync(() => TemporaryFiles().Length > 0);
            await cancel.CancelAsync();
        }

        await FluentActions.Awaiting(() => put).Should().ThrowAsync<OperationCanceledException>();
        TemporaryFiles().Should().BeEmpty();
        File.Exists(Path.Combine(_root, key)).Should().BeFalse();
    }

    [Fact]
    public async Task StrayFilesInTheFolderAreNotListed()
    {
        var key = EvidenceKeys.Original(TestFiles.Sha256Of([7]));
        await Store.PutBytesAsync(key, new byte[] { 7 }, "application/octet-stream", Ct);
        var folder = Path.GetDirectoryName(Path.Combine(_root, key))!;
        await File.WriteAllTextAsync(Path.Combine(folder, ".part-left-by-a-crash"), "x");
        await File.WriteAllTextAsync(Path.Combine(_root, "notes.txt"), "x");

        (await ListAsync("")).Should().Equal(key);
    }

    private string[] TemporaryFiles() =>
        Directory.Exists(_root)
            ? Directory.GetFiles(_root, DiskEvidenceStoreTempPattern, SearchOption.AllDirectories)
            : [];

    private const string DiskEvidenceStoreTempPattern = ".part-*";

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the put should have started copying");
            await Task.Delay(5);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
        base.Dispose(disposing);
    }
}
