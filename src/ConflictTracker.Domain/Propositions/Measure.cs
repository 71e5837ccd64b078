using ConflictTracker.Domain.Common;

namespace ConflictTracker.Domain.Propositions;

/// <summary>
/// A quantity a proposition's claims can state, with its unit: "North Korean soldiers ferried to
/// Vladivostok" in soldiers. Figures are only compared with figures on the same measure.
/// </summary>
public sealed class Measure : Entity
{
    internal Measure(Guid id, Guid propositionId, string name, string unit)
        : base(id)
    {
        PropositionId = propositionId;
        Name = name;
        Unit = unit;
    }

    public Guid PropositionId { get; private set; }

    public string Name { get; private set; }

    public string Unit { get; private set; }
}
