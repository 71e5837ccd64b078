using ConflictTracker.Domain.Claims;
using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Propositions;
using ConflictTracker.Domain.Relations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class ContradictionCandidateConfiguration : IEntityTypeConfiguration<ContradictionCandidate>
{
    public void Configure(EntityTypeBuilder<ContradictionCandidate> builder)
    {
        builder.ToTable(
            "contradiction_candidates",
            t =>
            {
                t.HasCheckConstraint("ck_contradiction_candidates_rule", Sql.In<CandidateRule>("rule"));
                t.HasCheckConstraint("ck_contradiction_candidates_state", Sql.In<CandidateState>("state"));
                t.HasCheckConstraint("ck_contradiction_candidates_two_claims", "first_claim_id <> second_claim_id");
                t.HasCheckConstraint(
                    "ck_contradiction_candidates_decision",
                    "(state IN ('Dismissed', 'Confirmed')) = (decided_by IS NOT NULL AND decided_at IS NOT NULL)"
                );
                t.HasCheckConstraint(
                    "ck_contradiction_candidates_dismissal_reason",
                    "state <> 'Dismissed' OR decision_note IS NOT NULL"
                );
                t.HasCheckConstraint(
                    "ck_contradiction_candidates_confirmed_relation",
                    "(state = 'Confirmed') = (relation_id IS NOT NULL)"
                );
            }
        );
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Reason).HasMaxLength(MaxLengths.Note);
        builder.Property(c => c.FirstFingerprint).HasMaxLength(32);
        builder.Property(c => c.SecondFingerprint).HasMaxLength(32);
        builder.Property(c => c.DecidedBy).HasMaxLength(MaxLengths.UserName);
        builder.Property(c => c.DecisionNote).HasMaxLength(MaxLengths.Note);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.Proposes);
        builder.HasOne<Proposition>().WithMany().HasForeignKey(c => c.PropositionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Claim>().WithMany().HasForeignKey(c => c.FirstClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Claim>().WithMany().HasForeignKey(c => c.SecondClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClaimRelation>().WithMany().HasForeignKey(c => c.RelationId).OnDelete(DeleteBehavior.Restrict);

        // One row per pair and rule; the reconciliation matches pairs in either order and keeps one.
        builder
            .HasIndex(c => new
            {
                c.FirstClaimId,
                c.SecondClaimId,
                c.Rule,
            })
            .IsUnique();
        builder.HasIndex(c => c.SecondClaimId);

        // The reviewers' queue: open candidates, oldest first, by proposition.
        builder
            .HasIndex(c => new { c.PropositionId, c.FoundAt })
            .HasFilter("state = 'Open'")
            .HasDatabaseName("ix_contradiction_candidates_open");
        // The queue's pairs (every rule but opposed stances, whose pairs are grouped by denial and kept in
        // review_queue_groups) in queue order, read from the index and cut there (docs/performance.md).
        builder
            .HasIndex(c => new { c.FoundAt, c.Id }, "ix_contradiction_candidates_open_pairs")
            .HasDatabaseName("ix_contradiction_candidates_open_pairs")
            .HasFilter("state = 'Open' AND rule <> 'OpposedStances'");
    }
}
