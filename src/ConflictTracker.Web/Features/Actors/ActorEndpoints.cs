using ConflictTracker.Web.Features.Lookups;
using ConflictTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Created = ConflictTracker.Web.Features.Shared.Created;

namespace ConflictTracker.Web.Features.Actors;

/// <summary><c>/api/v1/actors</c>: find by name or alias in any script, read, create and change.</summary>
internal static class ActorEndpoints
{
    public static void MapActorEndpoints(this RouteGroupBuilder api)
    {
        var actors = api.MapGroup("/actors").WithTags("Actors");
        actors
            .MapGet("/", FindAsync)
            .WithName("FindActors")
            .WithSummary(
                $"Actors whose name or alias matches q (trigram similarity, any script), at most {LookupService.Limit}"
            );
        actors
            .MapGet("/{id:guid}", GetAsync)
            .WithName("GetActor")
            .WithSummary("One actor with aliases, affiliations and claims; the ETag is its version")
            .Reads<ActorDetails>();
        actors
            .MapPost("/", CreateAsync)
            .WithName("CreateActor")
            .WithSummary("Create an actor (Editor)")
            .ProducesValidationProblem();
        actors
            .MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateActor")
            .WithSummary("Change an actor (Editor); needs If-Match")
            .Updates()
            .RequiresEveryField<ActorInput>();
    }

    private static async Task<Ok<IReadOnlyList<LookupItem>>> FindAsync(
        string? q,
        [FromServices] LookupService lookups,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await lookups.ActorsAsync(q, cancellationToken));

    private static async Task<Results<Ok<ActorDetails>, ProblemHttpResult>> GetAsync(
        Guid id,
        HttpResponse response,
        [FromServices] ActorDetailsService details,
        CancellationToken cancellationToken
    ) => RecordEndpoint.Read(await details.GetAsync(id, cancellationToken), "actor", actor => actor.Version, response);

    private static async Task<CreatedAtRoute<Created>> CreateAsync(
        ActorInput input,
        [FromServices] ActorEditorService editor,
        CancellationToken cancellationToken
    )
    {
        var id = await editor.SaveActorAsync(null, 0, input, cancellationToken);
        return TypedResults.CreatedAtRoute(new Created(id), "GetActor", new { id });
    }

    private static Task<Results<NoContent, ProblemHttpResult>> UpdateAsync(
        Guid id,
        ActorInput input,
        HttpContext http,
        [FromServices] ActorEditorService editor,
        [FromServices] LookupService lookups,
        CancellationToken cancellationToken
    ) =>
        RecordEndpoint.ReplaceAsync<ActorInput>(
            RecordKind.Actor,
            id,
            http,
            lookups,
            version => editor.SaveActorAsync(id, version, input, cancellationToken),
            cancellationToken
        );
}
