using System.Security.Cryptography;
using System.Text;

namespace ConflictTracker.Web.Data.Accounts;

/// <summary>
/// A personal access token for the API: it acts as its user, with the user's roles at the time of
/// each request. Only a SHA-256 hash of the secret is stored; the secret is shown once, when created.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Every token starts with this, so a leaked one is easy to recognise (and to scan for).</summary>
    public const string SecretPrefix = "ctpat_";
    public const int MaxNameLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    /// <summary>What the user called it ("collection pipeline").</summary>
    public string Name { get; init; } = "";

    /// <summary>The first characters of the secret, to tell tokens apart in lists.</summary>
    public string Hint { get; init; } = "";

    public byte[] Hash { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>What stands in for a second factor when the token's user is staff (docs/rules/authorisation.md, "The
    /// API").</summary>
    public ApiTokenSecondFactor SecondFactor { get; init; }

    /// <summary>A new random secret: the prefix and 32 random bytes, base64url.</summary>
    public static string NewSecret() => SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form of a secret. The secret has 256 random bits, so a fast hash is enough.</summary>
    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Whether a token counts as having passed a second factor, and why. Staff (editors, reviewers,
/// admins) who must use two-factor sign-in can use a token only when it does.
/// </summary>
public enum ApiTokenSecondFactor
{
    /// <summary>Created in a session that signed in with a password only (an analyst's, or anyone's where two-factor is
    /// not required).</summary>
    None,

    /// <summary>Created in a session that passed two-factor sign-in.</summary>
    Session,

    /// <summary>
    /// Created by the operator's command (<c>admin create-token</c>), which needs a shell on the server
    /// and the database's credentials: the operator vouches for whoever receives the token.
    /// </summary>
    Operator,
}
