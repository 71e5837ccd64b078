using ConflictTracker.Evidence.Storage;

namespace ConflictTracker.Evidence.Tests.Storage;

/// <summary>The contract against s3rver, each test under a prefix of its own in one bucket; small list pages and
/// a low multipart threshold, so listing pages and the 50 MB file goes up in parts.</summary>
public sealed class S3EvidenceStoreTests : EvidenceStoreContract, IClassFixture<S3ServerFixture>
{
    private readonly S3ServerFixture _server;
    private readonly S3EvidenceStore _store;

    public S3EvidenceStoreTests(S3ServerFixture server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
        _store = new S3EvidenceStore(
            server.Options($"test-{Guid.NewGuid():N}/") with
            {
                ListPageSize = 5,
                MultipartThresholdBytes = 8 * 1024 * 1024,
                PartSizeBytes = 5 * 1024 * 1024,
            }
        );
    }

    protected override IEvidenceStore Store => _store;

    [Fact]
    public void TheSecretKeyStaysOutOfTheOptionsText()
    {
        var options = new S3EvidenceOptions
        {
            Bucket = "b",
            AccessKey = "visible",
            SecretKey = "hidden-secret",
        };

        options.ToString().Should().Contain("visible").And.NotContain("hidden-secret");
    }

    [Fact]
    public async Task EnsuringABucketMakesItOnceAndThenFindsIt()
    {
        using var store = new S3EvidenceStore(_server.Options("") with { Bucket = $"new-{Guid.NewGuid():N}" });
        var key = EvidenceKeys.Original(TestFiles.Sha256Of([5]));

        await store.EnsureBucketAsync(Ct);
        await store.EnsureBucketAsync(Ct);
        await store.PutBytesAsync(key, new byte[] { 5 }, "application/octet-stream", Ct);

        (await store.ExistsAsync(key, Ct)).Should().BeTrue();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store.Dispose();
        }
        base.Dispose(disposing);
    }
}
