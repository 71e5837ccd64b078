using System.Net;
using ConflictTracker.Evidence.Tests.Storage;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Tests.Api;

namespace ConflictTracker.Web.Tests.Evidence;

/// <summary>The app with its evidence in an S3-compatible store (a real s3rver): upload, previews, download byte
/// for byte, verification.</summary>
public sealed class EvidenceOnS3Tests
    : IClassFixture<DemoDataFixture>,
        IClassFixture<S3ServerFixture>,
        IAsyncLifetime,
        IDisposable
{
    private readonly AppFactory app;

    public EvidenceOnS3Tests(DemoDataFixture database, S3ServerFixture s3)
    {
        app = new AppFactory(
            database.Database.ConnectionString,
            new Dictionary<string, string?>
            {
                ["Evidence:Store"] = "s3",
                ["Evidence:S3:ServiceUrl"] = s3.ServiceUrl,
                ["Evidence:S3:Bucket"] = S3ServerFixture.Bucket,
                ["Evidence:S3:AccessKey"] = "S3RVER",
                ["Evidence:S3:SecretKey"] = "S3RVER",
                ["Evidence:S3:Prefix"] = $"app-{Guid.NewGuid():N}/",
            }
        );
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task FilesGoToTheObjectStoreAndComeBackByteForByte()
    {
        var editor = await app.TokenClientAsync(Roles.Editor);
        var photo = TestMedia.Photo(seed: 21);
        var sha = EvidenceApiTests.Sha256(photo);

        using var uploaded = await EvidenceApiTests.UploadAsync(
            editor,
            DemoIds.For("source", "cnn-form"),
            photo,
            "f.jpg"
        );

        uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        using var download = await editor.GetAsync($"/api/v1/evidence/{sha}/content");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(photo);
        using var preview = await editor.GetAsync($"/api/v1/evidence/{sha}/previews/0");
        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        var verified = await (await editor.PostAsync($"/api/v1/evidence/{sha}/verify", null)).JsonAsync();
        verified.GetProperty("result").GetString().Should().Be("Verified");
        Directory.Exists(app.EvidenceRoot).Should().BeFalse("nothing goes to the disk store when S3 is set");
    }
}
