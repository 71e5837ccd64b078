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

    /// <summary>Propose relations between claims and raise flags: editors and reviewers.</summary>
    public const string Propose = "Propose";

    /// <summary>Manage user accounts and roles.</summary>
    public const string Administer = "Administer";

    /// <summary>The claim Identity adds to a session that passed a second factor.</summary>
    public const string MultiFactorClaim = "amr";
    public const string MultiFactorValue = "mfa";

    /// <summary>Roles that must sign in with a second factor when <see
    /// cref="SecurityOptions.RequireTwoFactorForStaff"/> is on.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Editor, Roles.Reviewer, Roles.Admin];

    public static void Configure(AuthorizationOptions options, SecurityOptions security)
    {
        options.AddPolicy(
            Read,
            policy =>
                policy.RequireAssertion(context =>
                    security.AllowAnonymousReading
                    || (Roles.All.Any(context.User.IsInRole) && PassedSecondFactorIfStaff(context.User, security))
                )
        );
        options.AddPolicy(
            Edit,
            policy =>
                policy
                    .RequireRole(Roles.Editor, Roles.Admin)
                    .RequireAssertion(c => PassedSecondFactorIfStaff(c.User, security))
        );
        options.AddPolicy(
            Propose,
            policy =>
                policy
                    .RequireRole(Roles.Editor, Roles.Reviewer, Roles.Admin)
                    .RequireAssertion(c => PassedSecondFactorIfStaff(c.User, security))
        );
        options.AddPolicy(
            Review,
            policy =>
                policy
                    .RequireRole(Roles.Reviewer, Roles.Admin)
                    .RequireAssertion(c => PassedSecondFactorIfStaff(c.User, security))
        );
        options.AddPolicy(
            Administer,
            policy => policy.RequireRole(Roles.Admin).RequireAssertion(c => PassedSecondFactorIfStaff(c.User, security))
        );
    }

    /// <summary>
    /// A staff member (editor, reviewer, admin) who signed in with a password only may do nothing
    /// until they set up and use a second factor; everyone else passes.
    /// </summary>
    public static bool PassedSecondFactorIfStaff(
        System.Security.Claims.ClaimsPrincipal user,
        SecurityOptions security
    ) =>
        security.RequireTwoFactorForStaff != true
        || !StaffRoles.Any(user.IsInRole)
        || user.HasClaim(MultiFactorClaim, MultiFactorValue);

    /// <summary>True for a signed-in staff member who still has to set up or use a second factor.</summary>
    public static bool NeedsSecondFactor(System.Security.Claims.ClaimsPrincipal user, SecurityOptions security) =>
        user.Identity?.IsAuthenticated == true && !PassedSecondFactorIfStaff(user, security);
}
