using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;

namespace ConflictTracker.Web.Components.Pages.Editing;

/// <summary>A draft as kept in the browser: what the form held, and when.</summary>
public sealed record StoredDraft<T>(T Value, DateTimeOffset SavedAt);

/// <summary>
/// Keeps drafts of editor forms in the browser's local storage, encrypted with the app's
/// data-protection keys (kept in the database, so a draft still opens after a restart), under the
/// signed-in user, the form and the record. Not <c>ProtectedLocalStorage</c>: it returns a draft in
/// one SignalR message, and a statement with three 10,000-character quotes is far larger than one
/// message may be; here the draft comes back as a stream, in chunks.
/// </summary>
public sealed class DraftStore(
    EditingScript script,
    IDataProtectionProvider protection,
    AuthenticationStateProvider authentication,
    TimeProvider time
)
{
    // Several 10,000-character quotes, encrypted, come to a few hundred KB; the cap only stops a
    // doctored store from making the server read without end.
    private const long MaxDraftBytes = 4 * 1024 * 1024;

    public async Task<StoredDraft<T>?> LoadAsync<T>(
        string form,
        Guid? record,
        CancellationToken cancellationToken = default
    )
    {
        if (await KeyAsync(form, record) is not { } key || !await script.HasDraftAsync(key))
        {
            return null;
        }

        await using var data = await script.LoadDraftAsync(key);
        await using var stream = await data.OpenReadStreamAsync(MaxDraftBytes, cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var payload = await reader.ReadToEndAsync(cancellationToken);
        try
        {
            return DraftCodec.Open<T>(protection, key, payload);
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            // Made with keys that are gone, or by an older shape of the form: nothing to restore.
            await script.RemoveDraftAsync(key);
            return null;
        }
    }

    /// <summary>Keeps <paramref name="value"/>; false when the browser has no room for it.</summary>
    public async Task<bool> SaveAsync<T>(string form, Guid? record, T value)
    {
        if (await KeyAsync(form, record) is not { } key)
        {
            return false;
        }

        return await script.SaveDraftAsync(
            key,
            DraftCodec.Seal(protection, key, new StoredDraft<T>(value, time.GetUtcNow()))
        );
    }

    public async Task RemoveAsync(string form, Guid? record)
    {
        if (await KeyAsync(form, record) is { } key)
        {
            await script.RemoveDraftAsync(key);
        }
    }

    private async Task<string?> KeyAsync(string form, Guid? record) =>
        (await authentication.GetAuthenticationStateAsync()).User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user
            ? DraftCodec.Key(user, form, record)
            : null;
}

/// <summary>Names a draft, turns it into the text kept in the browser and back, and compares forms.</summary>
public static class DraftCodec
{
    // The text is encrypted, so nothing needs escaping for HTML; unescaped, a Korean syllable takes
    // 3 bytes instead of 6.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Per user, form and record: a shared browser never offers one editor another's draft, and a
    /// new record's draft ("new") is not an edit's.
    /// </summary>
    public static string Key(string user, string form, Guid? record) =>
        $"ct-draft:{user}:{form}:{record?.ToString() ?? "new"}";

    public static string Seal<T>(IDataProtectionProvider keys, string key, StoredDraft<T> draft) =>
        Base64Url.EncodeToString(Protector(keys, key).Protect(JsonSerializer.SerializeToUtf8Bytes(draft, Options)));

    /// <summary>The draft kept under <paramref name="key"/>; a <see cref="CryptographicException"/> when it was sealed
    /// for another key or with keys that are gone.</summary>
    public static StoredDraft<T>? Open<T>(IDataProtectionProvider keys, string key, string payload) =>
        JsonSerializer.Deserialize<StoredDraft<T>>(
            Protector(keys, key).Unprotect(Base64Url.DecodeFromChars(payload)),
            Options
        );

    /// <summary>The form as text, to tell whether it changed since it was last kept.</summary>
    public static string Fingerprint<T>(T value) => JsonSerializer.Serialize(value, Options);

    // Bound to the key, user included: a draft copied under another user's or record's key does not open there.
    private static IDataProtector Protector(IDataProtectionProvider keys, string key) =>
        keys.CreateProtector("ConflictTracker.Drafts", key);
}
