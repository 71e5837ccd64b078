using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Web.Features.Actors;

/// <param name="IsCollective">A collective or unidentified source, whose claims never share a voice
/// (docs/rules/origin-counting.md).</param>
/// <param name="Reason">Why the change is made (optional), stored with its history (docs/rules/history.md).</param>
public sealed record ActorInput(
    string? Name,
    ActorKind Kind,
    string? CountryCode,
    string? Description,
    ReliabilityGrade? Reliability,
    bool IsCollective = false,
    string? Reason = null
);
