using ConflictTracker.Web.Features.Shared;

namespace ConflictTracker.Web.Features.Propositions;

/// <summary>A proposition with its claims counted by stance; "disputed" means it is both affirmed and denied.</summary>
public sealed record DisputedProposition(EntityRef Proposition, int Affirms, int Denies, int Hedges, int Neutral);
