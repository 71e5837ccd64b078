namespace ConflictTracker.Web.Features.Shared;

/// <summary>A record as the edit form loads it: its values and the version they were read at.</summary>
public sealed record Loaded<T>(T Input, uint Version, bool Retracted = false);
