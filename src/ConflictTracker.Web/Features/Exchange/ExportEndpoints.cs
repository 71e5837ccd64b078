using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>
/// Exports: any filtered claim set (the claims explorer's parameters) as CSV, JSON, XLSX or ClaimReview
/// JSON-LD, and the whole database as JSON or, with the evidence files, as a tar (Admin). Mapped under
/// <c>/api/v1/export</c> for tokens and under <c>/export</c> for signed-in browsers (the explorer's download
/// links).
/// </summary>
internal static class ExportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="namePrefix">Endpoint names are unique: the browser's copies are named with a prefix.</param>
    public static void MapExportEndpoints(this RouteGroupBuilder group, string namePrefix = "")
    {
        var export = group.MapGroup("/export").WithTags("Export");
        export
            .MapGet("/claims.csv", ClaimsCsvAsync)
            .WithName(Name(namePrefix, "ExportClaimsCsv"))
            .WithClaimQueryParameters(paged: false)
            .WithSummary("Claims matching the search parameters (as GET /claims), streamed as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        export
            .MapGet("/claims.xlsx", ClaimsXlsxAsync)
            .WithName(Name(namePrefix, "ExportClaimsXlsx"))
            .WithClaimQueryParameters(paged: false)
            .WithSummary("Claims matching the search parameters, streamed as an XLSX workbook with typed cells")
            .WithDescription(
                "The CSV's columns in one sheet: figures, coordinates, version and credibility as numbers, "
                    + "dates as dates, the rest as text."
            )
            .Produces(StatusCodes.Status200OK, contentType: Xlsx)
            .ProducesValidationProblem();
        export
            .MapGet("/claims.json", ClaimsJsonAsync)
            .WithName(Name(namePrefix, "ExportClaimsJson"))
            .WithClaimQueryParameters(paged: false)
            .WithSummary("Claims matching the search parameters, streamed as a JSON array")
            .Produces<IReadOnlyList<ClaimExportRow>>()
            .ProducesValidationProblem();
        export
            .MapGet("/claim-reviews.jsonld", ClaimReviewsAsync)
            .WithName(Name(namePrefix, "ExportClaimReviews"))
            .WithClaimQueryParameters(paged: false)
            .WithSummary("Claims a reviewer rated, as schema.org ClaimReview JSON-LD")
            .Produces(StatusCodes.Status200OK, contentType: "application/ld+json")
            .ProducesValidationProblem();
        export
            .MapGet("/full.json", FullAsync)
            .WithName(Name(namePrefix, "ExportFull"))
            .WithSummary(
                "The whole database (every record, relation and history entry, with their ids) as JSON, for POST /import/full into an empty instance (Admin)"
            )
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
        export
            .MapGet("/full.tar", FullTarAsync)
            .WithName(Name(namePrefix, "ExportFullTar"))
            .WithSummary("The whole database with the evidence files themselves, streamed as a tar (Admin)")
            .WithDescription(
                "full.json (as GET /export/full.json), then every original under files/sha256/ab/cd/<sha256> "
                    + "and its previews under files/previews/<sha256>/<n>.jpg. POST it to /import/full "
                    + "(Content-Type application/x-tar) to restore an empty instance with its files."
            )
            .Produces(StatusCodes.Status200OK, contentType: "application/x-tar");
    }

    private static Task ClaimsCsvAsync(HttpContext http, [FromServices] ClaimExport claims) =>
        StreamAsync(
            http,
            "text/csv; charset=utf-8",
            "claims.csv",
            (query, body, ct) => claims.WriteCsvAsync(query, body, ct)
        );

    private static Task ClaimsXlsxAsync(HttpContext http, [FromServices] ClaimExport claims) =>
        StreamAsync(http, Xlsx, "claims.xlsx", (query, body, ct) => claims.WriteXlsxAsync(query, body, ct));

    private static Task ClaimsJsonAsync(HttpContext http, [FromServices] ClaimExport claims) =>
        StreamAsync(
            http,
            "application/json; charset=utf-8",
            "claims.json",
            (query, body, ct) => claims.WriteJsonAsync(query, body, ct)
        );

    private static Task ClaimReviewsAsync(HttpContext http, [FromServices] ClaimExport claims) =>
        StreamAsync(
            http,
            "application/ld+json; charset=utf-8",
            "claim-reviews.jsonld",
            (query, body, ct) =>
                claims.WriteClaimReviewsAsync(
                    query,
                    new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/"),
                    body,
                    ct
                )
        );

    private static async Task FullAsync(HttpContext http, [FromServices] FullExport full)
    {
        await full.DemandAsync();
        await WriteOrAbortAsync(
            http,
            "application/json; charset=utf-8",
            $"conflicttracker-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json",
            () => full.WriteAsync(http.Response.Body, http.RequestAborted)
        );
    }

    private static async Task FullTarAsync(
        HttpContext http,
        [FromServices] FullExport full,
        [FromServices] FullBackup backup
    )
    {
        await full.DemandAsync();
        await WriteOrAbortAsync(
            http,
            "application/x-tar",
            $"conflicttracker-{DateTime.UtcNow:yyyyMMdd-HHmmss}.tar",
            () =>
                backup.WriteTarAsync(
                    http.Response.Body,
                    http.Connection.RemoteIpAddress?.ToString(),
                    http.RequestAborted
                )
        );
    }

    /// <summary>
    /// Everything that can be checked is checked before the first byte: the role, the parameters, and the
    /// first page read from the database, so a bad parameter or a database that does not answer is a
    /// problem response, not a 200. A failure after the first byte cannot change the status any more:
    /// the connection is aborted, so the client sees a broken transfer and never takes a truncated file
    /// for a whole one.
    /// </summary>
    private static async Task StreamAsync(
        HttpContext http,
        string contentType,
        string fileName,
        Func<ClaimQuery, Stream, CancellationToken, Task> write
    )
    {
        await http.RequestServices.GetRequiredService<IAccess>().DemandAsync(Policies.Read, "export claims");
        var query = ClaimQueryString.FromQuery(http.Request.Query);
        ClaimSearchService.Check(query);
        await using (
            var first = http
                .RequestServices.GetRequiredService<ClaimSearchService>()
                .StreamAsync(query, http.RequestAborted)
                .GetAsyncEnumerator(http.RequestAborted)
        )
        {
            await first.MoveNextAsync();
        }

        await WriteOrAbortAsync(
            http,
            contentType,
            fileName,
            () => write(query, http.Response.Body, http.RequestAborted)
        );
    }

    private static async Task WriteOrAbortAsync(HttpContext http, string contentType, string fileName, Func<Task> write)
    {
        http.Response.ContentType = contentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        try
        {
            await write();
        }
        catch (Exception ex) when (http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(ExportEndpoints))
                .LogError(
                    ex,
                    "Export {File} failed after it started; the connection was aborted so the client cannot take it for complete",
                    fileName
                );
            http.Abort();
        }
    }

    private static string Name(string prefix, string name) => prefix + name;
}
