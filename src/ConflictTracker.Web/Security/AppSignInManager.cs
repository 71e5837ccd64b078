using System.Security.Cryptography;
using ConflictTracker.Web.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ConflictTracker.Web.Security;

/// <summary>
/// Identity's sign-in manager, except that a disabled account may not sign in (result: NotAllowed),
/// and that every password sign-in costs one password hash, whether the account exists, is locked
/// out or disabled, or not: the time an answer takes must not tell which addresses have accounts
/// (ASVS V6.3.8; docs/rules/authorisation.md).
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation
) : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // A hash of a random password made by the app's own hasher, so checking against it costs exactly what checking a
    // real one does.
    private static string? dummyHash;

    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(
        string userName,
        string password,
        bool isPersistent,
        bool lockoutOnFailure
    )
    {
        // No account can have a name with control characters (and PostgreSQL refuses a NUL in a query).
        var user = userName.Any(char.IsControl) ? null : await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            SpendOneHash(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(
        AppUser user,
        string password,
        bool lockoutOnFailure
    )
    {
        // Identity refuses a locked-out or disabled account before it looks at the password, which
        // would make that answer much faster than a wrong password's.
        if (await PreSignInCheck(user) is { } refused)
        {
            SpendOneHash(password);
            return refused;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    private void SpendOneHash(string password)
    {
        var hasher = UserManager.PasswordHasher;
        var hash = LazyInitializer.EnsureInitialized(
            ref dummyHash,
            () => hasher.HashPassword(new AppUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)))
        );
        hasher.VerifyHashedPassword(new AppUser(), hash, password);
    }
}
