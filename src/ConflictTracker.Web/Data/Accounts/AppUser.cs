using Microsoft.AspNetCore.Identity;

namespace ConflictTracker.Web.Data.Accounts;

/// <summary>A person who signs in. The user name is the e-mail address; roles say what they may do.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 100;

    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>How history and the UI name this person ("Ji-woo Park").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in, and its open sessions end within a minute.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
