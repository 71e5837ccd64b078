using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConflictTracker.Web.Security;

/// <summary>
/// Keeps sign-in sessions on the server (table <c>user_sessions</c>; docs/rules/authorisation.md,
/// "Sessions"). The sign-in cookie carries only a random key; the ticket with the user's claims stays
/// here, so signing out (which deletes the row) ends the session for every copy of the cookie, and an
/// open page of that session is signed out at its next revalidation.
/// </summary>
public sealed partial class SessionStore(
    IDbContextFactory<AppDbContext> contexts,
    IDataProtectionProvider protection,
    IOptions<IdentityOptions> identity,
    TimeProvider time,
    ILogger<SessionStore> logger
) : ITicketStore
{
    /// <summary>The claim that names a session's row in the user's principal, so open pages can check it still
    /// exists.</summary>
    public const string SessionClaim = "session";

    // The tickets hold e-mail addresses, roles and security stamps: not for anyone who reads the table.
    private readonly IDataProtector protector = protection.CreateProtector("ConflictTracker.Sessions.v1");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Sessions nobody came back to go when they expire, not years later.
        await db.UserSessions.Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var session = new UserSession
        {
            UserId = UserIdOf(ticket),
            KeyHash = Hash(key),
            CreatedAt = now,
        };
        Fill(session, ticket, now);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.KeyHash == hash, cancellationToken);
        if (session is null)
        {
            // Ended (signed out, expired) while a request of it was still running: it stays ended.
            return;
        }

        if (session.UserId != UserIdOf(ticket))
        {
            // Someone signed in as another account in a browser holding this session's cookie. Carrying
            // on under the same key would let whoever planted that cookie share the new session, so it
            // ends here, and the browser has to sign in again with a fresh one.
            db.UserSessions.Remove(session);
            await db.SaveChangesAsync(CancellationToken.None);
            LogSessionEndedBySignInAsOther(logger, session.Id, time.GetUtcNow());
            return;
        }

        Fill(session, ticket, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db
            .UserSessions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.KeyHash == hash, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (session.ExpiresAt <= time.GetUtcNow())
        {
            await db.UserSessions.Where(s => s.Id == session.Id).ExecuteDeleteAsync(CancellationToken.None);
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            // The key that protected it is gone (a restore without data_protection_keys): sign in again.
            return null;
        }
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        // Not cancelled with the request: a sign-out must finish even if the browser stops waiting.
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.UserSessions.Where(s => s.KeyHash == hash).ExecuteDeleteAsync(CancellationToken.None);
    }

    /// <summary>
    /// True unless <paramref name="principal"/> belongs to a session that has ended. Principals from
    /// elsewhere (API tokens) have no session and pass.
    /// </summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(principal.FindFirstValue(SessionClaim), out var id))
        {
            return true;
        }

        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserSessions.AnyAsync(s => s.Id == id && s.ExpiresAt > now, cancellationToken);
    }

    private void Fill(UserSession session, AuthenticationTicket ticket, DateTimeOffset now)
    {
        // The principal gets the row's id (a refreshed principal is built afresh and lacks it).
        var principal = new ClaimsPrincipal(ticket.Principal.Identities.Select(i => i.Clone()));
        var first = principal.Identities.First();
        foreach (var old in first.FindAll(SessionClaim).ToList())
        {
            first.RemoveClaim(old);
        }

        first.AddClaim(new Claim(SessionClaim, session.Id.ToString()));
        session.Ticket = protector.Protect(
            TicketSerializer.Default.Serialize(
                new AuthenticationTicket(principal, ticket.Properties, ticket.AuthenticationScheme)
            )
        );
        session.ExpiresAt = ticket.Properties.ExpiresUtc ?? now.Add(Hosting.Authentication.SessionLifetime);
    }

    private Guid UserIdOf(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType), out var id)
            ? id
            : throw new InvalidOperationException("A sign-in ticket without a user id cannot be stored.");

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    [LoggerMessage(
        EventId = 4013,
        Level = LogLevel.Warning,
        Message = "Session {SessionId} ended: someone signed in as another account over it, at {At:O}"
    )]
    private static partial void LogSessionEndedBySignInAsOther(ILogger logger, Guid sessionId, DateTimeOffset at);
}
