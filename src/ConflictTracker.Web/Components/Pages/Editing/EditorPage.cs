using ConflictTracker.Domain.Common;
using ConflictTracker.Web.Features.Editing;
using Microsoft.AspNetCore.Components;

namespace ConflictTracker.Web.Components.Pages.Editing;

/// <summary>
/// What every editor form shares: the field errors of the last refused save, the concurrency
/// conflict to show, a busy flag, and running an action that turns refusals into those messages.
/// </summary>
public abstract class EditorPage : ComponentBase
{
    protected IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    protected ConcurrencyConflictException? Conflict { get; set; }

    protected bool Busy { get; private set; }

    protected bool Has(string field) => Errors.ContainsKey(field);

    protected string? Msg(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Runs <paramref name="action"/>; bad input becomes field messages and a conflict becomes the conflict banner.</summary>
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
        }
        catch (ConcurrencyConflictException ex)
        {
            Conflict = ex;
        }
        finally
        {
            Busy = false;
        }
    }
}
