using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using ConflictTracker.Evidence.Storage;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Security;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ConflictTracker.EndToEnd.Tests.Evidence;

/// <summary>
/// Evidence files in the browser, end to end: a photo and a short video uploaded to a source (real files made
/// here: a JPEG with EXIF, an MP4 from ffmpeg), their hashes, metadata, thumbnails and custody; an edited copy
/// of the photo found as the same picture on another source; the original downloaded byte for byte; and a
/// tampered blob caught by the verify button and by the operator's <c>admin verify-evidence</c> command.
/// </summary>
public sealed class EvidenceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private static readonly string VideoSource = $"/sources/{DemoIds.For("source", "ccsis-video")}";
    private static readonly string OtherSource = $"/sources/{DemoIds.For("source", "social-sergeevka")}";
    private static readonly string RefusingSource = $"/sources/{DemoIds.For("source", "bbc-lankov")}";
    private static readonly string CitingClaim = $"/claims/{DemoIds.For("claim", "ccsis-uniform-video")}";

    // Uploads are hashed, analysed (ffprobe, keyframes, previews) and stored before they are listed.
    private static readonly LocatorAssertionsToContainTextOptions Processed = new() { Timeout = 60_000 };

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("ct-e2e-evidence-");

    [Fact]
    public async Task UploadedPhotoAndVideoShowTheirFactsMatchAnEditedCopyDownloadIntactAndATamperedBlobIsReported()
    {
        // Real files: a photo taken "in Vladivostok" with its camera and time, a 3-second clip, and the photo
        // as it is re-posted elsewhere (smaller, recompressed, its metadata gone).
        var photo = Path.Combine(folder.FullName, "uniforms.jpg");
        await File.WriteAllBytesAsync(photo, PhotoWithExif());
        var video = await VideoAsync(Path.Combine(folder.FullName, "handover.mp4"));
        var edited = Path.Combine(folder.FullName, "reposted.jpg");
        await File.WriteAllBytesAsync(edited, EditedCopy(await File.ReadAllBytesAsync(photo)));
        var photoSha = Sha256(photo);
        var videoSha = Sha256(video);
        var editedSha = Sha256(edited);
        var (page, editor) = await EditorPageAsync();

        // The photo and the video, chosen together and uploaded to one source.
        await page.GotoAsync(VideoSource);
        await page.WaitForCircuitAsync();
        await page.GetByTestId("evidence-input").SetInputFilesAsync([photo, video]);
        await page.GetByTestId("evidence-origin").FillAsync("https://t.me/example_channel/4711");
        await page.GetByTestId("evidence-upload-button").ClickAsync();

        var progress = page.GetByTestId("evidence-progress");
        await Assertions.Expect(progress).ToHaveCountAsync(2);
        await Assertions.Expect(Row(progress, "uniforms.jpg")).ToContainTextAsync("stored and attached", Processed);
        await Assertions.Expect(Row(progress, "handover.mp4")).ToContainTextAsync("stored and attached", Processed);
        await Assertions.Expect(page.GetByTestId("evidence-upload-error")).ToHaveCountAsync(0);
        var cards = page.GetByTestId("evidence-list").GetByTestId("evidence-card");
        await Assertions.Expect(cards).ToHaveCountAsync(2);

        var photoCard = Row(cards, "uniforms.jpg");
        await Assertions.Expect(photoCard.GetByTestId("evidence-sha256")).ToHaveTextAsync(photoSha);
        await Assertions.Expect(photoCard.GetByTestId("evidence-facts")).ToContainTextAsync("Canon EOS R6");
        await Assertions.Expect(photoCard.GetByTestId("evidence-facts")).ToContainTextAsync("GPS 43.1155, 131.8855");
        await Assertions.Expect(photoCard.GetByTestId("evidence-facts")).ToContainTextAsync("640×480");
        var videoCard = Row(cards, "handover.mp4");
        await Assertions.Expect(videoCard.GetByTestId("evidence-sha256")).ToHaveTextAsync(videoSha);
        await Assertions.Expect(videoCard.GetByTestId("evidence-facts")).ToContainTextAsync("length 0:03");
        await Assertions.Expect(videoCard.GetByTestId("evidence-facts")).ToContainTextAsync("320×240");
        await ExpectImagesShownAsync(page.GetByTestId("evidence-list").GetByTestId("evidence-thumbnail"), 2);

        // The edited copy, on another source: stored as a file of its own.
        await page.GotoAsync(OtherSource);
        await page.WaitForCircuitAsync();
        await page.GetByTestId("evidence-input").SetInputFilesAsync(edited);
        await page.GetByTestId("evidence-upload-button").ClickAsync();
        await Assertions.Expect(Row(progress, "reposted.jpg")).ToContainTextAsync("stored and attached", Processed);
        await Assertions
            .Expect(page.GetByTestId("evidence-list").GetByTestId("evidence-sha256"))
            .ToHaveTextAsync(editedSha);

        // The photo's page: its previews, metadata and what they suggest, its holder, the copy found elsewhere,
        // and its custody.
        await page.GotoAsync($"/evidence/{photoSha}");
        await page.WaitForCircuitAsync();
        await ExpectImagesShownAsync(page.GetByTestId("evidence-previews").Locator("img"), 1);
        await Assertions.Expect(page.GetByTestId("evidence-file-facts")).ToContainTextAsync(photoSha);
        await Assertions.Expect(page.GetByTestId("evidence-metadata")).ToContainTextAsync("Canon EOS R6");
        await Assertions.Expect(page.GetByTestId("evidence-suggestions")).ToContainTextAsync("8 Oct 2024");
        await Assertions.Expect(page.GetByTestId("evidence-suggestions")).ToContainTextAsync("Vladivostok");
        var holders = page.GetByTestId("evidence-attachments").Locator("tbody tr");
        await Assertions.Expect(holders).ToHaveCountAsync(1);
        await Assertions.Expect(holders).ToContainTextAsync("Video of North Korean soldiers receiving uniforms");
        await Assertions.Expect(holders).ToContainTextAsync("https://t.me/example_channel/4711");
        var matches = page.GetByTestId("evidence-matches").Locator("tbody tr");
        await Assertions.Expect(matches).ToHaveCountAsync(1);
        await Assertions.Expect(matches).ToContainTextAsync(editedSha[..12]);
        await Assertions.Expect(matches).ToContainTextAsync("Footage claimed to show hundreds of North Korean");
        var custody = page.GetByTestId("evidence-custody").Locator("tbody tr");
        await Assertions.Expect(Row(custody, "Added")).ToContainTextAsync(editor);
        await Assertions.Expect(Row(custody, "Downloaded")).ToHaveCountAsync(0);

        // The original, downloaded: the very bytes uploaded, and the download is in the custody.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("evidence-download").ClickAsync());
        download.SuggestedFilename.Should().Be("uniforms.jpg");
        var downloaded = await File.ReadAllBytesAsync(await download.PathAsync());
        downloaded.Should().Equal(await File.ReadAllBytesAsync(photo));
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(Row(custody, "Downloaded")).ToHaveCountAsync(1);
        await Assertions.Expect(Row(custody, "Downloaded")).ToContainTextAsync(editor);

        // The claim citing the source shows both files, with their thumbnails.
        await page.GotoAsync(CitingClaim);
        await page.WaitForCircuitAsync();
        var claimEvidence = page.GetByTestId("claim-evidence");
        await Assertions.Expect(claimEvidence.GetByTestId("evidence-card")).ToHaveCountAsync(2);
        await Assertions.Expect(claimEvidence).ToContainTextAsync("from Video of North Korean soldiers");
        await ExpectImagesShownAsync(claimEvidence.GetByTestId("evidence-thumbnail"), 2);

        // Someone with access to the storage changes the photo's stored bytes.
        var blob = Path.Combine(browser.App.EvidenceRoot, EvidenceKeys.Original(photoSha));
        File.Exists(blob).Should().BeTrue("the disk store keeps the original under its SHA-256");
        var tampered = await File.ReadAllBytesAsync(blob);
        tampered[tampered.Length / 2] ^= 0xFF;
        File.SetAttributes(blob, FileAttributes.Normal); // stored blobs are read-only (0444)
        await File.WriteAllBytesAsync(blob, tampered);
        var tamperedSha = Convert.ToHexStringLower(SHA256.HashData(tampered));

        // The verify button says so, and the custody keeps it.
        await page.GotoAsync($"/evidence/{photoSha}");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("evidence-verify").ClickAsync();
        var message = page.GetByTestId("evidence-action-message");
        await Assertions.Expect(message).ToContainTextAsync("MISMATCH", Processed);
        await Assertions.Expect(message).ToContainTextAsync(tamperedSha);
        await Assertions.Expect(Row(custody, "Mismatch")).ToContainTextAsync(editor);

        // So does the operator's command, run as a real process on the app's database and evidence folder.
        var run = await VerifyEvidenceCommandAsync();
        run.ExitCode.Should().Be(3, run.Output);
        run.Output.Should().Contain($"MISMATCH {photoSha} (stored bytes hash to {tamperedSha})");
        run.Output.Should().NotContain(videoSha, "the video and the edited copy are intact").And.NotContain(editedSha);
    }

    [Fact]
    public async Task AnArchiveNamedLikeAPhotoIsRefusedWithAClearMessageAndNothingIsAdded()
    {
        var archive = Path.Combine(folder.FullName, "photo.jpg");
        await using (var zip = ZipFile.Open(archive, ZipArchiveMode.Create))
        {
            await using var entry = await zip.CreateEntry("photo.jpg").OpenAsync();
            await entry.WriteAsync(PhotoWithExif());
        }

        var page = await browser.NewPageAsync(role: Roles.Editor);
        await page.GotoAsync(RefusingSource);
        await page.WaitForCircuitAsync();
        await page.GetByTestId("evidence-input").SetInputFilesAsync(archive);
        await page.GetByTestId("evidence-upload-button").ClickAsync();

        var error = page.GetByTestId("evidence-upload-error");
        await Assertions.Expect(error).ToContainTextAsync("This is a zip archive", Processed);
        await Assertions.Expect(error).ToContainTextAsync("upload the files inside it");
        await Assertions.Expect(page.GetByTestId("evidence-card")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("No file is held for this source yet.")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByText("No file is held for this source yet.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("evidence-card")).ToHaveCountAsync(0);
    }

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>A fresh editor, signed in through the sign-in page, and the name the custody records them
    /// by.</summary>
    private async Task<(IPage Page, string UserName)> EditorPageAsync()
    {
        var (email, password) = await browser.App.CreateUserAsync(Roles.Editor);
        var context = await browser.Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = browser.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                AcceptDownloads = true,
            }
        );
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, email, password);
        return (page, email);
    }

    private static ILocator Row(ILocator rows, string text) => rows.Filter(new LocatorFilterOptions { HasText = text });

    /// <summary>Each image has loaded and decoded to a picture (a broken image loads with no width).</summary>
    private static async Task ExpectImagesShownAsync(ILocator images, int count)
    {
        await Assertions.Expect(images).ToHaveCountAsync(count);
        for (var i = 0; i < count; i++)
        {
            var image = images.Nth(i);
            await image.ScrollIntoViewIfNeededAsync();
            await image.Page.WaitForFunctionAsync("image => image.complete", await image.ElementHandleAsync());
            var (src, width) = (
                await image.GetAttributeAsync("src"),
                await image.EvaluateAsync<int>("i => i.naturalWidth")
            );
            width.Should().BePositive($"the image {src} loads");
        }
    }

    /// <summary>A 640×480 picture with a gradient, a ripple and shapes, and the EXIF of a camera near Vladivostok on
    /// 8 October 2024.</summary>
    private static byte[] PhotoWithExif()
    {
        using var image = new Image<Rgba32>(640, 480);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var wave = 25 * Math.Sin((x + (2 * y)) * 0.02);
                image[x, y] = new Rgba32(
                    (byte)Math.Clamp((x * 255.0 / image.Width) + wave, 0, 255),
                    (byte)Math.Clamp((y * 255.0 / image.Height) - wave, 0, 255),
                    (byte)Math.Clamp(120 + wave, 0, 255)
                );
            }
        }

        Fill(image, 80, 60, 140, 110, new Rgba32(250, 240, 30), round: true);
        Fill(image, 380, 220, 210, 150, new Rgba32(20, 30, 160), round: false);
        Fill(image, 520, 90, 60, 60, new Rgba32(230, 20, 40), round: true);
        Fill(image, 150, 330, 160, 90, new Rgba32(10, 120, 20), round: false);

        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "Canon");
        exif.SetValue(ExifTag.Model, "Canon EOS R6");
        exif.SetValue(ExifTag.DateTimeOriginal, "2024:10:08 09:30:00");
        exif.SetValue(ExifTag.OffsetTimeOriginal, "+10:00");
        // 43°6'55.8" N, 131°53'7.8" E: 43.1155, 131.8855, Vladivostok in the demo data.
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(43, 1), new Rational(6, 1), new Rational(558, 10)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(131, 1), new Rational(53, 1), new Rational(78, 10)]);
        image.Metadata.ExifProfile = exif;
        return Jpeg(image, 90);
    }

    /// <summary>The picture as re-posted: 70% of its size, recompressed at quality 50, without its metadata.</summary>
    private static byte[] EditedCopy(byte[] original)
    {
        using var image = Image.Load<Rgba32>(original);
        image.Mutate(x => x.Resize(image.Width * 7 / 10, image.Height * 7 / 10));
        image.Metadata.ExifProfile = null;
        return Jpeg(image, 50);
    }

    private static byte[] Jpeg(Image image, int quality)
    {
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = quality });
        return output.ToArray();
    }

    private static void Fill(Image<Rgba32> image, int cx, int cy, int rx, int ry, Rgba32 colour, bool round)
    {
        for (var y = Math.Max(0, cy - ry); y < Math.Min(image.Height, cy + ry); y++)
        {
            for (var x = Math.Max(0, cx - rx); x < Math.Min(image.Width, cx + rx); x++)
            {
                var (dx, dy) = ((x - cx) / (double)rx, (y - cy) / (double)ry);
                if (!round || (dx * dx) + (dy * dy) <= 1)
                {
                    image[x, y] = colour;
                }
            }
        }
    }

    /// <summary>A 3-second 320×240 test-pattern MP4 whose container says it was made on 8 October 2024.</summary>
    private static async Task<string> VideoAsync(string path)
    {
        var run = await RunAsync(
            "ffmpeg",
            [
                "-hide_banner",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc=duration=3:size=320x240:rate=25",
                "-pix_fmt",
                "yuv420p",
                "-metadata",
                "creation_time=2024-10-08T10:00:00Z",
                "-y",
                path,
            ],
            new Dictionary<string, string>()
        );
        run.ExitCode.Should().Be(0, run.Output);
        return path;
    }

    /// <summary><c>admin verify-evidence</c>, as an operator runs it: the app's own dll, in production, with its
    /// database and evidence folder in environment variables.</summary>
    private Task<(int ExitCode, string Output)> VerifyEvidenceCommandAsync() =>
        RunAsync(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "ConflictTracker.Web.dll"), "admin", "verify-evidence"],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Default"] = browser.ConnectionString,
                ["Evidence__Disk__Root"] = browser.App.EvidenceRoot,
            }
        );

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string program,
        IEnumerable<string> arguments,
        Dictionary<string, string> environment
    )
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + errors);
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
