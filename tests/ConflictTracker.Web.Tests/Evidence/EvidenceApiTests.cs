using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Tests.Api;

namespace ConflictTracker.Web.Tests.Evidence;

/// <summary>Evidence through the API, on real files, real ffmpeg and a real database: upload, content addressing,
/// custody, download byte for byte, near-identical media, verification and quarantine.</summary>
public class EvidenceApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly Guid Video = DemoIds.For("source", "ccsis-video");
    private static readonly Guid Repost = DemoIds.For("source", "social-first-video");
    private static readonly Guid Article = DemoIds.For("source", "seed-article");

    internal static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client,
        Guid source,
        byte[] bytes,
        string fileName,
        string? originUrl = null
    )
    {
        var address = $"/api/v1/sources/{source}/attachments?fileName={Uri.EscapeDataString(fileName)}";
        if (originUrl is not null)
        {
            address += "&originUrl=" + Uri.EscapeDataString(originUrl);
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync(address, content);
    }

    internal static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task AnUploadedPhotoIsStoredByItsHashWithItsMetadataPreviewAndCustody()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var photo = TestMedia.Photo(seed: 11);

        using var response = await UploadAsync(editor, Video, photo, "uniform.jpg", "https://t.me/example/123");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var added = await response.JsonAsync();
        var file = added.GetProperty("attachment").GetProperty("file");
        file.GetProperty("sha256").GetString().Should().Be(Sha256(photo));
        file.GetProperty("size").GetInt64().Should().Be(photo.Length);
        file.GetProperty("kind").GetString().Should().Be("Image");
        file.GetProperty("contentType").GetString().Should().Be("image/jpeg");
        file.GetProperty("previewCount").GetInt32().Should().BeGreaterThan(0);
        var facts = file.GetProperty("facts");
        facts.GetProperty("cameraMake").GetString().Should().Be("Canon");
        facts.GetProperty("latitude").GetDouble().Should().BeApproximately(43.115, 0.01);
        response.Headers.Location!.ToString().Should().EndWith(Sha256(photo));

        using var details = await editor.GetAsync($"/api/v1/evidence/{Sha256(photo)}");
        var json = await details.JsonAsync();
        json.GetProperty("suggestions").GetProperty("placeName").GetString().Should().Be("Vladivostok");
        json.GetProperty("suggestions").GetProperty("eventDate").GetString().Should().Be("2024-10-08");
        var custody = json.GetProperty("custody").EnumerateArray().ToList();
        custody.Should().ContainSingle();
        custody[0].GetProperty("action").GetString().Should().Be("Added");
        custody[0]
            .GetProperty("detail")
            .GetString()
            .Should()
            .Contain("uniform.jpg")
            .And.Contain("https://t.me/example/123");
        json.GetProperty("attachments")[0].GetProperty("originUrl").GetString().Should().Be("https://t.me/example/123");

        using var preview = await editor.GetAsync($"/api/v1/evidence/{Sha256(photo)}/previews/0");
        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        preview.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        (await preview.Content.ReadAsByteArrayAsync()).Take(2).Should().Equal(0xFF, 0xD8);
    }

    [Fact]
    public async Task TheOriginalDownloadsByteForByteAsAnAttachmentAndEachDownloadIsInTheCustody()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        var video = TestMedia.Video();
        (await UploadAsync(editor, Video, video, "sergeevka.mp4")).StatusCode.Should().Be(HttpStatusCode.Created);

        using var download = await analyst.GetAsync($"/api/v1/evidence/{Sha256(video)}/content");

        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(video);
        download.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.Should().Be("sergeevka.mp4");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        download.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("sandbox");
        var details = await (await analyst.GetAsync($"/api/v1/evidence/{Sha256(video)}")).JsonAsync();
        details.GetProperty("file").GetProperty("kind").GetString().Should().Be("Video");
        details
            .GetProperty("file")
            .GetProperty("facts")
            .GetProperty("duration")
            .GetString()
            .Should()
            .StartWith("00:00:02");
        details.GetProperty("file").GetProperty("previewCount").GetInt32().Should().BeGreaterThan(1, "keyframes");
        details
            .GetProperty("custody")
            .EnumerateArray()
            .Select(c => c.GetProperty("action").GetString())
            .Should()
            .Equal("Added", "Downloaded");
    }

    [Fact]
    public async Task TheSameBytesAreStoredOnceHoweverOftenTheyAreUploaded()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var photo = TestMedia.Photo(seed: 12);

        (await UploadAsync(editor, Article, photo, "a.jpg")).StatusCode.Should().Be(HttpStatusCode.Created);
        using var again = await UploadAsync(editor, Article, photo, "a-again.jpg");
        using var elsewhere = await UploadAsync(editor, Repost, photo, "b.jpg");

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.JsonAsync()).GetProperty("alreadyAttached").GetBoolean().Should().BeTrue();
        elsewhere.StatusCode.Should().Be(HttpStatusCode.Created);
        (await elsewhere.JsonAsync()).GetProperty("alreadyStored").GetBoolean().Should().BeTrue();
        var sha = Sha256(photo);
        Directory
            .EnumerateFiles(fixture.App.EvidenceRoot, sha, SearchOption.AllDirectories)
            .Should()
            .ContainSingle("content addressing keeps one copy");
        var details = await (await editor.GetAsync($"/api/v1/evidence/{sha}")).JsonAsync();
        details.GetProperty("attachments").GetArrayLength().Should().Be(2);
        details
            .GetProperty("custody")
            .EnumerateArray()
            .Select(c => c.GetProperty("action").GetString())
            .Should()
            .Equal("Added", "AddedAgain", "Added");
    }

    [Fact]
    public async Task AnEditedCopyOfAPhotoIsFoundAsTheSameFootageAndProposedToReviewersAsRepeats()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var photo = TestMedia.Photo(seed: 13);
        var copy = TestMedia.EditedCopy(photo);
        (await UploadAsync(editor, Video, photo, "first.jpg")).StatusCode.Should().Be(HttpStatusCode.Created);

        using var reposted = await UploadAsync(editor, Repost, copy, "repost.jpg");

        reposted.StatusCode.Should().Be(HttpStatusCode.Created);
        var details = await (await editor.GetAsync($"/api/v1/evidence/{Sha256(photo)}")).JsonAsync();
        var matches = details.GetProperty("matches").EnumerateArray().ToList();
        matches.Should().ContainSingle(m => m.GetProperty("sha256").GetString() == Sha256(copy), details.ToString());
        var match = matches.Single(m => m.GetProperty("sha256").GetString() == Sha256(copy));
        var onTheSource = await (await editor.GetAsync($"/api/v1/sources/{Video}/attachments")).JsonAsync();
        onTheSource
            .EnumerateArray()
            .Single(a => a.GetProperty("file").GetProperty("sha256").GetString() == Sha256(photo))
            .GetProperty("heldElsewhere")
            .GetInt32()
            .Should()
            .Be(1, "the repost's source holds the same picture");
        (await reposted.JsonAsync()).GetProperty("proposedRepeats").GetInt32().Should().BeGreaterThan(0);
        match.GetProperty("distance").GetInt32().Should().BeLessThanOrEqualTo(10);
        match.GetProperty("heldBy")[0].GetProperty("sourceId").GetGuid().Should().Be(Repost);
        using var unrelated = await editor.GetAsync($"/api/v1/evidence/{Sha256(TestMedia.Photo(seed: 99))}");
        unrelated.StatusCode.Should().Be(HttpStatusCode.NotFound, "a file never uploaded is not found");
        unrelated.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("pdf-named-jpg", "photo.jpg", HttpStatusCode.UnsupportedMediaType, "name-mismatch")]
    [InlineData("zip", "evidence.zip", HttpStatusCode.UnsupportedMediaType, "unsupported-type")]
    [InlineData("empty", "empty.jpg", HttpStatusCode.BadRequest, "empty")]
    [InlineData("image-bomb", "bomb.png", HttpStatusCode.BadRequest, "image-too-large")]
    [InlineData("truncated-video", "cut.mp4", HttpStatusCode.BadRequest, "unreadable-media")]
    [InlineData("metadata-bomb", "bomb.png", HttpStatusCode.BadRequest, "image-too-large")]
    public async Task BadFilesAreRefusedClearlyAndNothingIsStored(
        string kind,
        string fileName,
        HttpStatusCode status,
        string code
    )
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var bytes = kind switch
        {
            "pdf-named-jpg" => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
            "zip" => Zip(),
            "empty" => [],
            "image-bomb" => TestMedia.ImageBomb(),
            "metadata-bomb" => TestMedia.MetadataBomb(),
            _ => TestMedia.Video()[..2000],
        };
        var before = Blobs();

        using var response = await UploadAsync(editor, Article, bytes, fileName);

        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("code").GetString().Should().Be(code);
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
        Blobs().Should().Equal(before, "nothing is half-stored");
        (await editor.GetAsync($"/api/v1/evidence/{Sha256(bytes)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASavedWebPageWithScriptsIsKeptButOnlyEverServedAsTextOrADownload()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var page = Encoding.UTF8.GetBytes(
            "<!doctype html><html><head><title>Briefing</title></head><body><script>alert(document.cookie)</script>"
                + "<p onclick=\"steal()\">Statement</p></body></html>"
        );

        using var response = await UploadAsync(editor, Article, page, "briefing.html");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var added = await response.JsonAsync();
        added.GetProperty("attachment").GetProperty("file").GetProperty("kind").GetString().Should().Be("WebPage");
        added.GetProperty("warnings").EnumerateArray().Should().Contain(w => w.GetString()!.Contains("script"));
        using var text = await editor.GetAsync($"/api/v1/evidence/{Sha256(page)}/content?as=text");
        text.Content.Headers.ContentType!.ToString().Should().StartWith("text/plain");
        text.Headers.GetValues("Content-Security-Policy").Single().Should().StartWith("sandbox");
        (await text.Content.ReadAsByteArrayAsync()).Should().Equal(page);
        using var download = await editor.GetAsync($"/api/v1/evidence/{Sha256(page)}/content");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
    }

    [Fact]
    public async Task AFileTamperedWithInStorageIsReportedAsAMismatch()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var photo = TestMedia.Photo(seed: 14);
        (await UploadAsync(editor, Article, photo, "t.jpg")).StatusCode.Should().Be(HttpStatusCode.Created);
        var sha = Sha256(photo);
        var verified = await (await editor.PostAsync($"/api/v1/evidence/{sha}/verify", null)).JsonAsync();
        verified.GetProperty("result").GetString().Should().Be("Verified");

        var blob = Directory.EnumerateFiles(fixture.App.EvidenceRoot, sha, SearchOption.AllDirectories).Single();
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(blob, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var tampered = photo.ToArray();
        tampered[^10] ^= 0xFF;
        await File.WriteAllBytesAsync(blob, tampered);

        var result = await (await editor.PostAsync($"/api/v1/evidence/{sha}/verify", null)).JsonAsync();
        result.GetProperty("result").GetString().Should().Be("Mismatch");
        result.GetProperty("foundSha256").GetString().Should().Be(Sha256(tampered));
        var custody = (await (await editor.GetAsync($"/api/v1/evidence/{sha}")).JsonAsync()).GetProperty("custody");
        custody.EnumerateArray().Last().GetProperty("action").GetString().Should().Be("Mismatch");
    }

    [Fact]
    public async Task UploadingTheBytesAgainRestoresAFileStorageLostAndADownloadNamesOnlyItsOwnAttachments()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var photo = TestMedia.Photo(seed: 17);
        var sha = Sha256(photo);
        (await UploadAsync(editor, Article, photo, "lost.jpg")).StatusCode.Should().Be(HttpStatusCode.Created);
        File.Delete(Directory.EnumerateFiles(fixture.App.EvidenceRoot, sha, SearchOption.AllDirectories).Single());
        (await (await editor.PostAsync($"/api/v1/evidence/{sha}/verify", null)).JsonAsync())
            .GetProperty("result")
            .GetString()
            .Should()
            .Be("Missing");

        using var again = await UploadAsync(editor, Article, photo, "found.jpg");

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await editor.PostAsync($"/api/v1/evidence/{sha}/verify", null)).JsonAsync())
            .GetProperty("result")
            .GetString()
            .Should()
            .Be("Verified");
        (await editor.GetAsync($"/api/v1/evidence/{sha}/content?attachment={Guid.NewGuid()}"))
            .StatusCode.Should()
            .Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnAdminQuarantinesAFileWithAReasonAndOnlyAdminsMayThenDownloadIt()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var admin = await fixture.ClientAsync(Roles.Admin);
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        var photo = TestMedia.Photo(seed: 15);
        (await UploadAsync(editor, Article, photo, "q.jpg")).StatusCode.Should().Be(HttpStatusCode.Created);
        var sha = Sha256(photo);
        using var read = await admin.GetAsync($"/api/v1/evidence/{sha}");
        var etag = read.Headers.ETag!.Tag;

        using var byEditor = await Send(editor, $"/api/v1/evidence/{sha}/quarantine", etag, "Graphic content");
        using var noReason = await Send(admin, $"/api/v1/evidence/{sha}/quarantine", etag, " ");
        using var quarantined = await Send(admin, $"/api/v1/evidence/{sha}/quarantine", etag, "Graphic content");
        using var stale = await Send(admin, $"/api/v1/evidence/{sha}/release", etag, "Reviewed");

        byEditor.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        quarantined.StatusCode.Should().Be(HttpStatusCode.NoContent);
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        (await analyst.GetAsync($"/api/v1/evidence/{sha}/content")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"/api/v1/evidence/{sha}/content")).StatusCode.Should().Be(HttpStatusCode.OK);
        var details = await (await analyst.GetAsync($"/api/v1/evidence/{sha}")).JsonAsync();
        details.GetProperty("file").GetProperty("status").GetString().Should().Be("Quarantined");
        details.GetProperty("file").GetProperty("statusReason").GetString().Should().Be("Graphic content");
        var id = details.GetProperty("file").GetProperty("id").GetGuid();
        await using var db = await fixture.Database.ContextFactory.CreateDbContextAsync();
        db.ChangeHistory.Where(h => h.EntityId == id)
            .AsEnumerable()
            .Should()
            .Contain(h => h.Changes.Contains("Graphic content") && h.ChangedBy.Length > 0);
    }

    [Fact]
    public async Task OnlyEditorsUploadAndAnUnknownOrRetractedSourceIsRefusedBeforeAnyByteIsKept()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        var editor = await fixture.ClientAsync(Roles.Editor);
        var photo = TestMedia.Photo(seed: 16);

        (await UploadAsync(analyst, Article, photo, "x.jpg")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await UploadAsync(editor, Guid.NewGuid(), photo, "x.jpg")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var badOrigin = await UploadAsync(editor, Article, photo, "x.jpg", "javascript:alert(1)");
        badOrigin.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badOrigin.JsonAsync()).GetProperty("errors").TryGetProperty("OriginUrl", out _).Should().BeTrue();
        (await editor.GetAsync($"/api/v1/evidence/{Sha256(photo)}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string path, string etag, string reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent(new { reason }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        return await client.SendAsync(request);
    }

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private List<string> Blobs() =>
        Directory.Exists(fixture.App.EvidenceRoot)
            ? Directory.EnumerateFiles(fixture.App.EvidenceRoot, "*", SearchOption.AllDirectories).Order().ToList()
            : [];

    private static byte[] Zip()
    {
        using var output = new MemoryStream();
        using (
            var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, true)
        )
        {
            using var entry = new StreamWriter(zip.CreateEntry("inside.txt").Open());
            entry.Write(new string('0', 100_000));
        }

        return output.ToArray();
    }
}
