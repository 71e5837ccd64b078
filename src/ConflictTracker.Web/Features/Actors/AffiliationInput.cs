namespace ConflictTracker.Web.Features.Actors;

public sealed record AffiliationInput(Guid? OrganisationId, string? Role, string? From, string? To, bool SpeaksFor);
