using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Alerts;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.Exchange;
using ConflictTracker.Web.Features.History;
using ConflictTracker.Web.Features.Home;
using ConflictTracker.Web.Features.Lookups;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Features.Review;
using ConflictTracker.Web.Features.Shared;
using ConflictTracker.Web.Features.Sources;

namespace ConflictTracker.Web.Hosting;

internal static class Features
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ClaimSearchService>();
        services.AddScoped<LookupService>();
        services.AddScoped<ConflictTracker.Web.Features.Intake.IntakeService>();
        services.AddScoped<ConflictTracker.Web.Features.Intake.IntakeWorkflow>();
        services.AddScoped<ClaimDetailsService>();
        services.AddScoped<ActorDetailsService>();
        services.AddScoped<SourceDetailsService>();
        services.AddScoped<PropositionDetailsService>();
        services.AddScoped<PropositionBriefService>();
        services.AddScoped<PropositionListService>();
        services.AddScoped<HomeService>();
        services.AddScoped<HistoryService>();
        services.AddScoped<StatementEditorService>();
        services.AddScoped<ActorEditorService>();
        services.AddScoped<SourceEditorService>();
        services.AddScoped<PropositionEditorService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<ReviewQueueService>();
        services.AddScoped<ReviewAssignmentService>();
        services.AddScoped<UnverifiedQuoteService>();
        services.AddSingleton<ReviewQueueNotifier>();
        services.AddSingleton<RecordChangeNotifier>();
        services.AddHostedService<ReviewQueueListener>();
        services.AddScoped<DemoDataLoader>();
        services.AddScoped<ClaimExport>();
        services.AddScoped<FullExport>();
        services.AddScoped<FullBackup>();
        services.AddScoped<ImportService>();
        services.AddScoped<ConflictTracker.Web.Features.Records.RecordIndexService>();
        services.AddScoped<ConflictTracker.Web.Features.Records.SynonymService>();
        services.AddAlerts();
        return services;
    }
}
