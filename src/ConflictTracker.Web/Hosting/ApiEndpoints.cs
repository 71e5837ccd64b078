using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Alerts;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Evidence;
using ConflictTracker.Web.Features.Exchange;
using ConflictTracker.Web.Features.Intake;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Features.Sources;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Hosting;

internal static class ApiEndpoints
{
    /// <summary>Every feature's endpoints under <c>/api/v1</c>, one file per feature.</summary>
    public static void MapApiEndpoints(this WebApplication app)
    {
        var api = app.MapApiGroup();
        api.MapClaimEndpoints();
        api.MapCitationEndpoints();
        api.MapActorEndpoints();
        api.MapSourceEndpoints();
        api.MapPropositionEndpoints();
        api.MapReviewEndpoints();
        api.MapExportEndpoints();
        api.MapImportEndpoints();
        api.MapIntakeEndpoints();
        api.MapEvidenceEndpoints();
        api.MapSavedSearchEndpoints();

        // The same exports for the browser (the claims explorer's download links), with the sign-in cookie.
        app.MapGroup("/")
            .RequireAuthorization(Policies.Read)
            .AddEndpointFilter(Api.ErrorsAsProblems)
            .ExcludeFromDescription()
            .MapExportEndpoints(namePrefix: "Browser");
        app.MapBrowserEvidenceEndpoints();
    }

    /// <summary>
    /// The API's JSON contract (docs/api.md): enums travel as their names ("Affirms", "Published"), as
    /// the database stores them, and a number is not an enum value; a property the type does not have
    /// is refused, not ignored (a misspelt field would otherwise be silently dropped); null is refused
    /// where the type says a value is required ("placeIds": null), while responses may still carry nulls.
    /// </summary>
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));

    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(
            WritesNullsAsTheyAre
        );
    }

    /// <summary>Nullability is enforced when reading a request; a response object is written as it is.</summary>
    private static void WritesNullsAsTheyAre(JsonTypeInfo type)
    {
        foreach (
            var property in type.Properties.Where(p =>
                !p.PropertyType.IsValueType || Nullable.GetUnderlyingType(p.PropertyType) is not null
            )
        )
        {
            property.IsGetNullable = true;
        }
    }
}
