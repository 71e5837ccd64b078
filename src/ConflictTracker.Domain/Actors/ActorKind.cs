namespace ConflictTracker.Domain.Actors;

public enum ActorKind
{
    Person,
    GovernmentBody,
    Military,
    IntelligenceService,
    MediaOutlet,
    InternationalBody,
    ResearchOrganisation,
    Other,
}
