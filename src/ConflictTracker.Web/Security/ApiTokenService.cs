using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Data;
using ConflictTracker.Web.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ConflictTracker.Web.Security;

/// <summary>A token as its owner sees it in the list (never the secret).</summary>
/// <summary>A valid token with its user and the user's roles and claims at this moment.</summary>
public sealed record ValidToken(
    ApiToken Token,
    AppUser User,
    IReadOnlyList<string> Roles,
    IReadOnlyList<(string Type, string Value)> Claims
);

public sealed record ApiTokenRow(
    Guid Id,
    string Name,
    string Hint,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt
)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>A token just created: <see cref="Secret"/> is shown once and never stored.</summary>
public sealed record CreatedApiToken(ApiTokenRow Token, string Secret);

/// <summary>
/// Personal access tokens (docs/rules/authorisation.md, "API tokens"): users create, list and revoke
/// their own; the operator command line creates one for any user. A token acts with its user's
/// roles at the time of each request, and stops working when the user is disabled.
/// </summary>
public sealed partial class ApiTokenService(
    IDbContextFactory<AppDbContext> contextFactory,
    IAccess access,
    SecurityOptions security,
    TimeProvider time,
    ILogger<ApiTokenService> logger,
    ApiTokenCache? cache = null
)
{
    public const int DefaultDays = 90;
    public const int MaxDays = 366;

    /// <summary>Creates a token for the signed-in user. Staff who must use two-factor sign-in need a session that
    /// passed it.</summary>
    public async Task<CreatedApiToken> CreateAsync(
        string? name,
        int days,
        CancellationToken cancellationToken = default
    )
    {
        var user = await access.UserAsync();
        if (
            user.Identity?.IsAuthenticated != true
            || !Policies.PassedSecondFactorIfStaff(user, security)
            || !Guid.TryParse(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var userId)
        )
        {
            throw new AccessDeniedException("Authenticated", "create API tokens");
        }

        // The token remembers whether this session passed a second factor: it will need it if its user is (or becomes)
        // staff.
        var secondFactor = user.HasClaim(Policies.MultiFactorClaim, Policies.MultiFactorValue)
            ? ApiTokenSecondFactor.Session
            : ApiTokenSecondFactor.None;
        return await CreateForAsync(userId, name, days, secondFactor, cancellationToken);
    }

    /// <summary>
    /// Creates a token for <paramref name="userId"/> without checking who asks: for the operator command
    /// line (<see cref="ApiTokenSecondFactor.Operator"/>), and for <see cref="CreateAsync"/> once it has checked.
    /// Unless told otherwise, the token does not count as a second factor.
    /// </summary>
    public async Task<CreatedApiToken> CreateForAsync(
        Guid userId,
        string? name,
        int days,
        ApiTokenSecondFactor secondFactor = ApiTokenSecondFactor.None,
        CancellationToken cancellationToken = default
    )
    {
        var errors = new ValidationErrors();
        var label = errors.Check(() => Rules.RequiredText(name, "Name", ApiToken.MaxNameLength));
        if (days is < 1 or > MaxDays)
        {
            errors.Add("Days", $"A token lasts from 1 to {MaxDays} days.");
        }

        errors.ThrowIfAny();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var owner =
            await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new DomainValidationException("User", "There is no such user.");
        var now = time.GetUtcNow();
        var secret = ApiToken.NewSecret();
        var token = new ApiToken
        {
            UserId = userId,
            Name = label!,
            Hint = secret[..(ApiToken.SecretPrefix.Length + 4)],
            Hash = ApiToken.HashOf(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
            SecondFactor = secondFactor,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        var who = owner.Email ?? owner.UserName ?? userId.ToString();
        LogCreated(who, token.Id, token.ExpiresAt, now);
        if (secondFactor == ApiTokenSecondFactor.Operator)
        {
            LogOperatorVouched(who, token.Id, now);
        }
        return new CreatedApiToken(Row(token), secret);
    }

    /// <summary>The signed-in user's tokens, newest first.</summary>
    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var userId = await SignedInUserAsync("list API tokens");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (
            await db
                .ApiTokens.AsNoTracking()
                .Where(t => t.UserId == userId)
                .OrderByDescending(t => t.CreatedAt)
                .ToListAsync(cancellationToken)
        )
            .Select(Row)
            .ToList();
    }

    /// <summary>Revokes one of the signed-in user's tokens (an admin may revoke anyone's). It stops working at
    /// once.</summary>
    public async Task RevokeAsync(Guid tokenId, CancellationToken cancellationToken = default)
    {
        var userId = await SignedInUserAsync("revoke API tokens");
        var isAdmin = await access.AllowsAsync(Policies.Administer);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var token =
            await db.ApiTokens.SingleOrDefaultAsync(
                t => t.Id == tokenId && (t.UserId == userId || isAdmin),
                cancellationToken
            ) ?? throw new DomainValidationException("Token", "There is no such token.");
        if (token.RevokedAt is null)
        {
            token.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            // This instance forgets it now; the others when the trigger's notification reaches them.
            cache?.Invalidate(token.UserId);
            LogRevoked((await access.UserAsync()).Identity?.Name ?? "?", token.Id, token.RevokedAt.Value);
        }
    }

    /// <summary>
    /// The token, its user and the user's current roles and claims for a presented secret, if it is valid
    /// now: known, not revoked, not expired, user enabled. One statement, or none when the validation is
    /// cached (<see cref="ApiTokenCache"/>: changes to tokens, users and roles drop it).
    /// </summary>
    public async Task<ValidToken?> ValidateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = ApiToken.HashOf(secret);
        var now = time.GetUtcNow();
        if (cache?.Find(hash) is { } cached)
        {
            await TouchAsync(cached.Token, now, cancellationToken);
            return cached;
        }

        var generation = cache?.Generation ?? 0;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var found = await (
            from token in db.ApiTokens
            where token.Hash == hash && token.RevokedAt == null && token.ExpiresAt > now
            join user in db.Users on token.UserId equals user.Id
            where !user.IsDisabled
            select new
            {
                token,
                user,
                Roles = (
                    from link in db.UserRoles
                    where link.UserId == user.Id
                    join role in db.Roles on link.RoleId equals role.Id
                    select role.Name
                ).ToList(),
                Claims = db
                    .UserClaims.Where(c => c.UserId == user.Id)
                    .Select(c => new { c.ClaimType, c.ClaimValue })
                    .ToList(),
            }
        )
            .AsSingleQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        // Last use is kept to the minute: one write per token per minute, not per request.
        if (found.token.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            found.token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        var valid = new ValidToken(
            found.token,
            found.user,
            found.Roles.OfType<string>().ToList(),
            found
                .Claims.Where(c => c.ClaimType is not null && c.ClaimValue is not null)
                .Select(c => (c.ClaimType!, c.ClaimValue!))
                .ToList()
        );
        cache?.Add(hash, valid, generation);
        return valid;
    }

    // A cached token's last use, kept to the minute like an uncached one's (no trigger fires for it).
    private async Task TouchAsync(ApiToken token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (token.LastUsedAt is { } last && now - last <= TimeSpan.FromMinutes(1))
        {
            return;
        }

        token.LastUsedAt = now;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db
            .ApiTokens.Where(t => t.Id == token.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), cancellationToken);
    }

    private async Task<Guid> SignedInUserAsync(string operation)
    {
        var user = await access.UserAsync();
        return
            user.Identity?.IsAuthenticated == true
            && Guid.TryParse(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id)
            ? id
            : throw new AccessDeniedException("Authenticated", operation);
    }

    private static ApiTokenRow Row(ApiToken t) =>
        new(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);

    [LoggerMessage(
        EventId = 4040,
        Level = LogLevel.Information,
        Message = "API token {TokenId} created for {User}, expires {ExpiresAt:O}, at {At:O}"
    )]
    private partial void LogCreated(string user, Guid tokenId, DateTimeOffset expiresAt, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4044,
        Level = LogLevel.Warning,
        Message = "API token {TokenId} for {User} was created by the operator's command and counts as a second factor, at {At:O}"
    )]
    private partial void LogOperatorVouched(string user, Guid tokenId, DateTimeOffset at);

    [LoggerMessage(
        EventId = 4041,
        Level = LogLevel.Information,
        Message = "API token {TokenId} revoked by {User} at {At:O}"
    )]
    private partial void LogRevoked(string user, Guid tokenId, DateTimeOffset at);
}
