namespace ConflictTracker.Evidence.Analysis;

/// <summary>The families of evidence files the app accepts.</summary>
public enum MediaKind
{
    Image,
    Video,
    Audio,
    Pdf,

    /// <summary>A saved web page: HTML, MHTML or WARC. Never run in the app's origin: shown as text.</summary>
    WebPage,
}

/// <summary>What a file is, read from its first bytes (never from its name).</summary>
/// <param name="Format">A short lower-case format name: "jpeg", "png", "mp4", "webm", "pdf", "html", "warc"…</param>
/// <param name="ContentType">The strict MIME type the app serves the file with.</param>
/// <param name="Note">Something the uploader should know that is not a refusal ("named .jpg, but the bytes
/// are PNG"), else null.</param>
public sealed record MediaType(MediaKind Kind, string Format, string ContentType, string? Note = null);

/// <summary>
/// A file the app will not keep, with a message for the person who uploaded it (plain words, no stack trace)
/// and a stable code for the API's problem details: "empty", "unsupported-type", "name-mismatch",
/// "image-too-large", "unreadable-media", "too-large".
/// </summary>
public sealed class EvidenceRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>One metadata tag as the library read it ("Exif IFD0", "Model", "Canon EOS 5D").</summary>
public sealed record MetadataTag(string Directory, string Name, string Value);

/// <summary>
/// What a file says about itself. Evidence, never trusted: the app shows it and offers it as a suggestion
/// (a capture time suggests an event date, a GPS point a place), and an editor decides.
/// </summary>
/// <param name="CapturedAt">The capture or creation time as the file states it. Its offset is known only when
/// <paramref name="CapturedAtHasOffset"/> is true; otherwise it is the camera's local time, read as UTC.</param>
public sealed record MediaFacts(
    int? Width,
    int? Height,
    TimeSpan? Duration,
    DateTimeOffset? CapturedAt,
    bool CapturedAtHasOffset,
    string? CameraMake,
    string? CameraModel,
    string? Software,
    double? Latitude,
    double? Longitude,
    int? PageCount,
    string? Title,
    IReadOnlyList<MetadataTag> Tags,
    IReadOnlyList<string> Warnings
);

/// <summary>A preview image (JPEG): an image's thumbnail, a video's keyframe, a PDF's first page.</summary>
/// <param name="At">For a video keyframe, where in the video it was taken.</param>
public sealed record MediaPreview(byte[] Jpeg, int Width, int Height, TimeSpan? At);

/// <summary>Everything the app learns from a file once it is known to be acceptable.</summary>
/// <param name="PerceptualHashes">64-bit perceptual hashes (docs/rules/evidence.md): one for an image, one
/// per keyframe for a video, none for other kinds.</param>
public sealed record MediaAnalysis(
    MediaType Type,
    MediaFacts Facts,
    IReadOnlyList<MediaPreview> Previews,
    IReadOnlyList<ulong> PerceptualHashes
);
