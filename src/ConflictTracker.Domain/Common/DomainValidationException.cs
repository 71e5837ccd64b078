namespace ConflictTracker.Domain.Common;

/// <summary>
/// Thrown when input breaks a domain rule. Carries one or more messages per field so that
/// the UI can show them next to the inputs and the API can answer with RFC 7807 validation problems.
/// </summary>
public class DomainValidationException : Exception
{
    public DomainValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    public DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value)))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>
/// A decision or change made on a version of a record that is no longer current: someone changed it
/// since it was read. Still a validation error (pages show it beside the form), but the API answers
/// it with 412 Precondition Failed, like every other stale write.
/// </summary>
public sealed class StaleVersionException(string field, string message, uint? currentVersion = null)
    : DomainValidationException(field, message)
{
    /// <summary>The record's version now, when known: the ETag to read again from.</summary>
    public uint? CurrentVersion { get; } = currentVersion;
}
