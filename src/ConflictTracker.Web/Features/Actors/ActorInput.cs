using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Web.Features.Actors;

/// <param name="IsCollective">A collective or unidentified source, whose claims never share a voice
/// (docs/rules/origin-counting.md).</param>
public sealed record ActorInput(
    string? Name,
    ActorKind Kind,
    string? CountryCode,
    string? Description,
    ReliabilityGrade? Reliability,
    bool IsCollective = false
);
