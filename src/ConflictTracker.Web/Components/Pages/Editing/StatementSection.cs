using ConflictTracker.Web.Features.Lookups;
using Microsoft.AspNetCore.Components;

namespace ConflictTracker.Web.Components.Pages.Editing;

/// <summary>A part of the statement form: the form it edits and the errors of the last refused save.</summary>
public abstract class StatementSection : ComponentBase
{
    [Parameter, EditorRequired]
    public StatementForm Form { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    protected bool Has(string field) => Errors.Has(field);

    protected string? Msg(string field) => Errors.Message(field);

    protected static async Task<IEnumerable<LookupItem>> Search(Task<IReadOnlyList<LookupItem>> lookup) => await lookup;
}
