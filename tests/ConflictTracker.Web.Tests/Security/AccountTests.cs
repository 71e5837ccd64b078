using System.Net;
using ConflictTracker.Domain.Common;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConflictTracker.Web.Tests.Security;

/// <summary>An empty database and the app on it.</summary>
public sealed class AppFixture : DatabaseFixture
{
    public AppFactory App { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = new AppFactory(Database.ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>Password rules, lockout, disabling and role changes, through the real Identity stores on
/// PostgreSQL.</summary>
public class AccountTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private AppFactory App => fixture.App;

    [Theory]
    [InlineData("correct horse battery staple", true)]
    [InlineData("twelve chars", true)]
    [InlineData("elevenchars", false)]
    [InlineData("", false)]
    [InlineData("123456qwerty", false)]
    [InlineData("QWERTY123456", false)]
    [InlineData("passwordpassword", false)]
    public void PasswordRulesAskForLengthAndRefuseCommonPasswords(string password, bool accepted)
    {
        PasswordRules.Check(password, "ji-woo.park@example.org").Should().HaveCount(accepted ? 0 : 1);
    }

    [Fact]
    public void PasswordsUpTo128CharactersAreAcceptedAndLongerOnesRefused()
    {
        PasswordRules.Check(new string('x', 64) + " a long passphrase " + new string('y', 45), null).Should().BeEmpty();
        PasswordRules.Check(new string('z', 129), null).Should().ContainSingle().Which.Should().Contain("at most 128");
    }

    [Fact]
    public void APasswordContainingTheEmailNameIsRefused() =>
        PasswordRules
            .Check("ji-woo.park is my password", "ji-woo.park@example.org")
            .Should()
            .ContainSingle()
            .Which.Should()
            .Contain("e-mail");

    [Fact]
    public async Task AdminsCreateAccountsAndBadInputIsRefusedWithEveryReason()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var accounts = ActivatorUtilities.CreateInstance<AccountService>(
            scope.ServiceProvider,
            TestAccess.As(Roles.Admin)
        );

        var bad = async () => await accounts.CreateAsync(new NewUser("not an address", "  ", "short", ["Emperor"]));

        var errors = (await bad.Should().ThrowAsync<DomainValidationException>()).Which.Errors;
        errors
            .Keys.Should()
            .BeEquivalentTo(
                nameof(NewUser.Email),
                nameof(NewUser.DisplayName),
                nameof(NewUser.Password),
                nameof(NewUser.Roles)
            );
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        var created = await accounts.CreateAsync(
            new NewUser(email, "Ji-woo Park", DemoAccounts.NewPassword(), [Roles.Editor])
        );
        created.Roles.Should().Equal(Roles.Editor);
        (await accounts.ListAsync())
            .Single(u => u.Email == email)
            .Should()
            .BeEquivalentTo(
                new
                {
                    DisplayName = "Ji-woo Park",
                    Roles = new[] { Roles.Editor },
                    IsDisabled = false,
                }
            );
        var again = async () =>
            await accounts.CreateAsync(new NewUser(email, "Someone Else", DemoAccounts.NewPassword(), [Roles.Analyst]));
        (await again.Should().ThrowAsync<DomainValidationException>())
            .Which.Errors.Should()
            .ContainKey(nameof(NewUser.Email));
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        var (email, password) = await App.CreateUserAsync(Roles.Analyst);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await AppFactory.SignInAsync(client, email, "not the password at all");
            wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var right = await AppFactory.SignInAsync(client, email, password);
        right.StatusCode.Should().Be(HttpStatusCode.OK, "a locked account is not signed in");
        (await right.Content.ReadAsStringAsync()).Should().Contain("locked for 15 minutes");
        await using var scope = App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
        user!.LockoutEnd.Should().BeAfter(DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task ADisabledAccountCannotSignInAndItsSessionsFailRevalidation()
    {
        var (email, password) = await App.CreateUserAsync(Roles.Analyst);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var principal = await scope
            .ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>()
            .CreateAsync(user);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;
        (await RevalidatingAuthenticationStateProvider.IsStillValidAsync(users, principal, options)).Should().BeTrue();

        var accounts = ActivatorUtilities.CreateInstance<AccountService>(
            scope.ServiceProvider,
            TestAccess.As(Roles.Admin)
        );
        await accounts.SetDisabledAsync(user.Id, disabled: true);

        using var refused = await AppFactory.SignInAsync(client, email, password);
        refused.StatusCode.Should().Be(HttpStatusCode.OK, "a disabled account is not signed in");
        (await refused.Content.ReadAsStringAsync())
            .Should()
            .Contain(
                "The e-mail address or the password is not right",
                "the page does not reveal that the account exists but is disabled"
            );
        await using (var check = App.Services.CreateAsyncScope())
        {
            // As in the app: each revalidation reads the user afresh.
            (
                await RevalidatingAuthenticationStateProvider.IsStillValidAsync(
                    check.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                    principal,
                    options
                )
            )
                .Should()
                .BeFalse();
        }

        await accounts.SetDisabledAsync(user.Id, disabled: false);
        using var signedIn = await AppFactory.SignInAsync(client, email, password);
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task ChangingRolesEndsSessionsThatCarryTheOldRoles()
    {
        var (email, _) = await App.CreateUserAsync(Roles.Editor);
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var principal = await scope
            .ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>()
            .CreateAsync(user);
        var options = scope.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value;

        var accounts = ActivatorUtilities.CreateInstance<AccountService>(
            scope.ServiceProvider,
            TestAccess.As(Roles.Admin)
        );
        var changed = await accounts.SetRolesAsync(user.Id, [Roles.Analyst]);

        changed.Roles.Should().Equal(Roles.Analyst);
        await using var check = App.Services.CreateAsyncScope();
        (
            await RevalidatingAuthenticationStateProvider.IsStillValidAsync(
                check.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                principal,
                options
            )
        )
            .Should()
            .BeFalse();
    }

    [Fact]
    public async Task SignInOnlyReturnsToAddressesOfThisApp()
    {
        var (email, password) = await App.CreateUserAsync(Roles.Analyst);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await AppFactory.PostFormAsync(
            client,
            "/account/login?returnUrl=//evil.example/",
            "sign-in",
            new() { ["Input.Email"] = email, ["Input.Password"] = password }
        );

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().NotContain("evil");
    }

    [Fact]
    public async Task SignOutWithoutTheFormsTokenIsRefusedNotFailed()
    {
        using var client = await App.SignedInClientAsync(Roles.Analyst);

        using var response = await client.PostAsync(
            new Uri("/account/logout", UriKind.Relative),
            new FormUrlEncodedContent([])
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var stillIn = await client.GetAsync(new Uri("/claims", UriKind.Relative));
        stillIn.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UsersChangeTheirOwnPasswordByTheSameRules()
    {
        var (email, password) = await App.CreateUserAsync(Roles.Analyst);
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        using (var signedIn = await AppFactory.SignInAsync(client, email, password))
        {
            signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        async Task<string> ChangeAsync(string current, string replacement)
        {
            using var response = await AppFactory.PostFormAsync(
                client,
                "/account/password",
                "change-password",
                new() { ["Input.Current"] = current, ["Input.New"] = replacement }
            );
            return await response.Content.ReadAsStringAsync();
        }

        (await ChangeAsync("wrong current password", "a brand new passphrase"))
            .Should()
            .Contain("The current password is not right.");
        (await ChangeAsync(password, "123456qwerty")).Should().Contain("commonly used passwords");
        (await ChangeAsync(password, "a brand new passphrase")).Should().Contain("Your password is changed");

        using var fresh = App.CreateClient(new() { AllowAutoRedirect = false });
        using var withNew = await AppFactory.SignInAsync(fresh, email, "a brand new passphrase");
        withNew.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
