using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Evidence;

/// <summary>
/// One stored file, content-addressed: its SHA-256 and size were computed by the app from the bytes it
/// received, and its type was read from those bytes. The same bytes are one file however often they are
/// uploaded; each source that holds them has an <see cref="Attachment"/>. A file is never changed or
/// deleted: an admin can only quarantine it (and release it), with a reason the history keeps.
/// </summary>
public sealed class EvidenceFile : Entity
{
    public const int MaxFormat = 20;
    public const int MaxContentType = 100;

    private EvidenceFile(Guid id, string sha256, long size, EvidenceKind kind, string format, string contentType)
        : base(id)
    {
        Metadata = "{}";
        StoredBy = "";
        Sha256 = sha256;
        Size = size;
        Kind = kind;
        Format = format;
        ContentType = contentType;
    }

    // For EF Core.
    private EvidenceFile()
    {
        Sha256 = null!;
        Format = null!;
        ContentType = null!;
        Metadata = null!;
        StoredBy = null!;
    }

    /// <summary>Lower-case hex SHA-256 of the bytes, the file's address in storage.</summary>
    public string Sha256 { get; private set; }

    public long Size { get; private set; }

    public EvidenceKind Kind { get; private set; }

    /// <summary>The format sniffed from the bytes: "jpeg", "mp4", "pdf", "warc"…</summary>
    public string Format { get; private set; }

    /// <summary>The strict MIME type the app serves the file with.</summary>
    public string ContentType { get; private set; }

    /// <summary>What the file says about itself (JSON: capture time, camera, GPS, duration, every tag read).</summary>
    public string Metadata { get; private set; }

    /// <summary>How many preview images (thumbnail, keyframes, first page) are stored with it.</summary>
    public int PreviewCount { get; private set; }

    public DateTimeOffset StoredAt { get; private set; }

    /// <summary>Who first uploaded the bytes.</summary>
    public string StoredBy { get; private set; }

    public EvidenceFileStatus Status { get; private set; }

    /// <summary>Why the file was last quarantined or released; null until then.</summary>
    public string? StatusReason { get; private set; }

    public uint Version { get; private set; }

    public static EvidenceFile Stored(
        string sha256,
        long size,
        EvidenceKind kind,
        string format,
        string contentType,
        string metadataJson,
        int previewCount,
        string storedBy,
        DateTimeOffset at
    )
    {
        if (sha256.Length != 64 || !sha256.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException("A SHA-256 is 64 lower-case hexadecimal characters.", nameof(sha256));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return new EvidenceFile(Guid.Empty, sha256, size, kind, format, contentType)
        {
            Metadata = metadataJson,
            PreviewCount = previewCount,
            StoredBy = storedBy,
            StoredAt = at,
            Status = EvidenceFileStatus.Active,
        };
    }

    /// <summary>Takes the file out of use: only admins may download it from now on.</summary>
    public void Quarantine(string? reason)
    {
        var why = Rules.RequiredText(reason, nameof(StatusReason), MaxLengths.Note);
        if (Status == EvidenceFileStatus.Quarantined)
        {
            throw new DomainValidationException(nameof(Status), "The file is already quarantined.");
        }

        Status = EvidenceFileStatus.Quarantined;
        StatusReason = why;
    }

    /// <summary>Puts a quarantined file back into use.</summary>
    public void Release(string? reason)
    {
        var why = Rules.RequiredText(reason, nameof(StatusReason), MaxLengths.Note);
        if (Status != EvidenceFileStatus.Quarantined)
        {
            throw new DomainValidationException(nameof(Status), "Only a quarantined file can be released.");
        }

        Status = EvidenceFileStatus.Active;
        StatusReason = why;
    }
}
