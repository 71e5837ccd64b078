using System.Security.Claims;
using ConflictTracker.Web.Security;

namespace ConflictTracker.Web.Features.Alerts;

/// <summary>The signed-in user's id and name, for what belongs to one person (saved searches, notifications,
/// comments). Anonymous readers (when reading is open to all) have none and may not use these.</summary>
internal static class Me
{
    public static async Task<(Guid Id, string Name)> DemandAsync(IAccess access, string operation)
    {
        await access.DemandAsync(Policies.Read, operation);
        var user = await access.UserAsync();
        return
            Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) && user.Identity?.Name is { } name
            ? (id, name)
            : throw new AccessDeniedException(Policies.Read, operation);
    }
}
