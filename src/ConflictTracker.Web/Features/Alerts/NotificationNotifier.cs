using ConflictTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

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

    /// <summary>Ids per <c>pg_notify</c> payload: PostgreSQL refuses payloads of 8000 bytes or more (a 36-character
    /// id and a comma each: 150 make about 5.5 kB).</summary>
    public const int UsersPerPayload = 150;

    /// <summary>Names <paramref name="users"/> on <see cref="AppDbContext.NotificationsChannel"/>, in as many
    /// notifications as it takes to keep each payload under PostgreSQL's limit; sent when the transaction
    /// commits.</summary>
    public static async Task SendAsync(
        DatabaseFacade database,
        IEnumerable<Guid> users,
        CancellationToken cancellationToken
    )
    {
        foreach (var chunk in users.Chunk(UsersPerPayload))
        {
            await database.ExecuteSqlAsync(
                $"SELECT pg_notify({AppDbContext.NotificationsChannel}, {string.Join(',', chunk)})",
                cancellationToken
            );
        }
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
