using ConflictTracker.Domain.Evidence;
using ConflictTracker.Evidence.Analysis;

namespace ConflictTracker.Web.Features.Evidence;

/// <summary>A stored file as the pages and the API show it.</summary>
/// <param name="Facts">What the file says about itself (capture time, camera, GPS, duration…): evidence, not
/// fact.</param>
public sealed record EvidenceFileView(
    Guid Id,
    string Sha256,
    long Size,
    EvidenceKind Kind,
    string Format,
    string ContentType,
    EvidenceFileStatus Status,
    string? StatusReason,
    int PreviewCount,
    DateTimeOffset StoredAt,
    string StoredBy,
    MediaFacts? Facts,
    uint Version
);

/// <summary>A file held by a source.</summary>
/// <param name="HeldElsewhere">On a source's page: how many other sources hold the same or near-identical media
/// ("this video was posted earlier by another account"); the file's page lists them.</param>
public sealed record AttachmentView(
    Guid Id,
    Guid SourceId,
    string SourceTitle,
    string FileName,
    string? OriginUrl,
    string AddedBy,
    DateTimeOffset AddedAt,
    EvidenceFileView File,
    int HeldElsewhere = 0
);

/// <summary>What an upload became.</summary>
/// <param name="AlreadyAttached">The source already held these bytes: nothing new was stored or attached.</param>
/// <param name="AlreadyStored">The bytes were already stored (for another source): they were not stored again.</param>
/// <param name="Note">Something the uploader should know ("named .jpg, but the bytes are PNG").</param>
/// <param name="ProposedRepeats">Repeats relations proposed to reviewers because the same footage is held by
/// another source.</param>
public sealed record AddedAttachment(
    AttachmentView Attachment,
    bool AlreadyAttached,
    bool AlreadyStored,
    string? Note,
    IReadOnlyList<string> Warnings,
    int ProposedRepeats
);

/// <summary>One entry of a file's chain of custody.</summary>
public sealed record CustodyView(
    CustodyAction Action,
    string Actor,
    DateTimeOffset At,
    string? Address,
    string? Detail
);

/// <summary>Near-identical media held elsewhere (docs/rules/evidence.md).</summary>
/// <param name="Distance">Bits that differ between the closest pair of perceptual hashes, of 64.</param>
/// <param name="HeldBy">The sources that hold the other file, earliest attachment first.</param>
public sealed record FootageMatch(string Sha256, EvidenceKind Kind, int Distance, IReadOnlyList<HeldBy> HeldBy);

/// <summary>A source holding a file, with when the source says it was published.</summary>
public sealed record HeldBy(Guid SourceId, string SourceTitle, string? PublishedOn, DateTimeOffset AttachedAt);

/// <summary>What the file's own metadata suggests; an editor decides whether to use it.</summary>
/// <param name="PlaceName">The known place nearest the file's GPS point (within 50 km).</param>
public sealed record EvidenceSuggestions(
    DateOnly? EventDate,
    double? Latitude,
    double? Longitude,
    Guid? PlaceId,
    string? PlaceName,
    double? PlaceDistanceKm
);

/// <summary>Everything known about one stored file.</summary>
public sealed record EvidenceFileDetails(
    EvidenceFileView File,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<CustodyView> Custody,
    IReadOnlyList<FootageMatch> Matches,
    EvidenceSuggestions Suggestions
);

/// <summary>The outcome of re-hashing one stored file.</summary>
public sealed record VerificationView(string Sha256, CustodyAction Result, string? FoundSha256, DateTimeOffset At);

/// <summary>The outcome of verifying every stored file.</summary>
public sealed record VerificationReport(
    int Checked,
    int Intact,
    IReadOnlyList<VerificationView> Failures,
    IReadOnlyList<string> UnrecordedKeys
);
