using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace ConflictTracker.Web.Hosting;

/// <summary>
/// Accounts (ASP.NET Core Identity in the app's PostgreSQL), cookies, roles and policies.
/// The settings follow OWASP ASVS 5.0 level 2; docs/rules/authorisation.md lists them.
/// </summary>
internal static class Authentication
{
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MaxFailedAttempts = 5;

    /// <summary>How long a sign-in lasts without a request (sliding expiry).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddAccounts(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment
    )
    {
        var security =
            configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        security.RequireTwoFactorForStaff ??= !environment.IsDevelopment();
        services.AddSingleton(security);

        // Keys in the database: a restart or a second instance keeps everyone signed in.
        services.AddDataProtection().SetApplicationName("ConflictTracker").PersistKeysToDbContext<AppDbContext>();

        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddScoped<IAccess, Access>();

        services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization(options => Policies.Configure(options, security));

        services
            .AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length and a common-password list instead of composition rules (PasswordRules).
                options.Password.RequiredLength = PasswordRules.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddPasswordValidator<PasswordRules>()
            .AddDefaultTokenProviders();

        // Cookies are re-checked against the database every minute (disabled users, role changes).
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = security.RevalidationInterval;
            // The refreshed principal belongs to the same session: it keeps the record that the session
            // passed a second factor, and which session it is.
            options.OnRefreshingPrincipal = context =>
            {
                foreach (var type in new[] { Policies.MultiFactorClaim, SessionStore.SessionClaim })
                {
                    if (
                        context.CurrentPrincipal?.FindFirst(type) is { } claim
                        && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                        && !identity.HasClaim(claim.Type, claim.Value)
                    )
                    {
                        identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            // Sign-in stays on this host; the 2FA step reads its user from Identity's own cookie.
            options.ExpireTimeSpan = SessionLifetime;
            options.SlidingExpiration = true;
            options.Cookie.Name = "ConflictTracker.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure everywhere but local development over http (behind a TLS proxy too: the flag does not depend on
            // the request).
            options.Cookie.SecurePolicy = environment.IsDevelopment()
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
        });

        // Sessions live in the database and the cookie holds only a key: signing out ends the session
        // for every copy of the cookie (ASVS V7.4.1). Only the application cookie: the short-lived
        // two-factor cookies carry no session.
        services.AddSingleton<SessionStore>();
        services
            .AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
                IdentityConstants.ApplicationScheme
            )
            .Configure<SessionStore>((options, store) => options.SessionStore = store);

        services.AddScoped<AccountService>();
        services.AddScoped<DemoAccounts>();
        return services;
    }
}
