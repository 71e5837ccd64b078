using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Domain.Tests;

/// <summary>Small valid domain objects for tests, each varied only where a test says so.</summary>
internal static class Make
{
    public static readonly DateTimeOffset Now = new(2024, 10, 21, 12, 0, 0, TimeSpan.Zero);

    public static Actor Actor(
        string name = "National Intelligence Service",
        ActorKind kind = ActorKind.IntelligenceService
    ) => Domain.Actors.Actor.Create(name, kind, "KR");

    public static Proposition Proposition(string statement = "North Korean troops are deployed to Russia") =>
        Domain.Propositions.Proposition.Create(statement);

    public static Source Source(string title = "NIS statement", Actor? publisher = null) =>
        Domain.Sources.Source.Create(
            SourceKind.OfficialStatement,
            title,
            "https://example.org/nis",
            publisher,
            PartialDate.Day(2024, 10, 18),
            null,
            "ko"
        );

    public static NewClaim NewClaim(
        Proposition? proposition = null,
        Actor? actor = null,
        Stance stance = Stance.Affirms
    ) =>
        new(
            proposition ?? Proposition(),
            actor ?? Actor(),
            PartialDate.Day(2024, 10, 18),
            stance,
            "Nearly 1,500 soldiers were ferried to Vladivostok."
        );

    public static Claim Claim(Proposition? proposition = null, Actor? actor = null, Stance stance = Stance.Affirms) =>
        Domain.Claims.Claim.Create(NewClaim(proposition, actor, stance), Now);
}
