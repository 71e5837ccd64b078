using ConflictTracker.Domain.Claims;
using ConflictTracker.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace ConflictTracker.Web.Features.Claims;

public sealed record NewCitation(Guid ClaimId, Guid? SourceId, CitationRole Role, Guid? DerivedFromId, string? Quote, string? Locator);

/// <summary><c>/api/v1/citations</c>: a claim's chain of sources, and adding to it (Editor; needs the claim's If-Match).</summary>
internal static class CitationEndpoints
{
    public static void MapCitationEndpoints(this RouteGroupBuilder api)
    {
        var citations = api.MapGroup("/citations").WithTags("Citations");
        citations.MapGet("/", async (Guid claim, [FromServices] ClaimDetailsService claims, CancellationToken ct) =>
                await claims.GetAsync(claim, ct) is { } details
                    ? Results.Ok(details.Citations)
                    : Api.NotFound("claim"))
            .WithName("ListCitations").WithSummary("The chain of sources of one claim (claim=id), origin first, with depth and effective reliability")
            .Produces<IReadOnlyList<CitationView>>().ProducesProblem(StatusCodes.Status404NotFound);
        citations.MapPost("/", async (NewCitation input, HttpContext http, [FromServices] StatementEditorService editor) =>
            {
                if (await editor.LoadAsync(input.ClaimId) is null)
                {
                    return Api.NotFound("claim");
                }

                if (Api.IfMatch(http.Request) is not { } version)
                {
                    return Api.PreconditionRequired();
                }

                var current = await editor.AddCitationAsync(input.ClaimId, version, new CitationInput(input.SourceId, input.Role, input.DerivedFromId, input.Quote, input.Locator));
                http.Response.Headers.ETag = Api.ETag(current);
                return Results.Created($"/api/v1/citations?claim={input.ClaimId}", null);
            })
            .WithName("AddCitation").WithSummary("Cite a source for a claim (Editor); If-Match carries the claim's ETag, the answer's ETag is its new version").Updates();
    }
}
