namespace ConflictTracker.Web.Features.Claims;

public sealed record SimilarClaim(Guid Id, string Summary, string StatedOn, double Similarity);
