using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace ConflictTracker.Evidence.Analysis;

/// <summary>What an image says about itself (EXIF, IPTC, XMP…), read with MetadataExtractor: every tag, and
/// the few the app offers as suggestions (capture time, camera, software, GPS position).</summary>
internal static class ImageMetadata
{
    private const int TagDateTimeOriginal = 0x9003;
    private const int TagDateTimeDigitized = 0x9004;
    private const int TagOffsetTimeOriginal = 0x9011;
    private const int TagOffsetTimeDigitized = 0x9012;

    public static void Read(string path, FactsBuilder facts)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            directories = ImageMetadataReader.ReadMetadata(path);
        }
        catch (Exception e) when (e is ImageProcessingException or MetadataException or IOException)
        {
            facts.Warn($"The image's metadata could not be read ({e.Message}).");
            return;
        }

        foreach (var directory in directories)
        {
            foreach (var tag in directory.Tags)
            {
                facts.Tag(directory.Name, tag.Name, tag.Description);
            }
        }

        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        facts.CameraMake = ifd0?.GetString(ExifDirectoryBase.TagMake);
        facts.CameraModel = ifd0?.GetString(ExifDirectoryBase.TagModel);
        facts.Software = ifd0?.GetString(ExifDirectoryBase.TagSoftware);
        var exif = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        if (exif is not null)
        {
            ReadCaptureTime(exif, facts);
        }

        var gps = directories.OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation();
        if (gps is not null)
        {
            facts.Locate(gps.Latitude, gps.Longitude);
        }
    }

    private static void ReadCaptureTime(ExifSubIfdDirectory exif, FactsBuilder facts)
    {
        var (time, offset) = ParseExif(exif.GetString(TagDateTimeOriginal), exif.GetString(TagOffsetTimeOriginal));
        if (time is null)
        {
            (time, offset) = ParseExif(exif.GetString(TagDateTimeDigitized), exif.GetString(TagOffsetTimeDigitized));
        }

        if (time is not null)
        {
            facts.Capture(new DateTimeOffset(time.Value, offset ?? TimeSpan.Zero), offset is not null);
        }
    }

    /// <summary>"2024:03:01 10:20:30" and "+02:00" (EXIF 2.31's OffsetTime…), either possibly missing or
    /// blank ("    :  :     :  :  ") as cameras without a clock write them.</summary>
    public static (DateTime? Time, TimeSpan? Offset) ParseExif(string? time, string? offset)
    {
        if (
            !DateTime.TryParseExact(
                time?.Trim().TrimEnd('\0'),
                ["yyyy:MM:dd HH:mm:ss", "yyyy:MM:dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var parsed
            )
        )
        {
            return (null, null);
        }

        return (DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified), ParseOffset(offset));
    }

    private static TimeSpan? ParseOffset(string? offset)
    {
        var text = offset?.Trim().TrimEnd('\0');
        if (text is not { Length: 6 } || text[0] is not ('+' or '-'))
        {
            return null;
        }

        if (!TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var span))
        {
            return null;
        }

        return span <= TimeSpan.FromHours(14) ? (text[0] == '-' ? -span : span) : null;
    }
}
