using ConflictTracker.Web.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ConflictTracker.Web.Security;

/// <summary>
/// Password rules after OWASP ASVS 5.0 (V6.2): at least 12 characters, up to 128 allowed, no
/// composition rules (no "one digit, one capital"), and refused when it is on the list of common
/// passwords shipped with the app (Security/common-passwords.txt) or contains the user's e-mail name.
/// </summary>
public sealed class PasswordRules : IPasswordValidator<AppUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = Check(password, user.Email)
            .Select(message => new IdentityError { Code = "Password", Description = message })
            .ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }

    /// <summary>Every rule <paramref name="password"/> breaks, as messages for the person choosing it.</summary>
    public static IReadOnlyList<string> Check(string? password, string? email)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            errors.Add($"Use at least {MinLength} characters; a few unrelated words make a good password.");
            return errors;
        }

        if (password.Length > MaxLength)
        {
            errors.Add($"Use at most {MaxLength} characters.");
        }

        if (Common.Value.Contains(password.ToLowerInvariant()))
        {
            errors.Add("This password is on a list of commonly used passwords; choose another.");
        }

        var name = email?.Split('@')[0];
        if (name is { Length: >= 4 } && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Do not use your e-mail address in your password.");
        }

        return errors;
    }

    private static HashSet<string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Security", "common-passwords.txt");
        return File.ReadLines(path).Where(line => line.Length > 0 && line[0] != '#').ToHashSet(StringComparer.Ordinal);
    }
}
