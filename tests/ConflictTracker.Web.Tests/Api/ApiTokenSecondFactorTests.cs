using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Security;
using ConflictTracker.Web.Tests.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>
/// Staff tokens where two-factor sign-in is required (as in Production): a token made in a session that
/// passed it, or by the operator's command, works; any other is refused with a 403 that says why.
/// </summary>
public partial class ApiTokenSecondFactorTests(TwoFactorFixture fixture) : IClassFixture<TwoFactorFixture>
{
    private static readonly SecurityOptions Strict = new() { RequireTwoFactorForStaff = true };

    [Fact]
    public async Task AStaffTokenFromASessionWithoutASecondFactorIsRefusedWithTheReason()
    {
        var (user, _) = await UserAsync(Roles.Analyst);
        var created = await Service(Session(user, Roles.Analyst, secondFactor: false))
            .CreateAsync("made as an analyst", 30);
        using var client = Client(created.Secret);
        (await client.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.OK);

        await fixture.App.ChangeAuthAsync(
            user.Id,
            () =>
                WithUsersAsync(async users =>
                    await users.AddToRoleAsync((await users.FindByIdAsync(user.Id.ToString()))!, Roles.Editor)
                )
        );
        using var refused = await client.GetAsync("/api/v1/propositions");

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await refused.JsonAsync();
        problem.GetProperty("title").GetString().Should().Be("This token needs two-factor sign-in");
        problem
            .GetProperty("detail")
            .GetString()
            .Should()
            .Contain("/account/two-factor")
            .And.Contain("/account/tokens")
            .And.Contain("admin create-token")
            .And.NotContain("lacks the role");
        (await StoredSecondFactorAsync(created.Token.Id)).Should().Be(ApiTokenSecondFactor.None);
    }

    [Fact]
    public async Task AStaffTokenFromASessionThatPassedASecondFactorWorks()
    {
        var (user, _) = await UserAsync(Roles.Reviewer);
        var created = await Service(Session(user, Roles.Reviewer, secondFactor: true)).CreateAsync("review tool", 30);
        using var client = Client(created.Secret);

        (await client.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await StoredSecondFactorAsync(created.Token.Id)).Should().Be(ApiTokenSecondFactor.Session);
    }

    [Fact]
    public async Task ARoleThatDoesNotAllowItIsStillCalledThat()
    {
        var (user, _) = await UserAsync(Roles.Analyst);
        var created = await Service(Session(user, Roles.Analyst, secondFactor: false)).CreateAsync("reader", 30);
        using var client = Client(created.Secret);

        using var refused = await client.PostAsync("/api/v1/claims", System.Net.Http.Json.JsonContent.Create(new { }));

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.JsonAsync()).GetProperty("title").GetString().Should().Be("Your role does not allow this");
    }

    /// <summary>The real command, run as the operator runs it, in Production, against the test's database.</summary>
    [Fact]
    public async Task TheOperatorsCommandMakesATokenAStaffMemberWithoutTwoFactorCanUse()
    {
        var (user, email) = await UserAsync(Roles.Editor);
        user.TwoFactorEnabled.Should().BeFalse();

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "ConflictTracker.Web.dll"),
                "admin",
                "create-token",
                "--email",
                email,
                "--days",
                "2",
            },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Default"] = fixture.Database.ConnectionString,
            },
        };
        using var command = Process.Start(start)!;
        var output = await command.StandardOutput.ReadToEndAsync();
        var errors = await command.StandardError.ReadToEndAsync();
        await command.WaitForExitAsync();

        command.ExitCode.Should().Be(0, errors);
        output.Should().Contain("counts as a second factor");
        var secret = Secret().Match(output).Value;
        secret.Should().StartWith(ApiToken.SecretPrefix);
        using var client = Client(secret);
        (await client.GetAsync("/api/v1/propositions"))
            .StatusCode.Should()
            .Be(HttpStatusCode.OK, "the operator's command counts as a second factor");
        (await client.PostAsync("/api/v1/claims", System.Net.Http.Json.JsonContent.Create(new { })))
            .StatusCode.Should()
            .Be(HttpStatusCode.BadRequest, "an editor may try");
        await using var db = fixture.Database.CreateContext();
        (await db.ApiTokens.SingleAsync(t => t.UserId == user.Id))
            .SecondFactor.Should()
            .Be(ApiTokenSecondFactor.Operator);
    }

    private async Task<(AppUser User, string Email)> UserAsync(string role)
    {
        var (email, _) = await fixture.App.CreateUserAsync(role);
        AppUser? user = null;
        await WithUsersAsync(async users => user = await users.FindByEmailAsync(email));
        return (user!, email);
    }

    private async Task WithUsersAsync(Func<UserManager<AppUser>, Task> act)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await act(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    private static IAccess Session(AppUser user, string role, bool secondFactor)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.Name, user.Email!),
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Role, role),
        ];
        if (secondFactor)
        {
            claims.Add(new(Policies.MultiFactorClaim, Policies.MultiFactorValue));
        }

        return TestAccess.For(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")), Strict);
    }

    private ApiTokenService Service(IAccess access) =>
        new(fixture.Database.ContextFactory, access, Strict, TimeProvider.System, NullLogger<ApiTokenService>.Instance);

    private HttpClient Client(string secret)
    {
        var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            secret
        );
        return client;
    }

    private async Task<ApiTokenSecondFactor> StoredSecondFactorAsync(Guid id)
    {
        await using var db = fixture.Database.CreateContext();
        return (await db.ApiTokens.SingleAsync(t => t.Id == id)).SecondFactor;
    }

    [GeneratedRegex("ctpat_[A-Za-z0-9_-]+")]
    private static partial Regex Secret();
}
