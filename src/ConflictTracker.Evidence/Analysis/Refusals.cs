namespace ConflictTracker.Evidence.Analysis;

/// <summary>Files recognised only to be refused, with a message that says what they are.</summary>
internal static class Refusals
{
    private const string Archive = "archives are not accepted: upload the files inside it.";
    private const string Program = "programs are not accepted.";

    public static EvidenceRejectedException Empty() => new("empty", "The file is empty (0 bytes).");

    public static EvidenceRejectedException Unknown() =>
        Unsupported(
            "The file's type is not recognised. Accepted: images (JPEG, PNG, GIF, WebP, TIFF, HEIC, AVIF), "
                + "video (MP4, MOV, WebM, MKV, AVI), audio (MP3, M4A, WAV, Ogg, FLAC), PDF, and saved web pages "
                + "(HTML, MHTML, WARC)."
        );

    public static EvidenceRejectedException Gzip() =>
        Unsupported(
            "This is a gzip-compressed file that is not a WARC web archive; compressed files are not accepted: "
                + "upload what is inside it."
        );

    public static EvidenceRejectedException Unsupported(string message) => new("unsupported-type", message);

    /// <summary>The refusal for an archive, a program or a script, else null.</summary>
    public static EvidenceRejectedException? Recognised(ReadOnlySpan<byte> head)
    {
        var message = Describe(head);
        return message is null ? null : Unsupported(message);
    }

    private static string? Describe(ReadOnlySpan<byte> head)
    {
        if (MagicBytes.Ascii(head, 0, "PK\u0003\u0004") || MagicBytes.Ascii(head, 0, "PK\u0005\u0006"))
        {
            return "This is a zip archive (or a document stored as one, such as .docx or .epub); " + Archive;
        }

        if (head.StartsWith((byte[])[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]))
        {
            return "This is a 7-Zip archive; " + Archive;
        }

        if (MagicBytes.Ascii(head, 0, "Rar!\u001A\u0007"))
        {
            return "This is a RAR archive; " + Archive;
        }

        if (MagicBytes.Ascii(head, 257, "ustar"))
        {
            return "This is a tar archive; " + Archive;
        }

        if (MagicBytes.Ascii(head, 0, "BZh") || head.StartsWith((byte[])[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]))
        {
            return "This is a compressed file (bzip2 or xz); " + Archive;
        }

        return Programs(head);
    }

    private static string? Programs(ReadOnlySpan<byte> head)
    {
        if (MagicBytes.Ascii(head, 0, "MZ"))
        {
            return "This is a Windows program or library (.exe, .dll); " + Program;
        }

        if (MagicBytes.Ascii(head, 0, "\u007FELF"))
        {
            return "This is a Linux program or library (ELF); " + Program;
        }

        uint[] machO = [0xFEEDFACE, 0xFEEDFACF, 0xCEFAEDFE, 0xCFFAEDFE, 0xCAFEBABE];
        if (head.Length >= 4 && machO.Contains(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(head)))
        {
            return "This is a macOS or Java program; " + Program;
        }

        if (MagicBytes.Ascii(head, 0, "#!"))
        {
            return "This is a script (it starts with #!); " + Program;
        }

        return null;
    }
}
