namespace ConflictTracker.Web.Security;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Lets anyone browse and search without signing in (read-only), for public deployments.
    /// Off by default: every page needs a signed-in user with a role.
    /// </summary>
    public bool AllowAnonymousReading { get; set; }

    /// <summary>
    /// How often sign-in cookies and open pages are re-checked against the database, so that a
    /// disabled account or a removed role takes effect (default one minute).
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Editors, reviewers and admins must sign in with an authenticator app (TOTP) as a second factor.
    /// When not set: required everywhere except in Development.
    /// </summary>
    public bool? RequireTwoFactorForStaff { get; set; }
}
