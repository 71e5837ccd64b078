using System.Security.Claims;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConflictTracker.Testing;

/// <summary>
/// The app's real <see cref="Access"/> and policies, for a user with the given roles, so service
/// tests run the same authorisation checks as the app.
/// </summary>
public static class TestAccess
{
    public static IAccess As(params string[] roles) => For(User(roles), new SecurityOptions());

    public static IAccess Anonymous(bool allowAnonymousReading = false) =>
        For(
            new ClaimsPrincipal(new ClaimsIdentity()),
            new SecurityOptions { AllowAnonymousReading = allowAnonymousReading }
        );

    public static ClaimsPrincipal User(params string[] roles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, $"{string.Join('-', roles).ToLowerInvariant()}@test.example"),
            new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    public static IAccess For(ClaimsPrincipal user, SecurityOptions security)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthorizationCore(options => Policies.Configure(options, security));
        var authorization = services.BuildServiceProvider().GetRequiredService<IAuthorizationService>();
        return new Access(new FixedAuthenticationState(user), authorization, NullLogger<Access>.Instance);
    }

    private sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(user));
    }
}
