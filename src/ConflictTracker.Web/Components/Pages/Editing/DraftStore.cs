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
public sealed class DraftStore(EditingScript script, IDataProtectionProvider protection, AuthenticationStateProvider authentication, TimeProvider time)
{
    // Several 10,000-character quotes, encrypted, come to a few hundred KB; the cap only stops a
    // doctored store from making the server read without end.
    private const long MaxDraftBytes = 4 * 1024 * 1024;

    public async Task<StoredDraft<T>?> LoadAsync<T>(string form, Guid? record, CancellationToken cancellationToken = default)
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
            return DraftCodec.Open<T>(Protector(key), payload);
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

        return await script.SaveDraftAsync(key, DraftCodec.Seal(Protector(key), new StoredDraft<T>(value, time.GetUtcNow())));
    }

    public async Task RemoveAsync(string form, Guid? record)
    {
        if (await KeyAsync(form, record) is { } key)
        {
            await script.RemoveDraftAsync(key);
        }
    }

    // Per user: a shared browser never offers one editor another's draft (nor can it open one).
    private async Task<string?> KeyAsync(string form, Guid? record)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User.FindFirstValue(ClaimTypes.NameIdentifier);
        return user is null ? null : $"ct-draft:{user}:{form}:{record?.ToString() ?? "new"}";
    }

    // Bound to the key too, so a draft copied under another record's key does not open there.
    private IDataProtector Protector(string key) => protection.CreateProtector("ConflictTracker.Drafts", key);
}

/// <summary>Turns a draft into the text kept in the browser and back, and compares forms.</summary>
public static class DraftCodec
{
    // The text is encrypted, so nothing needs escaping for HTML; unescaped, a Korean syllable takes
    // 3 bytes instead of 6.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Seal<T>(IDataProtector protector, StoredDraft<T> draft) =>
        Base64Url.EncodeToString(protector.Protect(JsonSerializer.SerializeToUtf8Bytes(draft, Options)));

    public static StoredDraft<T>? Open<T>(IDataProtector protector, string payload) =>
        JsonSerializer.Deserialize<StoredDraft<T>>(protector.Unprotect(Base64Url.DecodeFromChars(payload)), Options);

    /// <summary>The form as text, to tell whether it changed since it was last kept.</summary>
    public static string Fingerprint<T>(T value) => JsonSerializer.Serialize(value, Options);
}
