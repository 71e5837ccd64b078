namespace ConflictTracker.Web.Features.Shared;

public sealed record Created(Guid Id);
