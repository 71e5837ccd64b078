using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictTracker.Web.Tests.Security;

/// <summary>
/// Sessions live on the server (ASVS V7.4.1): signing out ends the session for every copy of its cookie,
/// and only that session; tickets are stored protected, keyed by a hash, and removed when they expire.
/// </summary>
public partial class SessionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private AppFactory App => fixture.App;

    [Fact]
    public async Task ACopiedCookieIsDeadAfterSignOutWhileTheUsersOtherSessionStays()
    {
        var (email, password) = await App.CreateUserAsync(Roles.Analyst);
        using var browser = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var (session, antiforgery) = await SignInAsync(browser, email, password);
        using var other = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using (var signedIn = await AppFactory.SignInAsync(other, email, password))
        {
            signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var copy = session;
        (await GetAsync(browser, "/claims", copy))
            .StatusCode.Should()
            .Be(HttpStatusCode.OK, "the copy works while the session lasts");
        (await SessionCountAsync(email)).Should().Be(2);

        var page = await (await GetAsync(browser, "/claims", session, antiforgery)).Content.ReadAsStringAsync();
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent([
                new("__RequestVerificationToken", AntiforgeryToken().Match(page).Groups[1].Value),
            ]),
        };
        signOut.Headers.Add("Cookie", $"{session}; {antiforgery}");
        using (var signedOut = await browser.SendAsync(signOut))
        {
            signedOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
            signedOut.Headers.Location!.OriginalString.Should().Contain("signedOut=true");
        }

        using var withCopy = await GetAsync(browser, "/claims", copy);
        withCopy.StatusCode.Should().Be(HttpStatusCode.Redirect, "the copied cookie names a session that has ended");
        withCopy.Headers.Location!.AbsolutePath.Should().Be("/account/login");
        (await other.GetAsync(new Uri("/claims", UriKind.Relative)))
            .StatusCode.Should()
            .Be(HttpStatusCode.OK, "the user's other session goes on");
        (await SessionCountAsync(email)).Should().Be(1);
    }

    [Fact]
    public async Task AnOpenPageOfAnEndedSessionFailsRevalidation()
    {
        var (email, _) = await App.CreateUserAsync(Roles.Analyst);
        var store = App.Services.GetRequiredService<SessionStore>();
        var key = await store.StoreAsync(await TicketAsync(email, DateTimeOffset.UtcNow.AddHours(8)));
        var principal = (await store.RetrieveAsync(key))!.Principal;

        principal.FindFirstValue(SessionStore.SessionClaim).Should().NotBeNullOrEmpty();
        (await RevalidationAsync(principal)).Should().BeTrue();

        await store.RemoveAsync(key);

        (await RevalidationAsync(principal)).Should().BeFalse("the circuit's session has ended");
        (await store.RetrieveAsync(key)).Should().BeNull();
        (await RevalidationAsync(new ClaimsPrincipal(new ClaimsIdentity())))
            .Should()
            .BeTrue("an anonymous page has no session to end");
    }

    [Fact]
    public async Task TicketsAreStoredProtectedUnderAHashOfTheKey()
    {
        var (email, _) = await App.CreateUserAsync(Roles.Analyst);
        var store = App.Services.GetRequiredService<SessionStore>();

        var key = await store.StoreAsync(await TicketAsync(email, DateTimeOffset.UtcNow.AddHours(8)));

        await using var db = fixture.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var row = await db.UserSessions.SingleAsync(s => s.UserId == user.Id);
        row.KeyHash.Should().Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        foreach (var secret in new[] { email, key, user.SecurityStamp! })
        {
            Contains(row.Ticket, Encoding.UTF8.GetBytes(secret))
                .Should()
                .BeFalse("the table holds no {0} in plain text", secret);
            Contains(row.Ticket, Encoding.Unicode.GetBytes(secret)).Should().BeFalse();
        }

        (await store.RetrieveAsync(key))!.Principal.FindFirstValue(ClaimTypes.Email).Should().Be(email);
        (await store.RetrieveAsync(key + "x")).Should().BeNull();
    }

    [Fact]
    public async Task ExpiredSessionsAreRemoved()
    {
        var (email, _) = await App.CreateUserAsync(Roles.Analyst);
        var store = App.Services.GetRequiredService<SessionStore>();
        var expired = await store.StoreAsync(await TicketAsync(email, DateTimeOffset.UtcNow.AddMinutes(-1)));
        (await SessionCountAsync(email)).Should().Be(1);

        (await store.RetrieveAsync(expired)).Should().BeNull();
        (await SessionCountAsync(email)).Should().Be(0, "an expired session is deleted when its cookie comes back");

        await store.StoreAsync(await TicketAsync(email, DateTimeOffset.UtcNow.AddHours(8)));
        await fixture.Database.ExecuteAsync("UPDATE user_sessions SET expires_at = now() - interval '1 minute'");
        var (someoneElse, _) = await App.CreateUserAsync(Roles.Analyst);
        await store.StoreAsync(await TicketAsync(someoneElse, DateTimeOffset.UtcNow.AddHours(8)));
        (await SessionCountAsync(email)).Should().Be(0, "each sign-in clears the sessions nobody came back to");
        (await SessionCountAsync(someoneElse)).Should().Be(1);
    }

    [Fact]
    public async Task SigningInAsSomeoneElseOverASessionEndsItAndNeedsAFreshSignIn()
    {
        var (first, firstPassword) = await App.CreateUserAsync(Roles.Analyst);
        var (second, secondPassword) = await App.CreateUserAsync(Roles.Analyst);
        using var browser = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        (await AppFactory.SignInAsync(browser, first, firstPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await AppFactory.SignInAsync(browser, second, secondPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await SessionCountAsync(first)).Should().Be(0, "the first account's session ended");
        (await SessionCountAsync(second)).Should().Be(0, "the second sign-in did not take over the first one's key");
        (await browser.GetAsync(new Uri("/claims", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await AppFactory.SignInAsync(browser, second, secondPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await browser.GetAsync(new Uri("/claims", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SessionCountAsync(second)).Should().Be(1);
    }

    /// <summary>Signs in through the real form without a cookie container, and returns the session and antiforgery
    /// cookies as "name=value".</summary>
    private static async Task<(string Session, string Antiforgery)> SignInAsync(
        HttpClient client,
        string email,
        string password
    )
    {
        using var page = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        var antiforgery = Cookies(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["Input.Email"] = email,
                    ["Input.Password"] = password,
                    ["_handler"] = "sign-in",
                    ["__RequestVerificationToken"] = AntiforgeryToken()
                        .Match(await page.Content.ReadAsStringAsync())
                        .Groups[1]
                        .Value,
                }
            ),
        };
        post.Headers.Add("Cookie", antiforgery);
        using var response = await client.SendAsync(post);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return (
            Cookies(response).Single(c => c.StartsWith("ConflictTracker.Auth=", StringComparison.Ordinal)),
            antiforgery
        );
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, params string[] cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(request);
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    private async Task<AuthenticationTicket> TicketAsync(string email, DateTimeOffset expires)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope
            .ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>()
            .CreateAsync((await users.FindByEmailAsync(email))!);
        return new AuthenticationTicket(
            principal,
            new AuthenticationProperties { IssuedUtc = expires.AddHours(-8), ExpiresUtc = expires },
            IdentityConstants.ApplicationScheme
        );
    }

    private async Task<bool> RevalidationAsync(ClaimsPrincipal principal)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var provider = (RevalidatingAuthenticationStateProvider)
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>();
        return await provider.StillValidAsync(principal, CancellationToken.None);
    }

    private async Task<int> SessionCountAsync(string email)
    {
        await using var db = fixture.Database.CreateContext();
        return await db.UserSessions.CountAsync(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
