using ConflictTracker.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictTracker.Testing;

public partial class AppFactory
{
    /// <summary>
    /// Makes a change to a user, their roles or tokens outside the app's own services (UserManager, SQL, another
    /// instance) and waits until this app heard the trigger's notification for that user and dropped the user's
    /// cached tokens (<see cref="ApiTokenCache"/>), as it does within milliseconds in production. A cache that is not
    /// in use (no listener yet) needs no waiting: it answers nothing.
    /// </summary>
    public async Task ChangeAuthAsync(Guid userId, Func<Task> change)
    {
        var cache = Services.GetRequiredService<ApiTokenCache>();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnInvalidated(Guid? user)
        {
            if (user is null || user == userId)
            {
                heard.TrySetResult();
            }
        }

        cache.Invalidated += OnInvalidated;
        try
        {
            await change();
            if (cache.IsActive)
            {
                await heard.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            cache.Invalidated -= OnInvalidated;
        }
    }
}
