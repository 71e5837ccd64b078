using System.Security.Claims;
using System.Text.Encodings.Web;
using ConflictTracker.Web.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ConflictTracker.Web.Security;

/// <summary>
/// The API's authentication: <c>Authorization: Bearer ctpat_…</c>. A valid token signs the request in
/// as its user, with the user's current roles. Failures answer 401 (no or bad token) and 403 (the
/// role does not allow it) as problem details; an address that sent too many bad tokens gets 429
/// (<see cref="FailedTokenAttempts"/>).
/// </summary>
public sealed partial class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiTokenService tokens,
    FailedTokenAttempts failures,
    IOptions<IdentityOptions> identityOptions,
    SecurityOptions security
) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The claim carrying the token's id, so rate limits and logs can tell tokens apart.</summary>
    public const string TokenIdClaim = "token_id";

    // Set when the client's address is refused for too many failed attempts: the challenge answers 429, not 401.
    private const string WaitKey = "api-token-wait";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        // Checked before the token is looked up: a refused address costs no database query.
        var client = FailedTokenAttempts.ClientOf(Context);
        if (failures.WaitFor(client) is { } wait)
        {
            Context.Items[WaitKey] = wait;
            return AuthenticateResult.Fail("Too many failed token attempts from this address.");
        }

        var found = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (found is not { } valid)
        {
            LogRejected(Logger, Request.Path, DateTimeOffset.UtcNow);
            if (failures.CountFailure(client))
            {
                LogClientRefused(Logger, client, failures.Options.PermitLimit, failures.Options.Window);
            }

            return AuthenticateResult.Fail("The token is unknown, expired or revoked, or its user is disabled.");
        }

        // The claims a signed-in session carries (AppClaimsPrincipalFactory), built from the one read above.
        var types = identityOptions.Value.ClaimsIdentity;
        var user = valid.User;
        var identity = new ClaimsIdentity(SchemeName, types.UserNameClaimType, types.RoleClaimType);
        identity.AddClaim(new Claim(types.UserIdClaimType, user.Id.ToString()));
        identity.AddClaim(new Claim(types.UserNameClaimType, user.UserName ?? user.Email ?? user.Id.ToString()));
        if (user.Email is { } email)
        {
            identity.AddClaim(new Claim(types.EmailClaimType, email));
        }

        identity.AddClaim(new Claim(AppClaimsPrincipalFactory.DisplayNameClaim, user.DisplayName));
        identity.AddClaims(valid.Roles.Select(role => new Claim(types.RoleClaimType, role)));
        identity.AddClaims(valid.Claims.Select(c => new Claim(c.Type, c.Value)));

        // A token stands in for a second factor only when it was created in a session that passed
        // one, or by the operator: an analyst's token does not become a staff member's on promotion.
        if (valid.Token.SecondFactor != ApiTokenSecondFactor.None)
        {
            identity.AddClaim(new Claim(Policies.MultiFactorClaim, Policies.MultiFactorValue));
        }

        identity.AddClaim(new Claim(TokenIdClaim, valid.Token.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[WaitKey] is TimeSpan wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problem(
                StatusCodes.Status429TooManyRequests,
                "Too many failed token attempts",
                $"This address sent more than {failures.Options.PermitLimit} unknown, expired or revoked tokens in {failures.Options.Window.TotalSeconds:0} s. "
                    + $"Check the token (or create one on /account/tokens) and try again in {seconds} s."
            );
        }

        Response.Headers.WWWAuthenticate = "Bearer realm=\"ConflictTracker API\"";
        return Problem(
            StatusCodes.Status401Unauthorized,
            "A valid API token is required",
            "Send 'Authorization: Bearer <token>'. Create a token on your account page (/account/tokens); it may have expired or been revoked."
        );
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        // Every policy refuses staff without a second factor, whatever their roles: say so, not "lacks the role".
        if (
            (await HandleAuthenticateOnceSafeAsync()).Principal is { } user
            && Policies.NeedsSecondFactor(user, security)
        )
        {
            await Problem(
                StatusCodes.Status403Forbidden,
                "This token needs two-factor sign-in",
                "The token's user is an editor, reviewer or admin, who must use two-factor sign-in, and this token was not created in a session that passed it. "
                    + "Set up two-factor sign-in at /account/two-factor, sign in with it and create a new token at /account/tokens, "
                    + "or ask the operator for one made with 'admin create-token' (docs/api.md)."
            );
            return;
        }

        await Problem(
            StatusCodes.Status403Forbidden,
            "Your role does not allow this",
            "The token's user lacks the role this operation needs (docs/rules/authorisation.md)."
        );
    }

    private Task Problem(int status, string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(Context);

    [LoggerMessage(EventId = 4042, Level = LogLevel.Warning, Message = "API token rejected for {Path} at {At:O}")]
    private static partial void LogRejected(ILogger logger, string path, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4043,
        Level = LogLevel.Warning,
        Message = "API requests from {Client} refused for up to {Window}: {Limit} failed token attempts"
    )]
    private static partial void LogClientRefused(ILogger logger, string client, int limit, TimeSpan window);
}
