using System.Collections;
using System.Reflection;

namespace ConflictTracker.Web.Features.Shared;

/// <summary>
/// Re-applies an editor's changes on top of another editor's save: starting from the record as it is
/// now (<c>theirs</c>), every field the editor changed since loading (<c>mine</c> differs from
/// <c>original</c>) takes the editor's value; every other field keeps theirs. Nothing the other editor
/// changed is reverted unless this editor changed the same field, which the conflict message showed.
/// </summary>
public static class FieldMerge
{
    public static T Apply<T>(T original, T mine, T theirs)
        where T : class
    {
        var clone =
            typeof(T).GetMethod("<Clone>$")
            ?? throw new InvalidOperationException($"{typeof(T).Name} must be a record.");
        var result = (T)clone.Invoke(theirs, null)!;
        foreach (
            var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite)
        )
        {
            var before = property.GetValue(original);
            var edited = property.GetValue(mine);
            if (!Same(before, edited))
            {
                property.SetValue(result, edited);
            }
        }

        return result;
    }

    /// <summary>The names of the fields the editor changed since loading.</summary>
    public static IReadOnlyList<string> Changed<T>(T original, T mine)
        where T : class =>
        typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Where(p => !Same(p.GetValue(original), p.GetValue(mine)))
            .Select(p => p.Name)
            .ToList();

    private static bool Same(object? a, object? b) =>
        (a, b) switch
        {
            (null, null) => true,
            (string x, string y) => string.Equals(x.Trim(), y.Trim(), StringComparison.Ordinal),
            (string x, null) => string.IsNullOrWhiteSpace(x),
            (null, string y) => string.IsNullOrWhiteSpace(y),
            (IEnumerable x, IEnumerable y) when a is not string => x.Cast<object?>().SequenceEqual(y.Cast<object?>()),
            _ => Equals(a, b),
        };
}
