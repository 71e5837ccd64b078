using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Hosting;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Lookups;
using Microsoft.AspNetCore.Mvc;

namespace ConflictTracker.Web.Features.Sources;

/// <summary><c>/api/v1/sources</c>: find by title, read, create, change, retract and restore.</summary>
internal static class SourceEndpoints
{
    public static void MapSourceEndpoints(this RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/sources").WithTags("Sources");
        sources.MapGet("/", async (string? q, [FromServices] LookupService lookups, CancellationToken ct) => TypedResults.Ok(await lookups.SourcesAsync(q, ct)))
            .WithName("FindSources").WithSummary($"Sources whose title matches q, at most {LookupService.Limit}");
        sources.MapGet("/{id:guid}", (Guid id, HttpResponse response, [FromServices] SourceDetailsService details, [FromServices] LookupService lookups, CancellationToken ct) =>
                RecordEndpoint.ReadAsync(RecordKind.Source, id, response, lookups, () => details.GetAsync(id, ct), ct))
            .WithName("GetSource").WithSummary("One source with its effective reliability and every claim citing it; the ETag is its version").Reads<SourceDetails>();
        sources.MapPost("/", async (SourceInput input, [FromServices] SourceEditorService editor) =>
            {
                var id = await editor.SaveSourceAsync(null, 0, input);
                return TypedResults.CreatedAtRoute(new Created(id), "GetSource", new { id });
            })
            .WithName("CreateSource").WithSummary("Create a source (Editor)").ProducesValidationProblem();
        sources.MapPut("/{id:guid}", (Guid id, SourceInput input, HttpContext http, [FromServices] SourceEditorService editor, [FromServices] LookupService lookups, CancellationToken ct) =>
                RecordEndpoint.ReplaceAsync<SourceInput>(RecordKind.Source, id, http, lookups, version => editor.SaveSourceAsync(id, version, input), ct))
            .WithName("UpdateSource").WithSummary("Change a source (Editor); needs If-Match").Updates().RequiresEveryField<SourceInput>();
        sources.MapPost("/{id:guid}/retract", (Guid id, ReasonInput input, HttpContext http, [FromServices] SourceEditorService editor, [FromServices] LookupService lookups, CancellationToken ct) =>
                RecordEndpoint.UpdateAsync(RecordKind.Source, id, http, lookups, version => editor.RetractSourceAsync(id, version, input.Reason), ct))
            .WithName("RetractSource").WithSummary("Retract a source with a reason (Editor); needs If-Match").Updates();
    }
}
