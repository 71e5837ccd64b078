using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ConflictTracker.Web.Tests.Evidence;

/// <summary>Real media made for the tests: a photo with EXIF, an edited copy of it, a short video.</summary>
internal static class TestMedia
{
    /// <summary>A 640×480 JPEG with structure (gradients and blocks) and EXIF: camera, capture time, and a GPS
    /// point in Vladivostok.</summary>
    public static byte[] Photo(int seed = 1)
    {
        using var image = new Image<Rgba32>(640, 480);
        // Blocks of random shades on a background whose gradient runs a seed's own way: photos of different
        // seeds are different pictures to a perceptual hash.
        var random = new Random(seed);
        var blocks = Enumerable
            .Range(0, 40)
            .Select(_ =>
                (
                    X: random.Next(600),
                    Y: random.Next(440),
                    W: random.Next(30, 160),
                    H: random.Next(30, 140),
                    Shade: (byte)random.Next(256)
                )
            )
            .ToList();
        var (fx, fy) = (random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var shade = (byte)(128 + (fx * (x - 320) / 2.6) + (fy * (y - 240) / 2.6));
                foreach (var b in blocks.Where(b => x >= b.X && x < b.X + b.W && y >= b.Y && y < b.Y + b.H))
                {
                    shade = b.Shade;
                }

                image[x, y] = new Rgba32(shade, (byte)(shade / 2 + 60), (byte)(255 - shade), 255);
            }
        }

        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Make, "Canon");
        exif.SetValue(ExifTag.Model, "EOS 5D");
        exif.SetValue(ExifTag.DateTimeOriginal, "2024:10:08 10:15:00");
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(43, 1), new Rational(6, 1), new Rational(5580, 100)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(131, 1), new Rational(53, 1), new Rational(780, 100)]);
        image.Metadata.ExifProfile = exif;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 90 });
        return output.ToArray();
    }

    /// <summary>The photo resized to 70% and re-encoded at quality 50, without its metadata: another account's
    /// repost.</summary>
    public static byte[] EditedCopy(byte[] photo)
    {
        using var image = Image.Load(photo);
        image.Mutate(i => i.Resize(image.Width * 7 / 10, image.Height * 7 / 10));
        image.Metadata.ExifProfile = null;
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new JpegEncoder { Quality = 50 });
        return output.ToArray();
    }

    /// <summary>A 2-second MP4 made by ffmpeg, with a creation time.</summary>
    public static byte[] Video()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ct-test-{Guid.NewGuid():N}.mp4");
        try
        {
            using var ffmpeg = Process.Start(
                new ProcessStartInfo(
                    "ffmpeg",
                    [
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=duration=2:size=320x240:rate=25",
                        "-pix_fmt",
                        "yuv420p",
                        "-metadata",
                        "creation_time=2024-10-08T10:00:00Z",
                        path,
                    ]
                )
                {
                    RedirectStandardError = true,
                }
            )!;
            var errors = ffmpeg.StandardError.ReadToEnd();
            ffmpeg.WaitForExit();
            ffmpeg.ExitCode.Should().Be(0, $"ffmpeg makes the test video (installed by scripts/test.sh): {errors}");
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A PNG whose header claims 100,000 × 100,000 pixels: an image bomb, never to be decoded.</summary>
    public static byte[] ImageBomb()
    {
        using var image = new Image<Rgba32>(8, 8);
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        var bytes = output.ToArray();
        // IHDR's width and height are bytes 16-23, its CRC (over type and data) bytes 29-32.
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), 100_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), 100_000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
        return bytes;
    }

    /// <summary>A small PNG with a zTXt chunk that inflates to 64 MB of zeros: a bomb in the metadata.</summary>
    public static byte[] MetadataBomb()
    {
        using var image = new Image<Rgba32>(8, 8);
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        var bytes = png.ToArray();
        using var deflated = new MemoryStream();
        using (
            var zlib = new System.IO.Compression.ZLibStream(
                deflated,
                System.IO.Compression.CompressionLevel.SmallestSize
            )
        )
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                zlib.Write(zeros);
            }
        }

        byte[] data = [.. "Comment"u8, 0, 0, .. deflated.ToArray()];
        byte[] type = [.. "zTXt"u8];
        var chunk = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        type.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(
            chunk.AsSpan(8 + data.Length),
            Crc32([.. type, .. data])
        );
        // After the IHDR chunk (8-byte signature + 25 bytes).
        return [.. bytes[..33], .. chunk, .. bytes[33..]];
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
