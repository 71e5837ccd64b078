using System.Net;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictTracker.Web.Tests.Api;

/// <summary>The in-memory cache of validated API tokens: used only while it can hear changes, dropped per user on
/// every app instance when a trigger notifies, and never keeping a validation that raced an invalidation.</summary>
public class ApiTokenCacheTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static (byte[] Hash, ValidToken Token) Token(Guid userId, DateTimeOffset expires)
    {
        var secret = ApiToken.NewSecret();
        var token = new ApiToken
        {
            UserId = userId,
            Name = "t",
            Hash = ApiToken.HashOf(secret),
            CreatedAt = expires.AddDays(-1),
            ExpiresAt = expires,
        };
        var user = new AppUser { Id = userId, DisplayName = "U" };
        return (token.Hash, new ValidToken(token, user, [Roles.Analyst], []));
    }

    [Fact]
    public void NothingIsCachedOrAnsweredWhileChangesCannotBeHeard()
    {
        var clock = new Clock();
        var cache = new ApiTokenCache(clock);
        var (hash, token) = Token(Guid.NewGuid(), clock.Now.AddDays(1));

        cache.Add(hash, token, cache.Generation);
        cache.Find(hash).Should().BeNull("the listener has not started");
        cache.Count.Should().Be(0);

        cache.SetListening(true);
        cache.Add(hash, token, cache.Generation);
        cache.Find(hash).Should().BeSameAs(token);

        cache.SetListening(false);
        cache.Find(hash).Should().BeNull("a lost listener could miss a revocation");
        cache.Count.Should().Be(0);
    }

    [Fact]
    public void AnInvalidationDropsThatUsersTokensOnlyAndEveryoneForAStar()
    {
        var clock = new Clock();
        var cache = new ApiTokenCache(clock);
        cache.SetListening(true);
        var alice = Guid.NewGuid();
        var (aliceHash, aliceToken) = Token(alice, clock.Now.AddDays(1));
        var (bobHash, bobToken) = Token(Guid.NewGuid(), clock.Now.AddDays(1));
        cache.Add(aliceHash, aliceToken, cache.Generation);
        cache.Add(bobHash, bobToken, cache.Generation);

        cache.Invalidate(alice.ToString());
        cache.Find(aliceHash).Should().BeNull();
        cache.Find(bobHash).Should().BeSameAs(bobToken);

        cache.Invalidate("*");
        cache.Find(bobHash).Should().BeNull();
    }

    [Fact]
    public void AValidationThatStartedBeforeAnInvalidationIsNotKept()
    {
        var clock = new Clock();
        var cache = new ApiTokenCache(clock);
        cache.SetListening(true);
        var user = Guid.NewGuid();
        var (hash, token) = Token(user, clock.Now.AddDays(1));

        var before = cache.Generation; // the database is asked ...
        cache.Invalidate(user); // ... the token is revoked meanwhile ...
        cache.Add(hash, token, before); // ... and the stale answer comes back

        cache.Find(hash).Should().BeNull();
    }

    [Fact]
    public void AnEntryIsTrustedForAMinuteAtMostAndNeverPastTheTokensExpiry()
    {
        var clock = new Clock();
        var cache = new ApiTokenCache(clock);
        cache.SetListening(true);
        var (hash, token) = Token(Guid.NewGuid(), clock.Now.AddDays(1));
        cache.Add(hash, token, cache.Generation);

        clock.Now += ApiTokenCache.MaxAge - TimeSpan.FromSeconds(1);
        cache.Find(hash).Should().BeSameAs(token);
        clock.Now += TimeSpan.FromSeconds(1);
        cache.Find(hash).Should().BeNull();

        var (soonHash, soon) = Token(Guid.NewGuid(), clock.Now.AddSeconds(10));
        cache.Add(soonHash, soon, cache.Generation);
        clock.Now += TimeSpan.FromSeconds(10);
        cache.Find(soonHash).Should().BeNull("the token has expired");
    }

    [Fact]
    public async Task ATokenRevokedOnOneInstanceIsRefusedByAnotherThatHadItCached()
    {
        var first = fixture.App;
        await using var second = new AppFactory(fixture.Database.ConnectionString);
        var (email, _) = await first.CreateUserAsync(Roles.Analyst);
        Guid userId;
        string secret;
        await using (var scope = first.Services.CreateAsyncScope())
        {
            userId = (
                await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            )!.Id;
            secret = (
                await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateForAsync(userId, "two", 1)
            ).Secret;
        }

        using var onFirst = Client(first, secret);
        using var onSecond = Client(second, secret);
        (await onFirst.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await onSecond.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.OK);
        var secondCache = second.Services.GetRequiredService<ApiTokenCache>();
        await WaitUntilAsync(() => secondCache.IsActive);
        (await onSecond.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.OK);
        secondCache.Find(ApiToken.HashOf(secret)).Should().NotBeNull("the second instance answers it from memory");

        // Revoked by neither instance's code (an operator's SQL): both learn it from the trigger's notification.
        await first.ChangeAuthAsync(
            userId,
            () =>
                second.ChangeAuthAsync(
                    userId,
                    async () =>
                    {
                        await using var db = fixture.Database.CreateContext();
                        await db
                            .ApiTokens.Where(t => t.UserId == userId)
                            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow));
                    }
                )
        );

        secondCache.Find(ApiToken.HashOf(secret)).Should().BeNull();
        (await onSecond.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await onFirst.GetAsync("/api/v1/propositions")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ATokensLastUseIsNoChangeThatNotifiesButItsRevocationIs()
    {
        await using var db = fixture.Database.CreateContext();
        var used = await UserWithTokenAsync(db);
        var revoked = await UserWithTokenAsync(db);

        await using var listener = new Npgsql.NpgsqlConnection(fixture.Database.ConnectionString);
        await listener.OpenAsync();
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new Npgsql.NpgsqlCommand($"LISTEN {ApiTokenCache.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        await db
            .ApiTokens.Where(t => t.UserId == used)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, DateTimeOffset.UtcNow));
        await db
            .ApiTokens.Where(t => t.UserId == revoked)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, DateTimeOffset.UtcNow));

        // Notifications arrive in commit order: the first heard is the other user's revocation, so the last use
        // sent none.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (heard.Count == 0)
        {
            await listener.WaitAsync(timeout.Token);
        }

        heard[0].Should().Be(revoked.ToString());
        heard.Should().NotContain(used.ToString());
    }

    private async Task<Guid> UserWithTokenAsync(AppDbContext db)
    {
        var (email, _) = await fixture.App.CreateUserAsync(Roles.Analyst);
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateForAsync(userId, "quiet", 1);
        return userId;
    }

    private static HttpClient Client(AppFactory app, string secret)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer",
            secret
        );
        return client;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
