using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ConflictTracker.Domain.Common;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConflictTracker.Web.Tests.Security;

/// <summary>NUL and other control characters in every account form: a clear 400 or the form's own message, never a
/// 5xx.</summary>
public partial class AccountFormInputTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private AppFactory App => fixture.App;

    public static TheoryData<string> Awkward => ["\0", "a\0b", "\u0001", "\u001b[31m", "\r\n", "\u202e", "\ufeff"];

    [Fact]
    public async Task ANulInTheSignOutFormIsA400AndTheSessionStays()
    {
        using var client = await App.SignedInClientAsync(Roles.Analyst);
        var token = await TokenAsync(client);

        using var nulField = await client.PostAsync(
            Relative("/account/logout"),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("returnUrl", "/claims\0")])
        );
        using var nulToken = await client.PostAsync(
            Relative("/account/logout"),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token + "\0")])
        );

        foreach (var response in new[] { nulField, nulToken })
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            (await response.Content.ReadAsStringAsync()).Should().Contain("could not be read");
        }

        using var stillIn = await client.GetAsync(Relative("/claims"));
        stillIn.StatusCode.Should().Be(HttpStatusCode.OK, "a form that could not be read signs nobody out");
        using var signOut = await client.PostAsync(
            Relative("/account/logout"),
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)])
        );
        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect, "the same form without the NUL works");
    }

    [Theory]
    [MemberData(nameof(Awkward))]
    public async Task ControlCharactersInTheSignInFormNeverGiveA5xx(string text)
    {
        var (email, password) = await App.CreateUserAsync(Roles.Analyst);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        foreach (
            var (address, secret) in new[]
            {
                (text, password),
                (email + text, password),
                (text + email, password),
                (email, password + text),
                (email, text),
            }
        )
        {
            using var response = await AppFactory.SignInAsync(client, address, secret);
            ((int)response.StatusCode).Should().BeLessThan(500, "e-mail {0:x}, password {1:x}", address, secret);
        }
    }

    [Theory]
    [MemberData(nameof(Awkward))]
    public async Task ControlCharactersInTheSignedInAccountFormsNeverGiveA5xx(string text)
    {
        using var client = await App.SignedInClientAsync(Roles.Analyst);
        (string Path, string Form, Dictionary<string, string> Fields)[] posts =
        [
            (
                "/account/password",
                "change-password",
                new() { ["Input.Current"] = text, ["Input.New"] = "a brand new passphrase" }
            ),
            (
                "/account/password",
                "change-password",
                new() { ["Input.Current"] = "not the password", ["Input.New"] = "a brand new" + text + "passphrase" }
            ),
            ("/account/two-factor", "enable-two-factor", new() { ["Input.Code"] = "123" + text + "456" }),
        ];

        foreach (var (path, form, fields) in posts)
        {
            using var response = await AppFactory.PostFormAsync(client, path, form, fields);
            ((int)response.StatusCode).Should().BeLessThan(500, "{0} with {1}", path, string.Join(", ", fields.Values));
        }

        using var secondStep = App.CreateClient(new() { AllowAutoRedirect = false });
        using var code = await AppFactory.PostFormAsync(
            secondStep,
            "/account/login-2fa",
            "second-factor",
            new() { ["Input.Code"] = text }
        );
        ((int)code.StatusCode).Should().BeLessThan(500);
    }

    [Fact]
    public async Task ASignInAddressWithANulCharacterIsA400Problem()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        // A NUL anywhere in an address is refused before any page sees it (RequestGuards).
        using var response = await client.GetAsync(new Uri("/account/login?returnUrl=/claims%00", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("/claims%0d%0aSet-Cookie:%20x=y")]
    [InlineData("/%01")]
    public async Task ASignInReturnAddressWithControlCharactersGoesHome(string returnUrl)
    {
        var (email, password) = await App.CreateUserAsync(Roles.Analyst);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await AppFactory.PostFormAsync(
            client,
            $"/account/login?returnUrl={returnUrl}",
            "sign-in",
            new() { ["Input.Email"] = email, ["Input.Password"] = password }
        );

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        new Uri(client.BaseAddress!, response.Headers.Location!).PathAndQuery.Should().Be("/");
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\u0001")]
    [InlineData("\u001b[31m")]
    [InlineData("\u007f")]
    public async Task ATokenNameWithControlCharactersIsRefusedByName(string text)
    {
        var (email, _) = await App.CreateUserAsync(Roles.Analyst);
        await using var scope = App.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
        var access = TestAccess.For(
            new ClaimsPrincipal(
                new ClaimsIdentity(
                    [
                        new(ClaimTypes.Name, email),
                        new(ClaimTypes.NameIdentifier, user.Id.ToString()),
                        new(ClaimTypes.Role, Roles.Analyst),
                    ],
                    "Test"
                )
            ),
            new SecurityOptions()
        );
        var tokens = new ApiTokenService(
            fixture.Database.ContextFactory,
            access,
            new SecurityOptions(),
            TimeProvider.System,
            NullLogger<ApiTokenService>.Instance
        );

        var create = () => tokens.CreateAsync("pipeline " + text + " one", 30);

        (await create.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().ContainKey("Name");
        (await tokens.ListAsync()).Should().BeEmpty();
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private static async Task<string> TokenAsync(HttpClient client) =>
        AntiforgeryToken().Match(await client.GetStringAsync(Relative("/claims"))).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
