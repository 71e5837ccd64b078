namespace ConflictTracker.Domain.Evidence;

/// <summary>What happened to a stored file.</summary>
public enum CustodyAction
{
    /// <summary>Uploaded to a source (the first time, or the same bytes again to another source).</summary>
    Added,

    /// <summary>Uploaded again to a source that already held it: nothing new was stored.</summary>
    AddedAgain,

    Downloaded,

    /// <summary>Re-hashed from storage: the bytes are the ones received.</summary>
    Verified,

    /// <summary>Re-hashed from storage: the bytes differ from the ones received.</summary>
    Mismatch,

    /// <summary>Storage no longer holds the bytes.</summary>
    Missing,

    Quarantined,
    Released,
}

/// <summary>
/// One entry of a file's chain of custody: who did what with it, when, and from which network address.
/// Append-only: the database refuses updates and deletes of these rows.
/// </summary>
public sealed class CustodyEvent
{
    public const int MaxAddress = 64;

    public CustodyEvent(
        Guid fileId,
        Guid? attachmentId,
        CustodyAction action,
        string actor,
        DateTimeOffset at,
        string? address,
        string? detail
    )
    {
        FileId = fileId;
        AttachmentId = attachmentId;
        Action = action;
        Actor = actor;
        At = at;
        Address = address is { Length: > MaxAddress } ? address[..MaxAddress] : address;
        Detail = detail;
    }

    public long Id { get; private set; }

    public Guid FileId { get; private set; }

    /// <summary>The source's attachment the event concerns (an upload), if any.</summary>
    public Guid? AttachmentId { get; private set; }

    public CustodyAction Action { get; private set; }

    /// <summary>The user name, or "operator" for the command line.</summary>
    public string Actor { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The client's network address for requests; null for the command line.</summary>
    public string? Address { get; private set; }

    /// <summary>Plain words: the file name and origin of an upload, a quarantine's reason, a mismatch's hash.</summary>
    public string? Detail { get; private set; }
}
