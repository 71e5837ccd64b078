using System.Text;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>Collects what a file says about itself while it is read, then makes the immutable facts.</summary>
internal sealed class FactsBuilder
{
    /// <summary>The most tags kept: a file may carry thousands (maker notes), and a page shows them all.</summary>
    public const int MaxTags = 200;

    /// <summary>The longest tag value kept, in characters.</summary>
    public const int MaxValueLength = 500;

    private readonly List<MetadataTag> tags = [];
    private readonly List<string> warnings = [];
    private int droppedTags;

    public int? Width { get; set; }
    public int? Height { get; set; }
    public TimeSpan? Duration { get; set; }
    public DateTimeOffset? CapturedAt { get; private set; }
    public bool CapturedAtHasOffset { get; private set; }
    public string? CameraMake { get; set; }
    public string? CameraModel { get; set; }
    public string? Software { get; set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public int? PageCount { get; set; }
    public string? Title { get; set; }

    public void Capture(DateTimeOffset at, bool hasOffset)
    {
        CapturedAt = at;
        CapturedAtHasOffset = hasOffset;
    }

    /// <summary>Keeps a position when it is a real one: inside the globe's ranges and not exactly 0, 0 (what a
    /// device writes when it has no fix).</summary>
    public void Locate(double latitude, double longitude)
    {
        if (Math.Abs(latitude) <= 90 && Math.Abs(longitude) <= 180 && (latitude, longitude) != (0, 0))
        {
            (Latitude, Longitude) = (latitude, longitude);
        }
    }

    public void Warn(string warning) => warnings.Add(warning);

    public void Tag(string directory, string name, string? value)
    {
        var clean = Clean(value);
        if (clean.Length == 0)
        {
            return;
        }

        if (tags.Count >= MaxTags)
        {
            droppedTags++;
            return;
        }

        tags.Add(new MetadataTag(Clean(directory), Clean(name), clean));
    }

    /// <summary>Text from a file, made safe to store and show: control characters (a NUL cannot even be stored
    /// in PostgreSQL) become spaces, the ends are trimmed, and the length is capped.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = new StringBuilder(Math.Min(value.Length, MaxValueLength + 1));
        foreach (var c in value)
        {
            text.Append(char.IsControl(c) ? ' ' : c);
            if (text.Length > MaxValueLength)
            {
                break;
            }
        }

        var cleaned = text.ToString().Trim();
        return cleaned.Length > MaxValueLength ? cleaned[..(MaxValueLength - 1)] + "…" : cleaned;
    }

    public static string? CleanOrNull(string? value) => Clean(value) is { Length: > 0 } clean ? clean : null;

    public MediaFacts ToFacts()
    {
        if (droppedTags > 0)
        {
            Warn($"Only the first {MaxTags} metadata tags are kept; {droppedTags} more were left out.");
        }

        return new MediaFacts(
            Width,
            Height,
            Duration,
            CapturedAt,
            CapturedAtHasOffset,
            CleanOrNull(CameraMake),
            CleanOrNull(CameraModel),
            CleanOrNull(Software),
            Latitude,
            Longitude,
            PageCount,
            CleanOrNull(Title),
            tags.ToArray(),
            warnings.ToArray()
        );
    }
}
