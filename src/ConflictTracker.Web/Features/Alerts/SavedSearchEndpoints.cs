using ConflictTracker.Web.Data;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Created = ConflictTracker.Web.Features.Shared.Created;

namespace ConflictTracker.Web.Features.Alerts;

/// <summary>What a client sends to save or change a search; <see cref="Query"/> is the explorer's address or its query
/// string.</summary>
public sealed record SavedSearchInput(string? Name, string? Query, bool? Notify);

/// <summary><c>/api/v1/saved-searches</c>: the token owner's saved searches, and each one's Atom feed. Someone else's
/// search answers 404, as if it did not exist.</summary>
internal static class SavedSearchEndpoints
{
    public const int FeedSize = 50;

    public static void MapSavedSearchEndpoints(this RouteGroupBuilder api)
    {
        var searches = api.MapGroup("/saved-searches").WithTags("Saved searches");
        searches.MapGet("/", ListAsync).WithName("ListSavedSearches").WithSummary("Your saved searches");
        searches
            .MapGet("/{id:guid}", GetAsync)
            .WithName("GetSavedSearch")
            .WithSummary("One of your saved searches; the ETag is its version")
            .Reads<SavedSearchView>();
        searches
            .MapPost("/", CreateAsync)
            .WithName("CreateSavedSearch")
            .WithSummary("Save a search under a name (unique among yours)")
            .ProducesValidationProblem();
        searches
            .MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateSavedSearch")
            .WithSummary("Rename a saved search, change its query or whether it notifies; needs If-Match")
            .Updates()
            .RequiresEveryField<SavedSearchInput>();
        searches
            .MapGet("/{id:guid}/feed", FeedAsync)
            .WithName("SavedSearchFeed")
            .WithSummary($"The search's newest {FeedSize} matching claims as an Atom 1.0 feed")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IReadOnlyList<SavedSearchView>>> ListAsync(
        [FromServices] SavedSearchService searches,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await searches.ListAsync(cancellationToken));

    private static async Task<Results<Ok<SavedSearchView>, ProblemHttpResult>> GetAsync(
        Guid id,
        HttpResponse response,
        [FromServices] SavedSearchService searches,
        CancellationToken cancellationToken
    ) => RecordEndpoint.Read(await searches.GetAsync(id, cancellationToken), "saved search", s => s.Version, response);

    private static async Task<CreatedAtRoute<Created>> CreateAsync(
        SavedSearchInput input,
        [FromServices] SavedSearchService searches,
        CancellationToken cancellationToken
    )
    {
        var id = await searches.CreateAsync(input.Name, input.Query, input.Notify ?? true, cancellationToken);
        return TypedResults.CreatedAtRoute(new Created(id), "GetSavedSearch", new { id });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateAsync(
        Guid id,
        SavedSearchInput input,
        HttpContext http,
        [FromServices] SavedSearchService searches,
        CancellationToken cancellationToken
    )
    {
        if (await searches.GetAsync(id, cancellationToken) is not { } current)
        {
            return Api.NotFound("saved search");
        }

        if (Api.IfMatch(http.Request) is not { } version)
        {
            return Api.PreconditionRequired();
        }

        await FullUpdates.RequireEveryFieldAsync<SavedSearchInput>(http, cancellationToken);
        // The version this save wrote: a re-read could find the search already removed by another request.
        var saved = await searches.ChangeAsync(
            id,
            version,
            input.Name,
            input.Query,
            input.Notify ?? current.Notify,
            cancellationToken
        );
        http.Response.Headers.ETag = Api.ETag(saved);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> FeedAsync(
        Guid id,
        HttpRequest request,
        [FromServices] SavedSearchService searches,
        [FromServices] ClaimSearchService claims,
        [FromServices] IDbContextFactory<AppDbContext> contextFactory,
        CancellationToken cancellationToken
    )
    {
        if (await searches.GetAsync(id, cancellationToken) is not { } search)
        {
            return Api.NotFound("saved search");
        }

        var page = await claims.SearchAsync(
            SavedQuery.Read(search.Query) with
            {
                Sort = ClaimSort.RecentlyRecorded,
                PageSize = FeedSize,
            },
            cancellationToken
        );
        var ids = page.Items.Select(i => i.Id).ToList();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var recorded = await db
            .Claims.Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.RecordedAt, cancellationToken);
        var app = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        var xml = AtomFeed.Write(search, page.Items.Select(i => new AtomFeed.Entry(i, recorded[i.Id])).ToList(), app);
        return Results.Text(xml, AtomFeed.ContentType);
    }
}
