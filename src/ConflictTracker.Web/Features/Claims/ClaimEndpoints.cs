using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Created = ConflictTracker.Web.Features.Shared.Created;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>A page of claims from <c>GET /api/v1/claims</c>; pass <see cref="NextCursor"/> as <c>cursor</c> for the
/// next page.</summary>
/// <param name="TotalIsLowerBound">True when more claims match than <paramref name="Total"/>: counting stops at
/// 1,000.</param>
/// <param name="ReadAs">How <c>q</c> was read: figures, stances, the actors a fuzzy name match stood in for the typed
/// word, synonyms (docs/rules/search.md).</param>
public sealed record ClaimSearchResult(
    IReadOnlyList<ClaimListItem> Items,
    int Total,
    string? NextCursor,
    string? PreviousCursor,
    bool TotalIsLowerBound,
    SearchReading ReadAs
);

/// <summary><c>/api/v1/claims</c>: search with every filter of the claims explorer, read, enter, change, retract and
/// restore.</summary>
internal static class ClaimEndpoints
{
    public static void MapClaimEndpoints(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup("/claims").WithTags("Claims");
        claims
            .MapGet("/", SearchAsync)
            .WithName("SearchClaims")
            .WithSummary("Search claims")
            .WithDescription(
                "The parameters of the claims explorer's address; a value the parameter does not list is refused with 400. Matches are counted up to 1,000 (totalIsLowerBound says there are more)."
            )
            .WithClaimQueryParameters(paged: true)
            .ProducesValidationProblem();
        claims
            .MapGet("/{id:guid}", GetAsync)
            .WithName("GetClaim")
            .WithSummary("One claim with its sources, relations and open flags; the ETag is its version");
        claims
            .MapPost("/", CreateAsync)
            .WithName("CreateClaim")
            .WithSummary("Enter a sourced statement (Editor)")
            .ProducesValidationProblem();
        claims
            .MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateClaim")
            .WithSummary("Change a claim (Editor); needs If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .RequiresEveryField<StatementInput>(StatementInput.CreationOnly);
        claims
            .MapPost("/{id:guid}/retract", RetractAsync)
            .WithName("RetractClaim")
            .WithSummary("Retract a claim with a reason (Editor); needs If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        claims
            .MapPost("/{id:guid}/restore", RestoreAsync)
            .WithName("RestoreClaim")
            .WithSummary("Restore a retracted claim (Editor); needs If-Match")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Ok<ClaimSearchResult>> SearchAsync(
        HttpRequest request,
        [FromServices] ClaimSearchService search,
        CancellationToken cancellationToken
    )
    {
        var page = await search.SearchAsync(ClaimQueryString.FromQuery(request.Query), cancellationToken);
        return TypedResults.Ok(
            new ClaimSearchResult(
                page.Items,
                page.Total,
                page.NextCursor,
                page.PreviousCursor,
                page.TotalIsLowerBound,
                page.Reading
            )
        );
    }

    private static async Task<Results<Ok<ClaimDetails>, ProblemHttpResult>> GetAsync(
        Guid id,
        HttpResponse response,
        [FromServices] ClaimDetailsService claims,
        CancellationToken cancellationToken
    ) => RecordEndpoint.Read(await claims.GetAsync(id, cancellationToken), "claim", claim => claim.Version, response);

    private static async Task<CreatedAtRoute<Created>> CreateAsync(
        StatementInput input,
        [FromServices] StatementEditorService editor,
        CancellationToken cancellationToken
    )
    {
        var id = await editor.CreateAsync(input, cancellationToken);
        return TypedResults.CreatedAtRoute(new Created(id), "GetClaim", new { id });
    }

    private static Task<IResult> UpdateAsync(
        Guid id,
        StatementInput input,
        HttpContext http,
        [FromServices] StatementEditorService editor,
        CancellationToken cancellationToken
    ) =>
        WithVersionAsync(
            id,
            http,
            editor,
            async version =>
            {
                await FullUpdates.RequireEveryFieldAsync<StatementInput>(
                    http,
                    cancellationToken,
                    StatementInput.CreationOnly
                );
                await editor.UpdateAsync(id, version, input, cancellationToken);
            },
            cancellationToken
        );

    private static Task<IResult> RetractAsync(
        Guid id,
        ReasonInput input,
        HttpContext http,
        [FromServices] StatementEditorService editor,
        CancellationToken cancellationToken
    ) =>
        WithVersionAsync(
            id,
            http,
            editor,
            version => editor.RetractAsync(id, version, input.Reason, cancellationToken),
            cancellationToken
        );

    private static Task<IResult> RestoreAsync(
        Guid id,
        HttpContext http,
        [FromServices] StatementEditorService editor,
        CancellationToken cancellationToken
    ) =>
        WithVersionAsync(
            id,
            http,
            editor,
            version => editor.RestoreAsync(id, version, cancellationToken),
            cancellationToken
        );

    /// <summary>Runs a change at the version the client read (If-Match), then answers 204 with the new ETag.</summary>
    /// <remarks>
    /// Returned as <see cref="IResult"/>: a typed <c>Results&lt;NoContent, ProblemHttpResult&gt;</c> would add a 204
    /// response to the OpenAPI document, which does not list one for these operations.
    /// </remarks>
    private static async Task<IResult> WithVersionAsync(
        Guid id,
        HttpContext http,
        StatementEditorService editor,
        Func<uint, Task> change,
        CancellationToken cancellationToken
    )
    {
        // The role first (LoadAsync demands it), then whether the claim exists, then the version.
        if (await editor.LoadAsync(id, cancellationToken) is null)
        {
            return Api.NotFound("claim");
        }

        if (Api.IfMatch(http.Request) is not { } version)
        {
            return Api.PreconditionRequired();
        }

        await change(version);
        var (_, current) = (await editor.LoadAsync(id, cancellationToken))!.Value;
        http.Response.Headers.ETag = Api.ETag(current);
        return TypedResults.NoContent();
    }
}
