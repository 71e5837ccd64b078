using System.Collections.Concurrent;

namespace ConflictTracker.Web.Security;

/// <summary>
/// Validated API tokens kept in memory, so a request with a known token costs no database round trip
/// (docs/rules/authorisation.md, "Token cache"). Every change that could make a cached answer wrong (a token
/// revoked or its expiry changed, a user disabled, roles or claims changed) notifies on
/// <see cref="Channel"/> from a database trigger, in the changing transaction; <see cref="ApiTokenCacheListener"/>
/// hears it on every app instance and drops that user's entries. While the listener is not connected, nothing
/// is cached or answered from the cache: a change it could not hear would otherwise go unnoticed.
/// </summary>
public sealed class ApiTokenCache(TimeProvider time)
{
    /// <summary>The PostgreSQL notification channel the triggers of migration ApiTokenCacheNotifications use; the
    /// payload is the user's id, or <c>*</c> for everyone (a role renamed).</summary>
    public const string Channel = "auth_changed";

    /// <summary>How long an entry is trusted at most, even with no notification: a bound on any mistake.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>Entries beyond this many are not added (a bound on memory; the database answers the rest).</summary>
    public const int MaxEntries = 10_000;

    private sealed record Entry(ValidToken Token, DateTimeOffset CachedAt);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private long generation;
    private volatile bool listening;

    /// <summary>Grows with every invalidation; a validation that started before one must not be cached.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>True while invalidations can be heard; only then is the cache used.</summary>
    public bool IsActive => listening;

    public int Count => entries.Count;

    /// <summary>The cached validation of a token hash, if there is one still valid now.</summary>
    public ValidToken? Find(byte[] hash)
    {
        if (!listening || !entries.TryGetValue(Convert.ToHexString(hash), out var entry))
        {
            return null;
        }

        var now = time.GetUtcNow();
        return now - entry.CachedAt < MaxAge && entry.Token.Token.ExpiresAt > now ? entry.Token : null;
    }

    /// <summary>Keeps a validation read from the database, unless anything was invalidated since
    /// <paramref name="generationBefore"/> (read before the database was asked), which may have
    /// made it stale.</summary>
    public void Add(byte[] hash, ValidToken token, long generationBefore)
    {
        if (!listening || entries.Count >= MaxEntries)
        {
            return;
        }

        var key = Convert.ToHexString(hash);
        var entry = new Entry(token, time.GetUtcNow());
        entries[key] = entry;
        // An invalidation between the read and here bumped the generation before removing entries: either it
        // removed this one, or this check sees the new generation and removes it.
        if (Generation != generationBefore)
        {
            entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
    }

    /// <summary>Raised after a user's entries (null: everyone's) were dropped.</summary>
    public event Action<Guid?>? Invalidated;

    /// <summary>Drops a user's entries (null: everyone's).</summary>
    public void Invalidate(Guid? userId)
    {
        Interlocked.Increment(ref generation);
        foreach (var (key, entry) in entries)
        {
            if (userId is not { } id || entry.Token.User.Id == id)
            {
                entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }

        Invalidated?.Invoke(userId);
    }

    /// <summary>Handles one notification's payload: a user id, or anything else for everyone.</summary>
    public void Invalidate(string payload) => Invalidate(Guid.TryParse(payload, out var id) ? id : null);

    /// <summary>Called by the listener: from now on changes are heard (start with an empty cache), or no longer
    /// are (stop using it).</summary>
    public void SetListening(bool value)
    {
        listening = value;
        Invalidate((Guid?)null);
    }
}
