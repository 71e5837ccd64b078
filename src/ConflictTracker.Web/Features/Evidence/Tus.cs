using System.Globalization;
using System.Text;
using ConflictTracker.Domain.Common;

namespace ConflictTracker.Web.Features.Evidence;

/// <summary>The headers of the tus 1.0 resumable upload protocol (tus.io/protocols/resumable-upload).</summary>
internal static class Tus
{
    public const string Version = "1.0.0";

    public sealed record Creation(Guid SourceId, long Length, string? FileName, string? OriginUrl);

    /// <summary>Reads a creation request: Upload-Length, and Upload-Metadata's sourceId, filename and
    /// originUrl (each base64). Bad headers are field errors (400).</summary>
    public static Creation ReadCreation(HttpRequest request)
    {
        var errors = new ValidationErrors();
        if (
            !long.TryParse(
                request.Headers["Upload-Length"],
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var length
            )
        )
        {
            errors.Add("Upload-Length", "Upload-Length must be the file's length in bytes.");
        }

        var metadata = Metadata(request.Headers["Upload-Metadata"].ToString(), errors);
        var sourceId = Guid.Empty;
        if (!metadata.TryGetValue("sourceId", out var source) || !Guid.TryParse(source, out sourceId))
        {
            errors.Add("sourceId", "Upload-Metadata must name the source: sourceId, the source's id in base64.");
        }

        errors.ThrowIfAny();
        return new Creation(
            sourceId,
            length,
            metadata.GetValueOrDefault("filename") ?? metadata.GetValueOrDefault("name"),
            metadata.GetValueOrDefault("originUrl")
        );
    }

    /// <summary>Reads an append request's Upload-Offset (and checks its content type).</summary>
    public static long ReadAppend(HttpRequest request)
    {
        var errors = new ValidationErrors();
        if (!string.Equals(request.ContentType, "application/offset+octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Content-Type", "Send the bytes as application/offset+octet-stream.");
        }

        if (
            !long.TryParse(
                request.Headers["Upload-Offset"],
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var offset
            )
        )
        {
            errors.Add("Upload-Offset", "Upload-Offset must say from which byte these bytes are.");
        }

        errors.ThrowIfAny();
        return offset;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> Metadata(string header, ValidationErrors errors)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var pair in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(' ', 2);
            try
            {
                values[parts[0]] =
                    parts.Length == 2 ? Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])) : null;
            }
            catch (FormatException)
            {
                errors.Add("Upload-Metadata", $"The value of {parts[0]} is not base64.");
            }
        }

        return values;
    }
}
