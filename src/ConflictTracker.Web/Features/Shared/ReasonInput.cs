namespace ConflictTracker.Web.Features.Shared;

public sealed record ReasonInput(string? Reason);
