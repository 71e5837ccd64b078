using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ConflictTracker.Web.Features.Claims;

public sealed record NewCitation(
    Guid ClaimId,
    Guid? SourceId,
    CitationRole Role,
    Guid? DerivedFromId,
    string? Quote,
    string? Locator
);

/// <summary><c>/api/v1/citations</c>: a claim's chain of sources, and adding to it (Editor; needs the claim's
/// If-Match).</summary>
internal static class CitationEndpoints
{
    public static void MapCitationEndpoints(this RouteGroupBuilder api)
    {
        var citations = api.MapGroup("/citations").WithTags("Citations");
        citations
            .MapGet("/", ListAsync)
            .WithName("ListCitations")
            .WithSummary(
                "The chain of sources of one claim (claim=id), origin first, with depth and effective reliability"
            )
            .Produces<IReadOnlyList<CitationView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        citations
            .MapPost("/", AddAsync)
            .WithName("AddCitation")
            .WithSummary(
                "Cite a source for a claim (Editor); If-Match carries the claim's ETag, the answer's ETag is its new version"
            )
            .Updates();
    }

    private static async Task<Results<Ok<IReadOnlyList<CitationView>>, ProblemHttpResult>> ListAsync(
        Guid claim,
        [FromServices] ClaimDetailsService claims,
        CancellationToken cancellationToken
    ) =>
        await claims.GetAsync(claim, cancellationToken) is { } details
            ? TypedResults.Ok(details.Citations)
            : Api.NotFound("claim");

    /// <remarks>
    /// Answers 201 with the claim's new version as the ETag. Returned as <see cref="IResult"/>: the
    /// typed union would add a 201 response to the OpenAPI document, which lists this operation's answers through
    /// <c>Updates()</c>.
    /// </remarks>
    private static async Task<IResult> AddAsync(
        NewCitation input,
        HttpContext http,
        [FromServices] StatementEditorService editor,
        CancellationToken cancellationToken
    )
    {
        if (await editor.LoadAsync(input.ClaimId, cancellationToken) is null)
        {
            return Api.NotFound("claim");
        }

        if (Api.IfMatch(http.Request) is not { } version)
        {
            return Api.PreconditionRequired();
        }

        var current = await editor.AddCitationAsync(
            input.ClaimId,
            version,
            new CitationInput(input.SourceId, input.Role, input.DerivedFromId, input.Quote, input.Locator),
            cancellationToken
        );
        http.Response.Headers.ETag = Api.ETag(current);
        return TypedResults.Created($"/api/v1/citations?claim={input.ClaimId}");
    }
}
