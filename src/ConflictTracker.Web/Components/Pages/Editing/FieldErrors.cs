namespace ConflictTracker.Web.Components.Pages.Editing;

/// <summary>Reading the field errors of a refused save (field name to its messages), as forms show them.</summary>
public static class FieldErrors
{
    public static bool Has(this IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.ContainsKey(field);

    public static string? Message(this IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
