using System.Security.Claims;
using ConflictTracker.Web.Data.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ConflictTracker.Web.Security;

/// <summary>
/// Re-checks the user of every open circuit each minute (Security:RevalidationInterval): a disabled account, a changed
/// role or a
/// changed password (all of which change the security stamp), or the end of the circuit's session (signed out in
/// another tab,
/// <see cref="SessionStore"/>) signs the circuit out within a minute.
/// </summary>
public sealed class RevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    SecurityOptions security,
    SessionStore sessions
) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => security.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState,
        CancellationToken cancellationToken
    ) => StillValidAsync(authenticationState.User, cancellationToken);

    internal async Task<bool> StillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await IsStillValidAsync(users, principal, options.Value)
            && await sessions.IsActiveAsync(principal, cancellationToken);
    }

    internal static async Task<bool> IsStillValidAsync(
        UserManager<AppUser> users,
        ClaimsPrincipal principal,
        IdentityOptions options
    )
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
