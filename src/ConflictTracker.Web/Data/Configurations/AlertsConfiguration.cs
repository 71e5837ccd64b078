using ConflictTracker.Web.Data.Accounts;
using ConflictTracker.Web.Data.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

/// <summary>Saved searches, follows, notifications, the matcher's cursor and comments
/// (docs/rules/alerts-and-comments.md).</summary>
internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.ToTable("saved_searches", t => t.HasCheckConstraint("ck_saved_searches_name", "btrim(name) <> ''"));
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(SavedSearch.MaxNameLength);
        builder.Property(s => s.Query).HasMaxLength(SavedSearch.MaxQueryLength);
        builder.Property(s => s.Version).IsRowVersion();
        // One name per user among the searches not removed (the service also refuses a name differing only in case).
        builder.HasIndex(s => new { s.UserId, s.Name }).IsUnique().HasFilter("removed_at IS NULL");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable("follows", t => t.HasCheckConstraint("ck_follows_target", Sql.In<FollowTarget>("target")));
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Target).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Version).IsRowVersion();
        builder
            .HasIndex(f => new
            {
                f.UserId,
                f.Target,
                f.TargetId,
            })
            .IsUnique();
        builder.HasIndex(f => new { f.Target, f.TargetId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable(
            "notifications",
            t => t.HasCheckConstraint("ck_notifications_kind", Sql.In<NotificationKind>("kind"))
        );
        builder.Property(n => n.Id).UseIdentityAlwaysColumn();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.EventKey).HasMaxLength(Notification.MaxEventKeyLength);
        builder.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength);
        builder.Property(n => n.Link).HasMaxLength(500);
        // The idempotence of the matcher: one notification per user and event.
        builder.HasIndex(n => new { n.UserId, n.EventKey }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.Id });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertCursorConfiguration : IEntityTypeConfiguration<AlertCursor>
{
    public void Configure(EntityTypeBuilder<AlertCursor> builder)
    {
        builder.ToTable("alert_cursors");
        builder.HasKey(c => c.Name);
        builder.Property(c => c.Name).HasMaxLength(32);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable(
            "comments",
            t =>
            {
                t.HasCheckConstraint("ck_comments_subject", Sql.In<CommentSubject>("subject"));
                t.HasCheckConstraint("ck_comments_text", "btrim(text) <> ''");
            }
        );
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Subject).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Text).HasMaxLength(Comment.MaxTextLength);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => new
        {
            c.Subject,
            c.SubjectId,
            c.CreatedAt,
        });
        builder.HasIndex(c => new { c.AuthorId, c.CreatedAt });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
