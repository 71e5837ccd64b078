namespace ConflictTracker.Web.Data.Accounts;

/// <summary>
/// A signed-in browser session, kept on the server (<see cref="Security.SessionStore"/>): the sign-in cookie
/// carries only a random key, so signing out, which deletes the row, kills every copy of the cookie.
/// Sessions are not records of the war: they are deleted when they end, without history.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    /// <summary>SHA-256 of the key the cookie carries: someone who reads the table cannot make a cookie from
    /// it.</summary>
    public byte[] KeyHash { get; init; } = [];

    /// <summary>The authentication ticket (the user's claims), serialised and data-protected.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the ticket expires unless it is renewed (sliding expiry); the row goes then.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
