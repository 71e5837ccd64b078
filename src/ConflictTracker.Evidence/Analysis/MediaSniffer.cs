namespace ConflictTracker.Evidence.Analysis;

/// <summary>
/// Tells what a file is from its first bytes, never from its name or the browser's claimed type, and refuses
/// what the app does not keep: empty files, archives, programs, unknown types, and files whose name promises
/// another kind than their bytes are. See docs/rules/evidence-analysis.md.
/// </summary>
public static class MediaSniffer
{
    /// <summary>How many bytes from the start of a file <see cref="Sniff"/> needs (fewer for a shorter file).</summary>
    public const int HeadLength = 8192;

    /// <summary>The most a gzip-compressed file is inflated to look for a WARC inside.</summary>
    public const int GzipPeekBytes = 64 * 1024;

    /// <summary>What the file is.</summary>
    /// <param name="head">The file's first <see cref="HeadLength"/> bytes (all of it when shorter).</param>
    /// <param name="length">The whole file's length in bytes.</param>
    /// <param name="fileName">The name it was uploaded under, if any: checked against the bytes, never trusted.</param>
    /// <exception cref="EvidenceRejectedException">"empty", "unsupported-type" or "name-mismatch".</exception>
    public static MediaType Sniff(ReadOnlySpan<byte> head, long length, string? fileName)
    {
        if (length == 0 || head.IsEmpty)
        {
            throw Refusals.Empty();
        }

        var format = Detect(head);
        return Checked(format, fileName);
    }

    /// <summary>Reads the head of the file at <paramref name="path"/> and sniffs it.</summary>
    public static MediaType Sniff(string path, string? fileName)
    {
        using var file = File.OpenRead(path);
        var head = new byte[(int)Math.Min(HeadLength, file.Length)];
        file.ReadExactly(head);
        return Sniff(head, file.Length, fileName);
    }

    private static MediaFormat Detect(ReadOnlySpan<byte> head)
    {
        if (BoundedGzip.IsGzip(head))
        {
            var inside = BoundedGzip.Peek(head, GzipPeekBytes);
            return MagicBytes.Ascii(inside, 0, "WARC/") ? MediaFormats.WarcGz : throw Refusals.Gzip();
        }

        var format = MagicBytes.Detect(head) ?? TextFormats.Detect(head);
        if (format is not null)
        {
            return format;
        }

        if (TextFormats.IsSvg(head))
        {
            throw Refusals.Unsupported(
                "This is an SVG drawing; SVG is not accepted because it can carry scripts: upload a PNG or PDF of it."
            );
        }

        throw Refusals.Recognised(head) ?? Refusals.Unknown();
    }

    private static MediaType Checked(MediaFormat format, string? fileName)
    {
        var extension = MediaFormats.ExtensionOf(fileName);
        var named = MediaFormats.KindOfExtension(extension);
        if (named is null || MatchesExtension(format, extension!))
        {
            return format.ToType();
        }

        if (named == format.Kind || MediaFormats.CanHoldEither(format, named.Value))
        {
            return format.ToType($"The file is named .{extension} but its bytes are {format.Described}.");
        }

        throw new EvidenceRejectedException(
            "name-mismatch",
            $"The file is named .{extension} ({MediaFormats.Describe(named.Value)}) but its bytes are "
                + $"{format.Described}."
        );
    }

    /// <summary>Whether the extension is one of the format's usual ones (no note needed).</summary>
    private static bool MatchesExtension(MediaFormat format, string extension) =>
        extension.ToLowerInvariant() switch
        {
            "jpg" or "jpeg" or "jpe" or "jfif" => format == MediaFormats.Jpeg,
            "tif" or "tiff" => format == MediaFormats.Tiff,
            "heic" or "heif" => format == MediaFormats.Heic,
            "mov" or "qt" => format == MediaFormats.Mov,
            "3gp" or "3g2" => format == MediaFormats.ThreeGp,
            "ogg" or "oga" or "opus" => format == MediaFormats.Ogg,
            "html" or "htm" or "xhtml" => format == MediaFormats.Html,
            "mhtml" or "mht" => format == MediaFormats.Mhtml,
            var other => format.Name == other,
        };
}
