using ConflictTracker.Evidence.Storage;

namespace ConflictTracker.Evidence.Tests.Storage;

/// <summary>What every <see cref="IEvidenceStore"/> does, run against each backend by a subclass (a fresh store
/// per test). The storage tests share one collection that runs alone, so the memory checks see only themselves.
/// </summary>
[Collection(EvidenceStorageGroup.Name)]
public abstract class EvidenceStoreContract : IDisposable
{
    private const string Binary = "application/octet-stream";
    private const int FiftyMegabytes = 50 * 1024 * 1024;
    private const long StreamingAllowance = 20 * 1024 * 1024;

    private protected TestFiles Files { get; } = new();

    protected abstract IEvidenceStore Store { get; }

    private protected static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task AStoredFileExistsAndReadsBackByteForByte()
    {
        var (path, sha256) = await Files.CreateAsync(300_000, seed: 1);
        var key = EvidenceKeys.Original(sha256);
        (await Store.ExistsAsync(key, Ct)).Should().BeFalse();

        await Store.PutFileAsync(key, path, Binary, Ct);

        (await Store.ExistsAsync(key, Ct)).Should().BeTrue();
        await ShouldHoldAsync(key, path);
    }

    [Fact]
    public async Task AFiftyMegabyteFileIsStreamedBothWays()
    {
        var (path, sha256) = await Files.CreateAsync(FiftyMegabytes, seed: 2);
        var key = EvidenceKeys.Original(sha256);

        var putGrowth = await HeapPeak.GrowthDuringAsync(() => Store.PutFileAsync(key, path, Binary, Ct));
        var readGrowth = await HeapPeak.GrowthDuringAsync(() => ShouldHoldAsync(key, path));

        putGrowth.Should().BeLessThan(StreamingAllowance, "the put streams the file");
        readGrowth.Should().BeLessThan(StreamingAllowance, "the read streams the blob");
    }

    [Fact]
    public async Task PuttingAKeyTwiceIsHarmlessAndKeepsOneBlob()
    {
        var (path, sha256) = await Files.CreateAsync(10_000, seed: 3);
        var key = EvidenceKeys.Original(sha256);

        await Store.PutFileAsync(key, path, Binary, Ct);
        await Store.PutFileAsync(key, path, Binary, Ct);

        (await ListAsync("")).Should().Equal(key);
        await ShouldHoldAsync(key, path);
    }

    [Fact]
    public async Task ConcurrentPutsOfOneKeyAllSucceedAndLeaveOneIntactBlob()
    {
        var (path, sha256) = await Files.CreateAsync(2_000_000, seed: 4);
        var key = EvidenceKeys.Original(sha256);

        await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.PutFileAsync(key, path, Binary, Ct)))
        );

        (await ListAsync("")).Should().Equal(key);
        await ShouldHoldAsync(key, path);
    }

    [Fact]
    public async Task AMissingKeyIsAbsentAndOpensAsNull()
    {
        var key = EvidenceKeys.Original(TestFiles.Sha256Of([1, 2, 3]));

        (await Store.ExistsAsync(key, Ct)).Should().BeFalse();
        (await Store.OpenReadAsync(key, Ct)).Should().BeNull();
        (await ListAsync("sha256/")).Should().BeEmpty();
    }

    [Fact]
    public async Task PreviewBytesAreStoredOnceAndReadBack()
    {
        var sha256 = TestFiles.Sha256Of([9]);
        var jpeg = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        var key = EvidenceKeys.Preview(sha256, 0);

        await Store.PutBytesAsync(key, jpeg.AsMemory(100, 4000), "image/jpeg", Ct);
        await Store.PutBytesAsync(key, new byte[] { 1, 2, 3 }, "image/jpeg", Ct); // Written once: ignored.

        await using var stream = await Store.OpenReadAsync(key, Ct);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy, Ct);
        copy.ToArray().Should().Equal(jpeg[100..4100]);
    }

    [Fact]
    public async Task ListingGivesTheKeysUnderAPrefixInOrdinalOrder()
    {
        var first = TestFiles.Sha256Of([1]);
        var second = TestFiles.Sha256Of([2]);
        var previews = Enumerable.Range(0, 12).Select(i => EvidenceKeys.Preview(first, i)).ToList();
        var originals = new[] { first, second, TestFiles.Sha256Of([3]) }.Select(EvidenceKeys.Original).ToList();
        foreach (var key in previews.Concat(originals).Append(EvidenceKeys.Preview(second, 0)))
        {
            await Store.PutBytesAsync(key, new byte[] { 1 }, "image/jpeg", Ct);
        }

        (await ListAsync($"previews/{first}/")).Should().Equal(previews.Order(StringComparer.Ordinal));
        (await ListAsync("sha256/")).Should().Equal(originals.Order(StringComparer.Ordinal));
        (await ListAsync("")).Should().HaveCount(16).And.BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("sha256/../../../etc/passwd")]
    [InlineData("sha256\\9f\\86\\x")]
    [InlineData("previews/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/../../../x.jpg")]
    [InlineData("sha256/00/00/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("sha256/9f/86/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n")]
    [InlineData("")]
    public async Task KeysEvidenceKeysDoesNotMakeAreRefused(string key)
    {
        var (path, _) = await Files.CreateAsync(10, seed: 5);

        await FluentActions
            .Awaiting(() => Store.PutFileAsync(key, path, Binary, Ct))
            .Should()
            .ThrowAsync<ArgumentException>();
        await FluentActions
            .Awaiting(() => Store.PutBytesAsync(key, new byte[] { 1 }, Binary, Ct))
            .Should()
            .ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => Store.ExistsAsync(key, Ct)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => Store.OpenReadAsync(key, Ct)).Should().ThrowAsync<ArgumentException>();
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/")]
    [InlineData("sha256")]
    [InlineData("sha256\\")]
    public async Task PrefixesOfOtherShapesAreRefused(string prefix)
    {
        await FluentActions.Awaiting(() => ListAsync(prefix)).Should().ThrowAsync<ArgumentException>();
    }

    private protected async Task<List<string>> ListAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var key in Store.ListAsync(prefix, Ct))
        {
            keys.Add(key);
        }
        return keys;
    }

    private protected async Task ShouldHoldAsync(string key, string path)
    {
        await using var stored = await Store.OpenReadAsync(key, Ct);
        stored.Should().NotBeNull();
        await using var original = File.OpenRead(path);
        (await TestFiles.SameBytesAsync(original, stored!)).Should().BeTrue($"{key} holds the bytes of {path}");
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Files.Dispose();
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EvidenceStorageGroup
{
    public const string Name = "Evidence storage";
}
