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

/// <summary>The resumable uploads' endpoints (the tus 1.0 protocol: docs/api.md, docs/rules/evidence.md), mapped
/// under <c>/api/v1/uploads</c> for tokens and <c>/files/uploads</c> for the browser.</summary>
internal static partial class EvidenceEndpoints
{
    private static RouteGroupBuilder MapUploads(this IEndpointRouteBuilder parent, string path, string prefix)
    {
        var uploads = parent.MapGroup(path);
        // OPTIONS and HEAD are the tus protocol's own (docs/api.md, "Evidence"), left out of the OpenAPI document.
        uploads.MapMethods("/", ["OPTIONS"], TusOptions).ExcludeFromDescription();
        uploads
            .MapPost("/", StartUploadAsync)
            .WithName(prefix + "StartUpload")
            .WithSummary(
                "Start a resumable upload (tus 1.0 creation; Editor): Upload-Length, and Upload-Metadata with "
                    + "sourceId, "
                    + "filename and optional originUrl"
            );
        uploads.MapMethods("/{id:guid}", ["HEAD"], UploadOffsetAsync).ExcludeFromDescription();
        uploads
            .MapPatch("/{id:guid}", AppendAsync)
            .WithName(prefix + "AppendUpload")
            .WithSummary(
                "Send bytes (application/offset+octet-stream) from Upload-Offset; the last one stores and "
                    + "attaches the file"
            );
        uploads
            .MapDelete("/{id:guid}", CancelUploadAsync)
            .WithName(prefix + "CancelUpload")
            .WithSummary("Abandon an upload");
        return uploads;
    }

    private static NoContent TusOptions(HttpResponse response, [FromServices] IOptions<EvidenceOptions> options)
    {
        TusHeaders(response);
        response.Headers["Tus-Version"] = Tus.Version;
        response.Headers["Tus-Extension"] = "creation,termination";
        response.Headers["Tus-Max-Size"] = options.Value.MaxFileBytes.ToString(
            System.Globalization.CultureInfo.InvariantCulture
        );
        return TypedResults.NoContent();
    }

    private static async Task<IResult> StartUploadAsync(
        HttpContext http,
        [FromServices] ResumableUploads uploads,
        CancellationToken cancellationToken
    )
    {
        TusHeaders(http.Response);
        var request = Tus.ReadCreation(http.Request);
        var started = await uploads.StartAsync(
            request.SourceId,
            request.Length,
            new UploadDetails(request.FileName, request.OriginUrl, Address(http)),
            cancellationToken
        );
        http.Response.Headers["Upload-Offset"] = "0";
        return TypedResults.Created(
            $"{http.Request.PathBase}{http.Request.Path.Value!.TrimEnd('/')}/{started.Id}",
            (object?)null
        );
    }

    private static async Task<IResult> UploadOffsetAsync(
        Guid id,
        HttpResponse response,
        [FromServices] ResumableUploads uploads,
        CancellationToken cancellationToken
    )
    {
        TusHeaders(response);
        response.Headers.CacheControl = "no-store";
        if (await uploads.ProgressAsync(id, cancellationToken) is not { } progress)
        {
            return TypedResults.NotFound();
        }

        response.Headers["Upload-Offset"] = Tus.Number(progress.Offset);
        response.Headers["Upload-Length"] = Tus.Number(progress.Length);
        return TypedResults.Ok();
    }

    private static async Task<IResult> AppendAsync(
        Guid id,
        HttpContext http,
        [FromServices] ResumableUploads uploads,
        [FromServices] IOptions<EvidenceOptions> options,
        CancellationToken cancellationToken
    )
    {
        TusHeaders(http.Response);
        AllowLargeBody(http, options.Value);
        var offset = Tus.ReadAppend(http.Request);
        try
        {
            var progress = await uploads.AppendAsync(id, offset, http.Request.Body, Address(http), cancellationToken);
            if (progress is null)
            {
                return Api.NotFound("upload");
            }

            http.Response.Headers["Upload-Offset"] = Tus.Number(progress.Offset);
            if (progress.Added is { } added)
            {
                // The finished upload names what it became, for clients that read headers (tus clients do).
                http.Response.Headers["Evidence-Sha256"] = added.Attachment.File.Sha256;
                http.Response.Headers["Attachment-Id"] = added.Attachment.Id.ToString();
                return TypedResults.Ok(added);
            }

            return TypedResults.NoContent();
        }
        catch (UploadOffsetException ex)
        {
            http.Response.Headers["Upload-Offset"] = Tus.Number(ex.Current);
            return TypedResults.Problem(
                title: "The bytes were sent from the wrong offset",
                detail: ex.Message,
                statusCode: StatusCodes.Status409Conflict
            );
        }
    }

    private static async Task<IResult> CancelUploadAsync(
        Guid id,
        HttpResponse response,
        [FromServices] ResumableUploads uploads,
        CancellationToken cancellationToken
    )
    {
        TusHeaders(response);
        return await uploads.CancelAsync(id, cancellationToken) ? TypedResults.NoContent() : Api.NotFound("upload");
    }

    private static void TusHeaders(HttpResponse response) => response.Headers["Tus-Resumable"] = Tus.Version;
}
