using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Evidence;
using ConflictTracker.Domain.Sources;
using ConflictTracker.Web.Data.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable(
            "evidence_files",
            t =>
            {
                t.HasCheckConstraint("ck_evidence_files_kind", Sql.In<EvidenceKind>("kind"));
                t.HasCheckConstraint("ck_evidence_files_status", Sql.In<EvidenceFileStatus>("status"));
                t.HasCheckConstraint("ck_evidence_files_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
                t.HasCheckConstraint("ck_evidence_files_size", "size > 0");
                t.HasCheckConstraint(
                    "ck_evidence_files_quarantine_reason",
                    "status = 'Active' OR status_reason IS NOT NULL"
                );
            }
        );
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.Format).HasMaxLength(EvidenceFile.MaxFormat);
        builder.Property(f => f.ContentType).HasMaxLength(EvidenceFile.MaxContentType);
        builder.Property(f => f.Metadata).HasColumnType("jsonb");
        builder.Property(f => f.StoredBy).HasMaxLength(MaxLengths.UserName);
        builder.Property(f => f.StatusReason).HasMaxLength(MaxLengths.Note);
        builder.Property(f => f.Version).IsRowVersion();
        builder.HasIndex(f => f.Sha256).IsUnique();
    }
}

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable(
            "attachments",
            t => t.HasCheckConstraint("ck_attachments_origin_url_scheme", "origin_url " + Sql.HttpUrl)
        );
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(Attachment.MaxFileName);
        builder.Property(a => a.OriginUrl).HasMaxLength(MaxLengths.Url);
        builder.Property(a => a.AddedBy).HasMaxLength(MaxLengths.UserName);
        builder.HasOne<Source>().WithMany().HasForeignKey(a => a.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SourceId, a.FileId }).IsUnique();
        builder.HasIndex(a => a.FileId);
    }
}

/// <summary>
/// A file's chain of custody. Append-only: a trigger (migration EvidenceFiles) refuses UPDATE, DELETE
/// and TRUNCATE, as for the change history.
/// </summary>
public sealed class CustodyEventConfiguration : IEntityTypeConfiguration<CustodyEvent>
{
    public void Configure(EntityTypeBuilder<CustodyEvent> builder)
    {
        builder.ToTable(
            "custody_events",
            t => t.HasCheckConstraint("ck_custody_events_action", Sql.In<CustodyAction>("action"))
        );
        builder.Property(c => c.Id).UseIdentityAlwaysColumn();
        builder.Property(c => c.Actor).HasMaxLength(MaxLengths.UserName);
        builder.Property(c => c.Address).HasMaxLength(CustodyEvent.MaxAddress);
        builder.Property(c => c.Detail).HasMaxLength(MaxLengths.Note);
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Attachment>().WithMany().HasForeignKey(c => c.AttachmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.FileId, c.At });
    }
}

/// <summary>Perceptual hashes with a B-tree index on each 16-bit quarter (multi-index hashing).</summary>
public sealed class MediaFingerprintConfiguration : IEntityTypeConfiguration<MediaFingerprint>
{
    public void Configure(EntityTypeBuilder<MediaFingerprint> builder)
    {
        builder.ToTable("media_fingerprints");
        builder.HasKey(f => new { f.FileId, f.Frame });
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(f => f.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.Quarter0);
        builder.HasIndex(f => f.Quarter1);
        builder.HasIndex(f => f.Quarter2);
        builder.HasIndex(f => f.Quarter3);
    }
}

/// <summary>Near-identical media, both ways, found when the later file was stored.</summary>
public sealed class MediaMatchConfiguration : IEntityTypeConfiguration<MediaMatch>
{
    public void Configure(EntityTypeBuilder<MediaMatch> builder)
    {
        builder.ToTable(
            "media_matches",
            t =>
            {
                t.HasCheckConstraint("ck_media_matches_distance", "distance BETWEEN 0 AND 64");
                t.HasCheckConstraint("ck_media_matches_two_files", "file_id <> other_file_id");
            }
        );
        builder.HasKey(m => new { m.FileId, m.OtherFileId });
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(m => m.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EvidenceFile>().WithMany().HasForeignKey(m => m.OtherFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.OtherFileId);
    }
}

public sealed class UploadSessionConfiguration : IEntityTypeConfiguration<UploadSession>
{
    public void Configure(EntityTypeBuilder<UploadSession> builder)
    {
        builder.ToTable(
            "upload_sessions",
            t => t.HasCheckConstraint("ck_upload_sessions_offset", "offset_bytes >= 0 AND offset_bytes <= length")
        );
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.UserName).HasMaxLength(MaxLengths.UserName);
        builder.Property(u => u.FileName).HasMaxLength(Attachment.MaxFileName);
        builder.Property(u => u.OriginUrl).HasMaxLength(MaxLengths.Url);
        builder.Property(u => u.Offset).HasColumnName("offset_bytes");
        builder.Property(u => u.Version).IsRowVersion();
        builder.HasOne<Source>().WithMany().HasForeignKey(u => u.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.ExpiresAt);
    }
}
