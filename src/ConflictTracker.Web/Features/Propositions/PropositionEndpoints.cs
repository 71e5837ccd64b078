using ConflictTracker.Domain.Propositions;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Hosting;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Lookups;
using ConflictTracker.Web.Features.Review;
using Microsoft.AspNetCore.Mvc;

namespace ConflictTracker.Web.Features.Propositions;

public sealed record AssessmentInput(Assessment Assessment, string? Rationale);

public sealed record MeasureInput(string? Name, string? Unit);

/// <summary><c>/api/v1/propositions</c>: list with counts by stance, read with support and corroboration, create, change, assess.</summary>
internal static class PropositionEndpoints
{
    public static void MapPropositionEndpoints(this RouteGroupBuilder api)
    {
        var propositions = api.MapGroup("/propositions").WithTags("Propositions");
        propositions.MapGet("/", async ([FromServices] PropositionListService list, CancellationToken ct) => TypedResults.Ok(await list.PropositionsAsync(ct)))
            .WithName("ListPropositions").WithSummary("Every proposition with its claims counted by stance");
        propositions.MapGet("/{id:guid}", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<PropositionDetails>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (Guid id, HttpResponse response, [FromServices] PropositionDetailsService details, CancellationToken ct) =>
                {
                    if (await details.GetAsync(id, ct) is not { } proposition)
                    {
                        return (Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult)Api.NotFound("proposition");
                    }

                    response.Headers.ETag = Api.ETag(proposition.Version);
                    return TypedResults.Ok(proposition);
                })
            .WithName("GetProposition").WithSummary("One proposition: support by stance (claims, reports, independent origins, corroboration score), confirmed contradictions, estimates; the ETag is its version")
            .Reads<PropositionDetails>();
        propositions.MapPost("/", async (PropositionInput input, [FromServices] PropositionEditorService editor) =>
            {
                var id = await editor.SavePropositionAsync(null, 0, input);
                return TypedResults.CreatedAtRoute(new Created(id), "GetProposition", new { id });
            })
            .WithName("CreateProposition").WithSummary("Create a proposition (Editor)").ProducesValidationProblem();
        propositions.MapPut("/{id:guid}", (Guid id, PropositionInput input, HttpContext http, [FromServices] PropositionEditorService editor, [FromServices] LookupService lookups, CancellationToken ct) =>
                RecordEndpoint.ReplaceAsync<PropositionInput>(RecordKind.Proposition, id, http, lookups, version => editor.SavePropositionAsync(id, version, input), ct))
            .WithName("UpdateProposition").WithSummary("Change a proposition's statement or description (Editor); needs If-Match").Updates().RequiresEveryField<PropositionInput>();
        propositions.MapPost("/{id:guid}/measures", async (Guid id, MeasureInput input, [FromServices] PropositionEditorService editor) =>
            {
                await editor.AddMeasureAsync(id, input.Name, input.Unit);
                return TypedResults.NoContent();
            })
            .WithName("AddMeasure").WithSummary("Add a measure figures can count (Editor)").ProducesValidationProblem();
        propositions.MapPost("/{id:guid}/assessment", async (Guid id, AssessmentInput input, HttpRequest request, [FromServices] ReviewService review) =>
            {
                await review.AssessPropositionAsync(id, input.Assessment, input.Rationale, await Api.DecisionVersionAsync(request));
                return TypedResults.NoContent();
            })
            .WithName("AssessProposition").WithSummary("Set the assessment with a rationale (Reviewer); with If-Match, a proposition changed since is refused with 412").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }
}
