using System.Text;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Evidence.Storage;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Hosting;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ConflictTracker.Web.Features.Evidence;

/// <summary>
/// Evidence files: <c>/api/v1/sources/{id}/attachments</c>, <c>/api/v1/evidence/{sha256}</c> and the resumable
/// <c>/api/v1/uploads</c> (token); the same downloads and uploads for the browser under <c>/files</c> (sign-in
/// cookie, with the antiforgery token on every change).
/// </summary>
internal static partial class EvidenceEndpoints
{
    public const string BrowserPrefix = "/files";

    public static void MapEvidenceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sources/{id:guid}/attachments", ForSourceAsync)
            .WithTags("Evidence")
            .WithName("ListAttachments")
            .WithSummary("The files a source holds, with their hashes, metadata and previews");
        api.MapPost("/sources/{id:guid}/attachments", UploadAsync)
            .WithTags("Evidence")
            .WithName("UploadAttachment")
            .WithSummary(
                "Upload a file to a source (Editor): the raw bytes as the body, ?fileName= and optional ?originUrl=; "
                    + "201 with what was stored, 200 when the source already held these bytes"
            )
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/claims/{id:guid}/evidence", ForClaimAsync)
            .WithTags("Evidence")
            .WithName("ClaimEvidence")
            .WithSummary("The files held by the sources a claim cites");
        var files = api.MapGroup("/evidence").WithTags("Evidence");
        files
            .MapGet("/{sha256}", FileAsync)
            .WithName("GetEvidence")
            .WithSummary(
                "One stored file: attachments, chain of custody, near-identical media and suggestions; the ETag "
                    + "is its version"
            );
        files
            .MapPost("/{sha256}/verify", VerifyAsync)
            .WithName("VerifyEvidence")
            .WithSummary("Re-hash the stored bytes and record the result in the custody (Editor, Reviewer, Admin)");
        files
            .MapPost("/{sha256}/quarantine", QuarantineAsync)
            .WithName("QuarantineEvidence")
            .WithSummary("Quarantine a file with a reason (Admin); needs If-Match");
        files
            .MapPost("/{sha256}/release", ReleaseAsync)
            .WithName("ReleaseEvidence")
            .WithSummary("Release a quarantined file with a reason (Admin); needs If-Match");
        files.MapFileReads("");
        api.MapUploads("/uploads", "").WithTags("Evidence");
    }

    /// <summary>The browser's downloads, previews and resumable uploads, with the sign-in cookie.</summary>
    public static void MapBrowserEvidenceEndpoints(this WebApplication app)
    {
        var browser = app.MapGroup(BrowserPrefix)
            .RequireAuthorization(Policies.Read)
            .AddEndpointFilter(Api.ErrorsAsProblems)
            .AddEndpointFilter(ChangesNeedAntiforgery)
            .ExcludeFromDescription();
        browser.MapFileReads("Browser");
        browser.MapUploads("/uploads", "Browser");
    }

    private static void MapFileReads(this IEndpointRouteBuilder group, string prefix)
    {
        group
            .MapGet("/{sha256}/content", ContentAsync)
            .WithName(prefix + "DownloadEvidence")
            .WithSummary(
                "The original bytes, as a download (recorded in the custody); ?as=text shows a saved web page as text"
            );
        group
            .MapGet("/{sha256}/previews/{index:int}", PreviewAsync)
            .WithName(prefix + "EvidencePreview")
            .WithSummary("A preview image (JPEG): thumbnail, keyframe or first page");
    }

    private static async ValueTask<object?> ChangesNeedAntiforgery(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next
    )
    {
        var http = context.HttpContext;
        if (
            !HttpMethods.IsGet(http.Request.Method)
            && !HttpMethods.IsHead(http.Request.Method)
            && !HttpMethods.IsOptions(http.Request.Method)
        )
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.Problem(
                    title: "The request did not come from this app's pages",
                    detail: "Reload the page and try again: its antiforgery token is missing or out of date.",
                    statusCode: StatusCodes.Status400BadRequest
                );
            }
        }

        return await next(context);
    }

    private static async Task<Ok<IReadOnlyList<AttachmentView>>> ForSourceAsync(
        Guid id,
        [FromServices] EvidenceReader reader,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await reader.ForSourceAsync(id, cancellationToken));

    private static async Task<Ok<IReadOnlyList<AttachmentView>>> ForClaimAsync(
        Guid id,
        [FromServices] EvidenceReader reader,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await reader.ForClaimAsync(id, cancellationToken));

    private static async Task<Results<Created<AddedAttachment>, Ok<AddedAttachment>>> UploadAsync(
        Guid id,
        string? fileName,
        string? originUrl,
        HttpContext http,
        [FromServices] EvidenceIntake intake,
        [FromServices] IOptions<EvidenceOptions> options,
        CancellationToken cancellationToken
    )
    {
        AllowLargeBody(http, options.Value);
        var added = await intake.UploadAsync(
            id,
            http.Request.Body,
            http.Request.ContentLength,
            new UploadDetails(fileName, originUrl, Address(http)),
            cancellationToken
        );
        return added.AlreadyAttached
            ? TypedResults.Ok(added)
            : TypedResults.Created($"{Api.Prefix}/evidence/{added.Attachment.File.Sha256}", added);
    }

    private static async Task<Results<Ok<EvidenceFileDetails>, ProblemHttpResult>> FileAsync(
        string sha256,
        HttpResponse response,
        [FromServices] EvidenceReader reader,
        CancellationToken cancellationToken
    ) =>
        RecordEndpoint.Read(
            EvidenceKeys.IsSha256(sha256) ? await reader.FileAsync(sha256, cancellationToken) : null,
            "evidence file",
            f => f.File.Version,
            response
        );

    private static async Task<IResult> ContentAsync(
        string sha256,
        Guid? attachment,
        string? @as,
        HttpContext http,
        [FromServices] EvidenceReader reader,
        CancellationToken cancellationToken
    )
    {
        if (!EvidenceKeys.IsSha256(sha256) || (@as is not null && @as != "text"))
        {
            return Api.NotFound("evidence file");
        }

        var content = await reader.OpenAsync(sha256, attachment, Address(http), cancellationToken);
        if (content is null)
        {
            return Api.NotFound("evidence file");
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        headers.CacheControl = "no-store";
        headers.ETag = $"\"{sha256}\"";
        headers["Digest"] = "sha-256=" + Convert.ToBase64String(Convert.FromHexString(sha256));
        if (@as == "text")
        {
            // A saved web page read as text: never rendered, never run.
            headers.ContentDisposition = "inline";
            return TypedResults.Stream(content.Content, "text/plain; charset=utf-8");
        }

        http.Response.ContentLength = content.Size;
        return TypedResults.Stream(content.Content, content.ContentType, content.FileName);
    }

    private static async Task<IResult> PreviewAsync(
        string sha256,
        int index,
        HttpContext http,
        [FromServices] EvidenceReader reader,
        CancellationToken cancellationToken
    )
    {
        var preview = EvidenceKeys.IsSha256(sha256)
            ? await reader.OpenPreviewAsync(sha256, index, cancellationToken)
            : null;
        if (preview is null)
        {
            return Api.NotFound("preview");
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        // Short-lived: a file quarantined later should not linger in browsers' caches for long.
        http.Response.Headers.CacheControl = "private, max-age=300";
        return TypedResults.Stream(preview, "image/jpeg");
    }

    private static async Task<Results<Ok<VerificationView>, ProblemHttpResult>> VerifyAsync(
        string sha256,
        HttpContext http,
        [FromServices] EvidenceVerifier verifier,
        CancellationToken cancellationToken
    ) =>
        (EvidenceKeys.IsSha256(sha256) ? await verifier.VerifyAsync(sha256, Address(http), cancellationToken) : null)
            is { } result
            ? TypedResults.Ok(result)
            : Api.NotFound("evidence file");

    private static Task<Results<NoContent, ProblemHttpResult>> QuarantineAsync(
        string sha256,
        ReasonInput input,
        HttpContext http,
        [FromServices] EvidenceCustodian custodian,
        CancellationToken cancellationToken
    ) =>
        ChangeStatusAsync(
            sha256,
            http,
            version => custodian.QuarantineAsync(sha256, version, input.Reason, Address(http), cancellationToken)
        );

    private static Task<Results<NoContent, ProblemHttpResult>> ReleaseAsync(
        string sha256,
        ReasonInput input,
        HttpContext http,
        [FromServices] EvidenceCustodian custodian,
        CancellationToken cancellationToken
    ) =>
        ChangeStatusAsync(
            sha256,
            http,
            version => custodian.ReleaseAsync(sha256, version, input.Reason, Address(http), cancellationToken)
        );

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeStatusAsync(
        string sha256,
        HttpContext http,
        Func<uint, Task<uint>> change
    )
    {
        if (!await http.RequestServices.GetRequiredService<IAccess>().AllowsAsync(Policies.Administer))
        {
            throw new AccessDeniedException(Policies.Administer, "quarantine or release evidence");
        }

        if (!EvidenceKeys.IsSha256(sha256))
        {
            return Api.NotFound("evidence file");
        }

        if (Api.IfMatch(http.Request) is not { } version)
        {
            return Api.PreconditionRequired();
        }

        http.Response.Headers.ETag = Api.ETag(await change(version));
        return TypedResults.NoContent();
    }

    /// <summary>Uploads may be as large as the evidence limit, not the server's default of 30 MB.</summary>
    private static void AllowLargeBody(HttpContext http, EvidenceOptions options)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxFileBytes + 1;
        }
    }

    private static string? Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
