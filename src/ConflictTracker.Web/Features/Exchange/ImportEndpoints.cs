using ConflictTracker.Domain.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ConflictTracker.Web.Features.Exchange;

/// <summary>
/// <c>/api/v1/import</c>: records from CSV or JSON (Editor), sent as the request body and read as a
/// stream; <c>/api/v1/import/full</c>: a full export into an empty instance (Admin).
/// </summary>
internal static class ImportEndpoints
{
    /// <summary>The largest body an import accepts.</summary>
    public const long MaxBytes = 2L * 1024 * 1024 * 1024;

    public static void MapImportEndpoints(this RouteGroupBuilder api)
    {
        var import = api.MapGroup("/import").WithTags("Import");
        import
            .MapPost("/", ImportAsync)
            .WithName("Import")
            .WithSummary("Import actors, sources, propositions, claims and citations (Editor)")
            .WithDescription(
                "The body is the file: CSV (format=csv or Content-Type text/csv, with type=actor|source|proposition|claim|citation) or JSON (an array or JSON Lines of records, each with \"type\"). "
                    + "dryRun=true checks every row and reports what would change without storing anything. A file with any bad row stores nothing and answers 400 with every bad row (line, field, message). Rows are keyed by externalId: importing the same file again changes nothing."
            )
            .Accepts<string>("text/csv", "application/json", "application/x-ndjson")
            .Produces<ImportReport>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        import
            .MapPost("/full", RestoreFullAsync)
            .WithName("RestoreFull")
            .WithSummary(
                "Load a full export (GET /export/full.json) into this instance, whose data tables must be empty (Admin)"
            )
            .WithDescription(
                "Content-Type application/json: the document of GET /export/full.json. Content-Type "
                    + "application/x-tar: the tar of GET /export/full.tar, files included; every blob is checked "
                    + "against its SHA-256 and every file record needs its original, or nothing is restored."
            )
            .Accepts<string>("application/json", "application/x-tar")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpContext http,
        string? format,
        string? type,
        bool? dryRun,
        [FromServices] ImportService imports
    )
    {
        await http
            .RequestServices.GetRequiredService<Security.IAccess>()
            .DemandAsync(Security.Policies.Edit, "import records");
        var errors = new ValidationErrors();
        var contentType = http.Request.ContentType ?? "";
        ImportFormat? parsedFormat = (format?.ToLowerInvariant(), contentType) switch
        {
            ("csv", _) => ImportFormat.Csv,
            ("json", _) or ("jsonl", _) => ImportFormat.Json,
            (null, var ct) when ct.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) => ImportFormat.Csv,
            (null, var ct) when ct.Contains("json", StringComparison.OrdinalIgnoreCase) => ImportFormat.Json,
            _ => null,
        };
        if (parsedFormat is null)
        {
            errors.Add("format", "Say format=csv or format=json (or send Content-Type text/csv or application/json).");
        }

        RecordType? recordType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            recordType =
                Enum.TryParse<RecordType>(type.Trim().TrimEnd('s'), ignoreCase: true, out var t)
                && Enum.IsDefined(t)
                && !int.TryParse(type, out _)
                    ? t
                    : null;
            if (recordType is null)
            {
                errors.Add("type", "type is actor, source, proposition, claim or citation.");
            }
        }

        errors.ThrowIfAny();
        Unlimited(http);
        var report = await imports.ImportAsync(
            http.Request.Body,
            parsedFormat!.Value,
            recordType,
            dryRun ?? false,
            http.Request.ContentLength,
            cancellationToken: http.RequestAborted
        );
        return report.Ok
            ? TypedResults.Ok(report)
            : TypedResults.Problem(
                title: "The file has bad rows; nothing was stored",
                detail: $"{report.ErrorCount} problem(s) in {report.Rows} row(s). Correct the rows listed in 'rows' and import the file again.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["rows"] = report.Errors, ["report"] = report }
            );
    }

    private static async Task<Ok<RestoreResult>> RestoreFullAsync(
        HttpContext http,
        [FromServices] FullExport full,
        [FromServices] FullBackup backup
    )
    {
        var tar = (http.Request.ContentType ?? "").StartsWith("application/x-tar", StringComparison.OrdinalIgnoreCase);
        if (tar)
        {
            // A backup with the files is as large as the evidence: no limit, for an admin only.
            await full.DemandAsync();
            Unlimited(http, null);
        }
        else
        {
            Unlimited(http);
        }

        return TypedResults.Ok(
            tar
                ? await backup.RestoreTarAsync(http.Request.Body, http.RequestAborted)
                : await full.RestoreAsync(http.Request.Body, http.RequestAborted)
        );
    }

    /// <summary>Imports can be large: lift Kestrel's 30 MB default for this request only.</summary>
    private static void Unlimited(HttpContext http, long? maxBytes = MaxBytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }
}
