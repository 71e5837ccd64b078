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
        await page.SaveScreenshotAsync("admin-users");

        var newcomer = await browser.NewPageAsync(role: null);
        await BrowserFixture.SignInAsync(newcomer, email, password);
        await Assertions.Expect(newcomer.GetByTestId("user-name")).ToHaveTextAsync("Ji-woo Park");
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
