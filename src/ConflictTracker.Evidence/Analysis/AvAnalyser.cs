using Microsoft.Extensions.Logging;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>Video and audio, through ffprobe (facts) and ffmpeg (a video's keyframes).</summary>
internal sealed class AvAnalyser(MediaLimits limits, ILogger logger)
{
    private const string UnreadableVideo = "The video cannot be read; it may be cut short or damaged.";
    private const string UnreadableAudio = "The audio cannot be read; it may be cut short or damaged.";

    private readonly Keyframes keyframes = new(limits, logger);

    public async Task<MediaAnalysis> AnalyseVideoAsync(string path, MediaType type, CancellationToken ct)
    {
        var (probe, facts) = await ProbeAsync(path, UnreadableVideo, ct);
        if (probe.Duration is { } duration && !await Ffprobe.ReachesItsEndAsync(limits, path, duration, ct))
        {
            throw new EvidenceRejectedException("unreadable-media", UnreadableVideo);
        }

        if (probe.FirstVideo is null)
        {
            facts.Warn("The file holds no pictures, only sound: there are no keyframes to show.");
            return new MediaAnalysis(type, facts.ToFacts(), [], []);
        }

        var moments = Keyframes.Moments(probe.Duration, limits.VideoKeyframes);
        var frames = new List<Keyframes.Frame>();
        foreach (var at in moments)
        {
            if (await keyframes.TakeAsync(path, at, ct) is { } frame)
            {
                frames.Add(frame);
            }
        }

        if (frames.Count < moments.Count)
        {
            facts.Warn(
                $"Only {frames.Count} of {moments.Count} keyframes could be taken; the video may be partly damaged."
            );
        }

        return new MediaAnalysis(
            type,
            facts.ToFacts(),
            frames.ConvertAll(f => f.Preview),
            frames.ConvertAll(f => f.Hash)
        );
    }

    public async Task<MediaAnalysis> AnalyseAudioAsync(string path, MediaType type, CancellationToken ct)
    {
        var (probe, facts) = await ProbeAsync(path, UnreadableAudio, ct);
        if (probe.Streams.All(s => s.CodecType != "audio"))
        {
            throw new EvidenceRejectedException("unreadable-media", UnreadableAudio);
        }

        // A duration estimated from the bit rate (an MP3 without an index) can overshoot: only a warning here.
        if (probe.Duration is { } duration && !await Ffprobe.ReachesItsEndAsync(limits, path, duration, ct))
        {
            facts.Warn("The sound stops before the length the file states: it may be cut short.");
        }

        return new MediaAnalysis(type, facts.ToFacts(), [], []);
    }

    private async Task<(ProbeResult Probe, FactsBuilder Facts)> ProbeAsync(
        string path,
        string unreadable,
        CancellationToken ct
    )
    {
        var probe = await Ffprobe.ProbeAsync(limits, path, ct);
        if (probe is null || probe.Streams.Count == 0)
        {
            logger.LogInformation("ffprobe could not read {Path}", path);
            throw new EvidenceRejectedException("unreadable-media", unreadable);
        }

        var facts = new FactsBuilder();
        ProbeFacts.Apply(probe, facts);
        return (probe, facts);
    }
}
