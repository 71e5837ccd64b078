using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Features.Actors;

namespace ConflictTracker.Web.Features.Sources;

/// <summary>A source typed into the statement form that does not exist yet.</summary>
public sealed record NewSourceInput(
    SourceKind Kind,
    string? Title,
    string? Url,
    Guid? PublisherId,
    string? PublishedOn,
    string? Language,
    ReliabilityGrade? Reliability
)
{
    /// <summary>A publisher not in ConflictTracker yet, created with the source (a media outlet unless said).</summary>
    public NewActorInput? NewPublisher { get; init; }
}
