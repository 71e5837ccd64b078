using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Flags;
using ConflictTracker.Domain.Relations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> builder)
    {
        builder.ToTable(
            "flags",
            t =>
            {
                t.HasCheckConstraint("ck_flags_kind", Sql.In<FlagKind>("kind"));
                t.HasCheckConstraint("ck_flags_status", Sql.In<FlagStatus>("status"));
                t.HasCheckConstraint("ck_flags_one_target", "num_nonnulls(claim_id, relation_id) = 1");
                t.HasCheckConstraint(
                    "ck_flags_closed_complete",
                    "CASE WHEN status = 'Open' THEN num_nonnulls(closed_by, closed_at, resolution) = 0 ELSE num_nulls(closed_by, closed_at, resolution) = 0 END"
                );
                t.HasCheckConstraint("ck_flags_comment_not_blank", "btrim(comment) <> ''");
            }
        );
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Comment).HasMaxLength(MaxLengths.Note);
        builder.Property(f => f.RaisedBy).HasMaxLength(MaxLengths.UserName);
        builder.Property(f => f.ClosedBy).HasMaxLength(MaxLengths.UserName);
        builder.Property(f => f.Resolution).HasMaxLength(MaxLengths.Note);
        builder.Property(f => f.Version).IsRowVersion();
        builder.HasOne<Claim>().WithMany().HasForeignKey(f => f.ClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClaimRelation>().WithMany().HasForeignKey(f => f.RelationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.Status);
        // The review queue's open flags in queue order.
        builder.HasIndex(f => new { f.RaisedAt, f.Id }).HasFilter("status = 'Open'").HasDatabaseName("ix_flags_open");
    }
}
