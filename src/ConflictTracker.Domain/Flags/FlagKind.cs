namespace ConflictTracker.Domain.Flags;

public enum FlagKind
{
    Contradiction,
    MissingSource,
    WeakSource,
    Misattribution,
    Duplicate,
    TranslationNeeded,
    Other,
}
