using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Evidence;

/// <summary>
/// A stored file held by a source: the uploader's file name, where the file was obtained (the post or page
/// it came from, when the uploader gave it), who attached it and when. One per source and file; never
/// removed by editors.
/// </summary>
public sealed class Attachment : Entity
{
    public const int MaxFileName = 255;

    private Attachment(Guid id, Guid sourceId, Guid fileId, string fileName)
        : base(id)
    {
        SourceId = sourceId;
        FileId = fileId;
        FileName = fileName;
        AddedBy = "";
    }

    // For EF Core.
    private Attachment()
    {
        FileName = null!;
        AddedBy = null!;
    }

    public Guid SourceId { get; private set; }

    public Guid FileId { get; private set; }

    /// <summary>The name the file was uploaded with, cleaned of any folder part and control characters.</summary>
    public string FileName { get; private set; }

    /// <summary>Where the uploader obtained the file (a post's or page's address), if given.</summary>
    public Uri? OriginUrl { get; private set; }

    public string AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public static Attachment Add(
        Guid sourceId,
        Guid fileId,
        string? fileName,
        string? originUrl,
        string addedBy,
        DateTimeOffset at
    )
    {
        var errors = new ValidationErrors();
        var origin = errors.Check(() => Rules.WebUrl(originUrl, nameof(OriginUrl)));
        errors.ThrowIfAny();
        return new Attachment(Guid.Empty, sourceId, fileId, CleanFileName(fileName))
        {
            OriginUrl = origin,
            AddedBy = addedBy,
            AddedAt = at,
        };
    }

    /// <summary>The last path segment, without control or directional characters, at most 255 characters;
    /// "upload" when nothing is left.</summary>
    public static string CleanFileName(string? fileName)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = Rules.WithoutDirectionalFormatting(new string(name.Where(c => !char.IsControl(c)).ToArray())).Trim();
        if (name.Length > MaxFileName)
        {
            var extension = Path.GetExtension(name);
            extension = extension.Length <= 16 ? extension : "";
            name = name[..(MaxFileName - extension.Length)] + extension;
        }

        return name is "" or "." or ".." ? "upload" : name;
    }
}
