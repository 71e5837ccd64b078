using ConflictTracker.Web.Features.Activity;
using ConflictTracker.Web.Features.Comments;

namespace ConflictTracker.Web.Features.Alerts;

/// <summary>The services of saved searches, follows, notifications, comments and activity feeds.</summary>
internal static class AlertsSetup
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddScoped<SavedSearchService>();
        services.AddScoped<FollowService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<CommentService>();
        services.AddScoped<ActivityService>();
        services.AddSingleton<AlertMatcher>();
        services.AddSingleton<NotificationNotifier>();
        services.AddHostedService<AlertListener>();
        return services;
    }
}
