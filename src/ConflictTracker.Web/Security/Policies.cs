using Microsoft.AspNetCore.Authorization;

namespace ConflictTracker.Web.Security;

/// <summary>
/// What each role may do (docs/rules/authorisation.md). Pages carry these policies as attributes and
/// services demand them again through <see cref="IAccess"/>: hiding a button is never the protection.
/// </summary>
public static class Policies
{
    /// <summary>Browse and search claims, actors, sources, propositions and history.</summary>
    public const string Read = "Read";

    /// <summary>Create and change actors, sources, propositions and claims.</summary>
    public const string Edit = "Edit";

    /// <summary>Review relations and flags.</summary>
    public const string Review = "Review";

    /// <summary>Manage user accounts and roles.</summary>
    public const string Administer = "Administer";

    public static void Configure(AuthorizationOptions options, SecurityOptions security)
    {
        options.AddPolicy(Read, policy => policy.RequireAssertion(context =>
            security.AllowAnonymousReading || Roles.All.Any(context.User.IsInRole)));
        options.AddPolicy(Edit, policy => policy.RequireRole(Roles.Editor, Roles.Admin));
        options.AddPolicy(Review, policy => policy.RequireRole(Roles.Reviewer, Roles.Admin));
        options.AddPolicy(Administer, policy => policy.RequireRole(Roles.Admin));
    }
}
