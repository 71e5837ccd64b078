using ConflictTracker.Domain.Propositions;
using ConflictTracker.Web.Features.Lookups;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Created = ConflictTracker.Web.Features.Shared.Created;

namespace ConflictTracker.Web.Features.Propositions;

public sealed record AssessmentInput(Assessment Assessment, string? Rationale);

public sealed record MeasureInput(string? Name, string? Unit);

/// <summary><c>/api/v1/propositions</c>: list with counts by stance, read with support and corroboration, create,
/// change, assess.</summary>
internal static class PropositionEndpoints
{
    public static void MapPropositionEndpoints(this RouteGroupBuilder api)
    {
        var propositions = api.MapGroup("/propositions").WithTags("Propositions");
        propositions
            .MapGet("/", ListAsync)
            .WithName("ListPropositions")
            .WithSummary("Every proposition with its claims counted by stance");
        propositions
            .MapGet("/{id:guid}", GetAsync)
            .WithName("GetProposition")
            .WithSummary(
                "One proposition: support by stance (claims, reports, independent origins, corroboration score), confirmed contradictions, estimates; the ETag is its version"
            )
            .Reads<PropositionDetails>();
        propositions
            .MapPost("/", CreateAsync)
            .WithName("CreateProposition")
            .WithSummary("Create a proposition (Editor)")
            .ProducesValidationProblem();
        propositions
            .MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateProposition")
            .WithSummary("Change a proposition's statement or description (Editor); needs If-Match")
            .Updates()
            .RequiresEveryField<PropositionInput>();
        propositions
            .MapPost("/{id:guid}/measures", AddMeasureAsync)
            .WithName("AddMeasure")
            .WithSummary("Add a measure figures can count (Editor)")
            .ProducesValidationProblem();
        propositions
            .MapPost("/{id:guid}/assessment", AssessAsync)
            .WithName("AssessProposition")
            .WithSummary(
                "Set the assessment with a rationale (Reviewer); with If-Match, a proposition changed since is refused with 412"
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Ok<IReadOnlyList<DisputedProposition>>> ListAsync(
        [FromServices] PropositionListService list,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await list.PropositionsAsync(cancellationToken));

    private static async Task<Results<Ok<PropositionDetails>, ProblemHttpResult>> GetAsync(
        Guid id,
        HttpResponse response,
        [FromServices] PropositionDetailsService details,
        CancellationToken cancellationToken
    ) =>
        RecordEndpoint.Read(
            await details.GetAsync(id, cancellationToken),
            "proposition",
            proposition => proposition.Version,
            response
        );

    private static async Task<CreatedAtRoute<Created>> CreateAsync(
        PropositionInput input,
        [FromServices] PropositionEditorService editor,
        CancellationToken cancellationToken
    )
    {
        var id = await editor.SavePropositionAsync(null, 0, input, cancellationToken);
        return TypedResults.CreatedAtRoute(new Created(id), "GetProposition", new { id });
    }

    private static Task<Results<NoContent, ProblemHttpResult>> UpdateAsync(
        Guid id,
        PropositionInput input,
        HttpContext http,
        [FromServices] PropositionEditorService editor,
        [FromServices] LookupService lookups,
        CancellationToken cancellationToken
    ) =>
        RecordEndpoint.ReplaceAsync<PropositionInput>(
            RecordKind.Proposition,
            id,
            http,
            lookups,
            version => editor.SavePropositionAsync(id, version, input, cancellationToken),
            cancellationToken
        );

    private static async Task<NoContent> AddMeasureAsync(
        Guid id,
        MeasureInput input,
        [FromServices] PropositionEditorService editor,
        CancellationToken cancellationToken
    )
    {
        await editor.AddMeasureAsync(id, input.Name, input.Unit, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> AssessAsync(
        Guid id,
        AssessmentInput input,
        HttpRequest request,
        [FromServices] ReviewService review,
        CancellationToken cancellationToken
    )
    {
        await review.AssessPropositionAsync(
            id,
            input.Assessment,
            input.Rationale,
            await Api.DecisionVersionAsync(request),
            cancellationToken
        );
        return TypedResults.NoContent();
    }
}
