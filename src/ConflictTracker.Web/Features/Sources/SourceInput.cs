using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Features.Actors;

namespace ConflictTracker.Web.Features.Sources;

public sealed record SourceInput(
    SourceKind Kind,
    string? Title,
    string? Url,
    Guid? PublisherId,
    string? PublishedOn,
    string? RetrievedOn,
    string? Language,
    string? ArchiveUrl,
    string? ContentHash,
    ReliabilityGrade? Reliability
)
{
    /// <summary>A publisher not in ConflictTracker yet, created with the source.</summary>
    public NewActorInput? NewPublisher { get; init; }

    /// <summary>Why the change is made (optional), stored with its history (docs/rules/history.md).</summary>
    public string? Reason { get; init; }
}
