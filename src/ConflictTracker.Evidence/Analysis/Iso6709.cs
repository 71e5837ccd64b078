using System.Globalization;
using System.Text.RegularExpressions;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>
/// A position as videos store it (ISO 6709, e.g. "+37.5665+126.9780/" or "+37.5665+126.9780+012.000/"): the
/// latitude then the longitude, each signed, in degrees, or in degrees and minutes ("+3733.99"), or degrees,
/// minutes and seconds ("+373359.9"), told apart by how many digits come before the point.
/// </summary>
internal static partial class Iso6709
{
    public static (double Latitude, double Longitude)? Parse(string? text)
    {
        var match = text is null ? Match.Empty : Position().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var latitude = Degrees(match.Groups["lat"].Value, degreeDigits: 2);
        var longitude = Degrees(match.Groups["lon"].Value, degreeDigits: 3);
        return latitude is null || longitude is null ? null : (latitude.Value, longitude.Value);
    }

    private static double? Degrees(string signed, int degreeDigits)
    {
        var sign = signed[0] == '-' ? -1 : 1;
        var number = signed[1..];
        var point = number.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? number.Length : point;
        var value = double.Parse(number, CultureInfo.InvariantCulture);
        // The last two whole digits (with the fraction) and the two before them: minutes or seconds, never 60+.
        var (last, middle) = (value % 100, Math.Floor(value / 100) % 100);
        return (whole - degreeDigits) switch
        {
            0 => sign * value,
            2 when last < 60 => sign * (Math.Floor(value / 100) + (last / 60)),
            4 when middle < 60 && last < 60 => sign * (Math.Floor(value / 10000) + (middle / 60) + (last / 3600)),
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<lat>[+-]\d+(?:\.\d+)?)(?<lon>[+-]\d+(?:\.\d+)?)(?:[+-]\d+(?:\.\d+)?)?(?:CRS[^/]*)?/?$")]
    private static partial Regex Position();
}
