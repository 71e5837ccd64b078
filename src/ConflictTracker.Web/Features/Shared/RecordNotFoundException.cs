namespace ConflictTracker.Web.Features.Shared;

/// <summary>An operation named a record that does not exist: pages say so, the API answers 404.</summary>
public sealed class RecordNotFoundException(string kind, object id) : Exception($"There is no {kind} {id}.")
{
    public string Kind { get; } = kind;
}
