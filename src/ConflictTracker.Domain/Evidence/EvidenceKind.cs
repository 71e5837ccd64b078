namespace ConflictTracker.Domain.Evidence;

/// <summary>The families of evidence files (docs/rules/evidence.md).</summary>
public enum EvidenceKind
{
    Image,
    Video,
    Audio,
    Pdf,

    /// <summary>A saved web page (HTML, MHTML, WARC): kept and shown as text, never run.</summary>
    WebPage,
}

/// <summary>Whether a file may be downloaded by everyone who may read, or only by an admin.</summary>
public enum EvidenceFileStatus
{
    Active,

    /// <summary>Taken out of use by an admin, with a reason; kept, and downloadable by admins only.</summary>
    Quarantined,
}
