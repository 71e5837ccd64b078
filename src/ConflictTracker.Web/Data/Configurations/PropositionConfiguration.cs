using ConflictTracker.Domain.Common;
using ConflictTracker.Domain.Propositions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConflictTracker.Web.Data.Configurations;

public sealed class PropositionConfiguration : IEntityTypeConfiguration<Proposition>
{
    public void Configure(EntityTypeBuilder<Proposition> builder)
    {
        builder.ToTable(
            "propositions",
            t =>
            {
                t.HasCheckConstraint("ck_propositions_assessment", Sql.In<Assessment>("assessment"));
                t.HasCheckConstraint("ck_propositions_statement_not_blank", "btrim(statement) <> ''");
                t.HasCheckConstraint(
                    "ck_propositions_assessment_rationale",
                    "assessment = 'Unverified' OR assessment_rationale IS NOT NULL"
                );
            }
        );
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Statement).HasMaxLength(MaxLengths.Title);
        builder.Property(p => p.Description).HasMaxLength(MaxLengths.Note);
        builder.Property(p => p.AssessmentRationale).HasMaxLength(MaxLengths.Note);
        builder.Property(p => p.Version).IsRowVersion();
        builder.HasIndex(p => p.Statement).IsUnique();
        builder
            .HasMany(p => p.Measures)
            .WithOne()
            .HasForeignKey(m => m.PropositionId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
