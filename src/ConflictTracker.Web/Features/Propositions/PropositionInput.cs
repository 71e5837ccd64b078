namespace ConflictTracker.Web.Features.Propositions;

public sealed record PropositionInput(string? Statement, string? Description);
