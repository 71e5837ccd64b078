using System.Security.Cryptography;
using ConflictTracker.Web.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ConflictTracker.Web.Security;

/// <summary>
/// One account per role for trying the app locally. Only in Development (the command refuses
/// otherwise): each run gives every demo account a fresh random password and prints it, so no
/// password is written in the repository and none outlives the session that printed it.
/// </summary>
public sealed class DemoAccounts(UserManager<AppUser> users, AccountService accounts)
{
    public static readonly IReadOnlyList<(string Email, string Name, string Role)> All =
    [
        ("analyst@demo.conflicttracker.local", "Demo Analyst", Roles.Analyst),
        ("editor@demo.conflicttracker.local", "Demo Editor", Roles.Editor),
        ("reviewer@demo.conflicttracker.local", "Demo Reviewer", Roles.Reviewer),
        ("admin@demo.conflicttracker.local", "Demo Admin", Roles.Admin),
    ];

    public async Task<IReadOnlyList<(string Email, string Role, string Password)>> ResetAsync()
    {
        var result = new List<(string, string, string)>();
        foreach (var (email, name, role) in All)
        {
            var password = NewPassword();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                await accounts.CreateUncheckedAsync(new NewUser(email, name, password, [role]));
            }
            else
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                Check(await users.ResetPasswordAsync(user, token, password));
                Check(await users.SetLockoutEndDateAsync(user, null));
                user.IsDisabled = false;
                Check(await users.UpdateAsync(user));
            }

            result.Add((email, role, password));
        }

        return result;
    }

    /// <summary>Four groups of four letters and digits: 19 characters, about 80 bits.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        var groups = Enumerable
            .Range(0, 4)
            .Select(_ => new string(
                Enumerable.Range(0, 4).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray()
            ));
        return string.Join('-', groups);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
