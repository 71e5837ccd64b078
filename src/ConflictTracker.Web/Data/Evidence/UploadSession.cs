namespace ConflictTracker.Web.Data.Evidence;

/// <summary>
/// A resumable upload in progress (the tus protocol, docs/rules/evidence.md): who started it, for which
/// source, how long the file is and how many bytes have arrived. The bytes wait in the staging folder
/// until the last one arrives; then the file is checked, stored and attached, and the session completed.
/// </summary>
public sealed class UploadSession
{
    public UploadSession(
        Guid id,
        string userName,
        Guid sourceId,
        string fileName,
        string? originUrl,
        long length,
        DateTimeOffset createdAt,
        DateTimeOffset expiresAt
    )
    {
        Id = id;
        UserName = userName;
        SourceId = sourceId;
        FileName = fileName;
        OriginUrl = originUrl;
        Length = length;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public string UserName { get; private set; }

    public Guid SourceId { get; private set; }

    public string FileName { get; private set; }

    public string? OriginUrl { get; private set; }

    public long Length { get; set; }

    /// <summary>How many bytes have arrived and are on disk.</summary>
    public long Offset { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The attachment the finished upload became.</summary>
    public Guid? AttachmentId { get; set; }

    public uint Version { get; private set; }
}
