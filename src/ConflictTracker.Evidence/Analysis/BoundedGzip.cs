using System.IO.Compression;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>
/// Looks inside gzip-compressed bytes without inflating them all: at most <c>maxOutput</c> bytes of output are
/// produced, however much they would grow. A zip bomb (a few KB that inflate to gigabytes) costs no more than
/// that.
/// </summary>
internal static class BoundedGzip
{
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 3 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>The first bytes of what the gzip stream holds: up to <paramref name="maxOutput"/> bytes, fewer when
    /// the input ends or turns out damaged.</summary>
    public static byte[] Peek(Stream compressed, int maxOutput)
    {
        var output = new byte[maxOutput];
        var filled = 0;
        try
        {
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            int read;
            while (filled < maxOutput && (read = gzip.Read(output, filled, maxOutput - filled)) > 0)
            {
                filled += read;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged or cut short (a head is only the file's start): keep what came out before.
        }
        catch (EndOfStreamException) { }

        return output[..filled];
    }

    public static byte[] Peek(ReadOnlySpan<byte> compressed, int maxOutput)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        return Peek(input, maxOutput);
    }
}
