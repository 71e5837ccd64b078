using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Hosting;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Lookups;
using Microsoft.AspNetCore.Mvc;

namespace ConflictTracker.Web.Features.Actors;

/// <summary><c>/api/v1/actors</c>: find by name or alias in any script, read, create and change.</summary>
internal static class ActorEndpoints
{
    public static void MapActorEndpoints(this RouteGroupBuilder api)
    {
        var actors = api.MapGroup("/actors").WithTags("Actors");
        actors.MapGet("/", async (string? q, [FromServices] LookupService lookups, CancellationToken ct) => TypedResults.Ok(await lookups.ActorsAsync(q, ct)))
            .WithName("FindActors").WithSummary($"Actors whose name or alias matches q (trigram similarity, any script), at most {LookupService.Limit}");
        actors.MapGet("/{id:guid}", (Guid id, HttpResponse response, [FromServices] ActorDetailsService details, [FromServices] LookupService lookups, CancellationToken ct) =>
                RecordEndpoint.ReadAsync(RecordKind.Actor, id, response, lookups, () => details.GetAsync(id, ct), ct))
            .WithName("GetActor").WithSummary("One actor with aliases, affiliations and claims; the ETag is its version").Reads<ActorDetails>();
        actors.MapPost("/", async (ActorInput input, [FromServices] ActorEditorService editor) =>
            {
                var id = await editor.SaveActorAsync(null, 0, input);
                return TypedResults.CreatedAtRoute(new Created(id), "GetActor", new { id });
            })
            .WithName("CreateActor").WithSummary("Create an actor (Editor)").ProducesValidationProblem();
        actors.MapPut("/{id:guid}", (Guid id, ActorInput input, HttpContext http, [FromServices] ActorEditorService editor, [FromServices] LookupService lookups, CancellationToken ct) =>
                RecordEndpoint.ReplaceAsync<ActorInput>(RecordKind.Actor, id, http, lookups, version => editor.SaveActorAsync(id, version, input), ct))
            .WithName("UpdateActor").WithSummary("Change an actor (Editor); needs If-Match").Updates().RequiresEveryField<ActorInput>();
    }
}
