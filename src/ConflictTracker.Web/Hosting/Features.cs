using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;

namespace ConflictTracker.Web.Hosting;

internal static class Features
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ClaimListService>();
        services.AddScoped<DemoDataLoader>();
        return services;
    }
}
