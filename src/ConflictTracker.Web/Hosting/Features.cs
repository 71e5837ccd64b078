using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Lookups;

namespace ConflictTracker.Web.Hosting;

internal static class Features
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ClaimSearchService>();
        services.AddScoped<LookupService>();
        services.AddScoped<DemoDataLoader>();
        return services;
    }
}
