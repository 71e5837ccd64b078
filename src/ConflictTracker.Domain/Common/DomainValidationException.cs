namespace ConflictTracker.Domain.Common;

/// <summary>
/// Thrown when input breaks a domain rule. Carries one or more messages per field so that
/// the UI can show them next to the inputs and the API can answer with RFC 7807 validation problems.
/// </summary>
public sealed class DomainValidationException : Exception
{
    public DomainValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
