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
}
