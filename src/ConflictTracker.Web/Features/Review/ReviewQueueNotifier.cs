namespace ConflictTracker.Web.Features.Review;

/// <summary>
/// Tells every open page in this app instance that the review queue changed. It is raised by
/// <see cref="ReviewQueueListener"/>, which hears the database's notification, so a change made
/// through another instance (or the command line) is seen too.
/// </summary>
public sealed partial class ReviewQueueNotifier(ILogger<ReviewQueueNotifier> logger)
{
    public event Func<Task>? Changed;

    /// <summary>Calls every page at once; one slow or failing page neither delays nor stops the others.</summary>
    public async Task PublishAsync()
    {
        if (Changed is not { } handlers)
        {
            return;
        }

        await Task.WhenAll(
            handlers
                .GetInvocationList()
                .Cast<Func<Task>>()
                .Select(async handler =>
                {
                    try
                    {
                        await handler();
                    }
                    catch (Exception ex)
                    {
                        LogHandlerFailed(ex);
                    }
                })
        );
    }

    [LoggerMessage(
        EventId = 5003,
        Level = LogLevel.Warning,
        Message = "A page failed to refresh after a review queue change"
    )]
    private partial void LogHandlerFailed(Exception exception);
}
