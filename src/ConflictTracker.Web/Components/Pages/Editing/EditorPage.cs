using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Features.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ConflictTracker.Web.Components.Pages.Editing;

/// <summary>
/// What every editor form shares: the field errors of the last refused save, the concurrency
/// conflict to show, a busy flag, and running an action that turns refusals into those messages
/// and brings the message into view (a long form's Save button is far below it).
/// </summary>
public abstract class EditorPage : ComponentBase
{
    private bool revealPending;

    [Inject]
    private EditingScript Script { get; set; } = default!;

    protected IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    protected ConcurrencyConflictException? Conflict { get; set; }

    protected bool Busy { get; private set; }

    protected bool Has(string field) => Errors.Has(field);

    protected string? Msg(string field) => Errors.Message(field);

    /// <summary>Runs <paramref name="action"/>; bad input becomes field messages and a conflict becomes the conflict
    /// banner.</summary>
    protected async Task RunAsync(Func<Task> action)
    {
        Busy = true;
        try
        {
            Errors = new Dictionary<string, string[]>();
            await action();
        }
        catch (DomainValidationException ex)
        {
            Errors = ex.Errors;
            revealPending = true;
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = ex;
            revealPending = true;
        }
        finally
        {
            Busy = false;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!revealPending)
        {
            return;
        }

        // Once the message is on the page: scrolled to and focused, so that the editor (and a
        // screen reader) is taken to it instead of seeing nothing happen.
        revealPending = false;
        try
        {
            await Script.RevealMessageAsync(EditorMessages.RevealSelector);
        }
        catch (Exception ex)
            when (ex is JSDisconnectedException or JSException or TaskCanceledException or InvalidOperationException)
        {
            // The message is on the page all the same; only the scrolling is lost.
        }
    }
}
