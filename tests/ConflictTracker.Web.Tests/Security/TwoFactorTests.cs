using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ConflictTracker.Testing;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConflictTracker.Web.Tests.Security;

/// <summary>The app with two-factor sign-in required for staff, as outside Development.</summary>
public sealed class TwoFactorFixture : DatabaseFixture
{
    public AppFactory App { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = new AppFactory(
            Database.ConnectionString,
            new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" }
        );
    }

    public override async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>TOTP two-factor sign-in: set up, required for editors, reviewers and admins, and used at sign-in.</summary>
public partial class TwoFactorTests(TwoFactorFixture fixture) : IClassFixture<TwoFactorFixture>
{
    private HttpClient NewClient() =>
        fixture.App.CreateClient(
            new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );

    [Fact]
    public async Task AnEditorMustSetUpASecondFactorAndThenSignsInWithIt()
    {
        var (email, password) = await fixture.App.CreateUserAsync(Roles.Editor);
        using var client = NewClient();

        using (var signIn = await AppFactory.SignInAsync(client, email, password))
        {
            signIn
                .StatusCode.Should()
                .Be(HttpStatusCode.Redirect, "the password is right; the second factor is still to be set up");
        }

        using (var denied = await client.GetAsync(new Uri("/claims", UriKind.Relative)))
        {
            denied.Headers.Location!.OriginalString.Should().Contain("/account/access-denied");
        }

        using (var deniedPage = await client.GetAsync(new Uri("/account/access-denied", UriKind.Relative)))
        {
            // Access denied is answered 403, with the way forward on the page.
            deniedPage.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await deniedPage.Content.ReadAsStringAsync()).Should().Contain("Set up two-factor sign-in");
        }

        var setup = await client.GetStringAsync(new Uri("/account/two-factor", UriKind.Relative));
        var key = Key().Match(setup).Groups[1].Value;
        key.Should().NotBeEmpty();

        using (
            var wrong = await AppFactory.PostFormAsync(
                client,
                "/account/two-factor",
                "enable-two-factor",
                new() { ["Input.Code"] = "000000" }
            )
        )
        {
            (await wrong.Content.ReadAsStringAsync()).Should().Contain("That code is not right");
        }

        using (
            var enabled = await AppFactory.PostFormAsync(
                client,
                "/account/two-factor",
                "enable-two-factor",
                new() { ["Input.Code"] = Totp.Code(key) }
            )
        )
        {
            (await enabled.Content.ReadAsStringAsync())
                .Should()
                .Contain("Two-factor sign-in is on")
                .And.Contain("recovery codes");
        }

        using (var allowed = await client.GetAsync(new Uri("/claims", UriKind.Relative)))
        {
            allowed
                .StatusCode.Should()
                .Be(HttpStatusCode.OK, "the session that set up the second factor has passed it");
        }

        // A new session: password, then the code.
        using var next = NewClient();
        using (var first = await AppFactory.SignInAsync(next, email, password))
        {
            first.Headers.Location!.OriginalString.Should().Contain("/account/login-2fa");
        }

        using (
            var bad = await AppFactory.PostFormAsync(
                next,
                "/account/login-2fa?returnUrl=%2Fclaims",
                "second-factor",
                new() { ["Input.Code"] = "123456" }
            )
        )
        {
            (await bad.Content.ReadAsStringAsync()).Should().Contain("That code is not right");
        }

        using (
            var good = await AppFactory.PostFormAsync(
                next,
                "/account/login-2fa?returnUrl=%2Fclaims",
                "second-factor",
                new() { ["Input.Code"] = Totp.Code(key) }
            )
        )
        {
            var target = new Uri(next.BaseAddress!, good.Headers.Location!);
            (target.Host, target.PathAndQuery).Should().Be((next.BaseAddress!.Host, "/claims"));
        }

        using var claims = await next.GetAsync(new Uri("/claims", UriKind.Relative));
        claims.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnalystsAreNotAskedForASecondFactor()
    {
        using var client = await fixture.App.SignedInClientAsync(Roles.Analyst);

        using var response = await client.GetAsync(new Uri("/claims", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.Editor, false, true, false)]
    [InlineData(Roles.Editor, true, true, true)]
    [InlineData(Roles.Admin, false, true, false)]
    [InlineData(Roles.Reviewer, false, true, false)]
    [InlineData(Roles.Analyst, false, true, true)]
    [InlineData(Roles.Editor, false, false, true)]
    public async Task StaffPoliciesNeedTheSecondFactorWhenRequired(
        string role,
        bool passedSecondFactor,
        bool required,
        bool allowedToRead
    )
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "someone@example.org"), new(ClaimTypes.Role, role) };
        if (passedSecondFactor)
        {
            claims.Add(new Claim(Policies.MultiFactorClaim, Policies.MultiFactorValue));
        }

        var access = TestAccess.For(
            new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")),
            new SecurityOptions { RequireTwoFactorForStaff = required }
        );

        (await access.AllowsAsync(Policies.Read)).Should().Be(allowedToRead);
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z0-9 ]+)<")]
    private static partial Regex Key();
}
