using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConflictTracker.Web.Tests.Security;

/// <summary>Tests that measure time run alone: other tests running alongside would blur the figures.</summary>
[CollectionDefinition(nameof(MeasuresTime), DisableParallelization = true)]
public sealed class MeasuresTime;

/// <summary>
/// Sign-in must not tell a stranger which e-mail addresses have accounts (ASVS V6.3.8): an unknown
/// address, a wrong password, a locked-out and a disabled account get the same answer in the same time.
/// </summary>
[Collection(nameof(MeasuresTime))]
public partial class SignInEnumerationTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const string WrongPassword = "not the password at all";

    private AppFactory App => fixture.App;

    [Fact]
    public async Task UnknownWrongLockedAndDisabledGetTheSameAnswer()
    {
        var (wrong, _) = await App.CreateUserAsync(Roles.Analyst);
        var (locked, lockedPassword) = await LockedOutUserAsync();
        var (disabled, disabledPassword) = await App.CreateUserAsync(Roles.Analyst);
        await WithUserAsync(
            disabled,
            async (users, user) =>
            {
                user.IsDisabled = true;
                await users.UpdateAsync(user);
            }
        );

        var unknown = await AnswerAsync($"nobody-{Guid.NewGuid():N}@test.example", WrongPassword);
        var answers = new[]
        {
            ("a wrong password", await AnswerAsync(wrong, WrongPassword)),
            ("a locked-out account, with its right password", await AnswerAsync(locked, lockedPassword)),
            ("a locked-out account, with a wrong password", await AnswerAsync(locked, WrongPassword)),
            ("a disabled account, with its right password", await AnswerAsync(disabled, disabledPassword)),
        };

        unknown.Status.Should().Be(HttpStatusCode.OK);
        unknown
            .Body.Should()
            .Contain("The e-mail address or the password is not right")
            .And.Contain("locked for 15 minutes");
        foreach (var (what, answer) in answers)
        {
            answer.Should().BeEquivalentTo(unknown, "{0} must look like an unknown address", what);
        }
    }

    /// <summary>
    /// Many sign-ins of each kind, taken in turns after a warm-up, compared as the median of the ratios
    /// between a kind and an unknown address in the same round: the test machine's load changes from
    /// one second to the next, and pairing measurements taken moments apart cancels that out. A
    /// password check costs tens of milliseconds, a database lookup one or two.
    /// </summary>
    [Fact]
    public async Task SignInTakesAsLongForAnUnknownAddressAsForAnAccount()
    {
        const int WarmUp = 5;
        const int Tries = 41;
        const string Unknown = "unknown address";
        var (wrong, _) = await App.CreateUserAsync(Roles.Analyst);
        var (locked, _) = await LockedOutUserAsync();
        var kinds = new (string Name, string Email)[]
        {
            (Unknown, $"nobody-{Guid.NewGuid():N}@test.example"),
            ("wrong password", wrong),
            ("locked-out account", locked),
        };
        var times = kinds.ToDictionary(k => k.Name, _ => new List<double>());
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        for (var round = 0; round < WarmUp + Tries; round++)
        {
            // A different kind goes first each round: no kind always follows the same one.
            for (var i = 0; i < kinds.Length; i++)
            {
                var (name, email) = kinds[(round + i) % kinds.Length];
                // The wrong-password account must stay below the lockout threshold to stay on its own path.
                await WithUserAsync(wrong, (users, user) => users.ResetAccessFailedCountAsync(user));
                var elapsed = await TimedSignInAsync(client, email);
                if (round >= WarmUp)
                {
                    times[name].Add(elapsed);
                }
            }
        }

        foreach (var (name, list) in times)
        {
            output.WriteLine(
                $"{name}: median {Median(list):F1} ms, fastest {list.Min():F1} ms; all: {string.Join(" ", list.Select(v => Math.Round(v)))}"
            );
        }

        foreach (var (name, list) in times.Where(t => t.Key != Unknown))
        {
            var ratio = Median(list.Zip(times[Unknown], (kind, unknown) => kind / unknown).ToList());
            ratio
                .Should()
                .BeInRange(
                    1 / 1.2,
                    1.2,
                    "a sign-in for a {0} (median {1:F1} ms) should take as long as one for an unknown address (median {2:F1} ms)",
                    name,
                    Median(list),
                    Median(times[Unknown])
                );
        }

        await WithUserAsync(
            locked,
            async (users, user) =>
                (await users.IsLockedOutAsync(user)).Should().BeTrue("the locked-out path was measured")
        );
    }

    private async Task<(string Email, string Password)> LockedOutUserAsync()
    {
        var (email, password) = await App.CreateUserAsync(Roles.Analyst);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < Hosting.Authentication.MaxFailedAttempts; i++)
        {
            using var response = await AppFactory.SignInAsync(client, email, WrongPassword);
        }

        await WithUserAsync(email, async (users, user) => (await users.IsLockedOutAsync(user)).Should().BeTrue());
        return (email, password);
    }

    private async Task WithUserAsync(string email, Func<UserManager<AppUser>, AppUser, Task> act)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await act(users, (await users.FindByEmailAsync(email))!);
    }

    /// <summary>The response to a sign-in, without what differs from one request to the next anyway (data-protected
    /// tokens, the address typed).</summary>
    private async Task<Answer> AnswerAsync(string email, string password)
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await AppFactory.SignInAsync(client, email, password);
        var raw = await response.Content.ReadAsStringAsync();
        raw.Should().NotContain(password, "the page never sends a password back");
        // Per-response values (protected tokens, the script nonce) differ on every answer, whoever asks.
        var body = Nonce()
            .Replace(DataProtected().Replace(raw, "PROTECTED"), "nonce=\"NONCE\"")
            .Replace(email, "EMAIL", StringComparison.Ordinal);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split('=')[0]).Order(StringComparer.Ordinal).ToList()
            : [];
        return new Answer(
            response.StatusCode,
            response.Headers.Location?.OriginalString,
            string.Join(", ", cookies),
            body
        );
    }

    private static async Task<double> TimedSignInAsync(HttpClient client, string email)
    {
        var page = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        using var form = new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = WrongPassword,
                ["_handler"] = "sign-in",
                ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
            }
        );
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), form);
        watch.Stop();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1
            ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Answer(HttpStatusCode Status, string? Location, string Cookies, string Body);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>The antiforgery token and Blazor's component state: data-protected, so different in every
    /// response.</summary>
    [GeneratedRegex("CfDJ8[A-Za-z0-9_+/=-]+")]
    private static partial Regex DataProtected();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();
}
