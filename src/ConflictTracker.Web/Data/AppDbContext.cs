using ConflictTracker.Domain.Actors;
using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.History;
using ConflictTracker.Domain.Places;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Relations;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data.Accounts;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConflictTracker.Web.Data;

/// <summary>
/// The application's database. Every save goes through <see cref="Saving.SavePath"/> (transaction,
/// contradiction candidates, review-queue notification, change history), registered by
/// <see cref="DatabaseOptions.Configure"/>. Migrations live in Data/Migrations; add one with
/// <c>dotnet ef migrations add NAME --project src/ConflictTracker.Web --output-dir Data/Migrations</c>
/// (after <c>dotnet tool restore</c>). The design-time factory needs no running database.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options),
        IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core's data-protection keys (cookies, antiforgery tokens), so they survive restarts and are
    /// shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Actor> Actors => Set<Actor>();

    public DbSet<ActorAlias> ActorAliases => Set<ActorAlias>();

    public DbSet<Affiliation> Affiliations => Set<Affiliation>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<Proposition> Propositions => Set<Proposition>();

    public DbSet<Measure> Measures => Set<Measure>();

    public DbSet<Place> Places => Set<Place>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<Citation> Citations => Set<Citation>();

    public DbSet<ClaimRelation> Relations => Set<ClaimRelation>();

    public DbSet<Flag> Flags => Set<Flag>();

    public DbSet<ContradictionCandidate> Candidates => Set<ContradictionCandidate>();

    public DbSet<ChangeRecord> ChangeHistory => Set<ChangeRecord>();

    /// <summary>Import keys: which record an importing system's id stands for.</summary>
    public DbSet<Domain.Exchange.ExternalId> ExternalIds => Set<Domain.Exchange.ExternalId>();

    /// <summary>Personal access tokens for the API (hashes only).</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>Signed-in browser sessions (<see cref="Security.SessionStore"/>).</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Domain.Sources.SourceSnapshot> SourceSnapshots => Set<Domain.Sources.SourceSnapshot>();

    public DbSet<Domain.Intake.ArticleIntake> ArticleIntakes => Set<Domain.Intake.ArticleIntake>();

    public DbSet<Domain.Intake.IntakeDecision> IntakeDecisions => Set<Domain.Intake.IntakeDecision>();

    /// <summary>Stored evidence files, one per SHA-256 (docs/rules/evidence.md).</summary>
    public DbSet<Domain.Evidence.EvidenceFile> EvidenceFiles => Set<Domain.Evidence.EvidenceFile>();

    public DbSet<Domain.Evidence.Attachment> Attachments => Set<Domain.Evidence.Attachment>();

    public DbSet<Domain.Evidence.CustodyEvent> CustodyEvents => Set<Domain.Evidence.CustodyEvent>();

    public DbSet<Domain.Evidence.MediaFingerprint> MediaFingerprints => Set<Domain.Evidence.MediaFingerprint>();

    public DbSet<Domain.Evidence.MediaMatch> MediaMatches => Set<Domain.Evidence.MediaMatch>();

    public DbSet<Evidence.UploadSession> UploadSessions => Set<Evidence.UploadSession>();

    /// <summary>The search's synonym list, edited by admins (docs/rules/search.md).</summary>
    public DbSet<Domain.Search.SynonymGroup> SynonymGroups => Set<Domain.Search.SynonymGroup>();

    /// <summary>Saved searches, follows, notifications and comments (docs/rules/alerts-and-comments.md).</summary>
    public DbSet<Alerts.SavedSearch> SavedSearches => Set<Alerts.SavedSearch>();

    public DbSet<Alerts.Follow> Follows => Set<Alerts.Follow>();

    public DbSet<Alerts.Notification> Notifications => Set<Alerts.Notification>();

    public DbSet<Alerts.AlertCursor> AlertCursors => Set<Alerts.AlertCursor>();

    public DbSet<Alerts.Comment> Comments => Set<Alerts.Comment>();

    /// <summary>
    /// Who the changes saved next are attributed to in the change history (a user's e-mail address,
    /// or "demo data"). Saving a change to a record without it throws: history always has an author.
    /// </summary>
    public string? ChangedBy { get; set; }

    /// <summary>Why the changes saved next were made, as their author gave it (optional): stored with their
    /// change-history rows. Set through <see cref="Features.Shared.ChangeReasons.Give"/>, which validates it.</summary>
    public string? ChangeReason { get; set; }

    /// <summary>The PostgreSQL notification channel that tells every app instance the review queue changed.</summary>
    public const string ReviewQueueChannel = "review_queue";

    /// <summary>
    /// The PostgreSQL notification channel that tells every app instance which records a save changed, so
    /// open pages showing them can refresh (<see cref="Saving.RecordChanges"/>).
    /// </summary>
    public const string RecordChangedChannel = "record_changed";

    /// <summary>The PostgreSQL notification channel that names the users who have new notifications (comma-separated
    /// ids), so their bells update live on every app instance.</summary>
    public const string NotificationsChannel = "user_notifications";

    /// <summary>The notification of the save under way, sent once it is stored (<see
    /// cref="Saving.SavePath"/>).</summary>
    internal string? PendingRecordChange { get; set; }

    /// <summary>The transaction the save path opened for the save under way, if it opened one (<see
    /// cref="Saving.SaveTransaction"/>).</summary>
    internal IDbContextTransaction? OwnSaveTransaction { get; set; }

    /// <summary>
    /// Saves through the save path (<see cref="Saving.SavePath"/>). A save that fails ends the transaction the
    /// save path opened for it, rolled back with what it wrote: EF Core does not tell interceptors of a stale
    /// version (<see cref="DbUpdateConcurrencyException"/>) as it does of other failures.
    /// </summary>
    public override async Task<int> SaveChangesAsync(
        bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            await Saving.SaveTransaction.EndAsync(this, commit: false, CancellationToken.None);
            throw;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads on its own and survives reordering;
        // each column also gets a check constraint listing the names (see EnumCheck).
        configurationBuilder.Properties<ActorKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SourceKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SourceStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReliabilityGrade>().HaveConversion<string>().HaveMaxLength(1);
        configurationBuilder.Properties<Assessment>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Stance>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DatePrecision>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<QuantityQualifier>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ClaimStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CitationRole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RelationType>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReviewState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CandidateRule>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CandidateState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FlagKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<FlagStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ChangeAction>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Domain.Evidence.EvidenceKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder
            .Properties<Domain.Evidence.EvidenceFileStatus>()
            .HaveConversion<string>()
            .HaveMaxLength(16);
        configurationBuilder.Properties<Domain.Evidence.CustodyAction>().HaveConversion<string>().HaveMaxLength(16);

        // The Admiralty credibility scale is numeric (1 confirmed .. 6 cannot be judged): keep its numbers.
        configurationBuilder.Properties<Credibility>().HaveConversion<short>();

        configurationBuilder
            .Properties<Uri>()
            .HaveConversion<UriConverter>()
            .HaveMaxLength(Domain.Common.MaxLengths.Url);
    }
}
