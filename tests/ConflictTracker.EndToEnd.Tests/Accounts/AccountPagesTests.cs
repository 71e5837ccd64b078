using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ConflictTracker.EndToEnd.Tests.Accounts;

/// <summary>Signing in and out, roles in the browser, the admin page, and a disabled user losing an open
/// page.</summary>
public class AccountPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnonymousVisitorsSignInAndComeBackToWhereTheyWereGoing()
    {
        var (email, password) = await browser.App.CreateUserAsync(Roles.Analyst);
        var page = await browser.NewPageAsync(role: null);

        await page.GotoAsync("/claims?q=Vladivostok");
        await Assertions
            .Expect(page)
            .ToHaveURLAsync(
                new System.Text.RegularExpressions.Regex("/account/login\\?ReturnUrl=%2Fclaims%3Fq%3DVladivostok")
            );
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        (await page.LandmarkViolationsAsync()).Should().BeEmpty();
        await page.SaveScreenshotAsync("sign-in");

        await page.GetByTestId("email").FillAsync(email);
        await page.GetByTestId("password").FillAsync("not the password at all");
        await page.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("not right");

        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await Assertions
            .Expect(page)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/claims\\?q=Vladivostok$"));
        await Assertions.Expect(page.GetByTestId("claims-count")).ToHaveTextAsync("1 claim");

        await page.WaitForCircuitAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-out")).ToBeVisibleAsync();
        await page.GotoAsync("/claims");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [Fact]
    public async Task AnAnalystIsRefusedTheAdminPageAndDoesNotSeeItsLink()
    {
        var page = await browser.NewPageAsync(role: Roles.Analyst);

        await page.GotoAsync("/");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "User accounts" })).ToHaveCountAsync(0);

        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("users")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAdminCreatesAnAccountThatCanSignIn()
    {
        var page = await browser.NewPageAsync(role: Roles.Admin);
        await page.GotoAsync("/admin/users");
        await page.WaitForCircuitAsync();
        var email = $"new-editor-{Guid.NewGuid():N}@example.org";

        await page.GetByTestId("new-email").FillAsync("not an address");
        await page.GetByTestId("new-name").FillAsync("Ji-woo Park");
        await page.GetByTestId("create-user").ClickAsync();
        await Assertions.Expect(page.GetByText("Enter an e-mail address such as")).ToBeVisibleAsync();

        await page.GetByTestId("new-email").FillAsync(email);
        await page.GetByTestId("new-role-Editor").CheckAsync();
        await page.GetByTestId("create-user").ClickAsync();
        var created = page.GetByTestId("created-password");
        await Assertions.Expect(created).ToBeVisibleAsync();
        var password = await created.Locator("code").InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("users")).ToContainTextAsync(email);
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        (await page.LandmarkViolationsAsync()).Should().BeEmpty();
        await page.SaveScreenshotAsync("admin-users");

        var newcomer = await browser.NewPageAsync(role: null);
        await BrowserFixture.SignInAsync(newcomer, email, password);
        await Assertions.Expect(newcomer.GetByTestId("user-name")).ToHaveTextAsync("Ji-woo Park");
    }

    [Fact]
    public async Task DisablingAnAccountAsksFirstAndCancellingLeavesItEnabled()
    {
        var (email, _) = await browser.App.CreateUserAsync(Roles.Analyst);
        var page = await browser.NewPageAsync(role: Roles.Admin);
        await page.GotoAsync("/admin/users");
        await page.WaitForCircuitAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        var dialog = page.GetByRole(AriaRole.Dialog);

        await page.GetByTestId($"toggle-{email}").ClickAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Disable Test Analyst?");
        // The fixture re-checks sessions every 2 s, and the dialog says so.
        await Assertions.Expect(dialog).ToContainTextAsync("signed out of every open session within 2 seconds");
        (await page.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(row).ToContainTextAsync("active");
        (await IsDisabledAsync(email)).Should().BeFalse("cancelling changes nothing");

        await page.GetByTestId($"toggle-{email}").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("disabled");
        (await IsDisabledAsync(email)).Should().BeTrue();

        // Enabling again harms no one: no question asked.
        await page.GetByTestId($"toggle-{email}").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("active");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheTokensAndAccountsPagesFitAPhoneWithoutScrollingSideways()
    {
        // A long address and a long token name are what would push a phone's page sideways.
        var analyst = await browser.NewPageAsync(width: 390, height: 844, role: Roles.Analyst);
        await analyst.GotoAsync("/account/tokens");
        await analyst.WaitForCircuitAsync();
        await analyst
            .GetByTestId("token-name")
            .FillAsync("the-collection-pipeline-on-the-night-shift-server-with-a-name-nobody-shortened");
        await analyst.GetByTestId("token-create").ClickAsync();
        await Assertions.Expect(analyst.GetByTestId("token-secret")).ToBeVisibleAsync();
        await Assertions.Expect(analyst.GetByTestId("tokens")).ToContainTextAsync("night-shift");
        await analyst.SaveScreenshotAsync("account-tokens-phone");
        (await analyst.ScrollWidthAsync()).Should().BeLessThanOrEqualTo(390);
        (await analyst.SeriousAccessibilityViolationsAsync()).Should().BeEmpty();

        await browser.App.CreateUserAsync(Roles.Analyst, Roles.Editor, Roles.Reviewer);
        var admin = await browser.NewPageAsync(width: 390, height: 844, role: Roles.Admin);

        await admin.GotoAsync("/admin/users");
        await admin.WaitForCircuitAsync();
        await Assertions.Expect(admin.GetByTestId("users")).ToContainTextAsync("analyst-editor-reviewer-");
        await admin.SaveScreenshotAsync("admin-users-phone");
        (await admin.ScrollWidthAsync()).Should().BeLessThanOrEqualTo(390);
    }

    private async Task<bool> IsDisabledAsync(string email)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!.IsDisabled;
    }

    [Fact]
    public async Task ADisabledUserLosesAnOpenPageWithinTheRevalidationInterval()
    {
        var (email, password) = await browser.App.CreateUserAsync(Roles.Analyst);
        var page = await browser.NewPageAsync(role: null);
        await BrowserFixture.SignInAsync(page, email, password);
        await page.GotoAsync("/claims");
        await page.WaitForCircuitAsync();

        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var admin = ActivatorUtilities.CreateInstance<AccountService>(
                scope.ServiceProvider,
                Testing.TestAccess.As(Roles.Admin)
            );
            await admin.SetDisabledAsync(user.Id, disabled: true);
        }

        // The fixture re-checks sessions every 2 s (one minute in production).
        await Assertions
            .Expect(page)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task SigningOutInOneTabSignsOutTheSessionsOpenPagesInOthers()
    {
        var (email, password) = await browser.App.CreateUserAsync(Roles.Analyst);
        var first = await browser.NewPageAsync(role: null);
        await BrowserFixture.SignInAsync(first, email, password);
        await first.GotoAsync("/claims");
        await first.WaitForCircuitAsync();
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/propositions");
        await second.WaitForCircuitAsync();

        await second.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(second.GetByTestId("signed-out")).ToBeVisibleAsync();

        // The session has ended on the server; the first tab's open page finds out at its next revalidation (2 s here).
        await Assertions
            .Expect(first)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"), new() { Timeout = 15_000 });
    }
}
