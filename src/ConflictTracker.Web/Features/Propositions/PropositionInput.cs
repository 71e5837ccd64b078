namespace ConflictTracker.Web.Features.Propositions;

/// <param name="Reason">Why the change is made (optional), stored with its history (docs/rules/history.md).</param>
public sealed record PropositionInput(string? Statement, string? Description, string? Reason = null);
