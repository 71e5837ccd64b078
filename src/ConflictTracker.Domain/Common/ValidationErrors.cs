namespace ConflictTracker.Domain.Common;

/// <summary>
/// Collects the errors of several rules so that one call reports every bad field at once,
/// instead of making the editor fix them one round trip at a time.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public T? Check<T>(Func<T> rule)
    {
        try
        {
            return rule();
        }
        catch (DomainValidationException ex)
        {
            Merge(ex);
            return default;
        }
    }

    public void Check(Action rule)
    {
        try
        {
            rule();
        }
        catch (DomainValidationException ex)
        {
            Merge(ex);
        }
    }

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new DomainValidationException(
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal)
            );
        }
    }

    private void Merge(DomainValidationException ex)
    {
        foreach (var (field, messages) in ex.Errors)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }
}
