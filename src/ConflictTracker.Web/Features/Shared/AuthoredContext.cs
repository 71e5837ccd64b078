using ConflictTracker.Web.Data;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Features.Shared;

internal static class AuthoredContext
{
    /// <summary>
    /// A context whose saves are attributed, in the change history, to the signed-in user. Services
    /// that write call this after demanding their policy; without a user there is nothing to attribute.
    /// </summary>
    public static async Task<AppDbContext> OpenAsAuthorAsync(
        this IDbContextFactory<AppDbContext> factory,
        IAccess access,
        CancellationToken cancellationToken = default
    )
    {
        var author =
            (await access.UserAsync()).Identity?.Name
            ?? throw new AccessDeniedException(Policies.Edit, "save changes without signing in");
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ChangedBy = author;
        return db;
    }
}
