using System.Net;
using System.Security.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>Personal access tokens: shown once, stored hashed, expire, revoked at once, and die with a disabled
/// user.</summary>
public class ApiTokenTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private async Task<(AppUser User, IAccess Access)> UserAsync(string role, bool secondFactor = true)
    {
        var (email, _) = await fixture.App.CreateUserAsync(role);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
        List<Claim> claims =
        [
            new(ClaimTypes.Name, email),
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Role, role),
        ];
        if (secondFactor)
        {
            claims.Add(new(Policies.MultiFactorClaim, Policies.MultiFactorValue));
        }

        return (
            user,
            TestAccess.For(
                new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")),
                new SecurityOptions { RequireTwoFactorForStaff = true }
            )
        );
    }

    private ApiTokenService Service(IAccess access, TimeProvider? time = null) =>
        new(
            fixture.Database.ContextFactory,
            access,
            new SecurityOptions { RequireTwoFactorForStaff = true },
            time ?? TimeProvider.System,
            NullLogger<ApiTokenService>.Instance,
            fixture.App.Services.GetRequiredService<ApiTokenCache>()
        );

    private HttpClient Client(string secret)
    {
        var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            secret
        );
        return client;
    }

    [Fact]
    public async Task ATokenIsShownOnceStoredHashedAndWorksUntilRevoked()
    {
        var (user, access) = await UserAsync(Roles.Analyst);
        var created = await Service(access).CreateAsync("pipeline", 30);

        created.Secret.Should().StartWith(ApiToken.SecretPrefix).And.HaveLength(ApiToken.SecretPrefix.Length + 43);
        await using (var db = fixture.Database.CreateContext())
        {
            var stored = await db.ApiTokens.SingleAsync(t => t.Id == created.Token.Id);
            stored.Hash.Should().Equal(ApiToken.HashOf(created.Secret));
            stored.UserId.Should().Be(user.Id);
            (
                await db
                    .Database.SqlQueryRaw<string>("SELECT encode(hash, 'hex') AS \"Value\" FROM api_tokens")
                    .ToListAsync()
            )
                .Should()
                .NotContain(h => h.Contains(created.Secret, StringComparison.Ordinal));
        }

        using var client = Client(created.Secret);
        (await client.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Service(access).ListAsync())
            .Should()
            .ContainSingle(t => t.Id == created.Token.Id && t.LastUsedAt != null);

        await Service(access).RevokeAsync(created.Token.Id);
        (await client.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefused()
    {
        var (_, access) = await UserAsync(Roles.Analyst);
        var lastMonth = new FixedTime(DateTimeOffset.UtcNow.AddDays(-40));
        var created = await Service(access, lastMonth).CreateAsync("old", 30);

        using var client = Client(created.Secret);
        (await client.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ADisabledUsersTokensStopWorkingAndRoleChangesApplyAtOnce()
    {
        var (user, access) = await UserAsync(Roles.Editor);
        var created = await Service(access).CreateAsync("editor tool", 30);
        using var client = Client(created.Secret);
        (await client.PostAsync("/api/v1/claims", System.Net.Http.Json.JsonContent.Create(new { })))
            .StatusCode.Should()
            .Be(HttpStatusCode.BadRequest, "an editor may try");

        await fixture.App.ChangeAuthAsync(
            user.Id,
            async () =>
            {
                await using var scope = fixture.App.Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
                await users.RemoveFromRoleAsync(stored, Roles.Editor);
                await users.AddToRoleAsync(stored, Roles.Analyst);
            }
        );

        (await client.PostAsync("/api/v1/claims", System.Net.Http.Json.JsonContent.Create(new { })))
            .StatusCode.Should()
            .Be(HttpStatusCode.Forbidden, "the token carries the user's roles now, not when it was made");

        await fixture.App.ChangeAuthAsync(
            user.Id,
            async () =>
            {
                await using var scope = fixture.App.Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
                stored.IsDisabled = true;
                await users.UpdateAsync(stored);
            }
        );

        (await client.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StaffWithoutASecondFactorCannotCreateTokensAndBadInputIsNamed()
    {
        var (_, noMfa) = await UserAsync(Roles.Reviewer, secondFactor: false);
        var act = () => Service(noMfa).CreateAsync("x", 30);
        await act.Should().ThrowAsync<AccessDeniedException>();

        var (_, access) = await UserAsync(Roles.Reviewer);
        var bad = () => Service(access).CreateAsync(" ", 1000);
        (await bad.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Keys.Should()
            .BeEquivalentTo("Name", "Days");
    }

    [Fact]
    public async Task ATokenMadeBeforeAPromotionDoesNotSkipTwoFactorSignIn()
    {
        await using var strict = new AppFactory(
            fixture.Database.ConnectionString,
            new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" }
        );
        using var client = await strict.TokenClientAsync(Roles.Analyst);
        (await client.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.OK);

        string email;
        await using (var db = fixture.Database.CreateContext())
        {
            email = (
                await db
                    .ApiTokens.OrderByDescending(t => t.CreatedAt)
                    .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => u.Email)
                    .FirstAsync()
            )!;
        }

        await using (var scope = strict.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await strict.ChangeAuthAsync(user.Id, () => users.AddToRoleAsync(user, Roles.Editor));
        }

        (await client.GetAsync("/api/v1/propositions"))
            .StatusCode.Should()
            .Be(HttpStatusCode.Forbidden, "staff without two-factor sign-in are refused, with a token too");
    }

    [Fact]
    public async Task NobodyRevokesSomeoneElsesToken()
    {
        var (_, owner) = await UserAsync(Roles.Analyst);
        var (_, other) = await UserAsync(Roles.Analyst);
        var created = await Service(owner).CreateAsync("mine", 30);

        var act = () => Service(other).RevokeAsync(created.Token.Id);
        await act.Should().ThrowAsync<DomainValidationException>();
        (await Service(owner).ListAsync()).Single(t => t.Id == created.Token.Id).RevokedAt.Should().BeNull();
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
