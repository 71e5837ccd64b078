using System.Net;
using ConflictTracker.Domain.Common;
using ConflictTracker.Testing;
using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Features.Actors;
using ConflictTracker.Web.Features.Claims;
using ConflictTracker.Web.Features.DemoData;
using ConflictTracker.Web.Features.History;
using ConflictTracker.Web.Features.Home;
using ConflictTracker.Web.Features.Lookups;
using ConflictTracker.Web.Features.Propositions;
using ConflictTracker.Web.Features.Sources;
using ConflictTracker.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictTracker.Web.Tests.Security;

/// <summary>The app with the demo data and one signed-in HTTP client per kind of user.</summary>
public sealed class AuthorisationFixture : DemoDataFixture
{
    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);

    public AppFactory App { get; private set; } = null!;

    public AppFactory PublicApp { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App = new AppFactory(Database.ConnectionString);
        PublicApp = new AppFactory(
            Database.ConnectionString,
            new Dictionary<string, string?> { ["Security:AllowAnonymousReading"] = "true" }
        );
    }

    public async Task<HttpClient> ClientAsync(string who)
    {
        if (!clients.TryGetValue(who, out var client))
        {
            clients[who] = client = who switch
            {
                AuthorisationMatrixTests.Anonymous => App.CreateClient(new() { AllowAutoRedirect = false }),
                AuthorisationMatrixTests.PublicAnonymous => PublicApp.CreateClient(new() { AllowAutoRedirect = false }),
                AuthorisationMatrixTests.NoRole => await App.SignedInClientAsync(),
                _ => await App.SignedInClientAsync(who),
            };
        }

        return client;
    }

    public override async Task DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
        await PublicApp.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>
/// Who may open which page and run which service operation, written out in full. "Login" means the
/// request is sent to the sign-in page, "Denied" that a signed-in user is refused.
/// </summary>
public class AuthorisationMatrixTests(AuthorisationFixture fixture) : IClassFixture<AuthorisationFixture>
{
    public const string Anonymous = "anonymous";
    public const string PublicAnonymous = "anonymous, public reading on";
    public const string NoRole = "signed in, no role";

    private static readonly string[] Who =
    [
        Anonymous,
        PublicAnonymous,
        NoRole,
        Roles.Analyst,
        Roles.Editor,
        Roles.Reviewer,
        Roles.Admin,
    ];

    private static readonly Guid Claim = DemoIds.For("claim", "nis-1500-vladivostok");

    // page                                   anonymous public   no role  Analyst Editor  Reviewer Admin
    private static readonly (string Page, string[] Expected)[] PageMatrix =
    [
        ("/", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ("/claims", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ("/claims?q=Budanov", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ($"/claims/{Claim}", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ($"/actors/{DemoIds.For("actor", "budanov")}", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ($"/sources/{DemoIds.For("source", "seed-article")}", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ("/propositions", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        (
            $"/propositions/{DemoIds.For("proposition", "nk-troops-in-russia")}",
            ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]
        ),
        (
            $"/propositions/{DemoIds.For("proposition", "nk-troops-in-russia")}/brief",
            ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]
        ),
        ($"/history/{Claim}", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ("/claims/new", ["Login", "Login", "Denied", "Denied", "Ok", "Denied", "Ok"]),
        ($"/claims/{Claim}/edit", ["Login", "Login", "Denied", "Denied", "Ok", "Denied", "Ok"]),
        ("/actors/new", ["Login", "Login", "Denied", "Denied", "Ok", "Denied", "Ok"]),
        (
            $"/actors/{DemoIds.For("actor", "budanov")}/edit",
            ["Login", "Login", "Denied", "Denied", "Ok", "Denied", "Ok"]
        ),
        ("/sources/new", ["Login", "Login", "Denied", "Denied", "Ok", "Denied", "Ok"]),
        (
            $"/sources/{DemoIds.For("source", "seed-article")}/edit",
            ["Login", "Login", "Denied", "Denied", "Ok", "Denied", "Ok"]
        ),
        ("/propositions/new", ["Login", "Login", "Denied", "Denied", "Ok", "Denied", "Ok"]),
        (
            $"/propositions/{DemoIds.For("proposition", "nk-troops-in-russia")}/edit",
            ["Login", "Login", "Denied", "Denied", "Ok", "Denied", "Ok"]
        ),
        ("/review", ["Login", "Login", "Denied", "Denied", "Ok", "Ok", "Ok"]),
        ("/review/quotes", ["Login", "Login", "Denied", "Denied", "Ok", "Ok", "Ok"]),
        ("/import", ["Login", "Login", "Denied", "Denied", "Ok", "Denied", "Ok"]),
        ("/intake", ["Login", "Login", "Denied", "Denied", "Ok", "Denied", "Ok"]),
        // Pages of records that do not exist: readers get the 404, everyone else what they would get anyway.
        ($"/intake/{Guid.Empty}", ["Login", "Login", "Denied", "Denied", "404 ", "Denied", "404 "]),
        ($"/evidence/{new string('0', 64)}", ["Login", "404 ", "Denied", "404 ", "404 ", "404 ", "404 "]),
        ("/admin/users", ["Login", "Login", "Denied", "Denied", "Denied", "Denied", "Ok"]),
        ("/admin/synonyms", ["Login", "Login", "Denied", "Denied", "Denied", "Denied", "Ok"]),
        ("/actors", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ("/sources", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ("/places", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        (
            $"/actors/{DemoIds.For("actor", "budanov")}/kyrylo-budanov",
            ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]
        ),
        ("/account/two-factor", ["Login", "Login", "Ok", "Ok", "Ok", "Ok", "Ok"]),
        ("/account/password", ["Login", "Login", "Ok", "Ok", "Ok", "Ok", "Ok"]),
        ("/account/tokens", ["Login", "Login", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ("/export/claims.xlsx?q=Vladivostok", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ("/export/claims.csv?q=Vladivostok", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ("/api/docs/", ["Ok", "Ok", "Ok", "Ok", "Ok", "Ok", "Ok"]),
        ("/openapi/v1.json", ["Ok", "Ok", "Ok", "Ok", "Ok", "Ok", "Ok"]),
        ("/account/login", ["Ok", "Ok", "Ok", "Ok", "Ok", "Ok", "Ok"]),
        ("/health/live", ["Ok", "Ok", "Ok", "Ok", "Ok", "Ok", "Ok"]),
        ("/alerts", ["Login", "Login", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ("/notifications", ["Login", "Login", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        ("/activity", ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]),
        (
            $"/propositions/{DemoIds.For("proposition", "nk-troops-in-russia")}/activity",
            ["Login", "Ok", "Denied", "Ok", "Ok", "Ok", "Ok"]
        ),
    ];

    // operation                       anonymous public   no role  Analyst  Editor   Reviewer Admin
    private static readonly (string Operation, string[] Expected)[] OperationMatrix =
    [
        ("search claims", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("read a claim", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("read an actor", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("read a source", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("read a proposition", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("read the overview", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("list propositions", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("list actors", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("list sources", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("list places", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("see the synonym list", ["Deny", "Deny", "Deny", "Deny", "Deny", "Deny", "Allow"]),
        ("change the synonym list", ["Deny", "Deny", "Deny", "Deny", "Deny", "Deny", "Allow"]),
        ("read history", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("look up actors", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("enter statements", ["Deny", "Deny", "Deny", "Deny", "Allow", "Deny", "Allow"]),
        ("change statements", ["Deny", "Deny", "Deny", "Deny", "Allow", "Deny", "Allow"]),
        ("retract statements", ["Deny", "Deny", "Deny", "Deny", "Allow", "Deny", "Allow"]),
        ("create actors", ["Deny", "Deny", "Deny", "Deny", "Allow", "Deny", "Allow"]),
        ("change actors", ["Deny", "Deny", "Deny", "Deny", "Allow", "Deny", "Allow"]),
        ("change sources", ["Deny", "Deny", "Deny", "Deny", "Allow", "Deny", "Allow"]),
        ("retract sources", ["Deny", "Deny", "Deny", "Deny", "Allow", "Deny", "Allow"]),
        ("change propositions", ["Deny", "Deny", "Deny", "Deny", "Allow", "Deny", "Allow"]),
        ("propose relations", ["Deny", "Deny", "Deny", "Deny", "Allow", "Allow", "Allow"]),
        ("raise flags", ["Deny", "Deny", "Deny", "Deny", "Allow", "Allow", "Allow"]),
        ("review relations", ["Deny", "Deny", "Deny", "Deny", "Deny", "Allow", "Allow"]),
        ("close flags", ["Deny", "Deny", "Deny", "Deny", "Deny", "Allow", "Allow"]),
        ("see the review queue", ["Deny", "Deny", "Deny", "Deny", "Allow", "Allow", "Allow"]),
        ("list unverified quotes", ["Deny", "Deny", "Deny", "Deny", "Allow", "Allow", "Allow"]),
        ("confirm contradiction candidates", ["Deny", "Deny", "Deny", "Deny", "Deny", "Allow", "Allow"]),
        ("dismiss contradiction candidates", ["Deny", "Deny", "Deny", "Deny", "Deny", "Allow", "Allow"]),
        ("decide grouped candidates", ["Deny", "Deny", "Deny", "Deny", "Deny", "Allow", "Allow"]),
        ("take review items", ["Deny", "Deny", "Deny", "Deny", "Deny", "Allow", "Allow"]),
        ("give back review items", ["Deny", "Deny", "Deny", "Deny", "Deny", "Allow", "Allow"]),
        ("rate credibility", ["Deny", "Deny", "Deny", "Deny", "Deny", "Allow", "Allow"]),
        ("assess propositions", ["Deny", "Deny", "Deny", "Deny", "Deny", "Allow", "Allow"]),
        ("export claims", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("import records", ["Deny", "Deny", "Deny", "Deny", "Allow", "Deny", "Allow"]),
        ("export or restore the whole database", ["Deny", "Deny", "Deny", "Deny", "Deny", "Deny", "Allow"]),
        ("look up claims", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("list user accounts", ["Deny", "Deny", "Deny", "Deny", "Deny", "Deny", "Allow"]),
        ("create user accounts", ["Deny", "Deny", "Deny", "Deny", "Deny", "Deny", "Allow"]),
        ("change roles", ["Deny", "Deny", "Deny", "Deny", "Deny", "Deny", "Allow"]),
        ("disable accounts", ["Deny", "Deny", "Deny", "Deny", "Deny", "Deny", "Allow"]),
        ("see saved searches", ["Deny", "Deny", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("follow records", ["Deny", "Deny", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("see notifications", ["Deny", "Deny", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("read comments", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("comment", ["Deny", "Deny", "Deny", "Allow", "Allow", "Allow", "Allow"]),
        ("read activity", ["Deny", "Allow", "Deny", "Allow", "Allow", "Allow", "Allow"]),
    ];

    public static TheoryData<string, string, string> Pages()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (page, expected) in PageMatrix)
        {
            for (var i = 0; i < Who.Length; i++)
            {
                data.Add(page, Who[i], expected[i]);
            }
        }

        return data;
    }

    public static TheoryData<string, string, string> Operations()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (operation, expected) in OperationMatrix)
        {
            for (var i = 0; i < Who.Length; i++)
            {
                data.Add(operation, Who[i], expected[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page(string page, string who, string expected)
    {
        var client = await fixture.ClientAsync(who);

        using var response = await client.GetAsync(new Uri(page, UriKind.Relative));

        var outcome = response.StatusCode switch
        {
            HttpStatusCode.OK => "Ok",
            HttpStatusCode.Redirect
                when response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal) =>
                "Login",
            HttpStatusCode.Redirect
                when response.Headers.Location!.OriginalString.Contains(
                    "/account/access-denied",
                    StringComparison.Ordinal
                ) => "Denied",
            var other => $"{(int)other} {response.Headers.Location}",
        };
        outcome.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation(string operation, string who, string expected)
    {
        var access = who switch
        {
            Anonymous => TestAccess.Anonymous(),
            PublicAnonymous => TestAccess.Anonymous(allowAnonymousReading: true),
            NoRole => TestAccess.As(),
            _ => TestAccess.As(who),
        };

        var run = async () => await RunAsync(operation, access);

        if (expected == "Allow")
        {
            await run.Should().NotThrowAsync<AccessDeniedException>();
        }
        else
        {
            (await run.Should().ThrowAsync<AccessDeniedException>()).Which.Operation.Should().Be(operation);
        }
    }

    private async Task RunAsync(string operation, IAccess access)
    {
        var factory = fixture.Database.ContextFactory;
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var accounts = ActivatorUtilities.CreateInstance<AccountService>(scope.ServiceProvider, access);
        switch (operation)
        {
            case "search claims":
                await new ClaimSearchService(factory, access).SearchAsync(new ClaimQuery());
                break;
            case "read a claim":
                await new ClaimDetailsService(factory, access).GetAsync(Claim);
                break;
            case "read an actor":
                await new ActorDetailsService(factory, access).GetAsync(DemoIds.For("actor", "budanov"));
                break;
            case "read a source":
                await new SourceDetailsService(factory, access).GetAsync(DemoIds.For("source", "seed-article"));
                break;
            case "read a proposition":
                await new PropositionDetailsService(factory, access).GetAsync(
                    DemoIds.For("proposition", "nk-troops-in-russia")
                );
                break;
            case "read the overview":
                await new HomeService(factory, access).GetAsync();
                break;
            case "list propositions":
                await new PropositionListService(factory, access).PropositionsAsync();
                break;
            case "list actors":
                await new Features.Records.RecordIndexService(factory, access).ActorsAsync(new());
                break;
            case "list sources":
                await new Features.Records.RecordIndexService(factory, access).SourcesAsync(new());
                break;
            case "list places":
                await new Features.Records.RecordIndexService(factory, access).PlacesAsync(new());
                break;
            case "see the synonym list":
                await new Features.Records.SynonymService(factory, access).ListAsync();
                break;
            case "change the synonym list":
                // An unknown group: allowed users get past the check and find nothing to change.
                try
                {
                    await new Features.Records.SynonymService(factory, access).ChangeAsync(
                        Guid.NewGuid(),
                        0,
                        "troops, soldiers",
                        null,
                        true
                    );
                }
                catch (Features.Shared.RecordNotFoundException) { }

                break;
            case "see saved searches":
                await new Features.Alerts.SavedSearchService(factory, access, TimeProvider.System).ListAsync();
                break;
            case "follow records":
                await new Features.Alerts.FollowService(factory, access, TimeProvider.System).IsFollowingAsync(
                    Web.Data.Alerts.FollowTarget.Actor,
                    DemoIds.For("actor", "budanov")
                );
                break;
            case "see notifications":
                await new Features.Alerts.NotificationService(factory, access, TimeProvider.System).UnreadCountAsync();
                break;
            case "read comments":
                await new Features.Comments.CommentService(factory, access, TimeProvider.System).ListAsync(
                    Web.Data.Alerts.CommentSubject.Claim,
                    Claim
                );
                break;
            case "comment":
                // On no claim: allowed users get past the check and find nothing to comment on.
                try
                {
                    await new Features.Comments.CommentService(factory, access, TimeProvider.System).AddAsync(
                        Web.Data.Alerts.CommentSubject.Claim,
                        Guid.NewGuid(),
                        "A comment."
                    );
                }
                catch (Features.Shared.RecordNotFoundException) { }

                break;
            case "read activity":
                await new Features.Activity.ActivityService(factory, access).ForUserAsync(Guid.NewGuid(), null);
                break;
            case "read history":
                await new HistoryService(factory, access).ForAsync(Claim);
                break;
            case "look up actors":
                await new LookupService(factory, access).ActorsAsync("Bud");
                break;
            case "enter statements":
                await Editor(access)
                    .SimilarAsync(
                        DemoIds.For("actor", "nis"),
                        DemoIds.For("proposition", "nk-troops-in-russia"),
                        "1,500 soldiers"
                    );
                break;
            case "change statements":
                await Editor(access).LoadAsync(Claim);
                break;
            case "retract statements":
                await Editor(access).RetractAsync(Guid.NewGuid(), 0, "A reason.");
                break;
            case "create actors":
                await Actors(access)
                    .SaveActorAsync(
                        null,
                        0,
                        new ActorInput($"Actor {Guid.NewGuid():N}", Domain.Actors.ActorKind.Person, null, null, null)
                    );
                break;
            case "change actors":
                await Actors(access).LoadActorAsync(DemoIds.For("actor", "budanov"));
                break;
            case "change sources":
                await Sources(access).LoadSourceAsync(DemoIds.For("source", "seed-article"));
                break;
            case "retract sources":
                await Sources(access).RestoreSourceAsync(Guid.NewGuid(), 0);
                break;
            case "change propositions":
                await Propositions(access).LoadPropositionAsync(DemoIds.For("proposition", "nk-troops-in-russia"));
                break;
            case "propose relations":
                await Reviews(access)
                    .ProposeRelationAsync(Guid.NewGuid(), Claim, Domain.Relations.RelationType.Contradicts, "x");
                break;
            case "raise flags":
                await Reviews(access).FlagClaimAsync(Guid.NewGuid(), Domain.Flags.FlagKind.Other, "x");
                break;
            case "review relations":
                await Reviews(access).ReviewRelationAsync(Guid.NewGuid(), Domain.Relations.ReviewState.Confirmed, null);
                break;
            case "close flags":
                await Reviews(access).CloseFlagAsync(Guid.NewGuid(), Domain.Flags.FlagStatus.Resolved, "x");
                break;
            case "see the review queue":
                await new Features.Review.ReviewQueueService(factory, access).GetAsync(
                    new Features.Review.QueueFilter()
                );
                break;
            case "list unverified quotes":
                await new Features.Review.UnverifiedQuoteService(factory, access).ListAsync(null);
                break;
            case "confirm contradiction candidates":
                await Reviews(access).ConfirmCandidateAsync(Guid.NewGuid(), null);
                break;
            case "dismiss contradiction candidates":
                await Reviews(access).DismissCandidateAsync(Guid.NewGuid(), "x");
                break;
            case "decide grouped candidates":
                await Reviews(access)
                    .DecideCandidateGroupAsync(
                        Guid.NewGuid(),
                        Domain.Relations.ReviewState.Dismissed,
                        [new(Guid.NewGuid(), 1)],
                        "x"
                    );
                break;
            case "take review items":
                await new Features.Review.ReviewAssignmentService(factory, access, TimeProvider.System).AssignToMeAsync(
                    Guid.NewGuid()
                );
                break;
            case "give back review items":
                await new Features.Review.ReviewAssignmentService(factory, access, TimeProvider.System).UnassignAsync(
                    Guid.NewGuid()
                );
                break;
            case "rate credibility":
                await Reviews(access)
                    .RateCredibilityAsync(Guid.NewGuid(), Domain.Claims.Credibility.PossiblyTrue, null);
                break;
            case "assess propositions":
                await Reviews(access)
                    .AssessPropositionAsync(Guid.NewGuid(), Domain.Propositions.Assessment.Likely, "x");
                break;
            case "export claims":
                await foreach (var _ in new ClaimSearchService(factory, access).StreamAsync(new ClaimQuery())) { }
                break;
            case "import records":
                await new Features.Exchange.ImportService(
                    factory,
                    access,
                    TimeProvider.System,
                    Microsoft.Extensions.Logging.Abstractions.NullLogger<Features.Exchange.ImportService>.Instance
                ).ImportAsync(
                    new MemoryStream("externalId,name,kind\n"u8.ToArray()),
                    Features.Exchange.ImportFormat.Csv,
                    Features.Exchange.RecordType.Actor,
                    dryRun: true,
                    totalBytes: null
                );
                break;
            case "export or restore the whole database":
                await new Features.Exchange.FullExport(factory, access).WriteAsync(Stream.Null, CancellationToken.None);
                break;
            case "look up claims":
                await new LookupService(factory, access).ClaimsAsync(
                    Claim,
                    DemoIds.For("proposition", "nk-troops-in-russia"),
                    "Peskov"
                );
                break;
            case "list user accounts":
                await accounts.ListAsync();
                break;
            case "create user accounts":
                await accounts.CreateAsync(
                    new NewUser(
                        $"new-{Guid.NewGuid():N}@test.example",
                        "New User",
                        DemoAccounts.NewPassword(),
                        [Roles.Analyst]
                    )
                );
                break;
            case "change roles":
                await accounts.SetRolesAsync(await TargetAsync(), [Roles.Editor]);
                break;
            case "disable accounts":
                await accounts.SetDisabledAsync(await TargetAsync(), disabled: true);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "not in the matrix");
        }
    }

    private Features.Review.ReviewService Reviews(IAccess access) =>
        new(fixture.Database.ContextFactory, access, TimeProvider.System);

    private ActorEditorService Actors(IAccess access) => new(fixture.Database.ContextFactory, access);

    private SourceEditorService Sources(IAccess access) => new(fixture.Database.ContextFactory, access);

    private PropositionEditorService Propositions(IAccess access) => new(fixture.Database.ContextFactory, access);

    private StatementEditorService Editor(IAccess access) =>
        new(fixture.Database.ContextFactory, access, TimeProvider.System);

    private async Task<Guid> TargetAsync()
    {
        var (email, _) = await fixture.App.CreateUserAsync(Roles.Analyst);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }
}
