using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Relations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class ClaimRelationConfiguration : IEntityTypeConfiguration<ClaimRelation>
{
    public void Configure(EntityTypeBuilder<ClaimRelation> builder)
    {
        builder.ToTable(
            "claim_relations",
            t =>
            {
                t.HasCheckConstraint("ck_claim_relations_type", Sql.In<RelationType>("type"));
                t.HasCheckConstraint("ck_claim_relations_state", Sql.In<ReviewState>("state"));
                t.HasCheckConstraint("ck_claim_relations_not_self", "from_claim_id <> to_claim_id");
                t.HasCheckConstraint("ck_claim_relations_rationale_not_blank", "btrim(rationale) <> ''");
                t.HasCheckConstraint(
                    "ck_claim_relations_review_complete",
                    "CASE WHEN state = 'Proposed' THEN num_nonnulls(reviewed_by, reviewed_at, review_note) = 0 ELSE num_nulls(reviewed_by, reviewed_at) = 0 END"
                );
                t.HasCheckConstraint(
                    "ck_claim_relations_dismissal_reason",
                    "state <> 'Dismissed' OR review_note IS NOT NULL"
                );
                t.HasCheckConstraint(
                    "ck_claim_relations_wrong_side",
                    "wrong_claim_id IS NULL OR (state = 'Confirmed' AND type = 'Contradicts'"
                        + " AND wrong_claim_id IN (from_claim_id, to_claim_id))"
                );
                t.HasCheckConstraint(
                    "ck_claim_relations_four_eyes",
                    "reviewed_by IS NULL OR lower(reviewed_by) <> lower(proposed_by)"
                );
            }
        );
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Rationale).HasMaxLength(MaxLengths.Note);
        builder.Property(r => r.ProposedBy).HasMaxLength(MaxLengths.UserName);
        builder.Property(r => r.ReviewedBy).HasMaxLength(MaxLengths.UserName);
        builder.Property(r => r.ReviewNote).HasMaxLength(MaxLengths.Note);
        builder.Property(r => r.Version).IsRowVersion();
        builder.HasOne<Claim>().WithMany().HasForeignKey(r => r.FromClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Claim>().WithMany().HasForeignKey(r => r.ToClaimId).OnDelete(DeleteBehavior.Restrict);
        builder
            .HasIndex(r => new
            {
                r.FromClaimId,
                r.ToClaimId,
                r.Type,
            })
            .IsUnique();
        builder.HasIndex(r => r.ToClaimId);
        // The review queue's proposed relations in queue order.
        builder
            .HasIndex(r => new { r.ProposedAt, r.Id })
            .HasFilter("state = 'Proposed'")
            .HasDatabaseName("ix_claim_relations_proposed");
    }
}
