using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>
/// Finds PNG text and colour-profile chunks (zTXt, iTXt, iCCP) whose compressed contents inflate beyond a
/// bound, before a metadata library inflates them whole: a 1 MB chunk of deflated zeros would otherwise
/// become gigabytes in memory (a decompression bomb in the metadata, not the pixels).
/// </summary>
internal static class PngChunks
{
    /// <summary>The most a compressed metadata chunk may inflate to.</summary>
    public const int MaxInflated = 8 * 1024 * 1024;

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Whether the file is a PNG with a compressed metadata chunk that inflates beyond <see
    /// cref="MaxInflated"/> (or that cannot be inflated at all).</summary>
    public static bool HasOversizedCompressedMetadata(string path)
    {
        using var input = File.OpenRead(path);
        var header = new byte[8];
        if (input.Read(header) != 8 || !header.AsSpan().SequenceEqual(Signature))
        {
            return false;
        }

        var chunkHeader = new byte[8];
        while (input.Read(chunkHeader) == 8)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(chunkHeader);
            var type = Encoding.ASCII.GetString(chunkHeader, 4, 4);
            if (length > int.MaxValue || input.Position + length + 4 > input.Length)
            {
                return false;
            }

            if (type is "zTXt" or "iTXt" or "iCCP")
            {
                var data = new byte[length];
                input.ReadExactly(data);
                if (CompressedPart(type, data) is { } compressed && !InflatesWithin(compressed))
                {
                    return true;
                }

                input.Seek(4, SeekOrigin.Current);
            }
            else if (type == "IEND")
            {
                return false;
            }
            else
            {
                input.Seek(length + 4, SeekOrigin.Current);
            }
        }

        return false;
    }

    /// <summary>The zlib stream inside a chunk: after the keyword's NUL and the method byte (zTXt, iCCP); for iTXt
    /// only when its compression flag is set, after the language tag and translated keyword.</summary>
    private static ReadOnlyMemory<byte>? CompressedPart(string type, byte[] data)
    {
        var keywordEnd = Array.IndexOf(data, (byte)0);
        if (keywordEnd < 0)
        {
            return null;
        }

        if (type != "iTXt")
        {
            return keywordEnd + 2 <= data.Length ? data.AsMemory(keywordEnd + 2) : null;
        }

        if (keywordEnd + 2 >= data.Length || data[keywordEnd + 1] == 0)
        {
            return null;
        }

        var languageEnd = Array.IndexOf(data, (byte)0, keywordEnd + 3);
        var translatedEnd = languageEnd < 0 ? -1 : Array.IndexOf(data, (byte)0, languageEnd + 1);
        return translatedEnd < 0 ? null : data.AsMemory(translatedEnd + 1);
    }

    private static bool InflatesWithin(ReadOnlyMemory<byte> compressed)
    {
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(compressed.ToArray()), CompressionMode.Decompress);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = inflater.Read(buffer)) > 0)
            {
                total += read;
                if (total > MaxInflated)
                {
                    return false;
                }
            }

            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
