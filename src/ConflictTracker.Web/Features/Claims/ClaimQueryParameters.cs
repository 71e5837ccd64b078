using System.Text.Json.Nodes;
using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Sources;
using Microsoft.OpenApi;

namespace ConflictTracker.Web.Features.Claims;

/// <summary>
/// The search parameters (<see cref="ClaimQueryString.FromQuery"/>) in the OpenAPI document, each with
/// the values the code accepts taken from the code itself (enum names, limits), so the document and the
/// parser cannot drift apart (OpenApiTests checks every listed value is accepted).
/// </summary>
internal static class ClaimQueryParameters
{
    /// <summary>Adds the parameters to an operation that reads them from the query string (search and
    /// exports).</summary>
    public static RouteHandlerBuilder WithClaimQueryParameters(this RouteHandlerBuilder builder, bool paged) =>
        builder.AddOpenApiOperationTransformer(
            (operation, _, _) =>
            {
                operation.Parameters ??= [];
                foreach (var parameter in All(paged))
                {
                    operation.Parameters.Add(parameter);
                }

                return Task.CompletedTask;
            }
        );

    private static IEnumerable<OpenApiParameter> All(bool paged)
    {
        yield return Parameter(
            "q",
            "Words to find in the claim, its quote and translation, its actors' names and aliases (any script), its sources' titles and places. Text without a word (only punctuation) is no filter.",
            new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ClaimSearchService.MaxTextLength }
        );
        yield return Parameter("proposition", "Claims about this proposition (id).", Id());
        yield return Parameter("actor", "Claims made by this actor or on its behalf (id).", Id());
        yield return Parameter(
            "country",
            "The asserting actor's country, ISO 3166-1 alpha-2 (KR, UA).",
            new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Za-z]{2}$" }
        );
        yield return Parameter("kind", "The asserting actor's kind.", Names<ActorKind>());
        yield return Parameter(
            "stance",
            "Stances to include (repeat the parameter for several).",
            new OpenApiSchema { Type = JsonSchemaType.Array, Items = Names<Stance>() },
            explode: true
        );
        yield return Parameter(
            "stated-from",
            "Statements whose (partial) date could fall on or after this day.",
            Date()
        );
        yield return Parameter(
            "stated-to",
            "Statements whose (partial) date could fall on or before this day.",
            Date()
        );
        yield return Parameter("event-from", "Events whose period could reach this day or later.", Date());
        yield return Parameter("event-to", "Events whose period could start on this day or earlier.", Date());
        yield return Parameter(
            "reliability",
            "At least one cited source graded this or better (A best).",
            Names<ReliabilityGrade>()
        );
        yield return Parameter(
            "credibility",
            "Rated this or better on the Admiralty scale, 1 (confirmed) to 6 (cannot be judged).",
            new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Minimum = "1",
                Maximum = "6",
            }
        );
        yield return Parameter(
            "status",
            "Statuses to include (repeatable); published only when left out.",
            new OpenApiSchema { Type = JsonSchemaType.Array, Items = Names<ClaimStatus>() },
            explode: true
        );
        yield return Parameter(
            "quantity",
            "yes: only claims with a figure; no: only claims without one.",
            Values("yes", "no")
        );
        yield return Parameter("place", "Claims naming this place (id).", Id());
        yield return Parameter("sort", "The order; NewestStatement when left out.", Names<ClaimSort>());
        if (paged)
        {
            yield return Parameter(
                "size",
                $"Claims a page, 1 to {ClaimQuery.MaxPageSize} ({ClaimQuery.DefaultPageSize} when left out).",
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Minimum = "1",
                    Maximum = ClaimQuery.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }
            );
            yield return Parameter(
                "cursor",
                "The page after this position: the previous page's nextCursor.",
                new OpenApiSchema { Type = JsonSchemaType.String }
            );
            yield return Parameter(
                "before",
                "The page before this position: the page's previousCursor.",
                new OpenApiSchema { Type = JsonSchemaType.String }
            );
        }
    }

    private static OpenApiParameter Parameter(
        string name,
        string description,
        OpenApiSchema schema,
        bool explode = false
    ) =>
        new()
        {
            Name = name,
            In = ParameterLocation.Query,
            Description = description,
            Schema = schema,
            Explode = explode,
            Style = ParameterStyle.Form,
        };

    private static OpenApiSchema Id() => new() { Type = JsonSchemaType.String, Format = "uuid" };

    private static OpenApiSchema Date() => new() { Type = JsonSchemaType.String, Format = "date" };

    private static OpenApiSchema Names<T>()
        where T : struct, Enum => Values(Enum.GetNames<T>());

    private static OpenApiSchema Values(params string[] values) =>
        new() { Type = JsonSchemaType.String, Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList() };
}
