using Microsoft.JSInterop;

namespace ConflictTracker.Web.Components.Pages.Editing;

/// <summary>
/// The editor pages' JavaScript module (<c>wwwroot/js/editing.js</c>), imported once per circuit:
/// drafts in the browser's local storage, and moving the reader to a message.
/// </summary>
public sealed class EditingScript(IJSRuntime js) : IAsyncDisposable
{
    private Task<IJSObjectReference>? module;

    public async Task<bool> SaveDraftAsync(string key, string payload) =>
        await (await ModuleAsync()).InvokeAsync<bool>("saveDraft", key, payload);

    public async Task<bool> HasDraftAsync(string key) => await (await ModuleAsync()).InvokeAsync<bool>("hasDraft", key);

    /// <summary>The stored draft (ask <see cref="HasDraftAsync"/> first) as a stream, so that a large one is not
    /// limited by the message size.</summary>
    public async Task<IJSStreamReference> LoadDraftAsync(string key) =>
        await (await ModuleAsync()).InvokeAsync<IJSStreamReference>("loadDraft", key);

    public async Task RemoveDraftAsync(string key) => await (await ModuleAsync()).InvokeVoidAsync("removeDraft", key);

    public async Task<bool> RevealMessageAsync(string selector) =>
        await (await ModuleAsync()).InvokeAsync<bool>("revealMessage", selector);

    public async Task<bool> FocusFirstInvalidFieldAsync() =>
        await (await ModuleAsync()).InvokeAsync<bool>("focusFirstInvalidField");

    private async Task<IJSObjectReference> ModuleAsync()
    {
        module ??= js.InvokeAsync<IJSObjectReference>("import", "./js/editing.js").AsTask();
        try
        {
            return await module;
        }
        catch
        {
            // A failed import (the connection dropped meanwhile) is tried again next time.
            module = null;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (module is { IsCompletedSuccessfully: true })
        {
            try
            {
                await (await module).DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone, and the module with it.
            }
        }
    }
}
