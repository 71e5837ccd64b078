namespace ConflictTracker.Web.Features.Alerts;

/// <summary>
/// Tells the open pages of this app instance whose notifications changed (null: anyone's, after the listening
/// connection was lost), so bells and lists refresh live. Raised by <see cref="AlertListener"/> from the database's
/// notification, so notifications stored by another instance are seen too.
/// </summary>
public sealed partial class NotificationNotifier(ILogger<NotificationNotifier> logger)
{
    public event Func<IReadOnlySet<Guid>?, Task>? Changed;

    /// <summary>Calls every page at once; one failing page neither delays nor stops the others.</summary>
    public async Task PublishAsync(IReadOnlySet<Guid>? users)
    {
        if (Changed is not { } handlers)
        {
            return;
        }

        await Task.WhenAll(
            handlers
                .GetInvocationList()
                .Cast<Func<IReadOnlySet<Guid>?, Task>>()
                .Select(async handler =>
                {
                    try
                    {
                        await handler(users);
                    }
                    catch (Exception ex)
                    {
                        LogHandlerFailed(ex);
                    }
                })
        );
    }

    /// <summary>The user ids of a <see cref="Data.AppDbContext.NotificationsChannel"/> payload.</summary>
    public static IReadOnlySet<Guid> Parse(string payload) =>
        payload
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToHashSet();

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "A page failed to refresh its notifications")]
    private partial void LogHandlerFailed(Exception exception);
}
