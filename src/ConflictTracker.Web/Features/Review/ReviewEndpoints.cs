using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Created = ConflictTracker.Web.Features.Shared.Created;

namespace ConflictTracker.Web.Features.Review;

public sealed record RelationInput(Guid FromClaimId, Guid ToClaimId, RelationType Type, string? Rationale);

/// <param name="WrongClaimId">Confirming a contradiction: the one of its claims judged wrong (null or left out: can't
/// tell).</param>
public sealed record ReviewInput(ReviewState Decision, string? Note, Guid? WrongClaimId = null);

/// <param name="WrongClaimId">A contradiction: the one of its two claims judged wrong (null or left out: can't
/// tell).</param>
public sealed record ConfirmInput(string? Note, Guid? WrongClaimId = null);

public sealed record FlagInput(Guid? ClaimId, Guid? RelationId, FlagKind Kind, string? Comment);

public sealed record CloseFlagInput(FlagStatus Outcome, string? Resolution);

public sealed record GroupDecisionInput(
    ReviewState Decision,
    IReadOnlyList<GroupDecisionMember>? Candidates,
    string? Note
);

public sealed record GroupDecided(IReadOnlyList<Guid> Relations);

/// <summary><c>/api/v1/relations</c>, <c>/flags</c>, <c>/candidates</c> and <c>/review/unverified-quotes</c>: the
/// review workflow through the API.</summary>
internal static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this RouteGroupBuilder api)
    {
        var relations = api.MapGroup("/relations").WithTags("Relations");
        relations
            .MapGet("/", ListRelationsAsync)
            .WithName("ListRelations")
            .WithSummary(
                "Relations, of one claim (either side) and/or in one state; oldest first, at most "
                    + $"{ReviewQueueService.ListLimit}"
            );
        relations
            .MapPost("/", ProposeRelationAsync)
            .WithName("ProposeRelation")
            .WithSummary("Propose a relation with a rationale (Editor, Reviewer)")
            .ProducesValidationProblem();
        relations
            .MapPost("/{id:guid}/review", ReviewRelationAsync)
            .WithName("ReviewRelation")
            .WithSummary(
                "Confirm or dismiss (with a note) a relation someone else proposed (Reviewer); with If-Match (the "
                    + "version listed), a relation changed since is refused with 412"
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        var flags = api.MapGroup("/flags").WithTags("Flags");
        flags
            .MapGet("/", ListFlagsAsync)
            .WithName("ListFlags")
            .WithSummary(
                $"Flags, on one claim and/or in one status; oldest first, at most {ReviewQueueService.ListLimit}"
            );
        flags
            .MapPost("/", RaiseFlagAsync)
            .WithName("RaiseFlag")
            .WithSummary("Flag a claim or a relation with a comment (Editor, Reviewer)")
            .ProducesValidationProblem();
        flags
            .MapPost("/{id:guid}/close", CloseFlagAsync)
            .WithName("CloseFlag")
            .WithSummary(
                "Resolve or dismiss a flag with a resolution (Reviewer); with If-Match (the version listed), a flag "
                    + "changed since is refused with 412"
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        var review = api.MapGroup("/review").WithTags("Review queue");
        review
            .MapGet("/unverified-quotes", ListUnverifiedQuotesAsync)
            .WithName("ListUnverifiedQuotes")
            .WithSummary("Quotes not found in the stored text of their source (Editor, Reviewer)")
            .WithDescription(
                "Checks the next citations (those whose source has a snapshot, of claims not retracted) against "
                    + $"their source's newest snapshot, at most {UnverifiedQuoteService.CheckLimit} per request, and "
                    + $"lists those not found, at most {UnverifiedQuoteService.PageSize}; pass nextCursor as cursor to go "
                    + "on. docs/rules/quote-verification.md."
            )
            .ProducesValidationProblem();

        var candidates = api.MapGroup("/candidates").WithTags("Contradiction candidates");
        candidates
            .MapGet("/", ListCandidatesAsync)
            .WithName("ListCandidates")
            .WithSummary(
                "Contradiction candidates the rules found (docs/rules/contradictions.md), on one proposition "
                    + $"and/or in one state; at most {ReviewQueueService.ListLimit}"
            );
        candidates
            .MapPost("/{id:guid}/confirm", ConfirmCandidateAsync)
            .WithName("ConfirmCandidate")
            .WithSummary(
                "Confirm a candidate: it becomes a confirmed relation, whose id is returned (Reviewer); with "
                    + "If-Match (the version listed), a candidate changed since is refused with 412"
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        candidates
            .MapPost("/{id:guid}/dismiss", DismissCandidateAsync)
            .WithName("DismissCandidate")
            .WithSummary(
                "Dismiss a candidate with a reason; it stays dismissed until one of its claims changes (Reviewer); "
                    + "with If-Match, a candidate changed since is refused with 412"
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        candidates
            .MapPost("/groups/{denialId:guid}/decision", DecideCandidateGroupAsync)
            .WithName("DecideCandidateGroup")
            .WithSummary(
                "Confirm or dismiss (with a note) the ticked opposed-stance candidates of one denial, in one "
                    + "transaction (Reviewer)"
            )
            .WithDescription(
                "Each candidate comes with the version listed (GET /api/v1/candidates); a pair changed or decided "
                    + "since refuses the whole decision with 412 and nothing is saved. Pairs not listed stay open. "
                    + "Returns the confirmed relations' ids. docs/rules/contradictions.md, \"Grouped review\"."
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Ok<IReadOnlyList<RelationRow>>> ListRelationsAsync(
        Guid? claim,
        ReviewState? state,
        [FromServices] ReviewQueueService queue,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await queue.RelationsAsync(claim, state, cancellationToken));

    private static async Task<Created<Created>> ProposeRelationAsync(
        RelationInput input,
        [FromServices] ReviewService review,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Created(
            $"/api/v1/relations?claim={input.FromClaimId}",
            new Created(
                await review.ProposeRelationAsync(
                    input.FromClaimId,
                    input.ToClaimId,
                    input.Type,
                    input.Rationale,
                    cancellationToken
                )
            )
        );

    private static async Task<NoContent> ReviewRelationAsync(
        Guid id,
        ReviewInput input,
        HttpRequest request,
        [FromServices] ReviewService review,
        CancellationToken cancellationToken
    )
    {
        await review.ReviewRelationAsync(
            id,
            input.Decision,
            input.Note,
            await Api.DecisionVersionAsync(request),
            input.WrongClaimId,
            cancellationToken
        );
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<FlagRow>>> ListFlagsAsync(
        Guid? claim,
        FlagStatus? status,
        [FromServices] ReviewQueueService queue,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await queue.FlagsAsync(claim, status, cancellationToken));

    private static async Task<Created<Created>> RaiseFlagAsync(
        FlagInput input,
        [FromServices] ReviewService review,
        CancellationToken cancellationToken
    )
    {
        var id = input switch
        {
            { ClaimId: { } claimId, RelationId: null } => await review.FlagClaimAsync(
                claimId,
                input.Kind,
                input.Comment,
                cancellationToken
            ),
            { ClaimId: null, RelationId: { } relationId } => await review.FlagRelationAsync(
                relationId,
                input.Kind,
                input.Comment,
                cancellationToken
            ),
            _ => throw new Domain.Common.DomainValidationException(
                "ClaimId",
                "Flag either a claim (claimId) or a relation (relationId)."
            ),
        };
        return TypedResults.Created($"/api/v1/flags?status=Open", new Created(id));
    }

    private static async Task<NoContent> CloseFlagAsync(
        Guid id,
        CloseFlagInput input,
        HttpRequest request,
        [FromServices] ReviewService review,
        CancellationToken cancellationToken
    )
    {
        await review.CloseFlagAsync(
            id,
            input.Outcome,
            input.Resolution,
            await Api.DecisionVersionAsync(request),
            cancellationToken
        );
        return TypedResults.NoContent();
    }

    private static async Task<Ok<UnverifiedQuotePage>> ListUnverifiedQuotesAsync(
        string? cursor,
        [FromServices] UnverifiedQuoteService quotes,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await quotes.ListAsync(cursor, cancellationToken));

    private static async Task<Ok<IReadOnlyList<CandidateRow>>> ListCandidatesAsync(
        Guid? proposition,
        CandidateState? state,
        [FromServices] ReviewQueueService queue,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await queue.CandidatesAsync(proposition, state, cancellationToken));

    private static async Task<Ok<Created>> ConfirmCandidateAsync(
        Guid id,
        ConfirmInput input,
        HttpRequest request,
        [FromServices] ReviewService review,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            new Created(
                await review.ConfirmCandidateAsync(
                    id,
                    input.Note,
                    await Api.DecisionVersionAsync(request),
                    input.WrongClaimId,
                    cancellationToken
                )
            )
        );

    private static async Task<NoContent> DismissCandidateAsync(
        Guid id,
        ReasonInput input,
        HttpRequest request,
        [FromServices] ReviewService review,
        CancellationToken cancellationToken
    )
    {
        await review.DismissCandidateAsync(
            id,
            input.Reason,
            await Api.DecisionVersionAsync(request),
            cancellationToken
        );
        return TypedResults.NoContent();
    }

    private static async Task<Ok<GroupDecided>> DecideCandidateGroupAsync(
        Guid denialId,
        GroupDecisionInput input,
        HttpRequest request,
        [FromServices] ReviewService review,
        CancellationToken cancellationToken
    )
    {
        // The role first, as for every decision; the versions travel in the body, one per pair.
        if (await Api.DecisionVersionAsync(request) is not null)
        {
            throw new Domain.Common.DomainValidationException(
                "If-Match",
                "A group has no one version: give each candidate's version in the body (candidates[].version)."
            );
        }

        return TypedResults.Ok(
            new GroupDecided(
                await review.DecideCandidateGroupAsync(
                    denialId,
                    input.Decision,
                    input.Candidates,
                    input.Note,
                    cancellationToken
                )
            )
        );
    }
}
