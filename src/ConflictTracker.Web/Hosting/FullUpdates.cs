using System.Text.Json;
using ConflictTracker.Domain.Common;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ConflictTracker.Web.Hosting;

/// <summary>
/// A PUT replaces the whole record, so it must carry every field of its body type: a field left out
/// would otherwise take its default and silently change the record (a denial turned into an
/// affirmation, a published claim made a draft). Optional fields are sent as null to clear them.
/// The OpenAPI document marks every field of a PUT body as required (docs/api.md).
/// </summary>
internal static class FullUpdates
{
    /// <summary>
    /// A PUT's body is kept readable after binding, so the fields it carries can be checked against
    /// the type's; bodies are small (the largest field is 10,000 characters).
    /// </summary>
    public static IApplicationBuilder UseReadablePutBodies(this IApplicationBuilder app) =>
        app.Use(
            (context, next) =>
            {
                if (HttpMethods.IsPut(context.Request.Method))
                {
                    context.Request.EnableBuffering();
                }

                return next(context);
            }
        );

    /// <summary>
    /// Refuses (400, each field named) a PUT body that leaves out a field of <typeparamref name="T"/>,
    /// or that gives a value to one of <paramref name="creationOnly"/>: fields only a POST reads (a PUT
    /// would otherwise ignore them without a word). Those may be left out or sent as null.
    /// </summary>
    public static async Task RequireEveryFieldAsync<T>(
        HttpContext http,
        CancellationToken cancellationToken,
        params string[] creationOnly
    )
    {
        var body = http.Request.Body;
        if (!body.CanSeek)
        {
            throw new InvalidOperationException(
                "PUT bodies must be buffered (UseReadablePutBodies) to check their fields."
            );
        }

        body.Position = 0;
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var sent = document
            .RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind, StringComparer.OrdinalIgnoreCase);
        var errors = new ValidationErrors();
        foreach (
            var name in FieldNames<T>(http.RequestServices).Except(creationOnly).Where(name => !sent.ContainsKey(name))
        )
        {
            errors.Add(
                name,
                $"'{name}' is missing: a PUT replaces the whole record, so send every field (null to clear an optional one)."
            );
        }

        foreach (
            var name in creationOnly.Where(name => sent.TryGetValue(name, out var kind) && kind != JsonValueKind.Null)
        )
        {
            errors.Add(
                name,
                $"'{name}' is read only when the record is created; leave it out of a PUT (or send null)."
            );
        }

        errors.ThrowIfAny();
    }

    /// <summary>Marks every field of the PUT body but <paramref name="creationOnly"/> as required in the OpenAPI
    /// document.</summary>
    public static RouteHandlerBuilder RequiresEveryField<T>(
        this RouteHandlerBuilder builder,
        params string[] creationOnly
    ) =>
        builder.AddOpenApiOperationTransformer(
            (operation, context, _) =>
            {
                if (operation.RequestBody?.Content is { } content)
                {
                    var required = FieldNames<T>(context.ApplicationServices)
                        .Except(creationOnly)
                        .ToHashSet(StringComparer.Ordinal);
                    operation.Description =
                        (operation.Description is { Length: > 0 } described ? described + " " : "")
                        + "A PUT replaces the record: send every required field (null clears an optional one)."
                        + (
                            creationOnly.Length > 0
                                ? $" Read only on creation, so leave out or send null: {string.Join(", ", creationOnly)}."
                                : ""
                        );
                    foreach (var media in content.Values.OfType<OpenApiMediaType>().Where(m => m.Schema is not null))
                    {
                        media.Schema = new OpenApiSchema { AllOf = [media.Schema!], Required = required };
                    }
                }

                return Task.CompletedTask;
            }
        );

    /// <summary>The fields of a PUT body that are not the record's: <c>reason</c>, the optional reason for
    /// the change, stored with its history (docs/rules/history.md). A PUT may leave them out.</summary>
    private static readonly string[] NotOfTheRecord = ["reason"];

    private static IEnumerable<string> FieldNames<T>(IServiceProvider services) =>
        services
            .GetRequiredService<IOptions<JsonOptions>>()
            .Value.SerializerOptions.GetTypeInfo(typeof(T))
            .Properties.Select(p => p.Name)
            .Except(NotOfTheRecord, StringComparer.OrdinalIgnoreCase);
}
