using System.Globalization;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Evidence.Analysis;
using MudBlazor;

namespace ConflictTracker.Web.Components.Shared;

/// <summary>How evidence files read on the pages: an icon per kind, sizes, and what a file says about itself in a
/// line.</summary>
internal static class EvidenceDisplay
{
    internal static string Icon(EvidenceKind kind) =>
        kind switch
        {
            EvidenceKind.Video => Icons.Material.Filled.Movie,
            EvidenceKind.Audio => Icons.Material.Filled.Audiotrack,
            EvidenceKind.Pdf => Icons.Material.Filled.PictureAsPdf,
            EvidenceKind.WebPage => Icons.Material.Filled.Web,
            _ => Icons.Material.Filled.Image,
        };

    internal static string Bytes(long bytes) =>
        bytes switch
        {
            < 1024 => $"{bytes} bytes",
            < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
            < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
            _ => $"{bytes / (1024.0 * 1024 * 1024):0.##} GB",
        };

    /// <summary>Capture time, camera, place and length in a line, as the file states them.</summary>
    internal static string Summary(MediaFacts facts)
    {
        var parts = new List<string>();
        if (facts.CapturedAt is { } at)
        {
            parts.Add(
                "captured "
                    + at.ToString(
                        facts.CapturedAtHasOffset ? "d MMM yyyy HH:mm zzz" : "d MMM yyyy HH:mm '(camera time)'",
                        CultureInfo.InvariantCulture
                    )
            );
        }

        // Canon and Nikon repeat the make in the model ("Canon" + "Canon EOS R6"): say it once.
        var make =
            facts.CameraModel is { } model
            && facts.CameraMake is { } m
            && model.StartsWith(m, StringComparison.OrdinalIgnoreCase)
                ? null
                : facts.CameraMake;
        if (
            string.Join(" ", new[] { make, facts.CameraModel }.Where(p => !string.IsNullOrWhiteSpace(p))) is
            { Length: > 0 } camera
        )
        {
            parts.Add("camera " + camera);
        }

        if (facts is { Latitude: { } lat, Longitude: { } lon })
        {
            parts.Add(FormattableString.Invariant($"GPS {lat:0.#####}, {lon:0.#####}"));
        }

        if (facts.Duration is { } duration)
        {
            parts.Add(
                "length "
                    + duration.ToString(
                        duration.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss",
                        CultureInfo.InvariantCulture
                    )
            );
        }

        if (facts is { Width: { } w, Height: { } h })
        {
            parts.Add($"{w}×{h}");
        }

        if (facts.PageCount is { } pages)
        {
            parts.Add(pages == 1 ? "1 page" : $"{pages} pages");
        }

        return string.Join(" · ", parts);
    }

    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string When(DateTimeOffset at) =>
        at.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    internal static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    internal static string OtherSources(int count) => count == 1 ? "another source" : $"{count} other sources";
}
