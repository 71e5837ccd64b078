using ConflictTracker.Domain.Common;
using ConflictTracker.Intake;
using Microsoft.AspNetCore.Mvc;

namespace ConflictTracker.Web.Features.Intake;

/// <summary><c>/api/v1/intake</c>: an article in, its snapshot hash and draft statements out; nothing is stored.</summary>
internal static class IntakeEndpoints
{
    public static void MapIntakeEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/intake", PreviewAsync)
            .WithTags("Intake")
            .WithName("PreviewIntake")
            .WithSummary("Read an article and propose its attributed statements as drafts, storing nothing (Editor)")
            .WithDescription("The body is the article: text/plain (UTF-8), text/html (a page saved from a browser; never run) or application/pdf (with a text layer), up to 10 MB. "
                + "Metadata the editor confirmed goes in the query (title, url, publishedOn as yyyy, yyyy-mm or yyyy-mm-dd, publisherId); what the page says of itself fills the rest. "
                + "The answer holds the snapshot text, its SHA-256, an existing source with the same hash or address if there is one, and the drafts with their anchors (W3C TextQuoteSelector plus offsets). "
                + "Extraction is English only; for other languages the snapshot is made and extractionSupported is false.")
            .Accepts<string>("text/plain", "text/html", "application/pdf")
            .Produces<IntakePreview>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery();
    }

    private static async Task<IResult> PreviewAsync(HttpContext http, string? title, string? url, string? publishedOn, Guid? publisherId, [FromServices] IntakeService intake)
    {
        var contentType = http.Request.ContentType ?? string.Empty;
        var known = new[] { "text/plain", "text/html", "application/pdf", "application/octet-stream" };
        if (!known.Any(k => contentType.StartsWith(k, StringComparison.OrdinalIgnoreCase)))
        {
            await http.RequestServices.GetRequiredService<Security.IAccess>().DemandAsync(Security.Policies.Edit, "take articles in");
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send the article as text/plain, text/html or application/pdf.",
                detail: $"The body was sent as '{contentType}'.");
        }

        if (http.Request.ContentLength > ArticleReader.MaxBytes)
        {
            throw new DomainValidationException("text", $"The article is larger than {ArticleReader.MaxBytes / 1024 / 1024} MB.");
        }

        using var buffer = new MemoryStream();
        var limited = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(limited, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > ArticleReader.MaxBytes)
            {
                throw new DomainValidationException("text", $"The article is larger than {ArticleReader.MaxBytes / 1024 / 1024} MB.");
            }

            buffer.Write(limited, 0, read);
        }

        var metadata = new IntakeMetadata(title, url, publishedOn, publisherId);
        return TypedResults.Ok(await intake.PreviewFileAsync(buffer.ToArray(), metadata, http.RequestAborted));
    }
}
