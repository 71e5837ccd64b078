namespace ConflictTracker.Web.Features.Shared;

public sealed record EntityRef(Guid Id, string Name);
