using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Web.Features.Actors;

public sealed record ActorInput(string? Name, ActorKind Kind, string? CountryCode, string? Description, ReliabilityGrade? Reliability);
