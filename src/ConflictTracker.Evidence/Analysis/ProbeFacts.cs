using System.Globalization;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>Turns what ffprobe read (container and stream tags) into facts: duration, size, capture time,
/// position, camera and software, and every tag as it was.</summary>
internal static class ProbeFacts
{
    private static readonly string[] LocationKeys =
    [
        "com.apple.quicktime.location.ISO6709",
        "location",
        "location-eng",
        "com.android.capture.location",
    ];

    private static readonly string[] MakeKeys = ["com.apple.quicktime.make", "make", "com.android.manufacturer"];
    private static readonly string[] ModelKeys = ["com.apple.quicktime.model", "model", "com.android.model"];
    private static readonly string[] SoftwareKeys = ["com.apple.quicktime.software", "software", "encoder"];

    /// <summary>Before 1971 a creation time is a zero the muxer wrote (1904 or 1970 epochs), not a date.</summary>
    private static readonly DateTimeOffset EarliestReal = new(1971, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Apply(ProbeResult probe, FactsBuilder facts)
    {
        facts.Duration = probe.Duration;
        if (probe.FirstVideo is { } video)
        {
            var turned = Math.Abs(video.Rotation % 180) == 90;
            (facts.Width, facts.Height) = turned ? (video.Height, video.Width) : (video.Width, video.Height);
        }

        foreach (var (key, value) in probe.Tags)
        {
            facts.Tag("Container", key, value);
        }

        foreach (var stream in probe.Streams)
        {
            var directory = $"Stream {stream.Index} ({stream.CodecType})";
            facts.Tag(directory, "Codec", stream.Codec);
            foreach (var (key, value) in stream.Tags)
            {
                facts.Tag(directory, key, value);
            }
        }

        var all = probe.Streams.Select(s => s.Tags).Prepend(probe.Tags).ToArray();
        facts.CameraMake = First(all, MakeKeys);
        facts.CameraModel = First(all, ModelKeys);
        facts.Software = First(all, SoftwareKeys);
        facts.Title = First(all, ["title"]);
        if (Iso6709.Parse(First(all, LocationKeys)) is var (latitude, longitude))
        {
            facts.Locate(latitude, longitude);
        }

        ReadCaptureTime(all, facts);
    }

    /// <summary>
    /// Apple's creationdate states its offset ("2024-03-01T10:20:30+0900"). The MP4 creation_time is UTC by the
    /// standard, but many cameras write their local time into it: it is kept as local time of unknown offset.
    /// </summary>
    private static void ReadCaptureTime(IReadOnlyList<IReadOnlyDictionary<string, string>> all, FactsBuilder facts)
    {
        if (Parse(First(all, ["com.apple.quicktime.creationdate"])) is { } stated)
        {
            facts.Capture(stated, hasOffset: true);
        }
        else if (Parse(First(all, ["creation_time", "date"])) is { } written)
        {
            facts.Capture(new DateTimeOffset(written.DateTime, TimeSpan.Zero), hasOffset: false);
        }
    }

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out var parsed
        )
        && parsed >= EarliestReal
            ? parsed
            : null;

    private static string? First(IEnumerable<IReadOnlyDictionary<string, string>> all, string[] keys) =>
        all.SelectMany(tags => keys.Select(key => tags.GetValueOrDefault(key)))
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
