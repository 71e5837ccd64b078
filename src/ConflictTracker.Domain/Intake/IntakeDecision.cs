using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Intake;

public enum DraftDecision
{
    /// <summary>Saved as a claim citing the snapshot's source.</summary>
    Accepted,

    /// <summary>Not a statement worth a claim; the reason is optional.</summary>
    Rejected,
}

/// <summary>What an editor did with one draft of an intake. One per draft: deciding twice is refused.</summary>
public sealed class IntakeDecision : Entity
{
    private IntakeDecision(
        Guid id,
        Guid intakeId,
        int draftNumber,
        DraftDecision decision,
        Guid? claimId,
        string decidedBy,
        DateTimeOffset decidedAt
    )
        : base(id)
    {
        IntakeId = intakeId;
        DraftNumber = draftNumber;
        Decision = decision;
        ClaimId = claimId;
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;
    }

    public Guid IntakeId { get; private set; }

    public int DraftNumber { get; private set; }

    public DraftDecision Decision { get; private set; }

    /// <summary>The claim an accepted draft became.</summary>
    public Guid? ClaimId { get; private set; }

    public string DecidedBy { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public static IntakeDecision Accept(
        Guid intakeId,
        int draftNumber,
        Guid claimId,
        string decidedBy,
        DateTimeOffset at
    ) => new(Guid.Empty, intakeId, draftNumber, DraftDecision.Accepted, claimId, decidedBy, at);

    public static IntakeDecision Reject(Guid intakeId, int draftNumber, string decidedBy, DateTimeOffset at) =>
        new(Guid.Empty, intakeId, draftNumber, DraftDecision.Rejected, null, decidedBy, at);
}
