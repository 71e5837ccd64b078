using ConflictTracker.Web.Features.Lookups;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Created = ConflictTracker.Web.Features.Shared.Created;

namespace ConflictTracker.Web.Features.Sources;

/// <summary><c>/api/v1/sources</c>: find by title, read, create, change, retract and restore.</summary>
internal static class SourceEndpoints
{
    public static void MapSourceEndpoints(this RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/sources").WithTags("Sources");
        sources
            .MapGet("/", FindAsync)
            .WithName("FindSources")
            .WithSummary($"Sources whose title matches q, at most {LookupService.Limit}");
        sources
            .MapGet("/{id:guid}", GetAsync)
            .WithName("GetSource")
            .WithSummary("One source with its effective reliability and every claim citing it; the ETag is its version")
            .Reads<SourceDetails>();
        sources
            .MapPost("/", CreateAsync)
            .WithName("CreateSource")
            .WithSummary("Create a source (Editor)")
            .ProducesValidationProblem();
        sources
            .MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateSource")
            .WithSummary("Change a source (Editor); needs If-Match")
            .Updates()
            .RequiresEveryField<SourceInput>();
        sources
            .MapPost("/{id:guid}/retract", RetractAsync)
            .WithName("RetractSource")
            .WithSummary("Retract a source with a reason (Editor); needs If-Match")
            .Updates();
    }

    private static async Task<Ok<IReadOnlyList<LookupItem>>> FindAsync(
        string? q,
        [FromServices] LookupService lookups,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await lookups.SourcesAsync(q, cancellationToken));

    private static async Task<Results<Ok<SourceDetails>, ProblemHttpResult>> GetAsync(
        Guid id,
        HttpResponse response,
        [FromServices] SourceDetailsService details,
        CancellationToken cancellationToken
    ) =>
        RecordEndpoint.Read(
            await details.GetAsync(id, cancellationToken),
            "source",
            source => source.Version,
            response
        );

    private static async Task<CreatedAtRoute<Created>> CreateAsync(
        SourceInput input,
        [FromServices] SourceEditorService editor,
        CancellationToken cancellationToken
    )
    {
        var id = await editor.SaveSourceAsync(null, 0, input, cancellationToken);
        return TypedResults.CreatedAtRoute(new Created(id), "GetSource", new { id });
    }

    private static Task<Results<NoContent, ProblemHttpResult>> UpdateAsync(
        Guid id,
        SourceInput input,
        HttpContext http,
        [FromServices] SourceEditorService editor,
        [FromServices] LookupService lookups,
        CancellationToken cancellationToken
    ) =>
        RecordEndpoint.ReplaceAsync<SourceInput>(
            RecordKind.Source,
            id,
            http,
            lookups,
            version => editor.SaveSourceAsync(id, version, input, cancellationToken),
            cancellationToken
        );

    private static Task<Results<NoContent, ProblemHttpResult>> RetractAsync(
        Guid id,
        ReasonInput input,
        HttpContext http,
        [FromServices] SourceEditorService editor,
        [FromServices] LookupService lookups,
        CancellationToken cancellationToken
    ) =>
        RecordEndpoint.UpdateAsync(
            RecordKind.Source,
            id,
            http,
            lookups,
            version => editor.RetractSourceAsync(id, version, input.Reason, cancellationToken),
            cancellationToken
        );
}
