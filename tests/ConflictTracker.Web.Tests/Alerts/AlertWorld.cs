using System.Security.Claims;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Features.Alerts;
using ConflictTracker.Web.Features.Comments;
using ConflictTracker.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Claim = ConflictTracker.Domain.Claims.Claim;

namespace ConflictTracker.Web.Tests.Alerts;

/// <summary>A person of the alert tests: a real account (notifications belong to one) and the access they act
/// with.</summary>
internal sealed record Person(Guid Id, string Email, string DisplayName, IAccess Access);

/// <summary>What the alert and comment tests share: people, claims saved as someone, the services.</summary>
internal static class AlertWorld
{
    public static async Task<Person> PersonAsync(TestDatabase database, string role, string? displayName = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var email = $"{role.ToLowerInvariant()}.{tag}@test.example";
        var user = new AppUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = displayName ?? $"{role} {tag}",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using (var db = database.CreateContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        var principal = new ClaimsPrincipal(
            new ClaimsIdentity(
                [
                    new System.Security.Claims.Claim(ClaimTypes.Name, email),
                    new System.Security.Claims.Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                    new System.Security.Claims.Claim(ClaimTypes.Role, role),
                ],
                "Test"
            )
        );
        return new Person(user.Id, email, user.DisplayName, TestAccess.For(principal, new SecurityOptions()));
    }

    /// <summary>Saves a published claim as <paramref name="by"/> (an e-mail address), straight through the save
    /// path.</summary>
    public static async Task<Guid> ClaimAsync(
        TestDatabase database,
        string by,
        Guid actorId,
        Guid propositionId,
        string summary,
        Stance stance = Stance.Affirms
    )
    {
        await using var db = database.CreateContext();
        db.ChangedBy = by;
        var actor = await db.Actors.SingleAsync(a => a.Id == actorId);
        var proposition = await db.Propositions.SingleAsync(p => p.Id == propositionId);
        var claim = Claim.Create(
            new NewClaim(proposition, actor, PartialDate.Day(2024, 11, 2), stance, summary)
            {
                Status = ClaimStatus.Published,
            },
            DateTimeOffset.UtcNow
        );
        db.Claims.Add(claim);
        await db.SaveChangesAsync();
        return claim.Id;
    }

    public static AlertMatcher Matcher(TestDatabase database) =>
        new(database.ContextFactory, NullLogger<AlertMatcher>.Instance);

    public static SavedSearchService Searches(TestDatabase database, Person person) =>
        new(database.ContextFactory, person.Access, TimeProvider.System);

    public static FollowService Follows(TestDatabase database, Person person) =>
        new(database.ContextFactory, person.Access, TimeProvider.System);

    public static NotificationService Notifications(TestDatabase database, Person person) =>
        new(database.ContextFactory, person.Access, TimeProvider.System);

    public static CommentService Comments(TestDatabase database, Person person) =>
        new(database.ContextFactory, person.Access, TimeProvider.System);

    /// <summary>A word no demo claim has, so a search for it matches only what a test saves.</summary>
    public static string Word() => "zq" + Guid.NewGuid().ToString("N")[..10];
}
