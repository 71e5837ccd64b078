using ConflictTracker.Domain.Common;
using ConflictTracker.Intake;
using ConflictTracker.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace ConflictTracker.Web.Features.Intake;

/// <summary>What a decision did: the claim an accepted draft became.</summary>
public sealed record IntakeDecisionResult(int Draft, Domain.Intake.DraftDecision Decision, Guid? ClaimId);

/// <summary><c>/api/v1/intake</c>: an article in, its snapshot hash and draft statements out; nothing is
/// stored.</summary>
internal static class IntakeEndpoints
{
    private static readonly string[] ArticleTypes = ["text/plain", "text/html", "application/pdf"];

    public static void MapIntakeEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/intake", PreviewAsync)
            .WithTags("Intake")
            .WithName("PreviewIntake")
            .WithSummary("Read an article and propose its attributed statements as drafts, storing nothing (Editor)")
            .WithDescription(
                "The body is the article: text/plain (UTF-8), text/html (a page saved from a browser; never run) or application/pdf (with a text layer), up to 10 MB. "
                    + "Metadata the editor confirmed goes in the query (title, url, publishedOn as yyyy, yyyy-mm or yyyy-mm-dd, publisherId); what the page says of itself fills the rest. "
                    + "The answer holds the snapshot text, its SHA-256, an existing source with the same hash or address if there is one, and the drafts with their anchors (W3C TextQuoteSelector plus offsets). "
                    + "Extraction is English only; for other languages the snapshot is made and extractionSupported is false. "
                    + "With store=true the article becomes a source with a stored snapshot and an intake holding the drafts (201, the intake); the same text given again answers 303 See Other with the earlier intake's address."
            )
            .AddOpenApiOperationTransformer(
                (operation, _, _) =>
                {
                    // The body is documented here rather than with Accepts: Accepts would make routing answer 415
                    // before authentication, and a caller without a token must hear 401 first.
                    var body = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "The article: UTF-8 text, an HTML page or a PDF, up to 10 MB.",
                        Content = new Dictionary<string, OpenApiMediaType>(),
                    };
                    foreach (var type in ArticleTypes)
                    {
                        body.Content[type] = new OpenApiMediaType
                        {
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        };
                    }

                    operation.RequestBody = body;
                    return Task.CompletedTask;
                }
            )
            .Produces<IntakePreview>()
            .Produces<IntakeView>(StatusCodes.Status201Created)
            .Produces(StatusCodes.Status303SeeOther)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery();
        api.MapGet("/intake/{id:guid}", GetAsync)
            .WithTags("Intake")
            .WithName("GetIntake")
            .WithSummary(
                "An intake: its source, snapshot text and hash, and every draft with its decision; the ETag is its version (Editor)"
            )
            .Reads<IntakeView>();
        api.MapPost("/intake/{id:guid}/decisions", DecideAsync)
            .WithTags("Intake")
            .WithName("DecideIntakeDraft")
            .WithSummary(
                "Accept a draft as proposed (it becomes a claim citing the article) or reject it (Editor); needs If-Match"
            )
            .WithDescription(
                "Accepting goes through the same service as the statement form: the same validation, history and contradiction candidates, in one transaction with the decision. "
                    + "A draft that needs the form (no proposition fits, a figure without a measure) is refused with the reason; change it through POST /claims instead. Each draft is decided once."
            )
            .Produces<IntakeDecisionResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<Results<Ok<IntakeView>, ProblemHttpResult>> GetAsync(
        Guid id,
        HttpResponse response,
        [FromServices] IntakeWorkflow workflow,
        CancellationToken cancellationToken
    ) => RecordEndpoint.Read(await workflow.GetAsync(id, cancellationToken), "intake", view => view.Version, response);

    private static async Task<Results<Ok<IntakeDecisionResult>, ProblemHttpResult>> DecideAsync(
        Guid id,
        IntakeDecisionInput input,
        HttpContext http,
        [FromServices] IntakeWorkflow workflow,
        CancellationToken cancellationToken
    )
    {
        await http
            .RequestServices.GetRequiredService<Security.IAccess>()
            .DemandAsync(Security.Policies.Edit, "decide drafts");
        var view = await workflow.GetAsync(id, cancellationToken);
        if (view is null)
        {
            return Api.NotFound("intake");
        }

        if (Api.IfMatch(http.Request) is not { } version)
        {
            return Api.PreconditionRequired();
        }

        if (input.Note is not null)
        {
            var errors = new ValidationErrors();
            errors.Check(() => Rules.OptionalText(input.Note, "note", MaxLengths.Note));
            errors.ThrowIfAny();
        }

        if (!Enum.IsDefined(input.Decision))
        {
            throw new DomainValidationException("decision", "Say Accepted or Rejected.");
        }

        Guid? claimId = null;
        if (input.Decision == Domain.Intake.DraftDecision.Accepted)
        {
            claimId = await workflow.AcceptAsync(id, input.Draft, version, null, cancellationToken);
        }
        else
        {
            await workflow.RejectAsync(id, input.Draft, version, cancellationToken);
        }

        var after = await workflow.GetAsync(id, cancellationToken);
        http.Response.Headers.ETag = Api.ETag(after!.Version);
        return TypedResults.Ok(new IntakeDecisionResult(input.Draft, input.Decision, claimId));
    }

    private static async Task<
        Results<Ok<IntakePreview>, Created<IntakeView>, StatusCodeHttpResult, ProblemHttpResult>
    > PreviewAsync(
        HttpContext http,
        string? title,
        string? url,
        string? publishedOn,
        Guid? publisherId,
        string? language,
        bool? store,
        [FromServices] IntakeService intake,
        [FromServices] IntakeWorkflow workflow
    )
    {
        var contentType = http.Request.ContentType ?? string.Empty;
        if (
            !ArticleTypes
                .Append("application/octet-stream")
                .Any(k => contentType.StartsWith(k, StringComparison.OrdinalIgnoreCase))
        )
        {
            await http
                .RequestServices.GetRequiredService<Security.IAccess>()
                .DemandAsync(Security.Policies.Edit, "take articles in");
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Send the article as text/plain, text/html or application/pdf.",
                detail: $"The body was sent as '{contentType}'."
            );
        }

        if (http.Request.ContentLength > ArticleReader.MaxBytes)
        {
            throw new DomainValidationException(
                "text",
                $"The article is larger than {ArticleReader.MaxBytes / 1024 / 1024} MB."
            );
        }

        using var buffer = new MemoryStream();
        var limited = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(limited, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > ArticleReader.MaxBytes)
            {
                throw new DomainValidationException(
                    "text",
                    $"The article is larger than {ArticleReader.MaxBytes / 1024 / 1024} MB."
                );
            }

            buffer.Write(limited, 0, read);
        }

        if (store == true)
        {
            var (id, created) = await workflow.StartAsync(
                buffer.ToArray(),
                null,
                new IntakeStart(title, url, publishedOn, publisherId, language),
                http.RequestAborted
            );
            if (!created)
            {
                // The same text was taken in before: see its intake.
                http.Response.Headers.Location = $"{Api.Prefix}/intake/{id}";
                return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
            }

            var view = (await workflow.GetAsync(id, http.RequestAborted))!;
            http.Response.Headers.ETag = Api.ETag(view.Version);
            return TypedResults.Created($"{Api.Prefix}/intake/{id}", view);
        }

        var metadata = new IntakeMetadata(title, url, publishedOn, publisherId);
        return TypedResults.Ok(await intake.PreviewFileAsync(buffer.ToArray(), metadata, http.RequestAborted));
    }
}
