using System.Text;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>Binary formats recognised by their signatures ("magic bytes") at fixed places.</summary>
internal static class MagicBytes
{
    private static readonly HashSet<string> ImageBrands =
    [
        "heic",
        "heix",
        "hevc",
        "hevx",
        "heim",
        "heis",
        "hevm",
        "hevs",
        "avif",
        "avis",
        "mif1",
        "msf1",
    ];

    private static readonly HashSet<string> AudioBrands = ["M4A ", "M4B ", "M4P ", "F4A ", "F4B "];

    /// <summary>Atoms an old QuickTime file may start with, before ftyp existed.</summary>
    private static readonly HashSet<string> QuickTimeAtoms = ["moov", "mdat", "wide", "free", "skip", "pnot"];

    public static MediaFormat? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return MediaFormats.Jpeg;
        }

        if (head.StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return MediaFormats.Png;
        }

        if (Ascii(head, 0, "GIF87a") || Ascii(head, 0, "GIF89a"))
        {
            return MediaFormats.Gif;
        }

        if (Ascii(head, 0, "II*\0") || Ascii(head, 0, "MM\0*"))
        {
            return MediaFormats.Tiff;
        }

        if (Ascii(head, 4, "ftyp") && head.Length >= 12)
        {
            return IsoMedia(head);
        }

        if (head.Length >= 8 && QuickTimeAtoms.Contains(Text(head, 4, 4)))
        {
            return MediaFormats.Mov;
        }

        if (Ascii(head, 0, "RIFF"))
        {
            return Riff(head);
        }

        if (head.StartsWith((byte[])[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return head[..Math.Min(head.Length, 64)].IndexOf("webm"u8) >= 0 ? MediaFormats.Webm : MediaFormats.Mkv;
        }

        if (Ascii(head, 0, "OggS"))
        {
            return head.IndexOf("\u0080theora"u8) >= 0 ? MediaFormats.Ogv : MediaFormats.Ogg;
        }

        if (Ascii(head, 0, "fLaC"))
        {
            return MediaFormats.Flac;
        }

        if (Ascii(head, 0, "ID3"))
        {
            return MediaFormats.Mp3;
        }

        return FrameSync(head) ?? Documents(head);
    }

    private static MediaFormat? Documents(ReadOnlySpan<byte> head)
    {
        if (head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return MediaFormats.Pdf;
        }

        return Ascii(head, 0, "WARC/1.") ? MediaFormats.Warc : null;
    }

    /// <summary>ISO base media (MP4, MOV, HEIC, AVIF…): the major brand, then the compatible brands.</summary>
    private static MediaFormat IsoMedia(ReadOnlySpan<byte> head)
    {
        var major = Text(head, 8, 4);
        var boxSize = (int)
            Math.Min((uint)head.Length, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(head));
        var brands = new List<string> { major };
        for (var at = 16; at + 4 <= boxSize; at += 4)
        {
            brands.Add(Text(head, at, 4));
        }

        if (brands.Any(ImageBrands.Contains) && major is not ("isom" or "mp41" or "mp42" or "qt  "))
        {
            return brands.Contains("avif") || brands.Contains("avis") ? MediaFormats.Avif : MediaFormats.Heic;
        }

        return major switch
        {
            _ when AudioBrands.Contains(major) => MediaFormats.M4a,
            "qt  " => MediaFormats.Mov,
            "M4V " or "M4VH" or "M4VP" => MediaFormats.M4v,
            _ when major.StartsWith("3g", StringComparison.Ordinal) => MediaFormats.ThreeGp,
            _ => MediaFormats.Mp4,
        };
    }

    private static MediaFormat? Riff(ReadOnlySpan<byte> head) =>
        Text(head, 8, 4) switch
        {
            "WEBP" => MediaFormats.Webp,
            "AVI " => MediaFormats.Avi,
            "WAVE" => MediaFormats.Wav,
            _ => null,
        };

    /// <summary>An MPEG audio frame header (MP3) or an ADTS header (AAC) without any tag before it.</summary>
    private static MediaFormat? FrameSync(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4 || head[0] != 0xFF || (head[1] & 0xE0) != 0xE0)
        {
            return null;
        }

        var version = (head[1] >> 3) & 0x3;
        var layer = (head[1] >> 1) & 0x3;
        if (layer == 0)
        {
            // ADTS: MPEG version bits mean 2 or 4, the layer is always 0.
            return (head[1] & 0xF6) == 0xF0 ? MediaFormats.Aac : null;
        }

        var bitrate = head[2] >> 4;
        var sampleRate = (head[2] >> 2) & 0x3;
        return version != 1 && bitrate is not (0 or 15) && sampleRate != 3 ? MediaFormats.Mp3 : null;
    }

    public static bool Ascii(ReadOnlySpan<byte> head, int at, string text) =>
        head.Length >= at + text.Length && head.Slice(at, text.Length).SequenceEqual(Encoding.Latin1.GetBytes(text));

    public static string Text(ReadOnlySpan<byte> head, int at, int length) =>
        head.Length >= at + length ? Encoding.Latin1.GetString(head.Slice(at, length)) : "";
}
