using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ConflictTracker.Web.Components.Pages.Editing;

/// <summary>A draft of a form: what the editor typed, and the version of the record it is to be saved against (0 for a
/// new record).</summary>
public interface IDraft
{
    /// <summary>The fields alone: a draft whose fields are as loaded holds nothing to lose.</summary>
    object Values { get; }

    uint Version { get; }
}

/// <summary>A record editor's draft: the values typed, and the record as loaded, so that "apply my changes on top of
/// theirs" still knows which fields were mine.</summary>
public sealed record RecordDraft<TInput>(TInput Values, uint Version, TInput? Loaded) : IDraft
    where TInput : class
{
    object IDraft.Values => Values;
}

/// <summary>What the page tells the editor about the draft of its form.</summary>
public sealed class DraftStatus
{
    /// <summary>
    /// The draft was just kept (or dropped). Only the status line listens: re-rendering the whole
    /// form every second would disturb what the editor is doing in it (an open autocomplete).
    /// </summary>
    public event Action? Kept;

    /// <summary>When the draft that was restored on opening the form had been kept.</summary>
    public DateTimeOffset? RestoredFrom { get; set; }

    /// <summary>The restored draft was made on an older version of the record.</summary>
    public bool Outdated { get; set; }

    public DateTimeOffset? KeptAt { get; private set; }

    /// <summary>The browser had no room for the draft.</summary>
    public bool NoRoom { get; private set; }

    public void Keep(DateTimeOffset? keptAt, bool noRoom)
    {
        (KeptAt, NoRoom) = (keptAt, noRoom);
        Kept?.Invoke();
    }

    public void Clear()
    {
        (RestoredFrom, Outdated) = (null, false);
        Keep(null, false);
    }
}

/// <summary>
/// An editor form whose draft is kept in the browser while it changes (checked every second, kept
/// only when it differs from the record as loaded), restored when the form is opened again after a
/// dropped connection, a lost circuit or a reload, and forgotten once saved or discarded.
/// </summary>
public abstract class DraftEditorPage<TDraft> : EditorPage, IDisposable
    where TDraft : class, IDraft
{
    private static readonly TimeSpan KeepEvery = TimeSpan.FromSeconds(1);

    private string? shownKey;
    private bool keeping;
    private bool forgotten;
    private bool writing;
    private bool discarding;
    private string? loadedFingerprint;
    private string? keptFingerprint;
    private Timer? timer;

    [Inject]
    private DraftStore Drafts { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILoggerFactory Logs { get; set; } = default!;

    protected DraftStatus DraftStatus { get; } = new();

    /// <summary>Which form this is ("statement", "actor"): part of the draft's key.</summary>
    protected abstract string DraftForm { get; }

    /// <summary>The record edited; null for a new one.</summary>
    protected abstract Guid? DraftRecord { get; }

    /// <summary>What the form holds now; null while there is nothing to keep (loading, not found).</summary>
    protected abstract TDraft? CaptureDraft();

    protected abstract Task RestoreDraftAsync(TDraft draft);

    /// <summary>Puts the form back as stored (a blank form for a new record).</summary>
    protected abstract Task ReloadAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender);
        var key = $"{DraftForm}:{DraftRecord}";
        if (key != shownKey)
        {
            // Another record in the same page (saved a new one, then editing it): start over.
            StopKeeping();
            (shownKey, forgotten) = (key, false);
            DraftStatus.Clear();
        }

        if (keeping || forgotten || CaptureDraft() is not { } loaded)
        {
            return;
        }

        keeping = true;
        loadedFingerprint = DraftCodec.Fingerprint(loaded.Values);
        keptFingerprint = DraftCodec.Fingerprint(loaded);
        try
        {
            // Browser storage is reachable only now, once the page is interactive.
            if (await Drafts.LoadAsync<TDraft>(DraftForm, DraftRecord) is { } stored && key == shownKey)
            {
                await RestoreDraftAsync(stored.Value);
                (DraftStatus.RestoredFrom, DraftStatus.Outdated) = (
                    stored.SavedAt,
                    stored.Value.Version != loaded.Version
                );
                keptFingerprint = CaptureDraft() is { } restored ? DraftCodec.Fingerprint(restored) : null;
                StateHasChanged();
            }
        }
        catch (Exception ex) when (IsDisconnection(ex))
        {
            keeping = false;
            return;
        }
        catch (JSException ex)
        {
            // The browser refused (storage disabled, a script error): the form works without a draft.
            Logs.CreateLogger<DraftStore>().LogWarning(ex, "Could not read the draft of the {Form} form", DraftForm);
            return;
        }

        timer = new Timer(_ => InvokeAsync(KeepAsync), null, KeepEvery, KeepEvery);
    }

    /// <summary>After a successful save: the draft is done with.</summary>
    protected async Task ForgetDraftAsync()
    {
        StopKeeping();
        forgotten = true;
        DraftStatus.Clear();
        try
        {
            await Drafts.RemoveAsync(DraftForm, DraftRecord);
        }
        catch (Exception ex) when (IsDisconnection(ex))
        {
            // The browser is gone; the draft with it or not, there is no one to tell.
        }
    }

    /// <summary>The editor does not want the restored draft: the form goes back to the record as stored.</summary>
    protected async Task DiscardDraftAsync()
    {
        // No keeping meanwhile: a tick between removing the draft and reloading the form would
        // write the discarded draft back.
        discarding = true;
        try
        {
            await Drafts.RemoveAsync(DraftForm, DraftRecord);
            DraftStatus.Clear();
            await ReloadAsync();
            var loaded = CaptureDraft();
            (loadedFingerprint, keptFingerprint) = loaded is null
                ? (null, null)
                : (DraftCodec.Fingerprint(loaded.Values), DraftCodec.Fingerprint(loaded));
        }
        finally
        {
            discarding = false;
        }
    }

    private async Task KeepAsync()
    {
        if (!keeping || writing || discarding || CaptureDraft() is not { } current)
        {
            return;
        }

        var fingerprint = DraftCodec.Fingerprint(current);
        if (fingerprint == keptFingerprint)
        {
            return;
        }

        writing = true;
        try
        {
            if (DraftCodec.Fingerprint(current.Values) == loadedFingerprint)
            {
                // Changed back to what is stored: there is nothing to lose.
                await Drafts.RemoveAsync(DraftForm, DraftRecord);
                DraftStatus.Keep(null, noRoom: false);
            }
            else
            {
                var saved = await Drafts.SaveAsync(DraftForm, DraftRecord, current);
                DraftStatus.Keep(saved ? Time.GetUtcNow() : null, noRoom: !saved);
            }

            keptFingerprint = fingerprint;
        }
        catch (Exception ex) when (IsDisconnection(ex))
        {
            // Not connected at the moment: the next tick tries again with what the form holds then.
        }
        catch (JSException ex)
        {
            Logs.CreateLogger<DraftStore>().LogWarning(ex, "Could not keep the draft of the {Form} form", DraftForm);
            keptFingerprint = fingerprint;
        }
        finally
        {
            writing = false;
        }
    }

    // Blazor refuses to send while the client is away (InvalidOperationException) and cancels calls
    // that a reconnection cut short: the form goes on, and the next tick tries again.
    private static bool IsDisconnection(Exception ex) =>
        ex is JSDisconnectedException or TaskCanceledException or ObjectDisposedException or InvalidOperationException;

    private void StopKeeping()
    {
        timer?.Dispose();
        timer = null;
        keeping = false;
    }

    public void Dispose()
    {
        StopKeeping();
        GC.SuppressFinalize(this);
    }
}
