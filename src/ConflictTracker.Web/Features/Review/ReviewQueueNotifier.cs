namespace ConflictTracker.Web.Features.Review;

/// <summary>
/// Tells every open page in this app instance that the review queue changed. It is raised by
/// <see cref="ReviewQueueListener"/>, which hears the database's notification, so a change made
/// through another instance (or the command line) is seen too.
/// </summary>
public sealed class ReviewQueueNotifier
{
    public event Func<Task>? Changed;

    public async Task PublishAsync()
    {
        if (Changed is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
        {
            // One closed or failing circuit must not keep the others from hearing about it.
            try
            {
                await handler();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
