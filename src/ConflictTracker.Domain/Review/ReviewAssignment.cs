using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Review;

/// <summary>
/// Who is looking at a review-queue item (a contradiction candidate, a proposed relation, an open flag, or a
/// grouped denial: <see cref="Entity.Id"/> is that item's id), so two reviewers do not work on the same one.
/// Unassigning keeps the row with no reviewer, so every change is in the item's history.
/// </summary>
public sealed class ReviewAssignment : Entity
{
    private ReviewAssignment(Guid itemId)
        : base(itemId) { }

    private ReviewAssignment() { }

    public string? AssignedTo { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    public uint Version { get; private set; }

    public static ReviewAssignment For(Guid itemId) => new(itemId);

    /// <summary>Takes the item for <paramref name="reviewer"/>; refused while someone else has it.</summary>
    public void AssignTo(string reviewer, DateTimeOffset at)
    {
        var who = Rules.RequiredText(reviewer, nameof(AssignedTo), MaxLengths.UserName);
        if (AssignedTo is { } other && !string.Equals(other, who, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainValidationException(
                nameof(AssignedTo),
                $"{other} has this item already; they (or you, after they unassign it) can change that."
            );
        }

        AssignedTo = who;
        AssignedAt = at;
    }

    /// <summary>Leaves the item unassigned.</summary>
    public void Unassign()
    {
        AssignedTo = null;
        AssignedAt = null;
    }
}
