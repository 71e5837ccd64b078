using System.Text.Json.Serialization;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.Exchange;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Features.Sources;

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

        // The same exports for the browser (the claims explorer's download links), with the sign-in cookie.
        app.MapGroup("/").RequireAuthorization(Policies.Read).AddEndpointFilter(Api.ErrorsAsProblems).ExcludeFromDescription()
            .MapExportEndpoints(namePrefix: "Browser");
    }

    /// <summary>Enums travel as their names ("Affirms", "Published"), as the database stores them.</summary>
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
}
