using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ConflictTracker.Evidence.Tests.Analysis;

/// <summary>Pictures with real structure (a gradient, shapes, a ripple), drawn pixel by pixel, each seed a
/// different scene; and a crafted PNG whose header lies about its size.</summary>
internal static class TestImages
{
    public static Image<Rgba32> Scene(int seed, int width = 640, int height = 480)
    {
        var random = new Random(seed);
        var image = new Image<Rgba32>(width, height);
        var (from, to) = (RandomColour(random), RandomColour(random));
        var angle = random.NextDouble() * Math.PI * 2;
        var (dx, dy) = (Math.Cos(angle), Math.Sin(angle));
        var ripple = 0.01 + (random.NextDouble() * 0.03);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var t = Math.Clamp(0.5 + ((((x - (width / 2.0)) * dx) + ((y - (height / 2.0)) * dy)) / width), 0, 1);
                var wave = 20 * Math.Sin((x + y) * ripple);
                image[x, y] = Mix(from, to, t, wave);
            }
        }

        for (var i = 0; i < 7; i++)
        {
            Shape(image, random);
        }

        return image;
    }

    public static byte[] Jpeg(Image image, int quality = 90)
    {
        using var output = new MemoryStream();
        image.SaveAsJpeg(output, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = quality });
        return output.ToArray();
    }

    /// <summary>A valid PNG signature and IHDR (with its CRC) claiming <paramref name="width"/> ×
    /// <paramref name="height"/>, then a tiny IDAT and IEND: a few dozen bytes that would need 40 GB to
    /// decode.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[1024]);
        }

        Chunk(png, "IDAT", deflated.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void Shape(Image<Rgba32> image, Random random)
    {
        var colour = RandomColour(random);
        var (cx, cy) = (random.Next(image.Width), random.Next(image.Height));
        var size = random.Next(image.Width / 12, image.Width / 4);
        var round = random.Next(2) == 0;
        for (var y = Math.Max(0, cy - size); y < Math.Min(image.Height, cy + size); y++)
        {
            for (var x = Math.Max(0, cx - size); x < Math.Min(image.Width, cx + size); x++)
            {
                var inside = !round || (((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= size * size);
                if (inside)
                {
                    image[x, y] = colour;
                }
            }
        }
    }

    private static Rgba32 RandomColour(Random random) =>
        new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));

    private static Rgba32 Mix(Rgba32 a, Rgba32 b, double t, double wave) =>
        new(Channel(a.R, b.R, t, wave), Channel(a.G, b.G, t, wave), Channel(a.B, b.B, t, wave));

    private static byte Channel(byte a, byte b, double t, double wave) =>
        (byte)Math.Clamp((a * (1 - t)) + (b * t) + wave, 0, 255);
}
