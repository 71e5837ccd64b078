using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ConflictTracker.Testing;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Tests.Api;

namespace ConflictTracker.Web.Tests.Evidence;

/// <summary>Resumable uploads by the tus protocol: pieces, a cut and a resume, the wrong offset, someone else's
/// upload, and a refused file that leaves nothing behind.</summary>
public class ResumableUploadTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly Guid Source = DemoIds.For("source", "social-sergeevka");

    [Fact]
    public async Task AFileSentInPiecesWithACutInBetweenIsStoredWhole()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var video = TestMedia.Video();
        var upload = await StartAsync(editor, video.Length, "sergeevka.mp4");

        using (var first = await PatchAsync(editor, upload, 0, video[..(video.Length / 3)]))
        {
            first.StatusCode.Should().Be(HttpStatusCode.NoContent);
            first.Headers.GetValues("Upload-Offset").Should().Equal(N(video.Length / 3));
        }

        // The client lost track (a cut): it asks where the upload stands, and a piece from the wrong offset is refused.
        using (var head = await editor.SendAsync(Tus(HttpMethod.Head, upload)))
        {
            head.StatusCode.Should().Be(HttpStatusCode.OK);
            head.Headers.GetValues("Upload-Offset").Should().Equal(N(video.Length / 3));
            head.Headers.GetValues("Upload-Length").Should().Equal(N(video.Length));
        }

        using (var wrong = await PatchAsync(editor, upload, 0, video))
        {
            wrong.StatusCode.Should().Be(HttpStatusCode.Conflict);
            wrong.Headers.GetValues("Upload-Offset").Should().Equal(N(video.Length / 3));
        }

        using var last = await PatchAsync(editor, upload, video.Length / 3, video[(video.Length / 3)..]);

        last.StatusCode.Should().Be(HttpStatusCode.OK, await last.Content.ReadAsStringAsync());
        last.Headers.GetValues("Evidence-Sha256").Should().Equal(EvidenceApiTests.Sha256(video));
        using var download = await editor.GetAsync($"/api/v1/evidence/{EvidenceApiTests.Sha256(video)}/content");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(video);

        // A client that lost the last answer asks again: the upload stays finished, and says what it became.
        using var finished = await editor.SendAsync(Tus(HttpMethod.Head, upload));
        finished.Headers.GetValues("Upload-Offset").Should().Equal(N(video.Length));
        using var again = await PatchAsync(editor, upload, video.Length, []);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        again.Headers.GetValues("Evidence-Sha256").Should().Equal(EvidenceApiTests.Sha256(video));
    }

    [Fact]
    public async Task AnUploadIsItsStartersOnly()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var other = await fixture.App.TokenClientAsync(Roles.Editor);
        var upload = await StartAsync(editor, 10, "x.jpg");

        (await other.SendAsync(Tus(HttpMethod.Head, upload))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await PatchAsync(other, upload, 0, new byte[10])).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.SendAsync(Tus(HttpMethod.Delete, upload))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await editor.SendAsync(Tus(HttpMethod.Delete, upload))).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task ARefusedFileEndsItsUploadAndLeavesNothingBehind()
    {
        var editor = await fixture.ClientAsync(Roles.Editor);
        var bytes = Encoding.UTF8.GetBytes("MZ this is a program, not evidence");
        var upload = await StartAsync(editor, bytes.Length, "photo.jpg");

        using var refused = await PatchAsync(editor, upload, 0, bytes);

        refused.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await refused.JsonAsync()).GetProperty("code").GetString().Should().Be("unsupported-type");
        (await editor.SendAsync(Tus(HttpMethod.Head, upload))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        Directory
            .EnumerateFiles(fixture.App.EvidenceRoot, "*", SearchOption.AllDirectories)
            .Should()
            .NotContain(f =>
                f.EndsWith(".part", StringComparison.Ordinal) || f.EndsWith(".upload", StringComparison.Ordinal)
            );
    }

    [Fact]
    public async Task AStartIsRefusedForAReaderAnOversizedFileOrMissingMetadata()
    {
        var analyst = await fixture.ClientAsync(Roles.Analyst);
        var editor = await fixture.ClientAsync(Roles.Editor);

        (await analyst.SendAsync(Creation(10, Source))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var huge = await editor.SendAsync(Creation(long.MaxValue / 2, Source));
        huge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        using var noSource = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads");
        noSource.Headers.Add("Tus-Resumable", "1.0.0");
        noSource.Headers.Add("Upload-Length", "10");
        using var missing = await editor.SendAsync(noSource);
        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.JsonAsync()).GetProperty("errors").TryGetProperty("sourceId", out _).Should().BeTrue();
        using var options = await editor.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/v1/uploads"));
        options.Headers.GetValues("Tus-Version").Should().Equal("1.0.0");
    }

    private static HttpRequestMessage Creation(long length, Guid source)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", N(length));
        request.Headers.Add("Upload-Metadata", $"sourceId {B64(source.ToString())},filename {B64("file.bin")}");
        return request;
    }

    private static async Task<string> StartAsync(HttpClient client, long length, string fileName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", N(length));
        request.Headers.Add("Upload-Metadata", $"sourceId {B64(Source.ToString())},filename {B64(fileName)}");
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString();
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string upload, long offset, byte[] bytes)
    {
        var request = Tus(HttpMethod.Patch, upload);
        request.Headers.Add("Upload-Offset", N(offset));
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        return client.SendAsync(request);
    }

    private static HttpRequestMessage Tus(HttpMethod method, string upload)
    {
        var request = new HttpRequestMessage(method, upload);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }

    private static string N(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
