namespace ConflictTracker.Domain.Claims;

/// <summary>What a claim says about its proposition.</summary>
public enum Stance
{
    /// <summary>States the proposition is true ("Russia's navy ferried nearly 1,500 soldiers").</summary>
    Affirms,

    /// <summary>States it is false ("yet another fake news story").</summary>
    Denies,

    /// <summary>Allows it without asserting it ("might", "cannot rule out").</summary>
    Hedges,

    /// <summary>Reports or describes without taking a side.</summary>
    Neutral,
}
