using ConflictTracker.Domain.Actors;

namespace ConflictTracker.Web.Features.Actors;

/// <summary>An actor typed into the statement form that does not exist yet.</summary>
public sealed record NewActorInput(string? Name, ActorKind Kind, string? CountryCode);
