using System.Globalization;
using System.Text.Json;

namespace ConflictTracker.Evidence.Analysis;

internal sealed record ProbeStream(
    int Index,
    string CodecType,
    string? Codec,
    int? Width,
    int? Height,
    int Rotation,
    IReadOnlyDictionary<string, string> Tags
);

internal sealed record ProbeResult(
    TimeSpan? Duration,
    IReadOnlyList<ProbeStream> Streams,
    IReadOnlyDictionary<string, string> Tags
)
{
    public ProbeStream? FirstVideo => Streams.FirstOrDefault(s => s.CodecType == "video");
}

/// <summary>Runs ffprobe: a file's streams, duration and tags, and whether its end is really there.</summary>
internal static class Ffprobe
{
    /// <summary>What ffprobe makes of the file, or null when it cannot read it.</summary>
    public static async Task<ProbeResult?> ProbeAsync(MediaLimits limits, string path, CancellationToken ct)
    {
        string[] arguments = ["-v", "error", .. Input(path), "-print_format", "json", "-show_format", "-show_streams"];
        var result = await ExternalTool.RunAsync(limits.FfprobePath, arguments, limits.ToolTimeout, ct);
        if (result.ExitCode != 0 || result.Output.Length == 0)
        {
            return null;
        }

        using var json = JsonDocument.Parse(result.Output);
        if (!json.RootElement.TryGetProperty("format", out var format))
        {
            return null;
        }

        var streams = json.RootElement.TryGetProperty("streams", out var list)
            ? list.EnumerateArray().Select(Stream).ToArray()
            : [];
        return new ProbeResult(Seconds(Text(format, "duration")), streams, Tags(format));
    }

    /// <summary>
    /// Whether the file's packets reach (within 1.5 s) the end its header promises. A file cut short keeps a
    /// header that ffprobe reads happily (an MP4 whose index is at the front, a WebM): reading the packets of its
    /// last second shows that they are missing.
    /// </summary>
    public static async Task<bool> ReachesItsEndAsync(
        MediaLimits limits,
        string path,
        TimeSpan duration,
        CancellationToken ct
    )
    {
        var from = Math.Max(0, duration.TotalSeconds - 1);
        string[] arguments =
        [
            "-v",
            "error",
            "-read_intervals",
            from.ToString("0.###", CultureInfo.InvariantCulture) + "%",
            "-show_entries",
            "packet=pts_time",
            "-of",
            "csv=p=0",
            .. Input(path),
        ];
        var result = await ExternalTool.RunAsync(limits.FfprobePath, arguments, limits.ToolTimeout, ct);
        var last = result
            .OutputText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => Seconds(line.TrimEnd(',')))
            .Where(seconds => seconds is not null)
            .Select(seconds => seconds!.Value.TotalSeconds)
            .DefaultIfEmpty(double.NegativeInfinity)
            .Max();
        return result.ExitCode == 0 && last >= from - 0.5;
    }

    /// <summary>The demuxers a kept audio or video file may need: not playlists (hls), concatenation lists or
    /// image sequences, which a crafted file could use to make ffmpeg read other local files into a
    /// preview.</summary>
    public const string Demuxers = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,ogg,mp3,wav,flac,aac";

    /// <summary>The input arguments: local files only (no network, no other protocol a crafted file could name),
    /// only the media demuxers, and a "file:" prefix so that no file name is read as an option or a
    /// protocol.</summary>
    public static string[] Input(string path) =>
        ["-format_whitelist", Demuxers, "-protocol_whitelist", "file", "-i", "file:" + Path.GetFullPath(path)];

    private static ProbeStream Stream(JsonElement stream)
    {
        var tags = Tags(stream);
        var rotation = tags.TryGetValue("rotate", out var rotate) && int.TryParse(rotate, out var r) ? r : 0;
        if (stream.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out var value) && value.TryGetInt32(out var degrees))
                {
                    rotation = degrees;
                }
            }
        }

        return new ProbeStream(
            stream.TryGetProperty("index", out var index) ? index.GetInt32() : 0,
            Text(stream, "codec_type") ?? "data",
            Text(stream, "codec_long_name") ?? Text(stream, "codec_name"),
            Number(stream, "width"),
            Number(stream, "height"),
            rotation,
            tags
        );
    }

    private static Dictionary<string, string> Tags(JsonElement element)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (element.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in list.EnumerateObject())
            {
                tags.TryAdd(tag.Name, tag.Value.ToString());
            }
        }

        return tags;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ToString() : null;

    private static int? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) && number > 0 ? number : null;

    private static TimeSpan? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
        && double.IsFinite(seconds)
        && seconds >= 0
        && seconds < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : null;
}
