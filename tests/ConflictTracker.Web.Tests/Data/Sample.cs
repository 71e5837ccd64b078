using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Places;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Sources;

namespace ConflictTracker.Web.Tests.Data;

/// <summary>A small complete graph (every entity, every optional field filled) with unique names per call.</summary>
internal sealed class Sample
{
    public Sample()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        Now = new DateTimeOffset(2024, 10, 21, 9, 30, 0, TimeSpan.Zero);
        Agency = Actor.Create(
            $"National Intelligence Service {tag}",
            ActorKind.IntelligenceService,
            "KR",
            "South Korea's intelligence service",
            ReliabilityGrade.B
        );
        Agency.AddAlias($"국가정보원 {tag}", "ko");
        Spokesman = Actor.Create($"Spokesman {tag}", ActorKind.Person, "KR");
        Outlet = Actor.Create($"Outlet {tag}", ActorKind.MediaOutlet, "US", reliability: ReliabilityGrade.C);
        Affiliation = Affiliation.Create(
            Spokesman,
            Agency,
            "Spokesman",
            new DateOnly(2023, 1, 1),
            new DateOnly(2025, 1, 1),
            speaksFor: true
        );
        Place = Place.Create($"Vladivostok {tag}", "RU", 43.1155, 131.8855);
        Proposition = Proposition.Create($"North Korean troops are deployed to Russia {tag}", "Neutral wording");
        Measure = Proposition.AddMeasure("North Korean soldiers ferried to Vladivostok", "soldiers");
        Origin = Source.Create(
            SourceKind.OfficialStatement,
            $"NIS statement {tag}",
            "https://www.nis.go.kr/statement",
            Agency,
            PartialDate.Day(2024, 10, 18),
            new DateOnly(2024, 10, 19),
            "ko",
            "https://web.archive.org/web/2024/https://www.nis.go.kr/statement",
            new string('0', 64),
            ReliabilityGrade.A
        );
        Report = Source.Create(
            SourceKind.Article,
            $"Report {tag}",
            "http://example.org/report",
            Outlet,
            PartialDate.Month(2024, 10),
            null,
            "en"
        );
        Claim = Claim.Create(
            new NewClaim(
                Proposition,
                Spokesman,
                PartialDate.Day(2024, 10, 18),
                Stance.Affirms,
                "Russia's navy ferried nearly 1,500 North Korean soldiers to Vladivostok."
            )
            {
                OnBehalfOf = Agency,
                EventPeriod = EventPeriod.Create(PartialDate.Day(2024, 10, 8), PartialDate.Day(2024, 10, 13)),
                Quote = Quote.Create(
                    "러시아 해군이 북한군 약 1,500명을 블라디보스토크로 수송했다",
                    "ko",
                    "Russia's navy ferried about 1,500 North Korean soldiers to Vladivostok",
                    "en"
                ),
                Measure = Measure,
                Quantity = Quantity.Create(1500, null, QuantityQualifier.Nearly),
                Status = ClaimStatus.Published,
                Credibility = Credibility.ProbablyTrue,
            },
            Now
        );
        Claim.AddPlace(Place);
        var origin = Claim.Cite(Origin, CitationRole.Origin, "약 1,500명", "para. 2");
        Claim.Cite(Report, CitationRole.FirstReport, "nearly 1,500", "para. 9", origin);
        Denial = Claim.Create(
            new NewClaim(Proposition, Outlet, PartialDate.Month(2024, 10), Stance.Denies, "Denied.")
            {
                Status = ClaimStatus.Published,
            },
            Now
        );
    }

    public DateTimeOffset Now { get; }

    public Actor Agency { get; }

    public Actor Spokesman { get; }

    public Actor Outlet { get; }

    public Affiliation Affiliation { get; }

    public Place Place { get; }

    public Proposition Proposition { get; }

    public Measure Measure { get; }

    public Source Origin { get; }

    public Source Report { get; }

    public Claim Claim { get; }

    public Claim Denial { get; }

    public void AddTo(Web.Data.AppDbContext db)
    {
        db.AddRange(Agency, Spokesman, Outlet, Affiliation, Place, Proposition, Origin, Report, Claim, Denial);
    }
}
