namespace ConflictTracker.Domain.Sources;

/// <summary>The Admiralty (NATO) source reliability scale, A (completely reliable) to F (cannot be judged).</summary>
public enum ReliabilityGrade
{
    /// <summary>Completely reliable.</summary>
    A,

    /// <summary>Usually reliable.</summary>
    B,

    /// <summary>Fairly reliable.</summary>
    C,

    /// <summary>Not usually reliable.</summary>
    D,

    /// <summary>Unreliable.</summary>
    E,

    /// <summary>Reliability cannot be judged.</summary>
    F,
}
