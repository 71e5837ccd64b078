using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace ConflictTracker.Web.Security;

/// <summary>The signed-in user as services see them, and the check every service operation makes.</summary>
public interface IAccess
{
    Task<ClaimsPrincipal> UserAsync();

    Task<bool> AllowsAsync(string policy);

    /// <summary>Throws <see cref="AccessDeniedException"/> (and logs the denial) unless the user satisfies <paramref
    /// name="policy"/>.</summary>
    Task DemandAsync(string policy, string operation);
}

/// <summary>The operation was refused for the current user. Pages show "not allowed"; the API answers 403.</summary>
public sealed class AccessDeniedException(string policy, string operation)
    : Exception($"You are not allowed to {operation}.")
{
    public string Policy { get; } = policy;

    public string Operation { get; } = operation;
}

/// <summary>
/// Reads the user from the <see cref="AuthenticationStateProvider"/>: the request's user during
/// prerendering and HTTP calls, the circuit's (revalidated every minute) in interactive pages.
/// </summary>
public sealed partial class Access(
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization,
    ILogger<Access> logger
) : IAccess
{
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<bool> AllowsAsync(string policy) =>
        (await authorization.AuthorizeAsync(await UserAsync(), policy)).Succeeded;

    public async Task DemandAsync(string policy, string operation)
    {
        var user = await UserAsync();
        if (!(await authorization.AuthorizeAsync(user, policy)).Succeeded)
        {
            LogDenied(user.Identity?.Name ?? "(anonymous)", operation, policy, DateTimeOffset.UtcNow);
            throw new AccessDeniedException(policy, operation);
        }
    }

    [LoggerMessage(
        EventId = 4030,
        Level = LogLevel.Warning,
        Message = "Authorisation denied: {User} may not {Operation} (policy {Policy}) at {At:O}"
    )]
    private partial void LogDenied(string user, string operation, string policy, DateTimeOffset at);
}
