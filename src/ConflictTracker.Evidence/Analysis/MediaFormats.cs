namespace ConflictTracker.Evidence.Analysis;

/// <summary>One accepted format: its short name, kind, strict MIME type, and how a message names it.</summary>
internal sealed record MediaFormat(string Name, MediaKind Kind, string ContentType, string Described)
{
    public MediaType ToType(string? note = null) => new(Kind, Name, ContentType, note);
}

/// <summary>The accepted formats, and the kind a file name's extension promises.</summary>
internal static class MediaFormats
{
    public static readonly MediaFormat Jpeg = new("jpeg", MediaKind.Image, "image/jpeg", "a JPEG image");
    public static readonly MediaFormat Png = new("png", MediaKind.Image, "image/png", "a PNG image");
    public static readonly MediaFormat Gif = new("gif", MediaKind.Image, "image/gif", "a GIF image");
    public static readonly MediaFormat Webp = new("webp", MediaKind.Image, "image/webp", "a WebP image");
    public static readonly MediaFormat Tiff = new("tiff", MediaKind.Image, "image/tiff", "a TIFF image");
    public static readonly MediaFormat Heic = new("heic", MediaKind.Image, "image/heic", "a HEIC image");
    public static readonly MediaFormat Avif = new("avif", MediaKind.Image, "image/avif", "an AVIF image");
    public static readonly MediaFormat Mp4 = new("mp4", MediaKind.Video, "video/mp4", "an MP4 video");
    public static readonly MediaFormat Mov = new("mov", MediaKind.Video, "video/quicktime", "a QuickTime video");
    public static readonly MediaFormat M4v = new("m4v", MediaKind.Video, "video/x-m4v", "an M4V video");
    public static readonly MediaFormat ThreeGp = new("3gp", MediaKind.Video, "video/3gpp", "a 3GP video");
    public static readonly MediaFormat Webm = new("webm", MediaKind.Video, "video/webm", "a WebM video");
    public static readonly MediaFormat Mkv = new("mkv", MediaKind.Video, "video/x-matroska", "a Matroska video");
    public static readonly MediaFormat Avi = new("avi", MediaKind.Video, "video/x-msvideo", "an AVI video");
    public static readonly MediaFormat Ogv = new("ogv", MediaKind.Video, "video/ogg", "an Ogg video");
    public static readonly MediaFormat Mp3 = new("mp3", MediaKind.Audio, "audio/mpeg", "an MP3 audio file");
    public static readonly MediaFormat Aac = new("aac", MediaKind.Audio, "audio/aac", "an AAC audio file");
    public static readonly MediaFormat M4a = new("m4a", MediaKind.Audio, "audio/mp4", "an M4A audio file");
    public static readonly MediaFormat Wav = new("wav", MediaKind.Audio, "audio/wav", "a WAV audio file");
    public static readonly MediaFormat Ogg = new("ogg", MediaKind.Audio, "audio/ogg", "an Ogg audio file");
    public static readonly MediaFormat Flac = new("flac", MediaKind.Audio, "audio/flac", "a FLAC audio file");
    public static readonly MediaFormat Pdf = new("pdf", MediaKind.Pdf, "application/pdf", "a PDF document");
    public static readonly MediaFormat Html = new("html", MediaKind.WebPage, "text/html", "an HTML web page");

    public static readonly MediaFormat Mhtml = new(
        "mhtml",
        MediaKind.WebPage,
        "multipart/related",
        "an MHTML saved web page"
    );

    public static readonly MediaFormat Warc = new("warc", MediaKind.WebPage, "application/warc", "a WARC web archive");

    /// <summary>A gzip-compressed WARC, kept and served compressed, as it came.</summary>
    public static readonly MediaFormat WarcGz = new(
        "warc.gz",
        MediaKind.WebPage,
        "application/gzip",
        "a compressed WARC web archive"
    );

    private static readonly Dictionary<string, MediaKind> KindByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jpg"] = MediaKind.Image,
        ["jpeg"] = MediaKind.Image,
        ["jpe"] = MediaKind.Image,
        ["jfif"] = MediaKind.Image,
        ["png"] = MediaKind.Image,
        ["gif"] = MediaKind.Image,
        ["webp"] = MediaKind.Image,
        ["tif"] = MediaKind.Image,
        ["tiff"] = MediaKind.Image,
        ["heic"] = MediaKind.Image,
        ["heif"] = MediaKind.Image,
        ["avif"] = MediaKind.Image,
        ["bmp"] = MediaKind.Image,
        ["mp4"] = MediaKind.Video,
        ["m4v"] = MediaKind.Video,
        ["mov"] = MediaKind.Video,
        ["qt"] = MediaKind.Video,
        ["3gp"] = MediaKind.Video,
        ["3g2"] = MediaKind.Video,
        ["webm"] = MediaKind.Video,
        ["mkv"] = MediaKind.Video,
        ["avi"] = MediaKind.Video,
        ["ogv"] = MediaKind.Video,
        ["mp3"] = MediaKind.Audio,
        ["aac"] = MediaKind.Audio,
        ["m4a"] = MediaKind.Audio,
        ["wav"] = MediaKind.Audio,
        ["ogg"] = MediaKind.Audio,
        ["oga"] = MediaKind.Audio,
        ["opus"] = MediaKind.Audio,
        ["flac"] = MediaKind.Audio,
        ["pdf"] = MediaKind.Pdf,
        ["html"] = MediaKind.WebPage,
        ["htm"] = MediaKind.WebPage,
        ["xhtml"] = MediaKind.WebPage,
        ["mhtml"] = MediaKind.WebPage,
        ["mht"] = MediaKind.WebPage,
        ["warc"] = MediaKind.WebPage,
        ["warc.gz"] = MediaKind.WebPage,
    };

    /// <summary>Containers that hold sound with or without pictures: a .mp4 of audio only is not a lie.</summary>
    private static readonly HashSet<string> AudioOrVideo =
    [
        "mp4",
        "m4a",
        "m4v",
        "mov",
        "3gp",
        "webm",
        "mkv",
        "ogg",
        "ogv",
    ];

    /// <summary>The extension ("jpg", or "warc.gz" for the one double extension that matters), else null.</summary>
    public static string? ExtensionOf(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var name = Path.GetFileName(fileName.Trim());
        if (name.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase))
        {
            return "warc.gz";
        }

        var dot = name.LastIndexOf('.');
        return dot <= 0 || dot == name.Length - 1 ? null : name[(dot + 1)..];
    }

    public static MediaKind? KindOfExtension(string? extension) =>
        extension is not null && KindByExtension.TryGetValue(extension, out var kind) ? kind : null;

    public static bool CanHoldEither(MediaFormat format, MediaKind named) =>
        AudioOrVideo.Contains(format.Name) && named is MediaKind.Audio or MediaKind.Video;

    public static string Describe(MediaKind kind) =>
        kind switch
        {
            MediaKind.Image => "an image",
            MediaKind.Video => "a video",
            MediaKind.Audio => "an audio file",
            MediaKind.Pdf => "a PDF document",
            _ => "a saved web page",
        };
}
