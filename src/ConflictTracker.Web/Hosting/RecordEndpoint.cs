using ConflictTracker.Web.Features.Lookups;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConflictTracker.Web.Hosting;

/// <summary>What the record endpoints share: reading with an ETag, and updating at the version read.</summary>
internal static class RecordEndpoint
{
    /// <summary>A record with its version as the ETag, or 404 when there is none.</summary>
    public static Results<Ok<T>, ProblemHttpResult> Read<T>(
        T? record,
        string what,
        Func<T, uint> version,
        HttpResponse response
    )
        where T : class
    {
        if (record is null)
        {
            return Api.NotFound(what);
        }

        response.Headers.ETag = Api.ETag(version(record));
        return TypedResults.Ok(record);
    }

    /// <summary>Changes need the Edit policy (checked first: a reader gets 403, not 428), an existing record and the
    /// version read.</summary>
    public static Task<Results<NoContent, ProblemHttpResult>> UpdateAsync(
        RecordKind kind,
        Guid id,
        HttpContext http,
        LookupService lookups,
        Func<uint, Task> save,
        CancellationToken cancellationToken
    ) => ChangeAsync(kind, id, http, lookups, save, checkBody: null, cancellationToken);

    /// <summary>A PUT: like <see cref="UpdateAsync"/>, and the body must carry every field of <typeparamref
    /// name="TInput"/> (<see cref="FullUpdates"/>).</summary>
    public static Task<Results<NoContent, ProblemHttpResult>> ReplaceAsync<TInput>(
        RecordKind kind,
        Guid id,
        HttpContext http,
        LookupService lookups,
        Func<uint, Task> save,
        CancellationToken cancellationToken
    ) =>
        ChangeAsync(
            kind,
            id,
            http,
            lookups,
            save,
            () => FullUpdates.RequireEveryFieldAsync<TInput>(http, cancellationToken),
            cancellationToken
        );

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeAsync(
        RecordKind kind,
        Guid id,
        HttpContext http,
        LookupService lookups,
        Func<uint, Task> save,
        Func<Task>? checkBody,
        CancellationToken cancellationToken
    )
    {
        await http
            .RequestServices.GetRequiredService<Security.IAccess>()
            .DemandAsync(Security.Policies.Edit, $"change {kind.ToString().ToLowerInvariant()}s");
        if (await lookups.VersionAsync(kind, id, cancellationToken) is null)
        {
            return Api.NotFound(kind.ToString().ToLowerInvariant());
        }

        if (Api.IfMatch(http.Request) is not { } version)
        {
            return Api.PreconditionRequired();
        }

        if (checkBody is not null)
        {
            await checkBody();
        }

        await save(version);
        http.Response.Headers.ETag = Api.ETag((await lookups.VersionAsync(kind, id, cancellationToken))!.Value);
        return TypedResults.NoContent();
    }

    public static RouteHandlerBuilder Updates(this RouteHandlerBuilder builder) =>
        builder
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder builder) =>
        builder.Produces<T>().ProducesProblem(StatusCodes.Status404NotFound);
}
