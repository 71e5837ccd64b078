using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

/// <summary>Who has a review-queue item (docs/rules/review-queue.md, "Assignment"); keyed by the item's id.</summary>
public sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> builder)
    {
        builder.ToTable(
            "review_assignments",
            t => t.HasCheckConstraint("ck_review_assignments_complete", "(assigned_to IS NULL) = (assigned_at IS NULL)")
        );
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.AssignedTo).HasMaxLength(MaxLengths.UserName);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => a.AssignedTo);
    }
}
