using System.ComponentModel;
using System.Diagnostics;

namespace ConflictTracker.Evidence.Tests.Analysis;

/// <summary>Real video and audio files made once with ffmpeg's test sources, for the tests of one class. The
/// tests need ffmpeg: without it they fail, saying so.</summary>
public sealed class MediaFiles : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("evidence-media-");

    public MediaFiles()
    {
        string[] source = ["-f", "lavfi", "-i", "testsrc=duration=3:size=320x240:rate=25"];
        string[] h264 = ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-preset", "veryfast"];
        Ffmpeg([
            .. source,
            .. h264,
            "-metadata",
            "creation_time=2024-03-01T10:20:30Z",
            "-metadata",
            "location=+37.5665+126.9780/",
            "-movflags",
            "+faststart",
            Faststart,
        ]);
        Ffmpeg([.. source, .. h264, IndexAtEnd]);
        Ffmpeg(["-i", Faststart, "-vf", "scale=640:480", .. h264, "-crf", "35", Larger]);
        Ffmpeg([
            "-f",
            "lavfi",
            "-i",
            "testsrc=duration=1:size=160x120:rate=25",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=3",
            .. h264,
            "-c:a",
            "aac",
            PicturesEndEarly,
        ]);
        Ffmpeg([
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=2",
            "-metadata",
            "title=Tone",
            "-c:a",
            "libmp3lame",
            Tone,
        ]);
        Ffmpeg(["-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac", SoundOnlyMp4]);
    }

    /// <summary>3 s, 320 × 240, the index (moov) at the front, with a creation time and a location.</summary>
    public string Faststart => Path.Combine(folder.FullName, "faststart.mp4");

    /// <summary>The same source with the index at the end, as ffmpeg and most cameras write it.</summary>
    public string IndexAtEnd => Path.Combine(folder.FullName, "index-at-end.mp4");

    /// <summary><see cref="Faststart"/> re-encoded at 640 × 480 and a much lower quality.</summary>
    public string Larger => Path.Combine(folder.FullName, "larger.mp4");

    /// <summary>1 s of pictures, 3 s of sound: keyframes past the first second cannot be taken.</summary>
    public string PicturesEndEarly => Path.Combine(folder.FullName, "pictures-end-early.mp4");

    public string Tone => Path.Combine(folder.FullName, "tone.mp3");

    public string SoundOnlyMp4 => Path.Combine(folder.FullName, "sound-only.mp4");

    /// <summary>A copy of <paramref name="path"/> cut to <paramref name="share"/> of its bytes.</summary>
    public string CutShort(string path, double share)
    {
        var bytes = File.ReadAllBytes(path);
        var cut = Path.Combine(folder.FullName, $"cut-{share:0.00}-{Path.GetFileName(path)}");
        File.WriteAllBytes(cut, bytes[..(int)(bytes.Length * share)]);
        return cut;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static void Ffmpeg(string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-loglevel", "error", "-y", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg failed making a test file: {errors}");
            }
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "ffmpeg is not installed, and these tests need it (run.sh and test.sh install it: apt-get install "
                    + "ffmpeg poppler-utils).",
                e
            );
        }
    }
}
