namespace ConflictTracker.Domain.Sources;

public enum SourceKind
{
    Article,
    Video,
    SocialPost,
    OfficialStatement,
    Interview,
    ParliamentaryTestimony,
    Report,
}
