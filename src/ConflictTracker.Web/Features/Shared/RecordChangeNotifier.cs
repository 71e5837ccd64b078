using ConflictTracker.Web.Data.Saving;

namespace ConflictTracker.Web.Features.Shared;

/// <summary>
/// Tells every open page in this app instance which records were saved, by whom, so a page showing one
/// can read it again. Raised by <see cref="Review.ReviewQueueListener"/>, which hears the database's
/// notification (<see cref="Data.AppDbContext.RecordChangedChannel"/>), so saves made through another
/// instance, the API or the command line are seen too.
/// </summary>
public sealed partial class RecordChangeNotifier(ILogger<RecordChangeNotifier> logger)
{
    public event Func<RecordChanges, Task>? Changed;

    /// <summary>Calls every page at once; one slow or failing page neither delays nor stops the others.</summary>
    public async Task PublishAsync(RecordChanges changes)
    {
        if (Changed is not { } handlers)
        {
            return;
        }

        await Task.WhenAll(
            handlers
                .GetInvocationList()
                .Cast<Func<RecordChanges, Task>>()
                .Select(async handler =>
                {
                    try
                    {
                        await handler(changes);
                    }
                    catch (Exception ex)
                    {
                        LogHandlerFailed(ex);
                    }
                })
        );
    }

    [LoggerMessage(
        EventId = 5004,
        Level = LogLevel.Warning,
        Message = "A page failed to refresh after a record changed"
    )]
    private partial void LogHandlerFailed(Exception exception);
}
