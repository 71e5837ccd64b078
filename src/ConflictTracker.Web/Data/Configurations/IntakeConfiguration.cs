using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Intake;
using ConflictTracker.Domain.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class SourceSnapshotConfiguration : IEntityTypeConfiguration<SourceSnapshot>
{
    public void Configure(EntityTypeBuilder<SourceSnapshot> builder)
    {
        builder.ToTable(
            "source_snapshots",
            t =>
            {
                t.HasCheckConstraint("ck_source_snapshots_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
                t.HasCheckConstraint("ck_source_snapshots_text_not_blank", "btrim(text) <> ''");
                t.HasCheckConstraint("ck_source_snapshots_format", "format IN ('Text', 'Html', 'Pdf')");
                t.HasCheckConstraint("ck_source_snapshots_url_scheme", "url " + Sql.HttpUrl);
            }
        );
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Sha256).HasMaxLength(64);
        builder.Property(s => s.Format).HasMaxLength(10);
        builder.Property(s => s.CapturedBy).HasMaxLength(MaxLengths.UserName);
        builder.HasOne<Source>().WithMany().HasForeignKey(s => s.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.SourceId, s.Sha256 }).IsUnique();
        builder.HasIndex(s => s.Sha256);
    }
}

public sealed class ArticleIntakeConfiguration : IEntityTypeConfiguration<ArticleIntake>
{
    public void Configure(EntityTypeBuilder<ArticleIntake> builder)
    {
        builder.ToTable(
            "article_intakes",
            t => t.HasCheckConstraint("ck_article_intakes_draft_count", "draft_count >= 0")
        );
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.DraftsJson).HasColumnType("jsonb");
        builder.Property(i => i.Version).IsRowVersion();
        builder.Property(i => i.StartedBy).HasMaxLength(MaxLengths.UserName);
        builder.HasOne<Source>().WithMany().HasForeignKey(i => i.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SourceSnapshot>().WithMany().HasForeignKey(i => i.SnapshotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => i.SnapshotId);
    }
}

public sealed class IntakeDecisionConfiguration : IEntityTypeConfiguration<IntakeDecision>
{
    public void Configure(EntityTypeBuilder<IntakeDecision> builder)
    {
        builder.ToTable(
            "intake_decisions",
            t =>
            {
                t.HasCheckConstraint("ck_intake_decisions_claim", "(decision = 'Accepted') = (claim_id IS NOT NULL)");
                t.HasCheckConstraint("ck_intake_decisions_draft_number", "draft_number >= 1");
            }
        );
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.DecidedBy).HasMaxLength(MaxLengths.UserName);
        builder.HasOne<ArticleIntake>().WithMany().HasForeignKey(d => d.IntakeId).OnDelete(DeleteBehavior.Restrict);
        builder
            .HasOne<Domain.Claims.Claim>()
            .WithMany()
            .HasForeignKey(d => d.ClaimId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.IntakeId, d.DraftNumber }).IsUnique();
    }
}
