using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Security;

public sealed record UserRow(
    Guid Id,
    string Email,
    string DisplayName,
    IReadOnlyList<string> Roles,
    bool IsDisabled,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt
);

public sealed record NewUser(string? Email, string? DisplayName, string? Password, IReadOnlyCollection<string> Roles);

public enum SignInOutcome
{
    SignedIn,
    Failed,
    LockedOut,
    NotAllowed,
    RequiresTwoFactor,
}

/// <summary>What a user needs to add an authenticator app: the key to type, and the otpauth:// address a QR code
/// carries.</summary>
public sealed record AuthenticatorSetup(string Key, string Uri);

/// <summary>
/// Accounts: sign-in (with lockout and logging) and, for admins, creating users, setting roles,
/// disabling and re-enabling. Every admin operation demands <see cref="Policies.Administer"/>;
/// the operator command line uses the unchecked core because whoever runs it already owns the server.
/// </summary>
public sealed partial class AccountService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IAccess access,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<AccountService> logger,
    ApiTokenCache tokenCache
)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember)
    {
        var result = await signIn.PasswordSignInAsync(email, password, remember, lockoutOnFailure: true);
        var at = time.GetUtcNow();
        var outcome = result switch
        {
            { Succeeded: true } => SignInOutcome.SignedIn,
            { IsLockedOut: true } => SignInOutcome.LockedOut,
            { RequiresTwoFactor: true } => SignInOutcome.RequiresTwoFactor,
            { IsNotAllowed: true } => SignInOutcome.NotAllowed,
            _ => SignInOutcome.Failed,
        };
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                LogSignedIn(email, at);
                break;
            case SignInOutcome.LockedOut:
                LogLockedOut(email, at);
                break;
            case SignInOutcome.RequiresTwoFactor:
                LogPasswordAccepted(email, at);
                break;
            default:
                LogSignInFailed(email, outcome, at);
                break;
        }

        return outcome;
    }

    /// <summary>
    /// The second step of sign-in: a code from the authenticator app, or one of the recovery codes.
    /// Failures count towards lockout like wrong passwords.
    /// </summary>
    public async Task<SignInOutcome> SecondFactorAsync(string code, bool isRecoveryCode)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInOutcome.NotAllowed;
        }

        var cleaned = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = isRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(cleaned)
            : await signIn.TwoFactorAuthenticatorSignInAsync(cleaned, isPersistent: false, rememberClient: false);
        var at = time.GetUtcNow();
        var outcome = result switch
        {
            { Succeeded: true } => SignInOutcome.SignedIn,
            { IsLockedOut: true } => SignInOutcome.LockedOut,
            { IsNotAllowed: true } => SignInOutcome.NotAllowed,
            _ => SignInOutcome.Failed,
        };
        if (outcome == SignInOutcome.SignedIn)
        {
            LogSecondFactorPassed(user.Email!, isRecoveryCode ? "recovery code" : "authenticator", at);
        }
        else
        {
            LogSecondFactorFailed(user.Email!, outcome, at);
        }

        return outcome;
    }

    /// <summary>The signed-in user's authenticator key (a new one if none yet) for setting up an app.</summary>
    public async Task<AuthenticatorSetup> AuthenticatorSetupAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        var user =
            await users.GetUserAsync(principal)
            ?? throw new AccessDeniedException(Policies.Read, "set up two-factor sign-in");
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            Throw(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            // Resetting the key renews the security stamp; renew this session's cookie with it, or
            // the next request (the code that turns two-factor on) would be signed out.
            await signIn.RefreshSignInAsync(user);
        }

        var issuer = Uri.EscapeDataString("ConflictTracker");
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6";
        var spaced = string.Join(
                ' ',
                Enumerable
                    .Range(0, (key!.Length + 3) / 4)
                    .Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))
                    .ToArray()
            )
            .ToLowerInvariant();
        return new AuthenticatorSetup(spaced, uri);
    }

    /// <summary>
    /// Turns on two-factor sign-in once the user proves their app works (a current code), signs the
    /// session in again as having passed a second factor, and returns ten single-use recovery codes.
    /// </summary>
    public async Task<IReadOnlyList<string>?> EnableTwoFactorAsync(
        System.Security.Claims.ClaimsPrincipal principal,
        string code
    )
    {
        var user =
            await users.GetUserAsync(principal)
            ?? throw new AccessDeniedException(Policies.Read, "set up two-factor sign-in");
        var cleaned = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
        {
            LogSecondFactorFailed(user.Email!, SignInOutcome.Failed, time.GetUtcNow());
            return null;
        }

        Throw(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await signIn.SignInWithClaimsAsync(
            user,
            isPersistent: false,
            [new System.Security.Claims.Claim(Policies.MultiFactorClaim, Policies.MultiFactorValue)]
        );
        LogTwoFactorEnabled(user.Email!, time.GetUtcNow());
        return codes;
    }

    /// <summary>
    /// Changes the signed-in user's own password (the current one is required). Returns the rules the
    /// new one breaks, or none; the session is renewed so other sessions of the account must sign in again.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(
        System.Security.Claims.ClaimsPrincipal principal,
        string current,
        string replacement
    )
    {
        var user =
            await users.GetUserAsync(principal) ?? throw new AccessDeniedException(Policies.Read, "change a password");
        var broken = PasswordRules.Check(replacement, user.Email);
        if (broken.Count > 0)
        {
            return broken;
        }

        var result = await users.ChangePasswordAsync(user, current, replacement);
        if (!result.Succeeded)
        {
            return result
                .Errors.Select(e => e.Code == "PasswordMismatch" ? "The current password is not right." : e.Description)
                .ToList();
        }

        await signIn.RefreshSignInAsync(user);
        LogPasswordChanged(user.Email!, time.GetUtcNow());
        return [];
    }

    /// <summary>Signs out the user of the current HTTP request (<paramref name="user"/>: that request's user, for the
    /// log).</summary>
    public async Task SignOutAsync(System.Security.Claims.ClaimsPrincipal user)
    {
        await signIn.SignOutAsync();
        LogSignedOut(user.Identity?.Name ?? "(anonymous)", time.GetUtcNow());
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await access.DemandAsync(Policies.Administer, "list user accounts");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        // One query for the users and one for all their roles, not one per user.
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await (
            from link in db.UserRoles
            join role in db.Roles on link.RoleId equals role.Id
            select new { link.UserId, role.Name }
        )
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var now = time.GetUtcNow();
        return all.Select(u => new UserRow(
                u.Id,
                u.Email ?? "",
                u.DisplayName,
                byUser[u.Id].Order(StringComparer.Ordinal).ToList(),
                u.IsDisabled,
                u.LockoutEnd is { } end && end > now ? end : null,
                u.CreatedAt
            ))
            .ToList();
    }

    public async Task<UserRow> CreateAsync(NewUser input)
    {
        await access.DemandAsync(Policies.Administer, "create user accounts");
        var user = await CreateUncheckedAsync(input);
        LogUserCreated(user.Email, string.Join(", ", user.Roles), await ActorAsync(), time.GetUtcNow());
        return user;
    }

    public async Task<UserRow> SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles)
    {
        await access.DemandAsync(Policies.Administer, "change roles");
        // A fresh scope per change: the admin page lives long, and a user loaded earlier may be stale.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await FindAsync(users, userId);
        var errors = new ValidationErrors();
        CheckRoles(roles, errors);
        if (user.Id == await CurrentUserIdAsync() && !roles.Contains(Roles.Admin))
        {
            errors.Add(nameof(NewUser.Roles), "You cannot remove your own Admin role; ask another admin.");
        }

        errors.ThrowIfAny();
        var current = await users.GetRolesAsync(user);
        Throw(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Throw(await users.AddToRolesAsync(user, roles.Except(current)));
        // A new security stamp makes open sessions re-check their roles within a minute.
        Throw(await users.UpdateSecurityStampAsync(user));
        // This instance's cached tokens carry the old roles: drop them now (the others hear the trigger).
        tokenCache.Invalidate(user.Id);
        LogRolesChanged(user.Email!, string.Join(", ", roles), await ActorAsync(), time.GetUtcNow());
        return await RowAsync(users, user);
    }

    public async Task<UserRow> SetDisabledAsync(Guid userId, bool disabled)
    {
        await access.DemandAsync(Policies.Administer, disabled ? "disable accounts" : "enable accounts");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await FindAsync(users, userId);
        if (disabled && user.Id == await CurrentUserIdAsync())
        {
            throw new DomainValidationException(nameof(AppUser.IsDisabled), "You cannot disable your own account.");
        }

        user.IsDisabled = disabled;
        Throw(await users.UpdateAsync(user));
        Throw(await users.UpdateSecurityStampAsync(user));
        tokenCache.Invalidate(user.Id);
        if (!disabled)
        {
            Throw(await users.SetLockoutEndDateAsync(user, null));
            Throw(await users.ResetAccessFailedCountAsync(user));
        }

        LogDisabledChanged(user.Email!, disabled, await ActorAsync(), time.GetUtcNow());
        return await RowAsync(users, user);
    }

    /// <summary>Creates a user without an authorisation check: for the operator command line and demo accounts
    /// only.</summary>
    internal async Task<UserRow> CreateUncheckedAsync(NewUser input)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var errors = new ValidationErrors();
        var email = errors.Check(() => Rules.RequiredText(input.Email, nameof(NewUser.Email), 256));
        var name = errors.Check(() =>
            Rules.RequiredText(input.DisplayName, nameof(NewUser.DisplayName), AppUser.MaxDisplayNameLength)
        );
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            errors.Add(nameof(NewUser.Email), "Enter an e-mail address such as name@example.org.");
        }

        foreach (var message in PasswordRules.Check(input.Password, email))
        {
            errors.Add(nameof(NewUser.Password), message);
        }

        CheckRoles(input.Roles, errors);
        if (email is not null && await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(nameof(NewUser.Email), "An account with this e-mail address exists already.");
        }

        errors.ThrowIfAny();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = name!,
            EmailConfirmed = true,
            CreatedAt = time.GetUtcNow(),
        };
        Throw(await users.CreateAsync(user, input.Password!));
        Throw(await users.AddToRolesAsync(user, input.Roles));
        return await RowAsync(users, user);
    }

    private static void CheckRoles(IReadOnlyCollection<string> roles, ValidationErrors errors)
    {
        if (roles.Count == 0)
        {
            errors.Add(nameof(NewUser.Roles), "Give the account at least one role.");
        }

        foreach (var role in roles.Where(r => !Roles.All.Contains(r)))
        {
            errors.Add(nameof(NewUser.Roles), $"'{role}' is not a role; use {string.Join(", ", Roles.All)}.");
        }
    }

    private static async Task<AppUser> FindAsync(UserManager<AppUser> users, Guid id) =>
        await users.FindByIdAsync(id.ToString())
        ?? throw new DomainValidationException("User", "There is no such user.");

    private async Task<UserRow> RowAsync(UserManager<AppUser> users, AppUser user) =>
        new(
            user.Id,
            user.Email ?? "",
            user.DisplayName,
            (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList(),
            user.IsDisabled,
            user.LockoutEnd is { } end && end > time.GetUtcNow() ? end : null,
            user.CreatedAt
        );

    private async Task<Guid?> CurrentUserIdAsync() =>
        Guid.TryParse(users.GetUserId(await access.UserAsync()), out var id) ? id : null;

    private async Task<string> ActorAsync() => (await access.UserAsync()).Identity?.Name ?? "(command line)";

    /// <summary>Identity's own refusals (a duplicate name, a store failure) as validation errors.</summary>
    private static void Throw(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainValidationException(
                result
                    .Errors.GroupBy(e =>
                        e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(NewUser.Password) : "User"
                    )
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal)
            );
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Sign-in succeeded for {Email} at {At:O}")]
    private partial void LogSignedIn(string email, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4002,
        Level = LogLevel.Warning,
        Message = "Sign-in failed for {Email} ({Outcome}) at {At:O}"
    )]
    private partial void LogSignInFailed(string email, SignInOutcome outcome, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4003,
        Level = LogLevel.Warning,
        Message = "Account {Email} is locked out after repeated failures, at {At:O}"
    )]
    private partial void LogLockedOut(string email, DateTimeOffset at);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "{User} signed out at {At:O}")]
    private partial void LogSignedOut(string user, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4005,
        Level = LogLevel.Information,
        Message = "Password accepted for {Email} at {At:O}; waiting for the second factor"
    )]
    private partial void LogPasswordAccepted(string email, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4006,
        Level = LogLevel.Information,
        Message = "Second factor ({Method}) passed for {Email} at {At:O}"
    )]
    private partial void LogSecondFactorPassed(string email, string method, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4007,
        Level = LogLevel.Warning,
        Message = "Second factor failed for {Email} ({Outcome}) at {At:O}"
    )]
    private partial void LogSecondFactorFailed(string email, SignInOutcome outcome, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4008,
        Level = LogLevel.Information,
        Message = "Two-factor sign-in enabled for {Email} at {At:O}"
    )]
    private partial void LogTwoFactorEnabled(string email, DateTimeOffset at);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "{Email} changed their password at {At:O}")]
    private partial void LogPasswordChanged(string email, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4010,
        Level = LogLevel.Information,
        Message = "Account {Email} created with roles {Roles} by {Admin} at {At:O}"
    )]
    private partial void LogUserCreated(string email, string roles, string admin, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4011,
        Level = LogLevel.Information,
        Message = "Roles of {Email} set to {Roles} by {Admin} at {At:O}"
    )]
    private partial void LogRolesChanged(string email, string roles, string admin, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4012,
        Level = LogLevel.Information,
        Message = "Account {Email} disabled: {Disabled}, by {Admin} at {At:O}"
    )]
    private partial void LogDisabledChanged(string email, bool disabled, string admin, DateTimeOffset at);
}
